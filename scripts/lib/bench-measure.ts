// Runs a Node child process and measures its wall time and peak memory (max RSS).
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** Fallback when GNU time is missing: the child writes its own max RSS (KiB) on exit. */
const RSS_PRELOAD =
  'data:text/javascript,import{writeFileSync}from"node:fs";' +
  'process.on("exit",()=>writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)))';

export interface Measured {
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
  /** Peak resident set size in bytes; null when it could not be read. */
  maxRssBytes: number | null;
  /** The last part of stdout and of stderr (warnings can run to megabytes at 1M rows). */
  stdout: string;
  stderrTail: string;
  stderrLines: number;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  timeoutMs: number;
  /** A scratch file for the memory figure. */
  rssFile: string;
}

const TAIL = 64_000;

/** Runs `node <args>` (the project's Node: process.execPath) and measures it. */
export function runNode(args: string[], options: RunOptions): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [command, argv] = useTime
    ? [GNU_TIME, ['-v', '-o', options.rssFile, process.execPath, ...args]]
    : [process.execPath, ['--import', RSS_PRELOAD, ...args]];
  rmSync(options.rssFile, { force: true });
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RSS_FILE: options.rssFile, ...options.env };
  const started = performance.now();
  return new Promise((resolve) => {
    // Own process group: a timeout must also stop what the child started (node under time, astro under build.ts).
    const child = spawn(command, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    process.on('exit', killGroup);
    let stdout = '';
    let stderr = '';
    let stderrLines = 0;
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(-TAIL)));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderrLines += s.split('\n').length - 1;
      stderr = (stderr + s).slice(-TAIL);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      process.off('exit', killGroup);
      const wallMs = performance.now() - started;
      resolve({
        ok: code === 0 && !timedOut, exitCode: code, timedOut, wallMs,
        maxRssBytes: readRss(options.rssFile, useTime), stdout, stderrTail: stderr, stderrLines,
      });
    });
  });
}

function readRss(file: string, gnuTime: boolean): number | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const kib = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] : text.trim();
  return kib ? Number(kib) * 1024 : null;
}

/** Total size in bytes of the files under a directory (symbolic links are not followed). */
export function dirBytes(dir: string, filter: (name: string) => boolean = () => true): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(path, filter);
    else if (entry.isFile() && filter(entry.name)) total += lstatSync(path).size;
  }
  return total;
}

/** Every file under a directory, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : [],
  );
}
