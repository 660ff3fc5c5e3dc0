// `npm run lighthouse`: Lighthouse (mobile preset: emulated mid-range phone, simulated slow 4G) on the
// built site, served locally the way the host serves it (compression, public/_headers), in Debian's
// Chromium. Five pages in both languages, three runs each; prints the median of each column and writes
// every run to bench-results/lighthouse.json. Anything scored below 100 is listed under the table.
//
//   npm run build && npm run lighthouse            # all pages, 3 runs
//   npm run lighthouse -- --runs 1 /so-sanh/       # quicker: chosen pages, one run
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from './lib/static-server.ts';

const root = join(import.meta.dirname, '..');
// TINHGON_DIST lets `npm run bench` point it at the build it has just measured.
const dist = process.env.TINHGON_DIST ?? join(root, 'dist');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const chosen = args.filter((a, i) => a.startsWith('/') && i !== runsAt + 1);
const pages = chosen.length
  ? chosen
  : ['/', '/en/', '/chi-so/communes/', '/en/metrics/communes/', '/tinh/tay-ninh/', '/en/provinces/tay-ninh/', '/so-sanh/', '/en/compare/', '/du-lieu/', '/en/data/'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Run {
  scores: Record<(typeof categories)[number], number>;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  jsBytes: number;
  totalBytes: number;
  /** Audits that did not score 1, as "category: id (score) title". */
  below: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serveStatic(dist);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  logLevel: 'silent',
});

const results: Record<string, Run[]> = {};
try {
  for (const path of pages) {
    results[path] = [];
    for (let i = 0; i < runs; i++) {
      // A run that fails to record (NO_NAVSTART and the like, on a busy machine) is tried again.
      let lhr;
      for (let attempt = 1; ; attempt++) {
        const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
        lhr = result?.lhr;
        if (lhr && !lhr.runtimeError) break;
        const why = lhr?.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : 'no result';
        if (attempt === 3) throw new Error(`${path}: ${why}`);
        process.stderr.write(`\n${path}: ${why}; trying again\n`);
      }
      const summary = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
      const below: string[] = [];
      for (const cat of categories) {
        for (const ref of lhr.categories[cat].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) below.push(`${cat}: ${ref.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`);
        }
      }
      results[path].push({
        scores: Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)])) as Run['scores'],
        cls: lhr.audits['cumulative-layout-shift'].numericValue ?? 0,
        lcpMs: lhr.audits['largest-contentful-paint'].numericValue ?? 0,
        tbtMs: lhr.audits['total-blocking-time'].numericValue ?? 0,
        jsBytes: summary.find((x) => x.resourceType === 'script')?.transferSize ?? 0,
        totalBytes: summary.find((x) => x.resourceType === 'total')?.transferSize ?? 0,
        below,
      });
      process.stderr.write('.');
    }
  }
} finally {
  process.stderr.write('\n');
  await chrome.kill();
  await server.close();
}

const rows = pages.map((path) => {
  const r = results[path];
  const m = (f: (x: Run) => number) => median(r.map(f));
  return {
    page: path,
    performance: m((x) => x.scores.performance),
    accessibility: m((x) => x.scores.accessibility),
    'best-practices': m((x) => x.scores['best-practices']),
    seo: m((x) => x.scores.seo),
    cls: Number(m((x) => x.cls).toFixed(3)),
    lcpMs: Math.round(m((x) => x.lcpMs)),
    tbtMs: Math.round(m((x) => x.tbtMs)),
    jsKB: Number((m((x) => x.jsBytes) / 1024).toFixed(1)),
    totalKB: Number((m((x) => x.totalBytes) / 1024).toFixed(1)),
  };
});

const header = ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'CLS', 'LCP ms', 'TBT ms', 'JS KB', 'total KB'];
const table = rows.map((r) => [r.page, r.performance, r.accessibility, r['best-practices'], r.seo, r.cls, r.lcpMs, r.tbtMs, r.jsKB, r.totalKB].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset, median of ${runs} run(s) per page`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of table) console.log(line(row));

const below = new Map<string, Set<string>>();
for (const path of pages) for (const run of results[path]) for (const b of run.below) below.set(b, (below.get(b) ?? new Set()).add(path));
if (below.size) {
  console.log('\nBelow 100 in at least one run:');
  for (const [audit, where] of [...below].sort()) console.log(`  ${audit}  [${[...where].join(' ')}]`);
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'lighthouse.json'), `${JSON.stringify({ date: new Date().toISOString(), preset: 'mobile', runs, median: rows, all: results }, null, 2)}\n`);
console.log('\nwritten: bench-results/lighthouse.json');
