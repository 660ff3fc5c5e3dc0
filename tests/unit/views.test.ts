import { describe, expect, test } from 'vitest';
import { loadDataFiles } from '../../scripts/lib/files.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';
import { compareCellHtml, compareData, compareFigure, optionHint, compareSourceLine, compareTableHtml, searchUnits, selectionFromQuery, shownMetrics } from '../../src/lib/views/compare.ts';
import { compareStrings } from '../../src/lib/views/compare-strings.ts';
import { erasWithData, headline, metricEraView, populationBasis, sortRows } from '../../src/lib/views/metric.ts';
import type { Observation } from '../../src/lib/schema/observation.ts';
import { miniDataset } from './helpers.ts';
import { t } from '../../src/lib/i18n/index.ts';

const mini = buildDataset(miniDataset()).dataset!;

const pop = (unit: string, date: string, date_end: string, value: number, source = 's'): Observation => ({
  id: `${unit}|population|${date}|reported|${source}`, unit, metric: 'population', date, date_end, period_start: '', era: 'pre-2025',
  value, denominator: null, status: 'reported', source, locator: 'p', note: '', note_vi: '', conflicts_with: [],
});

describe('populationBasis: per-head figures divide by populations of one date when there is one', () => {
  test.each<[string, [string, Observation[]][], string | null, Record<string, number>, boolean, string[]]>([
    ['the latest date common to all wins over each unit\'s latest', [
      ['a', [pop('a', '2019-04-01', '2019-04-01', 100), pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2019-04-01', '2019-04-01', 200), pop('b', '2022', '2022-12-31', 205)]],
    ], '2019-04-01', { a: 100, b: 200 }, false, []],
    ['two common dates: the later one', [
      ['a', [pop('a', '2019-04-01', '2019-04-01', 100), pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2019-04-01', '2019-04-01', 200), pop('b', '2023', '2023-12-31', 210)]],
    ], '2023', { a: 110, b: 210 }, false, []],
    ['no date shared by a majority: each unit\'s latest, flagged mixed', [
      ['a', [pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2022', '2022-12-31', 205)]],
    ], null, { a: 110, b: 205 }, true, []],
    ['the date most units share, over a later one fewer share; the rest use their figure nearest to it and are listed', [
      ['a', [pop('a', '2019-04-01', '2019-04-01', 100), pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2019-04-01', '2019-04-01', 200)]],
      ['c', [pop('c', '2019-04-01', '2019-04-01', 300)]],
      ['d', [pop('d', '2022', '2022-12-31', 405), pop('d', '2023', '2023-12-31', 410)]],
    ], '2019-04-01', { a: 100, b: 200, c: 300, d: 405 }, true, ['d']],
    ['half is not a majority', [
      ['a', [pop('a', '2019-04-01', '2019-04-01', 100)]],
      ['b', [pop('b', '2019-04-01', '2019-04-01', 200)]],
      ['c', [pop('c', '2023', '2023-12-31', 310)]],
      ['d', [pop('d', '2022', '2022-12-31', 405)]],
    ], null, { a: 100, b: 200, c: 310, d: 405 }, true, []],
    ['a unit without any figure is left out and does not break the common date', [
      ['a', [pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2023', '2023-12-31', 210)]],
      ['c', []],
    ], '2023', { a: 110, b: 210 }, false, []],
    ['a single unit: its latest figure', [['a', [pop('a', '2019-04-01', '2019-04-01', 100), pop('a', '2023', '2023-12-31', 110)]]], '2023', { a: 110 }, false, []],
    ['nothing at all', [], null, {}, false, []],
    ['two sources on the common date: the first in file order, as for headlines', [
      ['a', [pop('a', '2023', '2023-12-31', 110, 'x'), pop('a', '2023', '2023-12-31', 111, 'y')]],
      ['b', [pop('b', '2023', '2023-12-31', 210)]],
    ], '2023', { a: 110, b: 210 }, false, []],
  ])('%s', (_, lists, date, values, mixed, exceptions) => {
    const b = populationBasis(new Map(lists));
    expect(b.date).toBe(date);
    expect(Object.fromEntries([...b.chosen].map(([u, o]) => [u, o.value]))).toEqual(values);
    expect(b.mixed).toBe(mixed);
    expect(b.exceptions).toEqual(exceptions);
  });
  test.each<[string, Record<string, number>, string]>([
    ['the era\'s most shared date, when all units have it', { '2019-04-01': 60, '2023': 57 }, '2019-04-01'],
    ['the same era-wide count: the later date', { '2019-04-01': 57, '2023': 57 }, '2023'],
    ['no preference: the later date', {}, '2023'],
  ])('populationBasis, every unit at both dates: %s', (_, preference, expected) => {
    const lists = new Map([
      ['a', [pop('a', '2019-04-01', '2019-04-01', 100), pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2019-04-01', '2019-04-01', 200), pop('b', '2023', '2023-12-31', 210)]],
    ]);
    expect(populationBasis(lists, new Map(Object.entries(preference))).date).toBe(expected);
  });
  test.each<[string, Record<string, number>, string, string[]]>([
    ['the era\'s date wins while a majority has it, even if another date covers more', { '2019-04-01': 60, '2023': 57 }, '2019-04-01', ['c', 'e']],
    ['without a preference, the date covering more units', {}, '2023', ['b']],
  ])('populationBasis, units at different dates: %s', (_, preference, expected, exceptions) => {
    const lists = new Map([
      ['a', [pop('a', '2019-04-01', '2019-04-01', 100), pop('a', '2023', '2023-12-31', 110)]],
      ['b', [pop('b', '2019-04-01', '2019-04-01', 200)]],
      ['c', [pop('c', '2023', '2023-12-31', 310)]],
      ['d', [pop('d', '2019-04-01', '2019-04-01', 400), pop('d', '2023', '2023-12-31', 410)]],
      ['e', [pop('e', '2023', '2023-12-31', 510)]],
    ]);
    const b = populationBasis(lists, new Map(Object.entries(preference)));
    expect(b.date).toBe(expected);
    expect(b.exceptions).toEqual(exceptions);
  });
});

describe('metricEraView', () => {
  test('current era: latest reported figure per province, conflicts flagged, before/after when complete', () => {
    const v = metricEraView(mini, 'communes', 'current');
    expect(v.total).toBe(2);
    expect(v.rows.map((r) => [r.unit.id, r.observation.value, r.conflict])).toEqual([
      ['ha-tinh', 69, true],
      ['tay-ninh', 96, false],
    ]);
    expect(v.rows[1].before).toEqual({ value: 270, covered: 2, of: 2, dates: ['2025-06-01'] });
    expect(v.rows[1].change).toEqual({ absolute: -174, percent: (-174 / 270) * 100 });
    expect(v.rows[1].perCapita).toBeCloseTo((96 / 3254170) * 100000);
  });
  test('pre-2025 era lists the 63-province units, with the missing ones', () => {
    const v = metricEraView(mini, 'staff_cut_party', 'pre-2025');
    expect(v.rows.map((r) => r.unit.id)).toEqual(['long-an']);
    expect(v.missing.map((u) => u.id).sort()).toEqual(['ha-tinh', 'tay-ninh-cu']);
  });
  test('an unchanged province keeps its earlier population in the 34-province view, without a "before" of itself', () => {
    const extra = { path: 'observations/extra.csv', text: 'unit,metric,date,period_start,value,denominator,status,source,locator,note\nha-tinh,population,2023,,1300000,,reported,press-b,para 9,fixture value\n' };
    const withHaTinh = buildDataset(miniDataset([extra])).dataset!;
    const cur = metricEraView(withHaTinh, 'population', 'current');
    const row = cur.rows.find((r) => r.unit.id === 'ha-tinh')!;
    expect(row.observation.value).toBe(1300000);
    expect(row.before).toBeNull();
    expect(cur.missing.map((u) => u.id)).not.toContain('ha-tinh');
    // Other metrics do not carry over: a 2025 commune count is not today's.
    expect(metricEraView(withHaTinh, 'staff_cut_party', 'current').rows).toEqual([]);
  });
  test('erasWithData', () => {
    expect(erasWithData(mini, 'communes')).toEqual(['current', 'pre-2025']);
    expect(erasWithData(mini, 'staff_cut_party')).toEqual(['pre-2025']);
    expect(erasWithData(mini, 'ministries')).toEqual([]);
  });
  test('an undated figure recorded as an interval counts from its start: a dated figure inside it is later', () => {
    const base = mini.observations[0];
    const undated = { ...base, id: 'u', date: '2024/2025-06-30', date_end: '2025-06-30', value: 180 };
    const dated = { ...base, id: 'd', date: '2025-02-14', date_end: '2025-02-14', value: 184 };
    const older = { ...base, id: 'o', date: '2023-05-01', date_end: '2023-05-01', value: 190 };
    expect(headline([undated, dated])?.id).toBe('d');
    expect(headline([dated, undated])?.id).toBe('d');
    expect(headline([older, undated])?.id).toBe('u');
  });
  test('headline prefers reported over planned, then the latest date', () => {
    const base = mini.observations[0];
    const planned = { ...base, status: 'planned' as const, date_end: '2030-01-01' };
    expect(headline([planned, base])).toBe(base);
  });
  test.each([
    ['value', ['tay-ninh', 'ha-tinh']],
    ['name', ['ha-tinh', 'tay-ninh']],
    ['change', ['ha-tinh', 'tay-ninh']], // −65.5 % before −64.4 %
  ] as const)('sortRows by %s', (key, ids) => {
    const rows = metricEraView(mini, 'communes', 'current').rows;
    expect(sortRows(rows, key, (u) => u.name_vi, new Intl.Collator('vi').compare).map((r) => r.unit.id)).toEqual(ids);
  });
  // Tây Ninh's figure made a plan, larger than every reported one: it is not ranked, so it goes last,
  // except in alphabetical order.
  test.each([
    ['value', ['ha-tinh', 'tay-ninh']],
    ['change', ['ha-tinh', 'tay-ninh']],
    ['name', ['ha-tinh', 'tay-ninh']],
  ] as const)('sortRows by %s puts a planned figure after the reported ones', (key, ids) => {
    const rows = metricEraView(mini, 'communes', 'current').rows.map((r) =>
      r.unit.id === 'tay-ninh' ? { ...r, observation: { ...r.observation, status: 'planned' as const, value: 10_000 } } : r,
    );
    expect(sortRows(rows, key, (u) => u.name_vi, new Intl.Collator('vi').compare).map((r) => r.unit.id)).toEqual(ids);
    const withTayNinhFirst = sortRows(rows.map((r) => ({ ...r, observation: { ...r.observation, status: 'reported' as const } })), 'value', (u) => u.name_vi, new Intl.Collator('vi').compare);
    expect(withTayNinhFirst[0].unit.id).toBe('tay-ninh');
  });
});

describe('compare search on the real dataset', () => {
  const real = buildDataset(loadDataFiles()).dataset!;
  const words = { status: t('vi').province.status, conflict: t('vi').province.conflict, ...t('vi').search };
  const data = compareData(real, 'vi', words);
  const ids = (q: string) => searchUnits(data, q).map((u) => u.id);
  test.each([
    ['long an', ['long-an', 'tay-ninh']],
    ['Long An', ['long-an', 'tay-ninh']],
    ['binh duong', ['binh-duong', 'ho-chi-minh']],
    ['Bình Dương', ['binh-duong', 'ho-chi-minh']],
    ['ha tinh', ['ha-tinh']],
    ['Hà Tĩnh', ['ha-tinh']],
    ['hue', ['hue']],
    ['thua thien', ['hue']],
    ['sai gon', ['ho-chi-minh']],
    ['ha tay', ['ha-noi']],
    ['thành phố hồ chí minh', ['ho-chi-minh', 'ho-chi-minh-cu']],
    ['nha trang', ['khanh-hoa', 'khanh-hoa-cu']],
    ['Hà Tây', ['ha-noi']],
  ])('%j finds %j', (q, expected) => {
    for (const id of expected) expect(ids(q)).toContain(id);
  });
  test.each([
    ['vung tau', 'ba-ria-vung-tau', 'ho-chi-minh'],
    ['long an', 'long-an', 'tay-ninh'],
    ['binh phuoc', 'binh-phuoc', 'dong-nai'],
    ['tay ninh', 'tay-ninh', 'tay-ninh-cu'],
  ])('%j: the unit bearing the name comes first (Enter adds it), then the one formed from it', (q, first, then) => {
    expect(ids(q)[0]).toBe(first);
    expect(ids(q).indexOf(then)).toBeGreaterThan(0);
  });
  test('a planned figure says so on its bar, not only by a paler colour; a reported one adds nothing', () => {
    const worded = compareData(real, 'vi', { ...words, status: { planned: 'kế hoạch', target: 'mục tiêu' } });
    const planned = Object.entries(worded.values).flatMap(([u, ms]) => Object.entries(ms).map(([m, v]) => ({ u, m, v }))).filter((x) => x.v.planned);
    expect(planned.length).toBeGreaterThan(0);
    for (const { u, m, v } of planned) {
      const bar = compareFigure(worded, m, [u], '—').bars[0];
      expect(bar.text.endsWith(` · ${v.status === 'planned' ? 'kế hoạch' : 'mục tiêu'}`)).toBe(true);
    }
    const reported = Object.values(worded.values).flatMap((ms) => Object.values(ms)).filter((v) => !v.planned);
    expect(reported.every((v) => v.statusText === '')).toBe(true);
  });
  test.each([
    ['tay-ninh', 'gồm Long An, Tây Ninh (cũ)'],
    ['long-an', 'nay thuộc Tây Ninh'],
    ['tay-ninh-cu', 'nay thuộc Tây Ninh'],
    ['ha-tinh', ''],
  ])('the picker says how %s relates to the 2025 map: %j', (id, hint) => {
    expect(data.units.find((u) => u.id === id)?.hint).toBe(hint);
  });
  test('the methodology page\'s claim holds: both eras\' commune rankings divide by the 2019 census, today\'s merged provinces by the sum of their old provinces', () => {
    expect(metricEraView(real, 'communes', 'pre-2025').populationDate).toBe('2019-04-01');
    const cur = metricEraView(real, 'communes', 'current');
    expect(cur.populationDate).toBe('2019-04-01');
    const tayNinh = cur.rows.find((r) => r.unit.id === 'tay-ninh')!;
    const census = (id: string) => real.observations.find((o) => o.unit === id && o.metric === 'population' && o.date === '2019-04-01')!;
    expect(tayNinh.populationParts?.map((p) => p.unit.id).sort()).toEqual(['long-an', 'tay-ninh-cu']);
    expect(tayNinh.population?.value).toBe(census('long-an').value + census('tay-ninh-cu').value);
    expect(tayNinh.population?.source.split(' ').sort()).toEqual([...new Set([census('long-an').source, census('tay-ninh-cu').source])].sort());
    // An unchanged province divides by its own census count, not a sum.
    const haTinh = cur.rows.find((r) => r.unit.id === 'ha-tinh')!;
    expect(haTinh.populationParts).toBeNull();
    expect(haTinh.population?.date).toBe('2019-04-01');
  });
  test('population and area show the old provinces\' sum as "before" but no change: the two are different measures', () => {
    for (const metric of ['population', 'area_km2']) {
      const row = metricEraView(real, metric, 'current').rows.find((r) => r.unit.id === 'tay-ninh')!;
      expect(row.before, metric).not.toBeNull();
      expect(row.change, metric).toBeNull();
    }
    expect(metricEraView(real, 'communes', 'current').rows.find((r) => r.unit.id === 'tay-ninh')!.change).not.toBeNull();
  });
  test('a figure another source contradicts says so on its bar and in the table; others do not', () => {
    const hn = data.values['ha-noi']?.provincial_departments;
    expect(hn?.conflictText).toBe('Nguồn khác nhau');
    expect(compareFigure(data, 'provincial_departments', ['ha-noi'], '—').bars[0].text).toMatch(/ \*$/);
    expect(compareCellHtml(hn)).toContain('<span class="badge warn">Nguồn khác nhau</span>');
    expect(compareCellHtml(undefined)).toBe('<span class="missing">—</span>');
    // The download names the contradicting rows, as observations.csv does.
    const fig = compareFigure(data, 'provincial_departments', ['ha-noi', 'hue'], '—');
    const col = fig.data.columns.indexOf('conflicts_with');
    expect(String(fig.data.rows[0][col])).toMatch(/\S/);
    // …and the figures they state, so that no join is needed to see "16" next to "15".
    const values = String(fig.data.rows[0][fig.data.columns.indexOf('conflicting_values')]).split(' ').map(Number);
    expect(values.length).toBe(String(fig.data.rows[0][col]).split(' ').length);
    expect(values).not.toContain(hn!.value);
    expect(hn?.conflicts_with.split(' ').length).toBeGreaterThan(0);
    expect(fig.data.rows[1][col]).toBe(data.values.hue?.provincial_departments?.conflicts_with || null);
    const clean = Object.values(data.values).flatMap((ms) => Object.values(ms)).filter((v) => v.conflictText === '');
    expect(clean.length).toBeGreaterThan(0);
  });
  test('defaults are four current provinces', () => {
    expect(data.defaults).toHaveLength(4);
  });
  test('selectionFromQuery keeps known distinct ids, at most four', () => {
    const known = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(selectionFromQuery('?u=a,b,zz,a', known)).toEqual(['a', 'b']);
    expect(selectionFromQuery('?u=a&u=b,c,d,e', known)).toEqual(['a', 'b', 'c', 'd']);
    expect(selectionFromQuery('', known)).toEqual([]);
  });

  test('compareFigure: one bar and one download row per selected province, in order, gaps kept as gaps', () => {
    const fig = compareFigure(data, 'communes', ['tay-ninh', 'viet-nam-nowhere', 'ha-tinh'], 'Chưa có số liệu');
    expect(fig.bars.map((b) => b.unit)).toEqual(['tay-ninh', 'viet-nam-nowhere', 'ha-tinh']);
    expect(fig.bars[1]).toMatchObject({ value: null, text: 'Chưa có số liệu' });
    expect(fig.data.rows.map((r) => r[0])).toEqual(['tay-ninh', 'viet-nam-nowhere', 'ha-tinh']);
    expect(fig.data.rows[1].slice(2)).toEqual([null, null, null, null, null, null, null, null, null]);
    const tayNinh = data.values['tay-ninh'].communes;
    // Each bar says which date its figure is for.
    expect(fig.bars[0].text).toBe(`${tayNinh.text} · ${tayNinh.dateText}`);
    expect(fig.data.rows[0]).toEqual(['tay-ninh', 'Tây Ninh', tayNinh.value, tayNinh.denominator, null, tayNinh.date, tayNinh.status, tayNinh.source, tayNinh.locator, null, null]);
    expect(fig.data.file).toBe('compare-communes-tay-ninh-viet-nam-nowhere-ha-tinh');
    expect(fig.data.version).toBe(real.version);
    expect(fig.sources).toEqual([...new Set([tayNinh.source, data.values['ha-tinh'].communes.source])]);
  });
  test('shownMetrics: only metrics with a figure for someone selected', () => {
    expect(shownMetrics(data, []).length).toBe(0);
    expect(shownMetrics(data, ['long-an']).map((m) => m.id)).toContain('managers_cut');
    expect(shownMetrics(data, ['ha-tinh']).map((m) => m.id)).not.toContain('managers_cut');
  });
  test.each([
    ['vi', ['a', 'b'], 'Nguồn: A; B · Tinh Gọn'],
    ['en', ['a', 'b', 'c', 'd', 'e'], 'Source: A; B; C and 2 more · Tinh Gọn'],
    ['en', ['a', 'a2', 'b'], 'Source: A; B and 1 more · Tinh Gọn'],
  ] as const)('compareSourceLine (%s, %j)', (lang, ids, text) => {
    const names = { a: 'A', a2: 'A', b: 'B', c: 'C', d: 'D', e: 'E' };
    const line = compareSourceLine(ids, names, compareStrings(lang));
    expect(line.text).toBe(text);
    expect((line.html.match(/<a /g) ?? []).length).toBe(Math.min(3, new Set(ids.map((i) => names[i as keyof typeof names])).size));
  });
  test('compareTableHtml escapes what it prints', () => {
    const evil: typeof data = JSON.parse(JSON.stringify(data));
    evil.values['tay-ninh'].communes.locator = '<img src=x onerror=alert(1)>';
    const html = compareTableHtml(compareFigure(evil, 'communes', ['tay-ninh'], '—'), evil, { x: '<b>' }, compareStrings('vi'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
  test.each([
    ['nha trang', 'khanh-hoa', 'có Nha Trang, tỉnh lỵ Khánh Hòa (cũ) đến 30/6/2025'],
    ['nha trang', 'khanh-hoa-cu', 'tỉnh lỵ Nha Trang (đến 30/6/2025)'],
    ['khanh hoa', 'khanh-hoa', 'gồm Khánh Hòa (cũ), Ninh Thuận'],
    ['vinh', 'nghe-an', 'tỉnh lỵ Vinh (đến 30/6/2025)'],
  ] as const)('an option found by %j (%s) says why: %j', (q, id, hint) => {
    expect(optionHint(data.units.find((u) => u.id === id)!, q)).toBe(hint);
  });
});

