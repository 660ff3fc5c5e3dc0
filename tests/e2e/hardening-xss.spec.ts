// Every string that comes from data is rendered as text. A copy of the project gets hostile names,
// titles, notes, locators and a URL (<script>, <img onerror>, "><svg onload>, an attribute break-out),
// goes through the whole `npm run build` (data pipeline, Astro, social images, search index), and the
// pages that show them are opened in Chromium with the Content Security Policy *removed*, so that what
// is tested is the escaping itself, not the CSP behind it: the payloads must show as text, no element
// or handler they describe may exist, and no script may run (window.__xss stays undefined, no dialog).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

const repo = join(import.meta.dirname, '..', '..');
const MARK = 'XSSMARK';
const PAYLOADS = [
  `<script>window.__xss=1</script>${MARK}`,
  `<img src=x onerror="window.__xss=1;alert(1)">${MARK}`,
  `"><svg onload="window.__xss=1">${MARK}`,
  `'><img src=x onerror=alert(1)>${MARK}`,
];
/** A URL that passes the pipeline's http(s) check and tries to break out of the href attribute. */
const URL_PAYLOAD = `https://example.org/"onmouseover="window.__xss=1"x="${MARK}`;
const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** The hostile markup, as it must appear: as literal text. */
const literal = (s: string) => s.replace(MARK, '');

test.describe.configure({ mode: 'serial' });

let copy: string;
let server: StaticServer;
let pagesWithMark: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(420_000);
  copy = mkdtempSync(join(tmpdir(), 'tinhgon-xss-'));
  const skip = new Set(['node_modules', 'dist', '.git', '.tmp', '.astro', 'test-results', 'playwright-report', 'bench-results']);
  for (const entry of readdirSync(repo)) {
    if (!skip.has(entry)) cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const data = join(copy, 'data');
  const [p0, p1, p2, p3] = PAYLOADS;
  // A source: publisher (with a bracketed remark the Vietnamese pages translate), title, notes and URL.
  appendFileSync(join(data, 'sources.csv'), `xss-src,${csv(`Pub ${p0} (English edition)`)},${csv(`Title ${p2}`)},${csv(URL_PAYLOAD)},2025-01,en,press,2026-11-22,${csv(`Note ${p1}`)},${csv(`Ghi chú ${p2}`)}\n`);
  // An observation: locator and notes in both languages.
  writeFileSync(join(data, 'observations', 'xss.csv'), `unit,metric,date,period_start,value,denominator,status,source,locator,note,note_vi\nha-noi,staff_cut_party,2019,,7,,reported,xss-src,${csv(`para ${p1}`)},${csv(`Our note ${p3}`)},${csv(`Ghi chú của nhóm ${p0}`)}\n`);
  // An event: titles, locator, note.
  appendFileSync(join(data, 'events.csv'), `ev-xss,ha-noi,2025-08-01,plan,${csv(`Sự kiện ${p2}`)},${csv(`Event ${p0}`)},xss-src,${csv(`art. ${p3}`)},${csv(`note ${p1}`)}\n`);
  // A province name (both languages) and an alias; a metric label.
  const units = join(data, 'reference', 'units.csv');
  writeFileSync(units, readFileSync(units, 'utf8').replace(/^ha-noi,01,Hà Nội,Hanoi,(.*),(Ha Noi\|Hà Nội[^,\n]*)$/m, (_, mid, aliases) => `ha-noi,01,${csv(`Hà Nội ${p1}`)},${csv(`Hanoi ${p2}`)},${mid},${csv(`${aliases}|${p3}`)}`));
  const metrics = join(data, 'metrics.csv');
  writeFileSync(metrics, readFileSync(metrics, 'utf8').replace(/^staff_cut_party,Biên chế khối Đảng giảm,Party-body staff positions cut,/m, `staff_cut_party,${csv(`Biên chế khối Đảng giảm ${p0}`)},${csv(`Party-body staff positions cut ${p3}`)},`));
  expect(readFileSync(units, 'utf8')).toContain(MARK);
  expect(readFileSync(metrics, 'utf8')).toContain(MARK);

  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.TINHGON_DATA_DIR;
  delete env.TINHGON_OUT_DIR;
  const build = spawnSync(process.execPath, [join(copy, 'scripts', 'build.ts')], { cwd: copy, env, encoding: 'utf8', timeout: 400_000 });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  expect(build.stdout).toContain('build: done');

  const dist = join(copy, 'dist');
  pagesWithMark = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && readFileSync(join(e.parentPath, e.name), 'utf8').includes(MARK))
    .map((e) => `/${relative(dist, join(e.parentPath, e.name)).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
  server = await serveStatic(dist, { headers: false });
});

test.afterAll(async () => {
  await server?.close();
  if (copy && existsSync(copy) && !process.env.KEEP_XSS_COPY) rmSync(copy, { recursive: true, force: true });
});

test('no built page carries a payload as markup', () => {
  // Parsed, not grepped: inside a quoted attribute value "<img …>" is harmless text.
  const dist = join(copy, 'dist');
  const found: string[] = [];
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(html|svg)$/.test(e.name)) continue;
    const file = relative(dist, join(e.parentPath, e.name));
    const text = readFileSync(join(e.parentPath, e.name), 'utf8');
    const { document } = e.name.endsWith('.svg') ? parseHTML(`<!doctype html><html><body>${text}</body></html>`) : parseHTML(text);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name) || (a.name === 'src' && a.value === 'x')) found.push(`${file}: <${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
      if (el.tagName.toLowerCase() === 'script' && !/json/.test(el.getAttribute('type') ?? '') && (el.textContent ?? '').includes('__xss')) found.push(`${file}: <script>${el.textContent}`);
    }
  }
  expect(pagesWithMark.length, 'the payloads reach the pages').toBeGreaterThan(20);
  expect(found).toEqual([]);
});

/** Opens a page with its CSP <meta> removed and returns what the payloads did there. */
async function openWithoutCsp(page: Page, path: string) {
  await page.goto(server.origin + path, { waitUntil: 'load' });
}

async function inspect(page: Page) {
  return page.evaluate((mark) => {
    const injected = Array.from(document.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name) || (a.name === 'src' && a.value === 'x'))
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
    );
    const scripts = Array.from(document.scripts).filter((s) => !/json/.test(s.type) && s.textContent!.includes('__xss')).length;
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const s of Array.from(body.querySelectorAll('script'))) s.remove();
    const text = `${document.title}\n${body.textContent}\n${Array.from(document.querySelectorAll('[aria-label], [title]')).map((e) => e.getAttribute('aria-label') ?? e.getAttribute('title')).join('\n')}`;
    return { xss: (window as unknown as { __xss?: number }).__xss, injected, scripts, text, marks: text.split(mark).length - 1 };
  }, MARK);
}

/**
 * Serves pages without their CSP meta (so the test checks escaping, not the policy) and records any
 * dialog a payload opens.
 */
async function withoutCspRecordingDialogs(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route(`${server.origin}/**`, async (route) => {
    const response = await route.fetch();
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return route.fulfill({ response });
    return route.fulfill({ response, body: (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '') });
  });
  return dialogs;
}

test('every kind of page shows the payloads as text and runs none of them', async ({ page, problems }) => {
  test.setTimeout(240_000);
  const dialogs = await withoutCspRecordingDialogs(page);
  // One page of each kind (the path with its last segment as a wildcard), in both languages.
  const kinds = new Map<string, string>();
  for (const path of pagesWithMark) {
    const kind = path.replace(/[^/]+\/(map|ranking|before-after)-\d+\/$/, '*/$1/').replace(/\/[^/]+\/$/, '/*/');
    if (!kinds.has(kind) || path.includes('ha-noi') || path.includes('staff_cut_party')) kinds.set(kind, path);
  }
  const visit = [...new Set(kinds.values())];
  test.info().annotations.push({ type: 'pages', description: visit.join(' ') });
  for (const path of visit) {
    await openWithoutCsp(page, path);
    // Open every disclosure so hidden tables are rendered, and hover the hostile source links.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    for (const link of await page.locator('a[href^="https://example.org/"]').all()) await link.hover({ force: true }).catch(() => {});
    const r = await inspect(page);
    expect.soft(r.xss, `${path}: a payload ran`).toBeUndefined();
    expect.soft(r.injected, `${path}: injected elements or handlers`).toEqual([]);
    expect.soft(r.scripts, `${path}: injected scripts`).toBe(0);
    expect.soft(r.marks, `${path}: payload text is shown`).toBeGreaterThan(0);
    expect.soft(PAYLOADS.some((p) => r.text.includes(literal(p))), `${path}: a payload appears literally as text`).toBe(true);
  }
  expect(dialogs).toEqual([]);
  expect(problems.filter((p) => !p.includes('/x'))).toEqual([]);
});

test('the compare picker and the site search render hostile names as text', async ({ page }) => {
  test.setTimeout(90_000);
  const dialogs = await withoutCspRecordingDialogs(page);
  for (const path of ['/so-sanh/?u=ha-noi,cao-bang', '/en/compare/?u=ha-noi,cao-bang']) {
    await openWithoutCsp(page, path);
    const chips = page.locator('[data-chips]');
    await expect(chips).toContainText(literal(path.startsWith('/en/') ? PAYLOADS[2] : PAYLOADS[1]));
    // Remove Hà Nội, find it again by its hostile alias, add it back: options and chips are rebuilt.
    await chips.locator('li').first().getByRole('button').click();
    const box = page.locator('#compare-input');
    await box.fill(MARK.toLowerCase());
    await expect(page.locator('#compare-options [role=option]').first()).toBeVisible();
    await box.press('Enter');
    await expect(chips.locator('li')).toHaveCount(2);
    let r = await inspect(page);
    expect(r.xss).toBeUndefined();
    expect(r.injected).toEqual([]);
    // The site search, if this build has one (Pagefind index of the hostile pages).
    const search = page.locator('#site-search-input');
    if (await search.isVisible()) {
      await search.fill(MARK);
      await expect(page.locator('#site-search-list [role=option]').first()).toBeVisible({ timeout: 15_000 });
      r = await inspect(page);
      expect(r.xss).toBeUndefined();
      expect(r.injected).toEqual([]);
    }
  }
  expect(dialogs).toEqual([]);
});
