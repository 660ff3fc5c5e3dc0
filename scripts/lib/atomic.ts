import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Output directories replaced only once all of them have been written in full: files go to
 * `<dir>.next` (streamed, so large files never sit in memory whole), then `commit()` swaps each
 * directory in with renames. A failure before the swap leaves every previous output byte-for-byte
 * as it was; `abort()` removes the staged copies.
 */
export class StagedDirectories {
  private readonly staged: [string, string][] = [];

  /** Starts a new staged copy of `dir`; returns a writer for its files. */
  stage(dir: string) {
    const next = `${dir}.next`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    this.staged.push([dir, next]);
    return {
      /** Writes a file from text pieces; returns its size in bytes. */
      write(name: string, chunks: Iterable<string>): number {
        const path = join(next, name);
        mkdirSync(dirname(path), { recursive: true });
        const fd = openSync(path, 'w');
        let bytes = 0;
        try {
          for (const chunk of chunks) bytes += writeSync(fd, chunk);
        } finally {
          closeSync(fd);
        }
        return bytes;
      },
      /** Places an already written file under `name` too: a hard link where possible, else a copy. */
      link(name: string, existing: string) {
        const path = join(next, name);
        mkdirSync(dirname(path), { recursive: true });
        try {
          linkSync(existing, path);
        } catch {
          copyFileSync(existing, path);
        }
      },
      /** Where a file of this directory is being written. */
      path(name: string): string {
        return join(next, name);
      },
    };
  }

  commit() {
    for (const [dir, next] of this.staged) {
      const prev = `${dir}.prev`;
      rmSync(prev, { recursive: true, force: true });
      if (existsSync(dir)) renameSync(dir, prev);
      renameSync(next, dir);
      rmSync(prev, { recursive: true, force: true });
    }
  }

  abort() {
    for (const [, next] of this.staged) rmSync(next, { recursive: true, force: true });
  }
}

/** All-or-nothing replacement of directories with in-memory contents (small outputs, tests). */
export function writeDirectoriesAtomically(outputs: Map<string, Map<string, string>>) {
  const staging = new StagedDirectories();
  try {
    for (const [dir, files] of outputs) {
      const w = staging.stage(dir);
      for (const [name, content] of files) w.write(name, [content]);
    }
  } catch (error) {
    staging.abort();
    throw error;
  }
  staging.commit();
}
