// Benchmark: data pipeline time and memory at 1×, 10×, 100× the real data and at 1M observation rows,
// site build time and size at 1× and 10×, and page weight per page type of the real build.
//
//   npm run bench                     everything (a few minutes)
//   npm run bench -- --quick          no 1M-row run, no 10× site build, no Lighthouse
//   npm run bench -- --no-lighthouse  everything but the Lighthouse runs
//   npm run bench -- --no-build       pipeline only; page weight then comes from an existing dist/
//   npm run bench -- --timeout=600    seconds each child process may take (default 600); a run that
//                                     takes longer is reported as TIMEOUT
//   npm run bench -- --seed=42        another synthetic data set (default: a fixed seed)
//   npm run bench -- --rows-per-file=N  split synthetic observations into files of N rows (default 0:
//                                     one file, observations/synthetic.csv)
//   npm run bench -- --cpu-prof       profile each pipeline run (bench-results/profiles/) and print
//                                     the functions with the most self time
//
// Prints aligned tables and budget lines; writes every figure to bench-results/latest.json (and a
// timestamped copy) so that runs can be compared. Budgets are reported, never enforced: the exit code
// is non-zero only when a step crashed. Synthetic data is deterministic (seeded PRNG) and lives in a
// temporary directory that is removed at the end. Site builds run in a temporary copy of the
// repository, so src/generated/, public/data/ and dist/ of the working tree are never touched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { dirBytes, runNode } from './lib/bench-measure.ts';
import { budget, budgetLine, formatBytes, formatCount, formatMs, textTable, type BudgetCheck } from './lib/bench-report.ts';
import { buildSite, copyRepository, type SiteBuild } from './lib/bench-site.ts';
import { hotspots, type Hotspot } from './lib/bench-profile.ts';
import { pageWeights, type PageWeight } from './lib/bench-weight.ts';
import { root } from './lib/files.ts';
import { countDataRows, DEFAULT_SEED, writeSyntheticData, type DataCounts } from './lib/synthetic.ts';

interface Flags {
  quick: boolean;
  build: boolean;
  timeoutMs: number;
  seed: number;
  rowsPerFile: number;
  cpuProf: boolean;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string, fallback: number) => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    const n = arg ? Number(arg.slice(name.length + 3)) : fallback;
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a non-negative number`);
    return n;
  };
  return {
    quick: argv.includes('--quick'),
    build: !argv.includes('--no-build'),
    timeoutMs: value('timeout', 600) * 1000,
    seed: value('seed', DEFAULT_SEED),
    rowsPerFile: value('rows-per-file', 0),
    cpuProf: argv.includes('--cpu-prof'),
  };
}

interface PipelineRun {
  label: string;
  observations: number;
  sources: number;
  events: number;
  inputBytes: number;
  outputBytes: number;
  generateMs: number;
  wallMs: number;
  /** The pipeline's own figure ("written in N ms"): without Node start-up and module loading. */
  inProcessMs: number | null;
  maxRssBytes: number | null;
  msPer1kRows: number;
  inProcessMsPer1kRows: number | null;
  /** Lines on stderr: one per warning when the run succeeds. */
  warnings: number;
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  /** The end of stderr when the run failed (e.g. "FATAL ERROR: … heap out of memory"). */
  errorTail: string | null;
  hotspots: Hotspot[] | null;
  /** Time per phase of the pipeline (`build-data.ts --timings`), in order. */
  phases: [string, number][];
}

interface Size {
  label: string;
  observations: number;
}

function sizes(real: DataCounts, quick: boolean): Size[] {
  const list = [1, 10, 100].map((f) => ({ label: `${f}×`, observations: real.observations * f }));
  return quick ? list : [...list, { label: '1M', observations: Math.max(1_000_000, real.observations * 100) }];
}

/** Sources and events grow with observations, in the real data's proportions. */
function specFor(size: Size, real: DataCounts, flags: Flags) {
  const factor = size.observations / Math.max(1, real.observations);
  return {
    observations: size.observations,
    // Every source must be cited at least once, so never more sources than observation rows.
    sources: Math.min(size.observations, Math.max(1, Math.round(real.sources * factor))),
    events: Math.round(real.events * factor),
    nationalShare: real.nationalShare,
    seed: flags.seed,
    rowsPerFile: flags.rowsPerFile,
  };
}

async function measurePipeline(size: Size, real: DataCounts, flags: Flags, tmp: string): Promise<PipelineRun> {
  const dataDir = join(tmp, `data-${size.observations}`);
  const outDir = join(tmp, `out-${size.observations}`);
  const spec = specFor(size, real, flags);
  const t0 = performance.now();
  writeSyntheticData(join(root, 'data'), dataDir, spec);
  const generateMs = performance.now() - t0;
  const inputBytes = dirBytes(dataDir, (f) => f.endsWith('.csv'));
  const profileDir = join(root, 'bench-results', 'profiles');
  const profileName = `pipeline-${spec.observations}.cpuprofile`;
  const profileArgs = flags.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${profileName}`] : [];
  // The same heap limit as `npm run data`: a million rows need more than Node's default.
  const m = await runNode(['--max-old-space-size=8192', ...profileArgs, join(root, 'scripts', 'build-data.ts'), '--timings'], {
    cwd: root, env: { TINHGON_DATA_DIR: dataDir, TINHGON_OUT_DIR: outDir }, timeoutMs: flags.timeoutMs, rssFile: join(tmp, 'rss.txt'),
  });
  if (!m.ok) console.error(`bench: pipeline ${size.label} failed (${m.timedOut ? 'timed out' : `exit ${m.exitCode}`}); last output:\n${m.stderrTail.slice(-3000)}`);
  const inProcess = /written in (\d+) ms/.exec(m.stdout);
  const inProcessMs = inProcess ? Number(inProcess[1]) : null;
  // `--timings` prints one line per phase at the very end of stderr, after any warnings.
  const phases: [string, number][] = [...m.stderrTail.matchAll(/^timing: (.+): (\d+) ms$/gm)].map((x) => [x[1], Number(x[2])]);
  const run: PipelineRun = {
    label: size.label, observations: spec.observations, sources: spec.sources, events: spec.events,
    inputBytes, outputBytes: dirBytes(outDir), generateMs, wallMs: m.wallMs, inProcessMs, maxRssBytes: m.maxRssBytes,
    msPer1kRows: m.wallMs / (spec.observations / 1000),
    inProcessMsPer1kRows: inProcessMs === null ? null : inProcessMs / (spec.observations / 1000),
    warnings: m.stderrLines - phases.length, phases, ok: m.ok, exitCode: m.exitCode, timedOut: m.timedOut, errorTail: m.ok ? null : m.stderrTail.slice(-2000),
    hotspots: flags.cpuProf ? hotspots(join(profileDir, profileName), root) : null,
  };
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  return run;
}

async function measureSites(real: DataCounts, flags: Flags, tmp: string): Promise<SiteBuild[]> {
  const repo = join(tmp, 'repo');
  copyRepository(root, repo);
  const builds = [await buildSite('1× (real data)', repo, null, join(tmp, 'site-1x'), tmp, flags.timeoutMs)];
  if (!flags.quick) {
    const dataDir = join(tmp, 'data-site-10x');
    writeSyntheticData(join(root, 'data'), dataDir, specFor({ label: '10×', observations: real.observations * 10 }, real, flags));
    builds.push(await buildSite('10× (synthetic)', repo, dataDir, join(tmp, 'site-10x'), tmp, flags.timeoutMs));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return builds;
}

// ---- report ---------------------------------------------------------------------------------------

function pipelineTable(runs: PipelineRun[]): string {
  return textTable(
    ['size', 'observations', 'sources', 'events', 'input CSV', 'output', 'wall', 'in-process', 'in-proc ms/1k rows', 'peak RSS', 'warnings', 'status'],
    runs.map((r) => [
      r.label, formatCount(r.observations), formatCount(r.sources), formatCount(r.events), formatBytes(r.inputBytes), formatBytes(r.outputBytes),
      formatMs(r.wallMs), formatMs(r.inProcessMs), r.inProcessMsPer1kRows === null ? '–' : r.inProcessMsPer1kRows.toFixed(2),
      formatBytes(r.maxRssBytes), formatCount(r.warnings), r.ok ? 'ok' : r.timedOut ? 'TIMEOUT' : 'FAILED',
    ]),
  );
}

/** Where the time goes: one row per pipeline phase, one column per size. */
function phaseTable(runs: PipelineRun[]): string {
  const names = [...new Set(runs.flatMap((r) => r.phases.map(([n]) => n)))];
  const rows = names
    .map((n) => [n, ...runs.map((r) => r.phases.find(([p]) => p === n)?.[1] ?? null)] as const)
    // Tiny tables (units, lineage, metrics, coverage) take a few ms at any size: not worth a row.
    .filter(([, ...ms]) => ms.some((x) => x !== null && x >= 50));
  return textTable(['phase', ...runs.map((r) => r.label)], rows.map(([n, ...ms]) => [n, ...ms.map((x) => formatMs(x))]));
}

function hotspotTable(list: Hotspot[]): string {
  return textTable(['function', 'self', 'share'], list.map((h) => [h.where, formatMs(h.selfMs), `${(h.share * 100).toFixed(1)} %`]));
}

function siteTable(builds: SiteBuild[]): string {
  const step = (b: SiteBuild, name: string) => formatMs(b.stepsMs[name] ?? null);
  const post = (b: SiteBuild) => {
    const others = Object.entries(b.stepsMs).filter(([name]) => name !== 'data' && name !== 'site');
    return others.length ? `${formatMs(others.reduce((s, [, ms]) => s + ms, 0))} (${others.map(([n]) => n).join(', ')})` : '–';
  };
  return textTable(
    ['build', 'pages', 'output', 'data step', 'astro build', 'post-steps', 'total wall', 'peak RSS', 'status'],
    builds.map((b) => [
      b.label, formatCount(b.pages), formatBytes(b.outputBytes), step(b, 'data'), step(b, 'site'), post(b),
      formatMs(b.wallMs), formatBytes(b.maxRssBytes), b.ok ? 'ok' : b.timedOut ? 'TIMEOUT' : 'FAILED',
    ]),
  );
}

function weightTable(pages: PageWeight[]): string {
  const gz = (p: PageWeight, k: keyof PageWeight['byKind']) => formatBytes(p.byKind[k].gzip);
  return textTable(
    ['page', 'url', 'HTML gz', 'CSS gz', 'JS gz', 'img gz', 'total raw', 'total gz', 'requests'],
    pages.map((p) => [`${p.type} (${p.lang})`, p.url, gz(p, 'html'), gz(p, 'css'), gz(p, 'js'), gz(p, 'img'), formatBytes(p.total.raw), formatBytes(p.total.gzip), p.requests]),
  );
}

function budgets(runs: PipelineRun[], pages: PageWeight[]): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const pagesOf = (type: string) => pages.filter((p) => p.type === type);
  for (const type of ['metric', 'province']) {
    for (const p of pagesOf(type)) {
      checks.push(budget(`${type} page ${p.url} JS gzip`, p.byKind.js.gzip, 10 * 1024, 'bytes'));
      checks.push(budget(`${type} page ${p.url} requests`, p.requests, 8, 'requests'));
    }
  }
  const compare = pagesOf('compare');
  if (compare.length === 0) checks.push(budget('compare page JS gzip', null, 100 * 1024, 'bytes', 'page not built yet'));
  for (const p of compare) checks.push(budget(`compare page ${p.url} JS gzip`, p.byKind.js.gzip, 100 * 1024, 'bytes'));
  const per1k = (label: string) => runs.find((r) => r.label === label && r.ok)?.inProcessMsPer1kRows ?? null;
  const ratio = (a: string, b: string) => {
    const x = per1k(a);
    const y = per1k(b);
    return x !== null && y !== null && y > 0 ? x / y : null;
  };
  const note = 'in-process ms per 1k observation rows; ≤ 1.5× counts as roughly linear';
  checks.push(budget('pipeline linearity 100× vs 1×', ratio('100×', '1×'), 1.5, 'ratio', `${note} (at 1× fixed costs dominate)`));
  checks.push(budget('pipeline linearity 100× vs 10×', ratio('100×', '10×'), 1.5, 'ratio', note));
  if (runs.some((r) => r.label === '1M')) checks.push(budget('pipeline linearity 1M vs 100×', ratio('1M', '100×'), 1.5, 'ratio', note));
  return checks;
}

// ---- main -----------------------------------------------------------------------------------------

/**
 * Lighthouse (mobile, median of 3) on the measured build, via `scripts/lighthouse.ts`, which prints its
 * own table; its per-page medians are kept in the results JSON. Skipped by --quick and --no-lighthouse.
 */
function runLighthouse(dist: string): unknown {
  console.log('\nbench: Lighthouse (mobile preset, median of 3 runs per page)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'lighthouse.ts')], { cwd: root, env: { ...process.env, TINHGON_DIST: dist }, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench: Lighthouse failed (exit ${r.status}); scores not recorded`);
    return null;
  }
  const { date, preset, runs, median } = JSON.parse(readFileSync(join(root, 'bench-results', 'lighthouse.json'), 'utf8'));
  return { date, preset, runs, median };
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  // Other work on the machine skews every timing: the load average is recorded with the figures.
  const loadBefore = loadavg();
  const tmp = mkdtempSync(join(tmpdir(), 'tinhgon-bench-'));
  // On Ctrl-C, exit normally so that 'exit' handlers stop child process groups and remove the temp dir.
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  process.on('exit', removeTmp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  try {
    const real = countDataRows(join(root, 'data'));
    console.log(`bench: real data has ${real.observations} observation rows, ${real.sources} sources, ${real.events} events; temp dir ${tmp}`);
    const runs: PipelineRun[] = [];
    for (const size of sizes(real, flags.quick)) {
      console.log(`bench: pipeline ${size.label} (${formatCount(size.observations)} rows)…`);
      runs.push(await measurePipeline(size, real, flags, tmp));
    }
    const sites = flags.build ? await measureSites(real, flags, tmp) : [];
    const weightDir = sites[0]?.ok ? sites[0].outDir : join(root, 'dist');
    const weights = pageWeights(weightDir);
    const checks = budgets(runs, weights.pages);
    const lighthouse = flags.quick || process.argv.includes('--no-lighthouse') ? null : runLighthouse(weightDir);

    console.log(`\nData pipeline (scripts/build-data.ts on synthetic data; wall includes Node start-up)\n${pipelineTable(runs)}`);
    if (runs.some((r) => r.phases.length)) console.log(`\nPipeline phases (build-data.ts --timings; phases under 50 ms at every size left out)\n${phaseTable(runs)}`);
    for (const r of runs.filter((x) => x.hotspots?.length)) {
      console.log(`\nPipeline ${r.label}: most self time (node --cpu-prof)\n${hotspotTable(r.hotspots!)}`);
    }
    if (sites.length) console.log(`\nSite build (npm run build = scripts/build.ts: data, astro build, build:* post-steps; in a temporary copy of the repository)\n${siteTable(sites)}`);
    console.log(`\nPage weight (${sites[0]?.ok ? 'site build 1×' : 'dist/'}; gzip level 6; requests = HTML + same-origin CSS, JS, images)\n${weightTable(weights.pages)}`);
    if (weights.skipped.length) console.log(`not built (skipped): ${weights.skipped.join(' ')}`);
    console.log(`\n${checks.map(budgetLine).join('\n')}`);
    console.log(`\nload average (1 min) at start ${loadBefore[0].toFixed(1)}, at end ${loadavg()[0].toFixed(1)}, on ${cpus().length} CPUs`);

    const results = {
      generatedAt: new Date().toISOString(),
      environment: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryBytes: totalmem(),
        loadAverage1m: { start: loadBefore[0], end: loadavg()[0] } },
      flags,
      realData: real,
      pipeline: runs,
      site: sites.map(({ outDir: _outDir, ...rest }) => rest),
      pageWeight: { source: sites[0]?.ok ? 'site build 1×' : 'dist/', ...weights },
      budgets: checks,
      lighthouse,
    };
    const outDir = join(root, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    const json = JSON.stringify(results, null, 2) + '\n';
    writeFileSync(join(outDir, 'latest.json'), json);
    writeFileSync(join(outDir, `${results.generatedAt.replace(/[:.]/g, '-')}.json`), json);
    console.log(`\nbench: results written to bench-results/latest.json`);
    // A timeout is a finding (reported above), not a crash.
    const crashed = [...runs, ...sites].some((r) => !r.ok && !r.timedOut);
    return crashed ? 1 : 0;
  } finally {
    removeTmp();
  }
}

process.exitCode = await main();
