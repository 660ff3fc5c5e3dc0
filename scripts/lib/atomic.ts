import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Replaces each target directory with new contents only once all of them have been written in full:
 * files go to `<dir>.next`, then each directory is swapped in with renames. A failure before the swap
 * leaves every previous output byte-for-byte as it was.
 */
export function writeDirectoriesAtomically(outputs: Map<string, Map<string, string>>) {
  const staged: [string, string][] = [];
  try {
    for (const [dir, files] of outputs) {
      const next = `${dir}.next`;
      rmSync(next, { recursive: true, force: true });
      for (const [name, content] of files) {
        const path = join(next, name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
      if (files.size === 0) mkdirSync(next, { recursive: true });
      staged.push([dir, next]);
    }
  } catch (error) {
    for (const [, next] of staged) rmSync(next, { recursive: true, force: true });
    throw error;
  }
  for (const [dir, next] of staged) {
    const prev = `${dir}.prev`;
    rmSync(prev, { recursive: true, force: true });
    if (existsSync(dir)) renameSync(dir, prev);
    renameSync(next, dir);
    rmSync(prev, { recursive: true, force: true });
  }
}
