// Site builds for the benchmark, each in a throwaway copy of the repository, so that the working
// tree's src/generated/, public/data/ and dist/ (which others may be using) are never touched.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dirBytes, listFiles, runNode } from './bench-measure.ts';

/** Generated or bulky paths left out of the copy; the build regenerates what it needs. */
const SKIP = ['.git', 'node_modules', 'dist', '.astro', 'bench-results', 'test-results', 'playwright-report', '.tmp', 'src/generated', 'public/data'];

/**
 * Copies the repository to `dest` and gives it a node_modules of symbolic links to the real
 * packages. Dot entries (.vite, .astro caches) are not linked, so build caches stay in the copy.
 */
export function copyRepository(repo: string, dest: string) {
  cpSync(repo, dest, {
    recursive: true,
    filter: (src) => {
      const rel = relative(repo, src).split(sep).join('/');
      return !SKIP.some((s) => rel === s || rel.startsWith(`${s}/`));
    },
  });
  const modules = join(repo, 'node_modules');
  mkdirSync(join(dest, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (!name.startsWith('.') || name === '.bin') symlinkSync(join(modules, name), join(dest, 'node_modules', name));
  }
}

export interface SiteBuild {
  label: string;
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
  /** Peak RSS of the largest process of the build (GNU time reports the maximum over children). */
  maxRssBytes: number | null;
  /** Step times as printed by scripts/build.ts (`build: <step> … 1.2 s`): data, site, then post-steps. */
  stepsMs: Record<string, number>;
  pages: number;
  outputBytes: number;
  outDir: string;
}

function parseSteps(stdout: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const m of stdout.matchAll(/^build: (\S+) … ([\d.]+) s$/gm)) steps[m[1]] = Number(m[2]) * 1000;
  return steps;
}

/**
 * `npm run build` (scripts/build.ts) in the copy at `repoCopy`, with data from `dataDir` (the copy's
 * own data/ when null); the resulting dist/ is moved to `outDir`.
 */
export async function buildSite(label: string, repoCopy: string, dataDir: string | null, outDir: string, scratch: string, timeoutMs: number): Promise<SiteBuild> {
  const env: Record<string, string> = dataDir ? { TINHGON_DATA_DIR: dataDir } : {};
  const m = await runNode([join(repoCopy, 'scripts', 'build.ts')], { cwd: repoCopy, env, timeoutMs, rssFile: join(scratch, 'rss.txt') });
  if (!m.ok) console.error(`bench: site build ${label} failed (${m.timedOut ? 'timed out' : `exit ${m.exitCode}`}); last output:\n${m.stderrTail.slice(-3000)}\n${m.stdout.slice(-3000)}`);
  const dist = join(repoCopy, 'dist');
  if (m.ok && existsSync(dist)) renameSync(dist, outDir);
  return {
    label, ok: m.ok, exitCode: m.exitCode, timedOut: m.timedOut, wallMs: m.wallMs, maxRssBytes: m.maxRssBytes,
    stepsMs: parseSteps(m.stdout),
    pages: listFiles(outDir).filter((f) => f.endsWith('.html')).length,
    outputBytes: dirBytes(outDir),
    outDir,
  };
}
