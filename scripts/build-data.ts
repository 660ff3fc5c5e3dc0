// Runs the data pipeline: data/ → src/generated/ (dataset.json and the record tables the pages read) and
// public/data/ (downloads).
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
// `--timings`: how long each phase took, on stderr (the benchmark reads them).
const timings: [string, number][] = [];
let lapStart = started;
const lap = (phase: string) => {
  const now = performance.now();
  timings.push([phase, now - lapStart]);
  lapStart = now;
};
const dataDir = process.env.TINHGON_DATA_DIR ?? join(root, 'data');
const outRoot = process.env.TINHGON_OUT_DIR ?? root;
// Loaded inside the call, so that the file texts (hundreds of MB for a million rows) can be collected
// once the dataset is built, before the downloads are written.
const { dataset, problems } = buildDataset(
  (() => {
    const files = loadDataFiles(dataDir);
    lap('load files');
    return files;
  })(),
  { phaseDone: lap },
);
// Errors and warnings both go to stderr, in one write: tens of thousands of lines one call each are slow.
if (problems.length > 0) process.stderr.write(problems.map((p) => formatProblem(p) + '\n').join(''));
lap('report problems');
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
  const { tables, files: downloads } = downloadFiles(dataset);
  const manifest: DownloadEntry[] = [];
  const sizes = new Map<string, number>();
  for (const f of downloads) {
    const bytes = publicData.write(f.name, f.chunks());
    sizes.set(f.name, bytes);
    manifest.push({ name: f.name, bytes, rows: f.rows });
    lap(`write ${f.name}`);
  }
  const descriptor = datapackageJson(dataset, tables, (name) => sizes.get(name)!);
  manifest.push({ name: 'datapackage.json', bytes: publicData.write('datapackage.json', [descriptor]), rows: null });
  // The Data page links the citation file and the contributors' guide (with the changelog it points to),
  // which live in the repository.
  // The published CITATION.cff names the site's real address when the build has one (SITE_URL).
  const siteUrl = process.env.SITE_URL?.replace(/\/?$/, '/');
  for (const [name, path] of [['CITATION.cff', join(root, 'CITATION.cff')], ['README.md', join(dataDir, 'README.md')], ['CHANGELOG.md', join(dataDir, 'CHANGELOG.md')]] as const) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const published = name === 'CITATION.cff' && siteUrl ? text.replace(/^url: "https:\/\/tinhgon\.example\/"$/m, `url: "${siteUrl}"`) : text;
    manifest.push({ name, bytes: publicData.write(name, [published]), rows: null });
  }
  const generated = staging.stage(join(outRoot, 'src', 'generated'));
  // The pages read the large record tables from the same files the public downloads are: written once.
  for (const f of downloads) if (f.records) generated.link(f.name, publicData.path(f.name));
  const { observations, sources, events, ...rest } = dataset;
  generated.write('dataset.json', jsonObjectChunks(rest as unknown as Record<string, unknown>));
  generated.write('downloads.json', [JSON.stringify(manifest)]);
  generated.write('changelog.json', [JSON.stringify(changelog)]);
  lap('write datapackage.json, src/generated/');
} catch (error) {
  staging.abort();
  throw error;
}
staging.commit();
lap('swap in the new outputs');
if (process.argv.includes('--timings')) {
  for (const [phase, ms] of timings) console.error(`timing: ${phase}: ${Math.round(ms)} ms`);
}
const ms = Math.round(performance.now() - started);
console.log(
  `data: v${dataset.version}: ${dataset.observations.length} observations, ${dataset.events.length} events, ${dataset.sources.length} sources, ` +
    `${problems.length} warning(s) — written in ${ms} ms`,
);
