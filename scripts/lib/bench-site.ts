// Site builds for the benchmark, each in a throwaway copy of the repository, so that the working
// tree's src/generated/, public/data/ and dist/ (which others may be using) are never touched.
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dirBytes, listFiles, runNode, type Measured } from './bench-measure.ts';

/** Generated or bulky paths left out of the copy; the build regenerates what it needs. */
const SKIP = new Set(['.git', 'node_modules', 'dist', '.astro', 'bench-results', 'test-results', 'playwright-report', '.tmp', 'src/generated', 'public/data']);

/**
 * Copies the repository to `dest` and gives it a node_modules of symbolic links to the real
 * packages. Dot entries (.vite, .astro caches) are not linked, so build caches stay in the copy.
 */
export function copyRepository(repo: string, dest: string) {
  cpSync(repo, dest, {
    recursive: true,
    filter: (src) => {
      const rel = relative(repo, src).split(sep).join('/');
      return rel === '' || ![...SKIP].some((s) => rel === s || rel.startsWith(`${s}/`));
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
  data: StepFigures;
  astro: StepFigures | null;
  wallMs: number;
  maxRssBytes: number | null;
  pages: number;
  outputBytes: number;
  outDir: string;
}

export interface StepFigures {
  ok: boolean;
  wallMs: number;
  maxRssBytes: number | null;
  exitCode: number | null;
  timedOut: boolean;
}

const figures = (m: Measured): StepFigures => ({ ok: m.ok, wallMs: m.wallMs, maxRssBytes: m.maxRssBytes, exitCode: m.exitCode, timedOut: m.timedOut });

function reportFailure(step: string, m: Measured) {
  if (m.ok) return;
  console.error(`bench: ${step} failed (${m.timedOut ? 'timed out' : `exit ${m.exitCode}`}); last output:\n${m.stderrTail || m.stdout}`);
}

/**
 * `npm run build` in the copy at `repoCopy`: the data pipeline (from `dataDir`, or the copy's own
 * data/ when null), then `astro build` into `outDir`.
 */
export async function buildSite(label: string, repoCopy: string, dataDir: string | null, outDir: string, scratch: string, timeoutMs: number): Promise<SiteBuild> {
  const env = dataDir ? { TINHGON_DATA_DIR: dataDir } : {};
  const rssFile = join(scratch, 'rss.txt');
  const data = await runNode([join(repoCopy, 'scripts', 'build-data.ts')], { cwd: repoCopy, env, timeoutMs, rssFile });
  reportFailure(`${label}: data pipeline`, data);
  const astro = data.ok
    ? await runNode([join(repoCopy, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], { cwd: repoCopy, timeoutMs, rssFile })
    : null;
  if (astro) reportFailure(`${label}: astro build`, astro);
  const rss = [data.maxRssBytes, astro?.maxRssBytes ?? null].filter((x): x is number => x !== null);
  return {
    label,
    ok: data.ok && !!astro?.ok,
    data: figures(data),
    astro: astro ? figures(astro) : null,
    wallMs: data.wallMs + (astro?.wallMs ?? 0),
    maxRssBytes: rss.length ? Math.max(...rss) : null,
    pages: listFiles(outDir).filter((f) => f.endsWith('.html')).length,
    outputBytes: dirBytes(outDir),
    outDir,
  };
}
