// `npm run build` (scripts/build.ts): a progress line per step, and all or nothing — a failing step
// leaves the previous dist/ and downloads as they were.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtures } from './helpers.ts';

const repo = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'tinhgon-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(dataDir: string, outDir: string) {
  return spawnSync(process.execPath, [join(repo, 'scripts', 'build.ts')], {
    env: { ...process.env, TINHGON_DATA_DIR: dataDir, TINHGON_OUT_DIR: outDir },
    encoding: 'utf8',
    cwd: repo,
  });
}

/** An output directory that already holds a previous build: dist/, downloads and generated data. */
function previousBuild(name: string): string {
  const out = join(work, name);
  for (const [path, text] of [
    ['dist/index.html', '<!doctype html><title>previous</title>'],
    ['dist/_astro/app.js', 'previous()'],
    ['public/data/observations.csv', 'previous,csv'],
    ['src/generated/dataset.json', '{"previous":true}'],
  ]) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  return out;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[join(e.parentPath, e.name).slice(dir.length)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return files;
}

describe('npm run build', () => {
  test('a bad data directory stops the build at the data step; dist/ and the downloads stay as they were', () => {
    const data = join(work, 'bad-data');
    cpSync(join(fixtures, 'mini'), data, { recursive: true });
    writeFileSync(join(data, 'observations', 'bad.csv'), readFileSync(join(fixtures, 'bad', 'many-problems.csv')));
    const out = previousBuild('data-fails');
    const before = snapshot(out);
    const r = build(data, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.csv:2:3: date-invalid:');
    expect(r.stdout).toMatch(/^build: data failed after \d+\.\d s$/m);
    expect(r.stdout).toMatch(/^build: stopped: dist\/, src\/generated\/ and public\/data\/ are unchanged/m);
    expect(r.stdout).not.toContain('build: site');
    expect(snapshot(out)).toEqual(before);
  });

  test('a failing site step puts the previous dist/ back; the data step is reported with its time', () => {
    // The output directory is not a copy of the project, so `astro build` there cannot start: a
    // stand-in for any failure after the data step.
    const out = previousBuild('site-fails');
    const dist = snapshot(join(out, 'dist'));
    const r = build(join(fixtures, 'mini'), out);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^build: data … \d+\.\d s$/m);
    expect(r.stdout).toMatch(/^build: site failed after \d+\.\d s$/m);
    expect(r.stdout).toContain('build: stopped at site: the previous dist/ is back in place');
    expect(snapshot(join(out, 'dist'))).toEqual(dist);
    expect(existsSync(join(out, '.tmp', 'dist-previous'))).toBe(false);
    // The data step itself succeeded and wrote its (atomic) outputs.
    expect(readFileSync(join(out, 'public', 'data', 'datapackage.json'), 'utf8')).toContain('"resources"');
  });
});
