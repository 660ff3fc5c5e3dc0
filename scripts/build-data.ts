// Runs the data pipeline: data/ → src/generated/dataset.json and public/data/ (downloads).
// Every problem is printed as file:line:column: rule: message (value); any error exits 1 and writes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChangelog } from '../src/lib/pipeline/changelog.ts';
import { buildDownloads, downloadManifest } from '../src/lib/pipeline/downloads.ts';
import { formatProblem, hasErrors } from '../src/lib/pipeline/problems.ts';
import { buildDataset } from '../src/lib/pipeline/run.ts';
import { writeDirectoriesAtomically } from './lib/atomic.ts';
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
const downloads = buildDownloads(dataset);
const changelogPath = join(dataDir, 'CHANGELOG.md');
const changelog = existsSync(changelogPath) ? parseChangelog(readFileSync(changelogPath, 'utf8')) : [];
writeDirectoriesAtomically(
  new Map([
    [join(outRoot, 'src', 'generated'), new Map([['dataset.json', JSON.stringify(dataset)], ['downloads.json', JSON.stringify(downloadManifest(downloads))], ['changelog.json', JSON.stringify(changelog)]])],
    [join(outRoot, 'public', 'data'), downloads],
  ]),
);
const ms = Math.round(performance.now() - started);
console.log(
  `data: v${dataset.version}: ${dataset.observations.length} observations, ${dataset.events.length} events, ${dataset.sources.length} sources, ` +
    `${problems.length} warning(s) — written in ${ms} ms`,
);
