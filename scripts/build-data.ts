// Runs the data pipeline: data/ → src/generated/dataset.json and public/data/ (downloads).
// Every problem is printed as file:line:column: rule: message (value); any error exits 1 and writes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChangelog } from '../src/lib/pipeline/changelog.ts';
import { datapackageJson, downloadFiles, jsonObjectChunks, type DownloadEntry } from '../src/lib/pipeline/downloads.ts';
import { formatProblem, hasErrors } from '../src/lib/pipeline/problems.ts';
import { buildDataset } from '../src/lib/pipeline/run.ts';
import { StagedDirectories } from './lib/atomic.ts';
import { loadDataFiles, root } from './lib/files.ts';

const started = performance.now();
const dataDir = process.env.TINHGON_DATA_DIR ?? join(root, 'data');
const outRoot = process.env.TINHGON_OUT_DIR ?? root;
const { dataset, problems } = buildDataset(loadDataFiles(dataDir));
for (const p of problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
if (hasErrors(problems) || !dataset) {
  console.error(`data: ${errors} error(s), ${problems.length - errors} warning(s); nothing written, previous outputs left as they were`);
  process.exit(1);
}
const changelogPath = join(dataDir, 'CHANGELOG.md');
const changelog = existsSync(changelogPath) ? parseChangelog(readFileSync(changelogPath, 'utf8')) : [];
const staging = new StagedDirectories();
try {
  // Downloads first: their sizes go into datapackage.json and the manifest the Data page reads.
  const publicData = staging.stage(join(outRoot, 'public', 'data'));
  const { tables, files } = downloadFiles(dataset);
  const manifest: DownloadEntry[] = [];
  const sizes = new Map<string, number>();
  for (const f of files) {
    const bytes = publicData.write(f.name, f.chunks());
    sizes.set(f.name, bytes);
    manifest.push({ name: f.name, bytes, rows: f.rows });
  }
  const descriptor = datapackageJson(dataset, tables, (name) => sizes.get(name)!);
  manifest.push({ name: 'datapackage.json', bytes: publicData.write('datapackage.json', [descriptor]), rows: null });
  const generated = staging.stage(join(outRoot, 'src', 'generated'));
  generated.write('dataset.json', jsonObjectChunks(dataset as unknown as Record<string, unknown>));
  generated.write('downloads.json', [JSON.stringify(manifest)]);
  generated.write('changelog.json', [JSON.stringify(changelog)]);
} catch (error) {
  staging.abort();
  throw error;
}
staging.commit();
const ms = Math.round(performance.now() - started);
console.log(
  `data: v${dataset.version}: ${dataset.observations.length} observations, ${dataset.events.length} events, ${dataset.sources.length} sources, ` +
    `${problems.length} warning(s) — written in ${ms} ms`,
);
