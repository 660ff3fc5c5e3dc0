// Share, embed, export, cite: every chart's downloads give back exactly the rows drawn, images carry
// their title, embeds resize inside a host page, every page has social metadata and its image, the
// JSON API and the Data page serve researchers. Runs against the built site (dist/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { axeViolations, expect, test } from './fixtures.ts';
import type { Download, Page } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const dataset = JSON.parse(readFileSync(join(root, 'src', 'generated', 'dataset.json'), 'utf8')) as {
  version: string;
  metrics: { id: string }[];
  units: { id: string; era: string }[];
};

test.use({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });

async function download(page: Page, figure: string, name: string): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(figure).getByRole('button', { name, exact: true }).click()]);
  return { file, body: readFileSync((await file.path())!) };
}

function parseCsv(withBom: string) {
  // Chart downloads start with a byte-order mark so that Excel reads them as UTF-8.
  expect(withBom.charCodeAt(0)).toBe(0xfeff);
  const text = withBom.slice(1);
  const [first, ...rest] = text.split('\n');
  const parsed = Papa.parse<Record<string, string>>(rest.join('\n'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { first, rows: parsed.data };
}

function pngSize(buf: Buffer) {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const today = () => {
  const d = new Date();
  return { vi: `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`, en: `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}` };
};

test('a ranking chart: link, CSV, XLSX, SVG, PNG, embed code and citation follow the state drawn', async ({ page, problems, request }) => {
  test.setTimeout(60_000);
  await page.goto('/chi-so/communes/?sort-34=name');
  const fig = page.locator('#ranking-34');
  await expect(fig.locator('.variant:not([hidden])')).toHaveAttribute('data-sort', 'name');
  await fig.locator('details.chart-actions > summary').click();
  const title = (await fig.locator('.chart-title').innerText()).trim();

  // Copy link: the page URL with the state and the figure's id.
  await fig.getByRole('button', { name: 'Sao chép liên kết' }).click();
  await expect(fig.locator('[data-status]')).toHaveText('Đã sao chép.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/chi-so\/communes\/\?sort-34=name.*#ranking-34$/);
  await expect(fig.locator('[data-permalink]')).toHaveText(link);

  // CSV: the dataset line, then exactly the rows drawn, in the order drawn, with source and locator.
  const order = (await fig.locator('.variant:not([hidden])').getAttribute('data-order'))!.split(' ');
  const csv = await download(page, '#ranking-34', 'Tải số liệu CSV');
  expect(csv.file.suggestedFilename()).toBe('tinh-gon-communes-ranking-34-name.csv');
  const { first, rows } = parseCsv(csv.body.toString('utf8'));
  expect(first).toBe(`# Bộ dữ liệu Tinh Gọn v${dataset.version} — ${title} — CC BY 4.0`);
  expect(rows.map((r) => r.unit)).toEqual(order);
  const tableNames = (await fig.locator('tbody tr th').allTextContents()).map((s) => s.trim());
  expect(rows.map((r) => r.name)).toEqual(tableNames);
  const api = (await (await request.get('/api/v1/metrics/communes.json')).json()) as { observations: { id: string; unit: string; value: number; source: string; locator: string }[] };
  for (const r of rows) {
    expect(r.source).not.toBe('');
    expect(r.locator).not.toBe('');
    expect(api.observations.some((o) => o.unit === r.unit && o.value === Number(r.value) && o.source === r.source && o.locator === r.locator), r.unit).toBe(true);
  }

  // XLSX: opens with a reader and holds the same rows.
  const xlsx = await download(page, '#ranking-34', 'Tải số liệu XLSX');
  expect(xlsx.file.suggestedFilename()).toBe('tinh-gon-communes-ranking-34-name.xlsx');
  const sheet = await readSheet(xlsx.body);
  expect(String(sheet[0][0])).toBe(first.slice(2));
  const header = sheet[1].map(String);
  expect(header.slice(0, 3)).toEqual(['unit', 'name', 'value']);
  const body = sheet.slice(2);
  expect(body.map((r) => r[0])).toEqual(order);
  expect(body.map((r) => Number(r[header.indexOf('value')]))).toEqual(rows.map((r) => Number(r.value)));
  expect(body.map((r) => r[header.indexOf('locator')])).toEqual(rows.map((r) => r.locator));

  // SVG: a well-formed image with the title, source line and site name burnt in.
  const svg = (await download(page, '#ranking-34', 'Tải hình SVG')).body.toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(`<title>${title}</title>`);
  expect(svg).toContain('Tinh Gọn · dữ liệu v');
  expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, svg)).toBe(true);
  const svgWidth = Number(/^<svg[^>]* width="(\d+)"/.exec(svg)![1]);
  const svgHeight = Number(/^<svg[^>]* height="(\d+)"/.exec(svg)![1]);

  // PNG: drawn from that SVG at twice its size.
  const png = await download(page, '#ranking-34', 'Tải hình PNG');
  expect(png.file.suggestedFilename()).toBe('tinh-gon-communes-ranking-34-name.png');
  expect(pngSize(png.body)).toEqual({ width: svgWidth * 2, height: svgHeight * 2 });
  expect(png.body.length).toBeGreaterThan(5_000);

  // Embed code keeps the state; the citation has today's date, the version and the link.
  await expect(fig.locator('textarea[data-embed]')).toHaveValue(/src="http:\/\/127\.0\.0\.1:\d+\/embed\/chi-so\/communes\/ranking-34\/\?sort=name"/);
  await expect(fig.locator('textarea[data-embed]')).toHaveValue(/<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>/);
  const cite = (await fig.locator('[data-citation]').textContent())!;
  expect(cite).toContain(`“${title}”`);
  expect(cite).toContain(`phiên bản ${dataset.version}`);
  expect(cite).toContain(`truy cập ngày ${today().vi}`);
  expect(cite).toContain(link);

  // Per capita: fewer rows, another order, and the CSV follows.
  await fig.getByLabel('Tính trên 100.000 dân').check();
  // Per 100,000 people: the image's title gives the unit, and the figure's notes travel with it.
  const rate = (await download(page, '#ranking-34', 'Tải hình SVG')).body.toString('utf8');
  expect(rate).toContain(`<title>${title} (trên 100.000 dân)</title>`);
  const notes = await fig.locator('.chart-notes li').allTextContents();
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) expect(rate).toContain(`• ${note.trim().split(/\s+/).slice(0, 6).join(' ')}`);

  const pcOrder = (await fig.locator('.variant:not([hidden])').getAttribute('data-order'))!.split(' ');
  const pc = await download(page, '#ranking-34', 'Tải số liệu CSV');
  expect(pc.file.suggestedFilename()).toBe('tinh-gon-communes-ranking-34-name-per-100k.csv');
  const pcRows = parseCsv(pc.body.toString('utf8')).rows;
  expect(pcRows.map((r) => r.unit)).toEqual(pcOrder);
  expect(pcRows.every((r) => r.per_100k !== '')).toBe(true);

  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('without JavaScript the permalink, embed code and a dated citation are there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/metrics/communes/');
  const fig = page.locator('#map-34');
  await fig.locator('details.chart-actions > summary').click();
  await expect(fig.locator('[data-permalink]')).toHaveText('https://tinhgon.example/en/metrics/communes/#map-34');
  await expect(fig.locator('textarea[data-embed]')).toHaveValue(/src="https:\/\/tinhgon\.example\/en\/embed\/metrics\/communes\/map-34\/"/);
  await expect(fig.locator('[data-citation]')).toContainText(`Tinh Gọn dataset, version ${dataset.version}, `);
  await expect(fig.getByRole('button', { name: 'Download data as CSV' })).toBeHidden();
  await context.close();
});

test('an English map and a home-page map download their rows', async ({ page, problems }) => {
  await page.goto('/en/metrics/communes/');
  const fig = page.locator('#map-34');
  await fig.locator('details.chart-actions > summary').click();
  const csv = await download(page, '#map-34', 'Download data as CSV');
  const { first, rows } = parseCsv(csv.body.toString('utf8'));
  expect(first).toMatch(/^# Tinh Gọn dataset v[\d.]+ — .+: map — CC BY 4\.0$/);
  const tilesWithData = await fig.locator('.tile:not(.no-data):not(.island)').count();
  expect(rows).toHaveLength(tilesWithData);
  expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(await fig.locator('.tile:not(.no-data):not(.island)').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))));
  const svg = (await download(page, '#map-34', 'Download image as SVG')).body.toString('utf8');
  expect(svg).toContain(`<title>${(await fig.locator('.chart-title').innerText()).trim()}</title>`);
  expect(svg).toContain('Tinh Gọn · data v');
  const cite = (await fig.locator('[data-citation]').textContent())!;
  expect(cite).toContain(`(accessed ${today().en})`);
  expect(problems).toEqual([]);

  await page.goto('/en/');
  const home = page.locator('.map-variant:not([hidden]) figure');
  await home.locator('details.chart-actions > summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), home.getByRole('button', { name: 'Download data as CSV' }).click()]);
  const homeRows = parseCsv(readFileSync((await file.path())!, 'utf8')).rows;
  expect(homeRows.length).toBe(await home.locator('.tile:not(.no-data):not(.island)').count());
  await expect(home.locator('textarea[data-embed]')).toHaveValue(/\/en\/embed\/metrics\/[a-z_0-9]+\/map-34\//);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

for (const [path, lang, back] of [
  ['/embed/chi-so/communes/ranking-34/', 'vi', '/chi-so/communes/#ranking-34'],
  ['/en/embed/metrics/communes/map-34/', 'en', '/en/metrics/communes/#map-34'],
] as const) {
  test(`the ${lang} embed page is chrome-free, attributed and accessible`, async ({ page, problems }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('header, nav, footer')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('.embed-credit a')).toHaveAttribute('href', `https://tinhgon.example${back}`);
    await expect(page.locator('.chart-source')).toContainText('Tinh Gọn');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('an embed with ?sort= shows that sorting, says when it shows rates, and its table follows the chart', async ({ page }) => {
  await page.goto('/embed/chi-so/communes/ranking-34/?sort=name&percap=1');
  const shown = page.locator('.variant:not([hidden])');
  await expect(shown).toHaveAttribute('data-sort', 'name');
  await expect(shown).toHaveAttribute('data-percap', '1');
  expect(await page.locator('h1').innerText()).toMatch(/\(trên 100\.000 dân\)$/);
  await expect(page).toHaveTitle(/\(trên 100\.000 dân\) — biểu đồ nhúng$/);
  const order = (await shown.getAttribute('data-order'))!.split(' ');
  expect(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.unit))).toEqual(expect.arrayContaining(order));
  await expect(page.locator('tbody tr').first()).toHaveAttribute('data-unit', order[0]);
  await expect(page.locator('[data-nojs-only]')).toBeHidden();
});

test('without JavaScript an embed says what it cannot show', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${baseURL}/embed/chi-so/communes/ranking-34/?percap=1`);
  await expect(page.locator('[data-percap-suffix]')).toBeHidden();
  expect(await page.locator('h1').innerText()).toMatch(/: xếp hạng$/);
  await expect(page.locator('[data-nojs-only]')).toContainText('cần JavaScript');
  await page.goto(`${baseURL}/embed/so-sanh/communes/?u=tay-ninh,long-an`);
  await expect(page.locator('[data-nojs-only]')).toContainText('bốn tỉnh mặc định');
  await ctx.close();
});

test('an embed inside a host page sets its iframe to the height of its content, and follows it', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Host page</h1>` +
      `<div id="box" style="width: 900px"><iframe src="${baseURL}/embed/chi-so/communes/ranking-34/" title="Chart" width="100%" height="150" frameborder="0" scrolling="no" data-tinhgon-embed></iframe></div>` +
      `<script src="${baseURL}/embed.js" async></script></body></html>`,
  );
  const iframe = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[data-embed-root]')).toBeVisible();
  const contentHeight = () => frame.locator('[data-embed-root]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  const frameHeight = () => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height));
  await expect.poll(frameHeight).toBeGreaterThan(400);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
  const wide = await frameHeight();

  // Narrower container: the chart scales down, the frame follows.
  await page.locator('#box').evaluate((el) => (el.style.width = '420px'));
  await expect.poll(frameHeight).not.toBe(wide);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);

  // Opening the data table makes the content taller: the frame grows with it.
  const before = await frameHeight();
  await frame.locator('details.data-table > summary').click();
  await expect.poll(frameHeight).toBeGreaterThan(before + 100);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
});

function htmlPages(): { path: string; html: string }[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ path: `/${relative(dist, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'), html: readFileSync(file, 'utf8') }));
}

test('every page has Open Graph and Twitter metadata, and its social image exists at 1200×630', () => {
  expect(existsSync(dist), 'run `npm run build` first').toBe(true);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { path, html } of htmlPages()) {
    if (/^\/(en\/)?embed\//.test(path)) continue;
    const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1] ?? null;
    for (const [attr, name] of [['property', 'og:title'], ['property', 'og:description'], ['property', 'og:url'], ['property', 'og:image'], ['property', 'og:locale'], ['name', 'twitter:card'], ['name', 'twitter:image']]) {
      if (!meta(attr, name)) problems.push(`${path}: no ${name}`);
    }
    const lang = /<html lang="(\w+)"/.exec(html)![1];
    if (meta('property', 'og:locale') !== (lang === 'vi' ? 'vi_VN' : 'en_GB')) problems.push(`${path}: og:locale ${meta('property', 'og:locale')}`);
    const image = meta('property', 'og:image') ?? '';
    const file = join(dist, new URL(image).pathname);
    if (!existsSync(file)) {
      problems.push(`${path}: ${image} missing`);
      continue;
    }
    seen.add(file);
    const { width, height } = pngSize(readFileSync(file));
    if (width !== 1200 || height !== 630) problems.push(`${path}: ${image} is ${width}×${height}`);
    const own = /^\/(en\/)?(chi-so|metrics|tinh|provinces)\/[^/]+\/$/.test(path) || path === '/' || path === '/en/';
    if (own && !new RegExp(`/og/${lang}/(home|metric/[^/]+|province/[^/]+)\\.png$`).test(image)) problems.push(`${path}: not its own image (${image})`);
  }
  expect(problems.slice(0, 30)).toEqual([]);
  // One per home, metric and province page, in each language.
  const provinces = dataset.units.filter((u) => u.era !== 'national').length;
  expect(seen.size).toBe(2 * (1 + dataset.metrics.length + provinces));
});

test('the static JSON API: index, a metric, a province, each figure with its source and locator', async ({ request }) => {
  const index = (await (await request.get('/api/v1/index.json')).json()) as { dataset_version: string; licence: { name: string }; metrics: { id: string; url: string }[]; provinces: { id: string; url: string }[] };
  expect(index.dataset_version).toBe(dataset.version);
  expect(index.licence.name).toBe('CC-BY-4.0');
  expect(index.metrics).toHaveLength(dataset.metrics.length);
  expect(index.provinces.map((p) => p.id)).toContain('long-an');
  const metric = (await (await request.get(index.metrics.find((m) => m.id === 'communes')!.url)).json()) as { observations: { source: string; locator: string }[]; sources: { id: string }[] };
  expect(metric.observations.length).toBeGreaterThan(30);
  const ids = new Set(metric.sources.map((s) => s.id));
  for (const o of metric.observations) {
    expect(ids.has(o.source)).toBe(true);
    expect(o.locator).not.toBe('');
  }
  const tayNinh = (await (await request.get('/api/v1/provinces/tay-ninh.json')).json()) as { unit: { id: string }; predecessors: string[]; observations: unknown[] };
  expect(tayNinh.unit.id).toBe('tay-ninh');
  expect(tayNinh.predecessors.sort()).toEqual(['long-an', 'tay-ninh-cu']);
  const longAn = (await (await request.get('/api/v1/provinces/long-an.json')).json()) as { successor: string };
  expect(longAn.successor).toBe('tay-ninh');
});

for (const [path, changelog, api] of [
  ['/du-lieu/', 'Phiên bản và thay đổi', 'API JSON tĩnh'],
  ['/en/data/', 'Versions and changes', 'Static JSON API'],
] as const) {
  test(`the Data page ${path}: columns and licence per table, citations, changelog, API`, async ({ page, problems, request }) => {
    await page.goto(path);
    const rows = page.getByTestId('downloads').locator('tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(5);
    const pkg = (await (await request.get('/data/datapackage.json')).json()) as { title: string; version: string; resources: { name: string; schema: { fields: { name: string }[] } }[] };
    for (let i = 0; i < n; i++) {
      // Each table's link leads to a list of its columns on the page, the same as datapackage.json's.
      const schema = rows.nth(i).locator('a[data-schema]');
      const name = (await schema.getAttribute('data-schema'))!;
      expect(await schema.getAttribute('href')).toBe(`#fields-${name}`);
      const columns = page.locator(`table[aria-labelledby="fields-${name}"] tbody th code`);
      expect(await columns.allTextContents()).toEqual(pkg.resources.find((r) => r.name === name)!.schema.fields.map((f) => f.name));
      await expect(rows.nth(i).getByRole('link', { name: `CC BY 4.0: ${name}.csv` })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
    }
    // The citation file and the contributors' guide are served; BibTeX carries the descriptor's title.
    expect((await request.get('/data/CITATION.cff')).status()).toBe(200);
    expect((await request.get('/data/README.md')).status()).toBe(200);
    await expect(page.locator('pre.citation')).toContainText(`title     = {{${pkg.title}}}`);
    await expect(page.locator('pre.citation')).toContainText(`version   = {${pkg.version}}`);
    // How to skip the chart CSVs' first line, in the page's language.
    await expect(page.getByTestId('chart-csv-note')).toContainText('skiprows=1');
    await expect(page.getByTestId('chart-csv-note')).toContainText(path === '/du-lieu/' ? 'bỏ qua dòng này' : 'Skip it');
    await expect(page.getByRole('heading', { name: changelog })).toBeVisible();
    await expect(page.getByTestId('changelog').locator('h3').first()).toContainText(pkg.version);
    await expect(page.getByRole('heading', { name: api })).toBeVisible();
    expect(await request.get((await page.getByTestId('api').getByRole('link').first().getAttribute('href'))!).then((r) => r.status())).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('a compare chart: link, CSV, XLSX, SVG, PNG, embed code and citation follow the selection', async ({ page, problems }) => {
  test.setTimeout(60_000);
  await page.goto('/so-sanh/?u=tay-ninh,long-an,ha-tinh');
  const fig = page.locator('#cmp-communes');
  await expect(fig.locator('svg rect')).toHaveCount(3);
  await fig.locator('details.chart-actions > summary').click();

  // The permalink and the citation carry the selection.
  const link = (await fig.locator('[data-permalink]').textContent())!;
  expect(link).toMatch(/\/so-sanh\/\?u=tay-ninh%2Clong-an%2Cha-tinh#cmp-communes$|\/so-sanh\/\?u=tay-ninh,long-an,ha-tinh#cmp-communes$/);
  expect(await fig.locator('[data-citation]').textContent()).toContain(link);

  // CSV: the dataset line, then one row per selected province in the order drawn, with source and locator.
  const csv = await download(page, '#cmp-communes', 'Tải số liệu CSV');
  expect(csv.file.suggestedFilename()).toBe('tinh-gon-compare-communes-tay-ninh-long-an-ha-tinh.csv');
  const { first, rows } = parseCsv(csv.body.toString('utf8'));
  expect(first).toBe(`# Bộ dữ liệu Tinh Gọn v${dataset.version} — Số đơn vị hành chính cấp xã — CC BY 4.0`);
  expect(rows.map((r) => r.unit)).toEqual(['tay-ninh', 'long-an', 'ha-tinh']);
  const drawn = await fig.locator('svg g title').allTextContents();
  rows.forEach((r, i) => {
    expect(r.source).not.toBe('');
    expect(r.locator).not.toBe('');
    expect(drawn[i]).toContain(Number(r.value).toLocaleString('vi-VN'));
  });

  const xlsx = await download(page, '#cmp-communes', 'Tải số liệu XLSX');
  const sheet = await readSheet(xlsx.body);
  expect(sheet.slice(2).map((r) => r[0])).toEqual(['tay-ninh', 'long-an', 'ha-tinh']);

  const svg = (await download(page, '#cmp-communes', 'Tải hình SVG')).body.toString('utf8');
  expect(svg).toContain('<title>Số đơn vị hành chính cấp xã</title>');
  expect(svg).toContain('Tinh Gọn · dữ liệu v');
  const png = await download(page, '#cmp-communes', 'Tải hình PNG');
  expect(pngSize(png.body).width).toBeGreaterThan(300);

  await expect(fig.locator('textarea[data-embed]')).toHaveValue(/src="http:\/\/127\.0\.0\.1:\d+\/embed\/so-sanh\/communes\/\?u=tay-ninh%2Clong-an%2Cha-tinh"/);

  // Removing a province redraws the chart and what the downloads hold.
  await page.getByRole('button', { name: 'Bỏ Long An' }).click();
  await expect(fig.locator('svg g')).toHaveCount(2);
  const after = parseCsv((await download(page, '#cmp-communes', 'Tải số liệu CSV')).body.toString('utf8')).rows;
  expect(after.map((r) => r.unit)).toEqual(['tay-ninh', 'ha-tinh']);
  await expect(fig.locator('[data-permalink]')).toContainText('#cmp-communes');
  await expect(fig.locator('[data-permalink]')).not.toContainText('long-an');

  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('a compare embed draws the selection in its address and links back to the same comparison', async ({ page, problems }) => {
  await page.goto('/en/embed/compare/communes/?u=tay-ninh,long-an');
  await expect(page.locator('header, nav, footer')).toHaveCount(0);
  await expect(page.locator('svg g')).toHaveCount(2);
  await expect(page.locator('[data-compare-table] tbody tr')).toHaveCount(2);
  await expect(page.locator('.embed-credit a')).toHaveAttribute('href', 'https://tinhgon.example/en/compare/?u=tay-ninh%2Clong-an#cmp-communes');
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('without JavaScript a compare embed shows the default selection', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/embed/so-sanh/communes/');
  await expect(page.locator('svg g')).toHaveCount(4);
  await expect(page.locator('.chart-source')).toContainText('Nguồn: ');
  await context.close();
});
