import { nextTile } from '../../src/scripts/tile-keys.ts';
import { describe, expect, test } from 'vitest';
import { DOMParser } from 'linkedom';
import { renderBeforeAfter, renderRanking, tileMap } from '../../src/lib/charts/index.ts';
import { compareChart, labelLines } from '../../src/lib/charts/compare.ts';
import { classLabel, colourScale, tileAbbreviations } from '../../src/lib/charts/tile-map.ts';
import type { Tile } from '../../src/lib/schema/dataset.ts';

// Charts are tested as files: each test renders a chart from a small fixed table and compares the SVG
// with tests/unit/__snapshots__/<name>.svg (update with `npx vitest run -u` after looking at the diff).
const fmt = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const normalise = (svg: string) => svg.replace(/(\d+\.\d{2})\d+/g, '$1');

describe('rankingChart', () => {
  const data = [
    { id: 'a', label: 'Thanh Hóa', value: 166, valueLabel: '166', planned: false },
    { id: 'b', label: 'Hà Nội', value: 126, valueLabel: '126', planned: false },
    { id: 'c', label: 'Cao Bằng', value: 56, valueLabel: '56', planned: true },
  ];
  test('renders bars in the given order with labels, a role and a label on the svg', async () => {
    const svg = renderRanking(data, { tickFormat: fmt, ariaLabel: 'Xếp hạng', width: 480 });
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain('aria-label="Xếp hạng"');
    expect(svg).not.toMatch(/<g[^>]*aria-label/);
    expect(svg.match(/data-unit="/g)).toHaveLength(3);
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/ranking.svg');
  });
});

describe('beforeAfterChart', () => {
  test('draws a dot before and after, joined only when both exist', async () => {
    const svg = renderBeforeAfter(
      [
        { id: 'a', label: 'Tây Ninh', before: 280, after: 96 },
        { id: 'b', label: 'Cao Bằng', before: null, after: 56 },
      ],
      { tickFormat: fmt, ariaLabel: 'Trước và sau', beforeLabel: 'Trước', afterLabel: 'Sau', width: 480 },
    );
    expect(svg).toContain('role="img"');
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/before-after.svg');
  });
});

describe('tileMap', () => {
  const tiles: Tile[] = [
    { layout: '34', unit: 'ha-noi', col: 1, row: 0, kind: 'province', label_vi: '', label_en: '' },
    { layout: '34', unit: 'ha-nam', col: 2, row: 0, kind: 'province', label_vi: '', label_en: '' },
    { layout: '34', unit: 'da-nang', col: 1, row: 1, kind: 'province', label_vi: '', label_en: '' },
    { layout: '34', unit: 'da-nang', col: 3, row: 1, kind: 'islands', label_vi: 'Hoàng Sa', label_en: 'Hoang Sa' },
  ];
  const names = new Map([['ha-noi', 'Hà Nội'], ['ha-nam', 'Hà Nam'], ['da-nang', 'Đà Nẵng']]);
  test('colours tiles with data, hatches the missing ones, draws islands and a legend', async () => {
    const svg = tileMap(tiles, {
      layout: '34',
      values: new Map([['ha-noi', { value: 126, text: '126' }], ['da-nang', { value: 94, text: '94' }]]),
      nameOf: (id) => names.get(id)!,
      hrefOf: (id) => `/tinh/${id}/`,
      formatNumber: fmt,
      ariaLabel: 'Bản đồ',
      missingLabel: 'Chưa có số liệu',
      islandLabel: (t) => `${t.label_vi} (Đà Nẵng)`,
      idPrefix: 'test',
    });
    expect(svg).toContain('class="tile no-data" data-unit="ha-nam"');
    expect(svg).toContain('<title>Hoàng Sa (Đà Nẵng)</title>');
    expect(svg).toContain('Chưa có số liệu');
    await expect(svg).toMatchFileSnapshot('__snapshots__/tile-map.svg');
  });
  test('a planned figure gets a dashed outline, says so in its tooltip, and the legend explains it', async () => {
    const opts = {
      layout: '34' as const,
      nameOf: (id: string) => names.get(id)!,
      hrefOf: (id: string) => `/tinh/${id}/`,
      formatNumber: fmt,
      ariaLabel: 'Bản đồ',
      missingLabel: 'Chưa có số liệu',
      plannedLabel: 'Viền đứt: số kế hoạch',
      plannedWord: 'kế hoạch',
      islandLabel: () => '',
      idPrefix: 'p',
    };
    const svg = tileMap(tiles, { ...opts, values: new Map([['ha-noi', { value: 126, text: '126' }], ['da-nang', { value: 56, text: '56', planned: true }]]) });
    expect(svg).toContain('class="tile planned" data-unit="da-nang"><title>Đà Nẵng: 56 (kế hoạch)</title>');
    expect(svg.match(/stroke-dasharray="4 2"/g)).toHaveLength(2); // the tile and the legend swatch
    await expect(svg).toMatchFileSnapshot('__snapshots__/tile-map-planned.svg');
    const none = tileMap(tiles, { ...opts, values: new Map([['ha-noi', { value: 126, text: '126' }]]) });
    expect(none).not.toContain('Viền đứt');
  });
  test('an empty layout renders nothing', () => {
    expect(tileMap([], { layout: '63', values: new Map(), nameOf: String, hrefOf: String, formatNumber: String, ariaLabel: '', missingLabel: '', islandLabel: () => '', idPrefix: 'x' })).toBe('');
  });
});

describe('tileAbbreviations', () => {
  test.each([
    [[['ha-noi', 'Hà Nội'], ['ha-nam', 'Hà Nam'], ['hcm', 'TP. Hồ Chí Minh']], { 'ha-noi': 'HNo', 'ha-nam': 'HNa', hcm: 'HCM' }],
    [[['long-an', 'Long An'], ['lai-chau', 'Lai Châu']], { 'long-an': 'LA', 'lai-chau': 'LC' }],
  ])('%j', (pairs, expected) => {
    expect(Object.fromEntries(tileAbbreviations(new Map(pairs as [string, string][])))).toEqual(expected);
  });
});

describe('colourScale', () => {
  test.each([
    // values → legend labels, lowest class first
    [[14, 14, 14], ['14']],
    [[13, 14, 14, 15], ['13', '14', '15']],
    [[12, 13, 14, 15, 16], ['12', '13', '14', '15', '16']],
    [[1, 2, 3, 4, 5, 6, 7], ['0 – 1', '2 – 3', '4 – 5', '6 – 8']],
    // one value far above the rest: classes of about equal counts instead of one crowded class
    [[96, 102, 126, 150, 310, 1100], ['96 – 99', '100 – 119', '120 – 149', '150 – 309', '310 – 1100']],
    [[14002598, 3254170, 4491408, 1865270, 3346853, 1799489, 4022638, 2161755, 1870845, 3065628], ['1700000 – 1800000', '1800000 – 3000000', '3000000 – 3300000', '3300000 – 4400000', '4400000 – 15000000']],
    [[12, 13, 14, 15, 16, 19], ['12 – 13', '14 – 15', '16 – 17', '18 – 20']],
    [[0.5, 1.5, 2.5, 3.5, 4.5, 5.5], ['0 – 2', '2 – 4', '4 – 6']],
  ])('%j → %j', (values, labels) => {
    const s = colourScale(values);
    expect(s.classes.map((c) => classLabel(c, String))).toEqual(labels);
  });
  test('one colour per distinct value when values are few, and every value gets a class colour', () => {
    const s = colourScale([96, 102, 96]);
    expect(s.classes).toHaveLength(2);
    expect(s(96)).toBe(s.classes[0].colour);
    expect(s(102)).toBe(s.classes[1].colour);
    const many = colourScale([1, 2, 3, 4, 5, 6, 7]);
    for (const v of [1, 4, 7]) expect(many.classes.map((c) => c.colour)).toContain(many(v));
  });
});

describe('compareChart', () => {
  test('a province without a figure gets a labelled gap, not a zero bar', async () => {
    const svg = compareChart(
      [
        { unit: 'a', label: 'Tây Ninh', value: 96, text: '96 (1/7/2025)', planned: false },
        { unit: 'b', label: 'Hà Tĩnh', value: null, text: 'Chưa có số liệu', planned: false },
      ],
      { ariaLabel: 'Số xã' },
    );
    expect(svg.match(/<rect/g)).toHaveLength(1);
    expect(svg).toContain('Chưa có số liệu');
    await expect(svg).toMatchFileSnapshot('__snapshots__/compare.svg');
  });
  test.each([
    ['Tây Ninh', ['Tây Ninh']],
    ['TP. Hồ Chí Minh (cũ)', ['TP. Hồ Chí Minh', '(cũ)']],
    ['Binh Duong (pre-2025)', ['Binh Duong', '(pre-2025)']],
    ['Ho Chi Minh City (pre-2025)', ['Ho Chi Minh City', '(pre-2025)']],
    ['Bà Rịa - Vũng Tàu', ['Bà Rịa - Vũng Tàu']],
    ['Bà Rịa - Vũng Tàu (cũ)', ['Bà Rịa - Vũng Tàu', '(cũ)']],
  ])('long labels go on two lines and keep their bracket: %s', (label, lines) => {
    expect(labelLines(label)).toEqual(lines);
  });
  test('two-line labels are drawn as one text with a second line', async () => {
    const svg = compareChart([{ unit: 'x', label: 'TP. Hồ Chí Minh (cũ)', value: 273, text: '273 · 18/4/2025', planned: true }], { ariaLabel: 'Số xã' });
    expect(svg).toContain('TP. Hồ Chí Minh<tspan');
    // The space it was split at stays, so that the copied label reads as written.
    expect(svg).toContain('> (cũ)</tspan>');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent).filter((t) => t?.includes('Hồ Chí Minh'))).toEqual(['TP. Hồ Chí Minh (cũ)']);
    await expect(svg).toMatchFileSnapshot('__snapshots__/compare-two-line.svg');
  });
});

describe('keyboard on tile maps', () => {
  // A grid with a gap:   A B . D
  //                      E . G .
  const at = (col: number, row: number) => ({ x: col * 10, y: row * 10 });
  const tiles = [at(0, 0), at(1, 0), at(3, 0), at(0, 1), at(2, 1)]; // A B D E G
  test.each([
    ['ArrowRight from A goes to B', 0, 'ArrowRight', 1],
    ['ArrowRight from B skips the gap to D', 1, 'ArrowRight', 2],
    ['ArrowRight at the end of a row stays', 2, 'ArrowRight', 2],
    ['ArrowLeft from D goes to B', 2, 'ArrowLeft', 1],
    ['ArrowDown from B goes to the nearest tile of the next row (E and G tie: the first)', 1, 'ArrowDown', 3],
    ['ArrowDown from D goes to G, the nearest in the next row', 2, 'ArrowDown', 4],
    ['ArrowDown on the last row stays', 3, 'ArrowDown', 3],
    ['ArrowUp from G goes to D or B, whichever is nearer (B and D tie: the first)', 4, 'ArrowUp', 1],
    ['Home goes to the first tile', 4, 'Home', 0],
    ['End goes to the last tile', 0, 'End', 4],
    ['another key does nothing', 0, 'a', 0],
  ] as const)('%s', (_, from, key, to) => expect(nextTile(tiles, from, key)).toBe(to));
});
