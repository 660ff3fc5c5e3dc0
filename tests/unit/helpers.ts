import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFiles } from '../../scripts/lib/files.ts';
import type { DatasetFiles } from '../../src/lib/pipeline/run.ts';
import type { SourceFile } from '../../src/lib/pipeline/table.ts';

export const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** The small, valid dataset in tests/fixtures/mini, optionally with extra observation files. */
export function miniDataset(extra: SourceFile[] = []): DatasetFiles {
  const files = loadDataFiles(join(fixtures, 'mini'));
  files.observations.push(...extra);
  return files;
}

export function fixtureFile(path: string): SourceFile {
  return { path: `tests/fixtures/${path}`, text: readFileSync(join(fixtures, path), 'utf8') };
}
