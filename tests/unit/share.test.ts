// Share, embed, export, cite: the pure functions behind chart downloads, citations, images, embeds,
// search terms, the JSON API, social images and the changelog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, test } from 'vitest';
import { loadDataFiles, readVersion } from '../../scripts/lib/files.ts';
import { itemsFor, parseChangelog } from '../../src/lib/pipeline/changelog.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';
import { apiIndex, apiMetric, apiProvince } from '../../src/lib/share/api.ts';
import { chartCsv, csvPreamble, drawnRows, fileName, type ChartData } from '../../src/lib/share/chart-data.ts';
import { citation, isoToday } from '../../src/lib/share/citation.ts';
import { embedHref, embedSnippet } from '../../src/lib/share/embed.ts';
import { ogCards, ogSvg } from '../../src/lib/share/og.ts';
import { ogImagePath } from '../../src/lib/share/og-path.ts';
import { compactName, nameVariants, searchMeta } from '../../src/lib/share/search-meta.ts';
import { ordered, queryWithoutKind, resultHint } from '../../src/scripts/site-search.ts';
import { withoutKind } from '../../src/lib/text.ts';
import { composeSvg, placeChart, svgSize, wrap, wrapUrl } from '../../src/lib/share/svg-export.ts';
import { columnName, xlsxParts } from '../../src/lib/share/xlsx.ts';
import { formatDate } from '../../src/lib/format.ts';
import { metricCharts } from '../../src/lib/views/metric-charts.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { DATASET_TITLE, downloadTables } from '../../src/lib/pipeline/downloads.ts';
import { vi } from '../../src/lib/i18n/vi.ts';
import { miniDataset } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const mini = buildDataset(miniDataset()).dataset!;
const real = buildDataset(loadDataFiles()).dataset!;

const chart: ChartData = {
  title: 'Số xã: xếp hạng',
  version: '0.1.0',
  file: 'communes-ranking-34',
  columns: ['unit', 'name', 'value', 'source', 'locator'],
  rows: [
    ['ha-tinh', 'Hà Tĩnh', 69, 'nq-1', 'Art. 1'],
    ['tay-ninh', 'Tây Ninh', 96, 'nq-1', 'Art. 2, cl. "b"'],
    ['x', '=HYPERLINK("evil")', -3, 'src', '@cmd'],
  ],
};

describe('chart CSV', () => {
  test('the first line names the dataset version, the chart and the licence', () => {
    expect(csvPreamble(chart)).toBe('Tinh Gọn dataset v0.1.0 — Số xã: xếp hạng — CC BY 4.0');
    // In the page's language: Vietnamese pages pass their dictionary's template.
    expect(csvPreamble(chart, vi.share.csvPreamble)).toBe('Bộ dữ liệu Tinh Gọn v0.1.0 — Số xã: xếp hạng — CC BY 4.0');
    expect(csvPreamble(chart, en.share.csvPreamble)).toBe(csvPreamble(chart));
    expect(chartCsv(chart, null, vi.share.csvPreamble).split('\n')[0]).toBe('# Bộ dữ liệu Tinh Gọn v0.1.0 — Số xã: xếp hạng — CC BY 4.0');
    expect(chartCsv(chart).split('\n')[0]).toBe('# Tinh Gọn dataset v0.1.0 — Số xã: xếp hạng — CC BY 4.0');
  });
  test('exactly the rows drawn, in the order drawn; rows not drawn are left out', () => {
    const csv = chartCsv(chart, ['tay-ninh', 'ha-tinh', 'not-drawn']);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, comments: '#', skipEmptyLines: true });
    expect(parsed.data).toEqual([
      { unit: 'tay-ninh', name: 'Tây Ninh', value: '96', source: 'nq-1', locator: 'Art. 2, cl. "b"' },
      { unit: 'ha-tinh', name: 'Hà Tĩnh', value: '69', source: 'nq-1', locator: 'Art. 1' },
    ]);
  });
  test('without an order, every row as given; text cells are neutralised against formulas, numbers stay numbers', () => {
    expect(drawnRows(chart, null)).toBe(chart.rows);
    expect(drawnRows(chart, [])).toBe(chart.rows);
    const last = chartCsv(chart).trim().split('\n').at(-1);
    expect(last).toBe(`x,"'=HYPERLINK(""evil"")",-3,src,'@cmd`);
  });
  test('file names carry the state', () => {
    expect(fileName(chart, '', 'csv')).toBe('tinh-gon-communes-ranking-34.csv');
    expect(fileName(chart, 'name-per-100k', 'png')).toBe('tinh-gon-communes-ranking-34-name-per-100k.png');
    // An English page's file is named apart: its names and header differ.
    expect(fileName(chart, 'name-per-100k', 'csv', 'en')).toBe('tinh-gon-communes-ranking-34-name-per-100k-en.csv');
    expect(fileName(chart, '', 'csv', 'vi')).toBe('tinh-gon-communes-ranking-34.csv');
  });
});

describe('citation', () => {
  const strings = {
    accessed: '{site}. “{title}”. Bộ dữ liệu Tinh Gọn, phiên bản {version}. {url} (truy cập ngày {date}).',
    released: '{site}. “{title}”. Bộ dữ liệu Tinh Gọn, phiên bản {version}, ngày {date}. {url}',
  };
  const input = { site: 'Tinh Gọn', title: 'Số xã: xếp hạng', version: '0.1.0', url: 'https://tinhgon.example/chi-so/communes/#ranking-34' };
  test('with the reader’s date of access, in the page language', () => {
    expect(citation('vi', strings, { ...input, date: '2026-11-23', accessed: true })).toBe(
      'Tinh Gọn. “Số xã: xếp hạng”. Bộ dữ liệu Tinh Gọn, phiên bản 0.1.0. https://tinhgon.example/chi-so/communes/#ranking-34 (truy cập ngày 23/11/2026).',
    );
    expect(citation('en', { accessed: '{title} (accessed {date})', released: '' }, { ...input, date: '2026-11-23', accessed: true })).toBe('Số xã: xếp hạng (accessed 23 November 2026)');
  });
  test('without JavaScript, the dataset’s date instead', () => {
    expect(citation('vi', strings, { ...input, date: '2026-11-22', accessed: false })).toContain('phiên bản 0.1.0, ngày 22/11/2026. https://');
  });
  test('the dictionaries’ templates fill every placeholder', async () => {
    const { vi } = await import('../../src/lib/i18n/vi.ts');
    const { en } = await import('../../src/lib/i18n/en.ts');
    for (const d of [vi, en]) {
      for (const accessed of [true, false]) {
        expect(citation(d.lang as 'vi' | 'en', { accessed: d.share.citationAccessed, released: d.share.citationReleased }, { ...input, date: '2026-11-23', accessed })).not.toMatch(/[{}]/);
      }
    }
  });
  test('today in the reader’s time zone', () => {
    expect(isoToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('XLSX', () => {
  test('column names', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
  test('parts are well-formed and escape text', () => {
    const parts = xlsxParts('a/b:c*?[d]', 'note', ['unit', 'value'], [['<x&y>', 1.5], [null, 2]]);
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(parts['xl/workbook.xml']).toContain('<sheet name="a b c   d " sheetId="1"');
    expect(parts['xl/worksheets/sheet1.xml']).toContain('<t xml:space="preserve">&lt;x&amp;y&gt;</t>');
    expect(parts['xl/worksheets/sheet1.xml']).toContain('<c r="B3"><v>1.5</v></c>');
    expect(parts['xl/worksheets/sheet1.xml']).not.toContain('r="A4"');
  });
  test('zipped, the workbook opens with a spreadsheet reader and holds the rows', async () => {
    const rows = drawnRows(chart, ['tay-ninh', 'ha-tinh']);
    const parts = xlsxParts(chart.title, csvPreamble(chart), chart.columns, rows);
    const zip = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
    const sheet = await readSheet(Buffer.from(zip));
    expect(sheet[0][0]).toBe(csvPreamble(chart));
    expect(sheet[1]).toEqual(chart.columns);
    expect(sheet.slice(2)).toEqual(rows);
  });
});

describe('SVG export', () => {
  const plot = '<svg class="plot-x" fill="currentColor" width="640" height="300" viewBox="0 0 640 300" role="img"><rect width="10" height="10"/></svg>';
  test('size from attributes or the viewBox', () => {
    expect(svgSize(plot)).toEqual({ width: 640, height: 300 });
    expect(svgSize('<svg viewBox="0 0 310 629"><g/></svg>')).toEqual({ width: 310, height: 629 });
  });
  test('the chart is placed once, with its own viewBox', () => {
    expect(placeChart(plot, 16, 70, 640, 300)).toBe('<svg x="16" y="70" width="640" height="300" class="plot-x" fill="currentColor" viewBox="0 0 640 300" role="img"><rect width="10" height="10"/></svg>');
  });
  test('title, subtitle, source line, site and URL are burnt in around the chart', () => {
    const svg = composeSvg(plot, { title: 'Số xã & phường: <xếp hạng>', subtitle: 'Số mới nhất', source: 'Nguồn: Báo A; Báo B · Tinh Gọn', site: 'Tinh Gọn · dữ liệu v0.1.0 · CC BY 4.0', url: 'https://tinhgon.example/chi-so/communes/?sort-34=name#ranking-34' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="672" height="\d+"/);
    expect(svg).toContain('<title>Số xã &amp; phường: &lt;xếp hạng&gt;</title>');
    expect(svg).toContain('>Nguồn: Báo A; Báo B · Tinh Gọn</text>');
    expect(svg).toContain('>Tinh Gọn · dữ liệu v0.1.0 · CC BY 4.0</text>');
    expect(svg).toContain('?sort-34=name#ranking-34</text>');
    expect(svg.match(/<svg /g)).toHaveLength(2);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(height).toBeGreaterThan(300 + 80);
  });
  test('the figure notes travel with the image, between the chart and the source line', () => {
    const base = { title: 'T', source: 'Nguồn: Báo A · Tinh Gọn', site: 'Tinh Gọn', url: 'https://tinhgon.example/' };
    const plain = composeSvg(plot, base);
    const noted = composeSvg(plot, { ...base, notes: ['Cột nhạt là số kế hoạch, chưa phải kết quả.', 'Số liệu của các tỉnh được tính vào những năm khác nhau.'] });
    expect(noted).toContain('>• Cột nhạt là số kế hoạch, chưa phải kết quả.</text>');
    expect(noted.indexOf('• Số liệu')).toBeLessThan(noted.indexOf('Nguồn: Báo A'));
    expect(noted.indexOf('• Cột')).toBeGreaterThan(noted.indexOf('<svg x='));
    const h = (svg: string) => Number(/height="(\d+)"/.exec(svg)![1]);
    expect(h(noted)).toBeGreaterThan(h(plain));
  });
  test('wrap', () => {
    expect(wrap('một hai ba bốn năm', 8)).toEqual(['một hai', 'ba bốn', 'năm']);
    expect(wrap('Nguồn: A · Tinh\u00a0Gọn', 12)).toEqual(['Nguồn: A ·', 'Tinh\u00a0Gọn']);
  });
  test.each([
    ['https://tinhgon.example/so-sanh/?u=ha-noi,ho-chi-minh,tay-ninh#cmp-provincial_departments', 40],
    ['https://tinhgon.example/chi-so/communes/?sort-34=name#ranking-34', 30],
    ['https://x.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 20],
  ])('wrapUrl keeps %s whole, in lines of at most %i characters', (url, max) => {
    const lines = wrapUrl(url, max);
    expect(lines.join('')).toBe(url);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(max);
  });
  test('an exported image never cuts a long address, and keeps the site name on one line', () => {
    const url = 'https://tinhgon.example/so-sanh/?u=ha-noi,ho-chi-minh,tay-ninh,long-an#cmp-provincial_departments_cut';
    const svg = composeSvg('<svg width="300" height="100"></svg>', { title: 'T', source: 'Nguồn: Báo Một; Báo Hai; Báo Ba rất dài tên; Báo Bốn cũng dài · Tinh Gọn', site: 'Tinh Gọn', url });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.filter((t) => url.includes(t) && t.length > 5).join('')).toBe(url.replace(/&/g, '&amp;'));
    expect(texts.some((t) => t.endsWith('· Tinh Gọn'))).toBe(true);
  });
});

describe('embeds', () => {
  test('paths in both languages', () => {
    expect(embedHref('vi', 'communes', 'ranking-34')).toBe('/embed/chi-so/communes/ranking-34/');
    expect(embedHref('en', 'communes', 'map-63')).toBe('/en/embed/metrics/communes/map-63/');
  });
  test('the snippet: an attributed iframe and the host script, attributes escaped', () => {
    const s = embedSnippet('https://tinhgon.example/embed/chi-so/communes/ranking-34/?sort=name&percap=1', 'Số xã "34"', 'https://tinhgon.example');
    expect(s).toContain('<iframe src="https://tinhgon.example/embed/chi-so/communes/ranking-34/?sort=name&amp;percap=1" title="Số xã &quot;34&quot;"');
    expect(s).toContain('data-tinhgon-embed');
    expect(s).toContain('<script src="https://tinhgon.example/embed.js" async></script>');
  });
});

describe('metric charts (shared by the metric page and its embeds)', () => {
  test('every ranking variant draws rows of the chart data, the map and before/after carry theirs', () => {
    const metric = mini.metrics.find((m) => m.id === 'communes')!;
    const eras = metricCharts(mini, 'vi', metric);
    expect(eras.map((e) => e.layout)).toEqual(['34', '63']);
    for (const e of eras) {
      const ids = new Set(e.ranking.data.rows.map((r) => r[0]));
      expect(ids.size).toBe(e.view.rows.length);
      for (const v of e.ranking.variants) for (const id of v.order.split(' ')) expect(ids.has(id)).toBe(true);
      expect(e.map.data.rows.map((r) => r[0]).sort()).toEqual([...ids].sort());
      const col = (name: string) => e.ranking.data.columns.indexOf(name);
      for (const r of e.ranking.data.rows) {
        expect(r[col('source')]).toBeTruthy();
        expect(r[col('locator')]).toBeTruthy();
        // A rate says which population it divides by: its source and its date.
        if (r[col('per_100k')] !== null) {
          expect(r[col('population_source')]).toBeTruthy();
          expect(r[col('population_date')]).toBeTruthy();
        }
      }
    }
    expect(eras[0].beforeAfter?.data.columns).toContain('before_sources');
    expect(metricCharts(mini, 'vi', metric)).toBe(eras); // cached
  });
  test.each([
    // metric, language, whether ranking bars carry report dates
    ['staff_exits_decree_178', 'vi', '34', true, 'được báo cáo vào những ngày khác nhau'],
    ['staff_exits_decree_178', 'en', '34', true, 'report these running totals on different days'],
    ['communes', 'vi', '34', false, 'được báo cáo vào những ngày khác nhau'],
    // Populations and areas counted in different years are not like for like either.
    ['population', 'vi', '63', true, 'được tính vào những năm khác nhau'],
    ['area_km2', 'en', '63', true, 'counted in different years'],
    ['population', 'vi', '34', true, 'được tính vào những năm khác nhau'], // unchanged provinces keep their 2023 figures
  ] as const)('figures of different dates: %s (%s, %s provinces) dates on bars = %s', (id, lang, layout, dated, note) => {
    const metric = real.metrics.find((m) => m.id === id)!;
    const era = metricCharts(real, lang, metric).find((e) => e.layout === layout)!;
    const dates = new Set(era.view.rows.map((r) => r.observation.date));
    if (dated) expect(dates.size).toBeGreaterThan(1);
    expect(era.notes.some((n) => n.includes(note))).toBe(dated);
    const top = era.view.rows.find((r) => r.unit.id === era.ranking.variants[0].order.split(' ')[0])!;
    const shown = formatDate(top.observation.date, lang);
    expect(era.ranking.variants[0].svg.includes(` · ${shown}<`)).toBe(dated);
  });
});

describe('per-100,000 figures say what they divide by', () => {
  test.each(['vi', 'en'] as const)('every ranking with per-head figures (%s): one date for all, one date for most with the others named, or a note that the dates differ', (lang) => {
    const basis = lang === 'vi' ? 'số của mọi tỉnh đều chia' : 'every province divides';
    const most = lang === 'vi' ? 'không có số dân đúng mốc đó' : 'no figure for exactly that date';
    const mixed = lang === 'vi' ? 'chia cho dân số của những năm hoặc nguồn khác nhau' : 'divide by populations of different years or sources';
    let checked = 0;
    let mostly = 0;
    for (const metric of real.metrics) {
      for (const era of metricCharts(real, lang, metric)) {
        const col = (name: string) => era.ranking.data.columns.indexOf(name);
        const rated = era.ranking.data.rows.filter((r) => r[col('per_100k')] !== null);
        const popDates = new Set(rated.map((r) => r[col('population_date')]));
        const says = (needle: string) => era.perCapNotes.some((n) => n.includes(needle));
        expect(era.notes.some((n) => n.includes(basis) || n.includes(most) || n.includes(mixed))).toBe(false); // maps show no per-head figures
        // Nor does the ranking in plain counts: its per-head notes are said only in the per-100,000 view.
        expect(era.rankingNotes.some((n) => n.includes(basis) || n.includes(most) || n.includes(mixed))).toBe(false);
        if (rated.length === 0) {
          expect(says(basis) || says(most) || says(mixed)).toBe(false);
          continue;
        }
        checked++;
        const date = era.view.populationDate;
        if (date && !era.view.populationMixed) {
          expect([...popDates]).toEqual([date]);
          expect(says(basis) && !says(most) && !says(mixed)).toBe(true);
        } else if (date) {
          mostly++;
          const others = rated.filter((r) => r[col('population_date')] !== date).map((r) => r[col('unit')]);
          expect(others.sort()).toEqual([...era.view.populationExceptions].sort());
          expect(others.length).toBeGreaterThan(0);
          expect(others.length * 2).toBeLessThan(rated.length);
          const note = era.perCapNotes.find((n) => n.includes(most))!;
          for (const r of rated.filter((x) => others.includes(x[col('unit')]))) expect(note).toContain(String(r[col('name')]));
          // Their bars carry the dagger the note speaks of, in per-100,000 mode only.
          expect(note).toContain('†');
          for (const v of era.ranking.variants) expect(v.svg.split('†').length - 1).toBe(v.pc ? others.length : 0);
          expect(says(basis) || says(mixed)).toBe(false);
        } else {
          expect(says(mixed)).toBe(popDates.size > 1);
          expect(says(basis) || says(most)).toBe(false);
        }
      }
    }
    expect(mostly).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(5);
  });
});

describe('search terms', () => {
  test('name variants: as written, without the prefix, folded, run together', () => {
    expect(nameVariants(['TP. Hồ Chí Minh'])).toEqual(['TP. Hồ Chí Minh', 'Hồ Chí Minh', 'tp ho chi minh', 'ho chi minh', 'hochiminh']);
    expect(compactName('Long An')).toBe('longan');
  });
  test('the new Tây Ninh carries Long An and the old Tây Ninh; TP. Hồ Chí Minh carries Bình Dương', () => {
    const tayNinh = searchMeta(real, 'vi', { page: 'province', id: 'tay-ninh' });
    expect(tayNinh.indexed).toBe(true);
    expect(tayNinh.kind).toBe('province');
    for (const term of ['Long An', 'long an', 'longan', 'tay ninh cu', 'Tây Ninh']) expect(tayNinh.terms.split(', ')).toContain(term);
    expect(searchMeta(real, 'vi', { page: 'province', id: 'ho-chi-minh' }).terms).toContain('binh duong');
    const old = searchMeta(real, 'en', { page: 'province', id: 'binh-duong' });
    expect(old.kind).toBe('old');
    expect(old.terms.split(', ')).toEqual(expect.arrayContaining(['Bình Dương', 'binh duong', 'binhduong']));
    expect(searchMeta(real, 'vi', { page: 'province', id: 'ha-tinh' }).terms.split(', ')).toEqual(expect.arrayContaining(['Hà Tĩnh', 'ha tinh', 'hatinh']));
  });
  test.each([
    ['tay-ninh', 'vi', 'gồm Long An, Tây Ninh (cũ)', 'tayninh'],
    ['long-an', 'vi', 'nay thuộc Tây Ninh', 'longan'],
    ['long-an', 'en', 'now part of Tay Ninh', 'longan'],
    ['ha-noi', 'vi', '', 'hatay'],
    ['ho-chi-minh', 'en', 'from Ba Ria - Vung Tau, Binh Duong, Ho Chi Minh City (pre-2025)', 'hochiminh'],
  ] as const)('%s (%s): hint %j, own names include %j', (id, lang, hint, name) => {
    const meta = searchMeta(real, lang, { page: 'province', id });
    expect(meta.hint).toBe(hint);
    expect(meta.own.split(' ')).toContain(name);
  });
  type Row = { id: string; content?: string; meta: { kind: string; own?: string; title?: string; hint?: string; seats?: string; seathints?: string } };
  const r = (id: string, kind: string, own = '', title = ''): Row => ({ id, meta: { kind, own, title } });
  test.each([
    ['a page named by the query comes first, today\'s before the old one; a page matching only in its text goes', 'tayninh', [r('s', 'sources'), r('ln', 'old', 'longan'), r('tnc', 'old', 'tayninhcu tayninh'), r('tn', 'province', 'tayninh')], ['tn', 'tnc']],
    ['an old page named by the query beats today\'s page that includes it', 'binhduong', [r('hcm', 'province', 'hochiminh', 'TP. Hồ Chí Minh'), { id: 'x', meta: { kind: 'province', own: 'hochiminh', hint: 'gồm Bình Dương' } }, r('bd', 'old', 'binhduong')], ['bd', 'x']],
    ['with no page named by the query: today\'s provinces and metrics, then old ones, then sources; Pagefind order within', 'sg', [r('s', 'sources'), r('hcmcu', 'old', 'hochiminh'), r('m', 'metric'), r('hcm', 'province', 'hochiminh')], ['m', 'hcm', 'hcmcu', 's']],
    ['a name the query begins counts as the page\'s own; a metric whose title has the query stays', 'baria', [r('m', 'metric', '', 'Số xã của Bà Rịa'), r('hcm', 'province', 'hochiminh'), r('brvt', 'old', 'bariavungtau')], ['brvt', 'm']],
    ['an alias too: "hcm" begins "hcmc", today\'s city first', 'hcm', [r('ct', 'province', 'cantho'), r('hcmcu', 'old', 'hochiminh hcmc'), r('hcm', 'province', 'hochiminh hcmc')], ['hcm', 'hcmcu']],
    ['two letters are too few to count', 'ha', [r('hn', 'old', 'hanoi'), r('m', 'metric')], ['m', 'hn']],
    ['a province tied to the queried one by the 2025 map comes right after it', 'tayninh', [r('hn', 'province', 'hanoi'), { id: 'la', meta: { kind: 'old', own: 'longan', hint: 'nay thuộc Tây Ninh' } }, r('tn', 'province', 'tayninh')], ['tn', 'la']],
    ['a seat\'s name: the provinces it belongs to, today\'s first; pages matching only a syllable go', 'nhatrang', [r('m', 'metric', '', 'Huyện nhất thể hóa'), r('db', 'old', 'thaibinh'), { id: 'khc', meta: { kind: 'old', own: 'khanhhoacu', seats: 'Nha Trang', seathints: 'tỉnh lỵ Nha Trang (đến 30/6/2025)' } }, { id: 'kh', meta: { kind: 'province', own: 'khanhhoa', seats: 'Nha Trang | Phan Rang - Tháp Chàm', seathints: 'a | b' } }], ['kh', 'khc']],
    ['a province named by the query before one whose seat shares the start', 'vinh', [{ id: 'na', meta: { kind: 'province', own: 'nghean', seats: 'Vinh', seathints: 'tỉnh lỵ Vinh (đến 30/6/2025)' } }, r('vl', 'old', 'vinhlongcu vinhlong')], ['vl', 'na']],
    ['with no page named by the query, a page must have its words together as typed', 'quynhon', [{ id: 'pt', content: 'quy mô dân số … Nhơn Trạch', meta: { kind: 'old' } }, { id: 'bd', content: 'tỉnh lỵ Quy Nhơn', meta: { kind: 'old' } }], ['bd']],
    ['nonsense finds nothing', 'xyzq', [{ id: 'dn', content: 'Đà Nẵng', meta: { kind: 'province', own: 'danang' } }], []],
  ])('result order: %s', (_, compact, input, expected) => {
    expect(ordered(input as readonly Row[], compact).map((x) => x.id)).toEqual(expected);
  });
  test.each([
    ['the map hint wins', { title: 'Tây Ninh', hint: 'gồm Long An, Tây Ninh (cũ)', aliases: '' }, 'longan', 'gồm Long An, Tây Ninh (cũ)'],
    ['a page found by another of its names says which', { title: 'Hà Nội', hint: '', aliases: 'Ha Noi | Hà Nội | Hà Tây' }, 'hatay', 'tìm theo tên Hà Tây'],
    ['a page found by its own name needs no hint', { title: 'Hà Nội', hint: '', aliases: 'Ha Noi | Hà Nội | Hà Tây' }, 'hanoi', ''],
    ['too short to say', { title: 'Huế', hint: '', aliases: 'Thừa Thiên Huế' }, 'th', ''],
    ['the start of an alias counts', { title: 'Huế', hint: '', aliases: 'Thừa Thiên Huế' }, 'thuathien', 'tìm theo tên Thừa Thiên Huế'],
    ['an old province found by its seat says so, then where it is now', { title: 'Khánh Hòa (cũ)', kind: 'old', hint: 'nay thuộc Khánh Hòa', seats: 'Nha Trang', seathints: 'tỉnh lỵ Nha Trang (đến 30/6/2025)' }, 'nhatrang', 'tỉnh lỵ Nha Trang (đến 30/6/2025) · nay thuộc Khánh Hòa'],
    ['today\'s province found by a seat of a province it was formed from names which', { title: 'Khánh Hòa', kind: 'province', hint: 'gồm Khánh Hòa (cũ), Ninh Thuận', seats: 'Nha Trang | Phan Rang - Tháp Chàm', seathints: 'có Nha Trang, tỉnh lỵ Khánh Hòa (cũ) đến 30/6/2025 | có Phan Rang - Tháp Chàm, tỉnh lỵ Ninh Thuận đến 30/6/2025' }, 'phanrang', 'có Phan Rang - Tháp Chàm, tỉnh lỵ Ninh Thuận đến 30/6/2025'],
    ['a province found by its own name does not repeat its seat of the same name', { title: 'Hà Tĩnh', kind: 'province', hint: '', seats: 'Hà Tĩnh', seathints: 'tỉnh lỵ Hà Tĩnh (đến 30/6/2025)' }, 'hatinh', ''],
    ['an unchanged province found by its seat', { title: 'Nghệ An', kind: 'province', hint: '', seats: 'Vinh', seathints: 'tỉnh lỵ Vinh (đến 30/6/2025)' }, 'vinh', 'tỉnh lỵ Vinh (đến 30/6/2025)'],
    ['found by its own name, a longer name that contains it is given', { title: 'Huế', hint: '', aliases: 'Thừa Thiên Huế | Thua Thien Hue' }, 'hue', 'cũng gọi là Thừa Thiên Huế'],
    ['but not an alias that is only another spelling', { title: 'Hà Nội', hint: '', aliases: 'Ha Noi | Hà Nội | Hà Tây' }, 'hanoi', ''],
  ])('result hint: %s', (_, meta, compact, expected) => {
    expect(resultHint(meta, compact, 'tìm theo tên {name}', 'cũng gọi là {name}')).toBe(expected);
  });
  test.each([
    ['thành phố hồ chí minh', 'hồ chí minh'],
    ['Thanh pho Hue', 'Hue'],
    ['tỉnh Tây Ninh', 'Tây Ninh'],
    ['tinh tay ninh', 'tay ninh'],
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['tp hcm', 'hcm'],
    ['tphcm', 'tphcm'],
    ['Province of Tay Ninh', 'Tay Ninh'],
    ['city of Hue', 'Hue'],
    ['tỉnh', 'tỉnh'],
    ['thanh hoa', 'thanh hoa'],
    ['tinhgon', 'tinhgon'],
  ])('the query %j is searched as %j (header search and compare alike)', (q, expected) => {
    expect(withoutKind(q)).toBe(expected);
    expect(queryWithoutKind(q)).toBe(expected);
  });
  test('only provinces, metrics and sources are indexed', () => {
    expect(searchMeta(real, 'vi', { page: 'metric', id: 'communes' })).toMatchObject({ indexed: true, kind: 'metric' });
    expect(searchMeta(real, 'vi', { page: 'sources' })).toMatchObject({ indexed: true, kind: 'sources' });
    for (const page of ['home', 'data', 'compare', 'notFound', 'methodology', 'provinces', 'metrics'] as const) expect(searchMeta(real, 'vi', { page }).indexed).toBe(false);
  });
});

describe('JSON API', () => {
  test('index lists every metric and province with its file', () => {
    const index = apiIndex(real);
    expect(index.dataset_version).toBe(real.version);
    expect(index.metrics.find((m) => m.id === 'communes')?.url).toBe('/api/v1/metrics/communes.json');
    expect(index.provinces).toHaveLength(real.units.filter((u) => u.era !== 'national').length);
  });
  test('every figure has its source id and locator, and its source is listed', () => {
    for (const file of [apiMetric(real, 'communes'), apiProvince(real, 'tay-ninh'), apiProvince(real, 'long-an')]) {
      const ids = new Set(file.sources.map((s) => s.id));
      for (const o of file.observations) {
        expect(o.locator).not.toBe('');
        expect(ids.has(o.source)).toBe(true);
      }
    }
    expect(apiProvince(real, 'long-an').successor).toBe('tay-ninh');
    expect(apiProvince(real, 'tay-ninh').predecessors.sort()).toEqual(['long-an', 'tay-ninh-cu']);
  });
  test('seats have the columns of seats.csv: which place is shown first, which sources disagree; a merged province lists its parts\'', () => {
    const nb = apiProvince(real, 'ninh-binh-cu');
    const ids = new Set(nb.sources.map((s) => s.id));
    expect(nb.seats.length).toBeGreaterThan(1);
    for (const s of nb.seats) {
      expect(ids.has(s.source)).toBe(true);
      expect(s.shown_first).toBe(s.seat_vi === 'Hoa Lư');
      expect(s.conflicts_with.length > 0).toBe(true);
    }
    expect([...new Set(apiProvince(real, 'khanh-hoa').seats.map((s) => s.unit))].sort()).toEqual(['khanh-hoa-cu', 'ninh-thuan']);
    expect(apiProvince(real, 'ha-noi').seats).toEqual([]);
  });
});

describe('social images', () => {
  test('one per home, metric and province page in each language, at the paths pages point to', () => {
    const cards = ogCards(real);
    const provinces = real.units.filter((u) => u.era !== 'national');
    expect(cards).toHaveLength(2 * (1 + real.metrics.length + provinces.length));
    const paths = new Set(cards.map((c) => c.path));
    expect(paths.size).toBe(cards.length);
    expect(paths.has(ogImagePath('en', { page: 'province', id: 'long-an' }))).toBe(true);
    expect(ogImagePath('vi', { page: 'data' })).toBe('/og/vi/home.png');
  });
  test('each card is a 1200×630 SVG with its title, source line and licence', () => {
    const card = ogCards(real).find((c) => c.path === '/og/vi/province/tay-ninh.png')!;
    const svg = ogSvg(card);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain('>Tây Ninh</text>');
    expect(svg).toContain('Long An');
    expect(svg).toContain('Nguồn: ');
    expect(svg).toContain('CC BY 4.0');
    expect(ogSvg({ ...card, title: 'A & <B>' })).toContain('A &amp; &lt;B&gt;');
  });
});

describe('changelog', () => {
  test('entries with version, date and items; continuation lines joined; code ticks dropped', () => {
    const text = [
      '# Dataset changelog',
      '',
      'Intro text that is not an entry.',
      '',
      '## 0.2.0 — 2027-01-15',
      '- Added `staff_exits` for 12 provinces',
      '  (from press reports).',
      '- **Fixed** a date.',
      '- vi: Thêm số liệu.',
      '- en: Figures added.',
      '',
      '### Notes',
      'A paragraph, not an item.',
      '',
      '## [0.1.1] - 2026-12-01',
      '* Patch.',
      '## 0.1.0',
      '- First.',
      '# Appendix',
      '- not an item',
    ].join('\n');
    expect(parseChangelog(text)).toEqual([
      {
        version: '0.2.0', date: '2027-01-15',
        items: [
          { lang: null, text: 'Added staff_exits for 12 provinces (from press reports).' }, { lang: null, text: 'Fixed a date.' },
          { lang: 'vi', text: 'Thêm số liệu.' }, { lang: 'en', text: 'Figures added.' },
        ],
      },
      { version: '0.1.1', date: '2026-12-01', items: [{ lang: null, text: 'Patch.' }] },
      { version: '0.1.0', date: '', items: [{ lang: null, text: 'First.' }] },
    ]);
    const [entry] = parseChangelog(text);
    expect(itemsFor(entry, 'vi').map((i) => i.text)).toEqual(['Added staff_exits for 12 provinces (from press reports).', 'Fixed a date.', 'Thêm số liệu.']);
    expect(itemsFor(entry, 'en').map((i) => i.text)).toEqual(['Added staff_exits for 12 provinces (from press reports).', 'Fixed a date.', 'Figures added.']);
    expect(parseChangelog('no entries here')).toEqual([]);
  });
  test('the Data page describes every column of every table in Vietnamese, and nothing else', () => {
    const keys = downloadTables(real).flatMap((t) => t.fields.map((f) => `${t.name}.${f.name}`));
    expect(Object.keys(vi.dataPage.fields).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(vi.dataPage.fields[k], k).toMatch(/\S/);
    expect(Object.keys(vi.dataPage.tables).sort()).toEqual([...new Set(downloadTables(real).map((t) => t.name))].sort());
  });
  test('the real changelog: its first entry is the dataset version, and CITATION.cff matches it', () => {
    const entries = parseChangelog(readFileSync(join(root, 'data', 'CHANGELOG.md'), 'utf8'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0].version).toBe(readVersion(join(root, 'data')));
    expect(entries[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every release speaks both languages.
    for (const e of entries) {
      expect(itemsFor(e, 'vi').length, e.version).toBeGreaterThan(0);
      expect(itemsFor(e, 'en').length, e.version).toBeGreaterThan(0);
      expect(e.items.some((i) => i.lang === 'vi'), e.version).toBe(true);
    }
    const cff = readFileSync(join(root, 'CITATION.cff'), 'utf8');
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
    expect(cff).toContain(`version: "${entries[0].version}"`);
    expect(cff).toContain(`date-released: "${entries[0].date}"`);
    expect(cff).toMatch(/^license: CC-BY-4\.0$/m);
    // One title everywhere: the descriptor, CITATION.cff and the English citation on the Data page.
    expect(cff).toContain(`title: "${DATASET_TITLE}"`);
    expect(en.dataPage.citationTitle).toBe(DATASET_TITLE);
    expect(cff).toMatch(/^repository-code: "https:\/\//m);
  });
});

describe('ranking bars say what the order is about', () => {
  test('sorted by change, each bar with a change carries it; a planned bar says it is a plan', () => {
    const metric = real.metrics.find((m) => m.id === 'communes')!;
    const era = metricCharts(real, 'vi', metric).find((e) => e.view.era === 'current')!;
    const change = era.ranking.variants.find((v) => v.key === 'change' && !v.pc)!;
    const withChange = era.view.rows.filter((r) => r.change?.percent != null).length;
    expect(withChange).toBeGreaterThan(10);
    expect((change.svg.match(/\(−\d+(?:,\d)?\s?%\)/g) ?? []).length).toBe(withChange);
    // The downloads carry what the labels say: the figure before and the % change.
    const col = (c: string) => era.ranking.data.columns.indexOf(c);
    const hn = era.ranking.data.rows.find((r) => r[0] === 'ha-noi')!;
    expect([hn[col('before')], hn[col('change_percent')]]).toEqual([526, -76]);
    const byValue = era.ranking.variants.find((v) => v.key === 'value' && !v.pc)!;
    expect(byValue.svg).not.toMatch(/\(−\d+(?:,\d)?\s?%\)/);
    const planned = era.view.rows.filter((r) => r.observation.status === 'planned').length;
    expect(planned).toBeGreaterThan(0);
    for (const v of era.ranking.variants) expect(v.svg.split('(kế hoạch)').length - 1, `${v.key} ${v.pc}`).toBe(planned);
  });
});

describe('flows counted over a period say so', () => {
  test.each(['vi', 'en'] as const)('public service units cut (%s): bars and rows carry the period, and a note says periods differ', (lang) => {
    const metric = real.metrics.find((m) => m.id === 'public_service_units_cut')!;
    const era = metricCharts(real, lang, metric).find((e) => e.view.era === 'pre-2025')!;
    const withStart = era.view.rows.filter((r) => r.observation.period_start);
    expect(withStart.length).toBeGreaterThan(0);
    const col = (name: string) => era.ranking.data.columns.indexOf(name);
    for (const r of withStart) {
      const row = era.ranking.data.rows.find((x) => x[0] === r.unit.id)!;
      expect(row[col('period_start')]).toBe(r.observation.period_start);
    }
    const svg = era.ranking.variants.find((v) => v.key === 'value' && !v.pc)!.svg;
    expect(svg).toContain(lang === 'vi' ? 'từ 2015 đến 7/2/2023' : 'from 2015 to 7 February 2023');
    expect(era.notes.some((n) => n.includes(lang === 'vi' ? 'giai đoạn' : 'period'))).toBe(true);
  });
});
