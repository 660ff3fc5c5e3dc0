// `npm run build`: every build step in order, one progress line each with its time.
//
//   data   scripts/build-data.ts: data/ → src/generated/ and public/data/ (atomic: all or nothing)
//   site   astro build → dist/
//   …      then every package.json script named `build:<name>`, in the order they are listed
//          (e.g. "build:search": "pagefind --site dist"), each shown as a step named <name>
//
// All or nothing: if the data step fails, nothing else runs and dist/, src/generated/ and public/data/
// stay exactly as they were. The previous dist/ is set aside before the site step and put back if the
// site step or any later step fails, so a failed build never leaves a half-built dist/ behind.
// TINHGON_DATA_DIR and TINHGON_OUT_DIR are passed to the data step; with TINHGON_OUT_DIR set, the site
// is built from (and into) that directory, which must then be a copy of the project.
// TINHGON_BUILD_VERBOSE=1 shows Astro's full output (it is otherwise shown only when it fails).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = join(import.meta.dirname, '..');
const siteRoot = resolve(process.env.TINHGON_OUT_DIR ?? repo);
const dist = join(siteRoot, 'dist');
const parked = join(siteRoot, '.tmp', 'dist-previous');
const verbose = process.env.TINHGON_BUILD_VERBOSE === '1';
const started = performance.now();

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Print the step's output as it runs (otherwise only if it fails, plus its warnings). */
  stream: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`build: ${line}`);

function run(step: Step): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn(step.command, step.args, { cwd: siteRoot, env: process.env, stdio: step.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b));
    child.stderr?.on('data', (b: Buffer) => (output += b));
    child.on('error', (e) => done({ ok: false, output: `${output}${e.message}\n` }));
    child.on('close', (code) => done({ ok: code === 0, output }));
  });
}

async function runStep(step: Step): Promise<boolean> {
  const t0 = performance.now();
  const { ok, output } = await run(step);
  const took = seconds(performance.now() - t0);
  if (!ok) {
    if (!step.stream) process.stderr.write(output);
    say(`${step.name} failed after ${took}`);
    return false;
  }
  if (!step.stream) for (const line of output.split('\n').filter((l) => /\b(warn|warning)\b/i.test(l))) console.warn(line);
  say(`${step.name} … ${took}`);
  return true;
}

/** Post-steps: package.json scripts named build:<name>, in the order the file lists them. */
function postSteps(): Step[] {
  const file = join(siteRoot, 'package.json');
  if (!existsSync(file)) return [];
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> };
  return Object.keys(pkg.scripts ?? {})
    .filter((name) => name.startsWith('build:'))
    .map((name) => ({ name: name.slice('build:'.length), command: 'npm', args: ['run', '--silent', name], stream: true }));
}

function fail(message: string): never {
  say(`${message} (${seconds(performance.now() - started)})`);
  process.exit(1);
}

// One build at a time per checkout: a second `npm run build` waits for the first to finish (two builds
// swapping dist/ at once would undo each other). A lock left by a build that died is taken over.
const lock = join(siteRoot, '.tmp', 'build.lock');
async function acquireLock() {
  mkdirSync(join(siteRoot, '.tmp'), { recursive: true });
  let told = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.on('exit', () => {
        if (existsSync(lock) && readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock, { force: true });
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      alive = holder > 0 && process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (!alive) {
      rmSync(lock, { force: true });
      continue;
    }
    if (!told) say(`waiting for another build (pid ${holder}) to finish`);
    told = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}
await acquireLock();

// 1. Data. It writes atomically, so a failure leaves every output as it was; nothing else runs.
// The same heap limit as `npm run data` (a million rows need more than Node's default).
const dataOk = await runStep({ name: 'data', command: process.execPath, args: ['--max-old-space-size=8192', join(repo, 'scripts', 'build-data.ts')], stream: true });
if (!dataOk) fail('stopped: dist/, src/generated/ and public/data/ are unchanged');

const astro = join(siteRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const steps: Step[] = [{ name: 'site', command: process.execPath, args: [astro, 'build', '--root', siteRoot], stream: verbose }, ...postSteps()];

// A dist/ parked by an interrupted build is the last complete one: put it back first.
if (existsSync(parked)) {
  rmSync(dist, { recursive: true, force: true });
  renameSync(parked, dist);
}
const hadDist = existsSync(dist);
if (hadDist) {
  mkdirSync(join(siteRoot, '.tmp'), { recursive: true });
  renameSync(dist, parked);
}
const restore = () => {
  rmSync(dist, { recursive: true, force: true });
  if (hadDist) renameSync(parked, dist);
};

// 2. Site, then 3. the post-steps, all against dist/.
for (const step of steps) {
  if (!(await runStep(step))) {
    restore();
    fail(`stopped at ${step.name}: ${hadDist ? 'the previous dist/ is back in place' : 'no dist/ written'}`);
  }
}
rmSync(parked, { recursive: true, force: true });
say(`done in ${seconds(performance.now() - started)}`);
// Canonical links, citations, CITATION.cff and the API's attribution carry the site's address: a build
// without SITE_URL says so, so that the placeholder never goes out unnoticed.
if (!process.env.SITE_URL) say('note: SITE_URL is not set, so links and citations name https://tinhgon.example; set it to publish (see README)');
