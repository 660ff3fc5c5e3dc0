// Rewrites the "Data coverage" section of README.md from the current data (run after changing data/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMarkdown, replaceCoverageSection } from '../src/lib/pipeline/coverage-report.ts';
import { formatProblem } from '../src/lib/pipeline/problems.ts';
import { buildDataset } from '../src/lib/pipeline/run.ts';
import { loadDataFiles, root } from './lib/files.ts';

const { dataset, problems } = buildDataset(loadDataFiles());
if (!dataset) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
const path = join(root, 'README.md');
writeFileSync(path, replaceCoverageSection(readFileSync(path, 'utf8'), coverageMarkdown(dataset)));
console.log('coverage: README.md updated');
