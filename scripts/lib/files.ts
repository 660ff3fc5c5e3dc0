import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DatasetFiles } from '../../src/lib/pipeline/run.ts';
import type { SourceFile } from '../../src/lib/pipeline/table.ts';

export const root = join(import.meta.dirname, '..', '..');

function read(path: string): SourceFile {
  return { path: relative(root, path), text: readFileSync(path, 'utf8') };
}

function csvFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(dir, f)) : [];
}

/** The dataset version: the first `## x.y.z` heading of data/CHANGELOG.md. */
export function readVersion(dataDir: string): string {
  const log = join(dataDir, 'CHANGELOG.md');
  const m = existsSync(log) ? /^## \[?(\d+\.\d+\.\d+)/m.exec(readFileSync(log, 'utf8')) : null;
  return m ? m[1] : '0.0.0';
}

/** Everything under data/ that the pipeline reads. */
export function loadDataFiles(dataDir = join(root, 'data')): DatasetFiles {
  const ref = join(dataDir, 'reference');
  const tiles = join(ref, 'tiles.csv');
  const population = join(ref, 'population.csv');
  const seats = join(ref, 'seats.csv');
  return {
    version: readVersion(dataDir),
    units: read(join(ref, 'units.csv')),
    lineage: read(join(ref, 'lineage.csv')),
    metrics: read(join(dataDir, 'metrics.csv')),
    tiles: existsSync(tiles) ? read(tiles) : null,
    seats: existsSync(seats) ? read(seats) : null,
    sources: [join(dataDir, 'sources.csv'), ...csvFiles(join(dataDir, 'sources'))].filter(existsSync).map(read),
    observations: [...(existsSync(population) ? [population] : []), ...csvFiles(join(dataDir, 'observations'))].map(read),
    events: [join(dataDir, 'events.csv'), ...csvFiles(join(dataDir, 'events'))].filter(existsSync).map(read),
  };
}

export { read as readSourceFile };
