// Checks contributor CSV files against every rule, with the rest of data/ as context.
// Usage: npm run validate -- path/to/file.csv [more.csv]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsv } from '../src/lib/csv.ts';
import { formatProblem, hasErrors } from '../src/lib/pipeline/problems.ts';
import { columns } from '../src/lib/pipeline/read.ts';
import { buildDataset } from '../src/lib/pipeline/run.ts';
import { loadDataFiles, readSourceFile, root } from './lib/files.ts';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: npm run validate -- <file.csv> [more.csv …]');
  process.exit(2);
}
const files = loadDataFiles();
const contributor = new Set<string>();
for (const arg of args) {
  const abs = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  if (!existsSync(abs)) {
    console.error(`${arg}: file not found`);
    process.exit(2);
  }
  const file = readSourceFile(abs);
  const header = new Set(parseCsv(file.text).header);
  const kind = header.has('metric') ? 'observations' : header.has('title_vi') ? 'events' : header.has('publisher') ? 'sources' : null;
  if (!kind) {
    console.error(`${file.path}:1:1: header: not an observations, events or sources file; expected columns ${columns.observations.join(', ')}`);
    process.exit(1);
  }
  const list = files[kind];
  const at = list.findIndex((f) => resolve(root, f.path) === abs);
  if (at >= 0) list.splice(at, 1, file);
  else list.push(file);
  if (kind === 'observations') contributor.add(file.path);
}
const { problems } = buildDataset(files, { contributorFiles: contributor });
const given = new Set(args.map((a) => resolve(process.env.INIT_CWD ?? process.cwd(), a)));
const mine = problems.filter((p) => given.has(resolve(root, p.file)));
for (const p of mine) console.log(formatProblem(p));
const elsewhere = problems.filter((p) => !given.has(resolve(root, p.file)) && p.severity === 'error').length;
if (elsewhere) console.log(`validate: note: ${elsewhere} error(s) in other files under data/ (run npm run data)`);
const errors = mine.filter((p) => p.severity === 'error').length;
console.log(errors ? `validate: ${errors} error(s) in the given file(s)` : `validate: OK (${mine.length} warning(s))`);
process.exit(errors ? 1 : 0);
