import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../../src/lib/dates.ts';
import { beforeAfter, changeBetween, checkNationalTotals, markConflicts, per100k, rollUpToCurrentBorders, roundsTo } from '../../src/lib/pipeline/derive.ts';
import type { Lineage } from '../../src/lib/schema/lineage.ts';
import type { Metric } from '../../src/lib/schema/metric.ts';
import type { Observation } from '../../src/lib/schema/observation.ts';
import type { Unit } from '../../src/lib/schema/unit.ts';

const metric = (over: Partial<Metric> = {}): Metric => ({
  id: 'communes', label_vi: 'x', label_en: 'x', definition_vi: 'x', definition_en: 'x',
  unit: 'count', kind: 'stock', additive: true, level: 'province', decimals: 0, ...over,
});
const obs = (unit: string, date: string, value: number, over: Partial<Observation> = {}): Observation => ({
  id: `${unit}|communes|${date}|reported|${over.source ?? 's'}`, unit, metric: 'communes', date,
  date_end: parsePartialDate(date)!.end,
  era: parsePartialDate(date)!.start >= '2025-07-01' || unit === 'ab' ? 'current' : 'pre-2025',
  period_start: '', value, denominator: null, status: 'reported', source: 's', locator: 'p', note: '', note_vi: '', conflicts_with: [], ...over,
});
const link = (from: string, to: string): Lineage => ({ from, to, effective: '2025-07-01', legal_basis: 'NQ 202', source: 'l', locator: 'a', note: '' });
const unit = (id: string, era: Unit['era'], valid_from = '', valid_to = ''): Unit => ({
  id, code: '00', name_vi: id, name_en: id, type: era === 'national' ? 'country' : 'province', region: '', valid_from, valid_to, aliases: [], era,
});
const lineage = [link('a', 'ab'), link('b', 'ab'), link('c', 'c')];

describe('changeBetween', () => {
  test.each([
    [100, 60, -40, -40],
    [0, 5, 5, null],
    [50, 50, 0, 0],
  ])('%i → %i', (from, to, absolute, percent) => expect(changeBetween(from, to)).toEqual({ from, to, absolute, percent }));
});

describe('per100k', () => {
  test.each([
    [10, 1_000_000, 1],
    [3, 300_000, 1],
    [5, 0, null],
    [5, null, null],
  ])('%i per %s people', (value, population, expected) => expect(per100k(value, population)).toBe(expected));
});

describe('roundsTo: one figure at two precisions', () => {
  test.each([
    [326504, 326500, true],
    [326549, 326500, true],
    [326551, 326500, false],
    [2390.77, 2390.8, true],
    [2390.74, 2390.8, false],
    [1030123, 1030000, true],
    [124, 120, false], // a count ending in one zero is exact, not rounded
    [1234, 1200, true],
    [5, 0, false],
    [4495.003, 4495.0, false], // 4495 is written without decimals, and with no trailing zeros
  ])('%d rounds to %d: %s', (precise, round, expected) => {
    expect(roundsTo(precise, round)).toBe(expected);
  });
  test('population and area: rounding is not a conflict; other metrics stay strict', () => {
    const pop = (v: number, source: string) => obs('a', '2023', v, { metric: 'population', source, id: `a|population|2023|${source}` });
    const [p1, p2] = markConflicts([pop(326504, 'x'), pop(326500, 'y')], new Set(), new Set(['population']));
    expect([p1.conflicts_with, p2.conflicts_with]).toEqual([[], []]);
    const c = (v: number, source: string) => obs('a', '2023', v, { source, id: `a|communes|2023|${source}` });
    const [c1] = markConflicts([c(1234, 'x'), c(1200, 'y')], new Set(), new Set(['population']));
    expect(c1.conflicts_with).toHaveLength(1);
  });
});

describe('rollUpToCurrentBorders', () => {
  test('sums the latest pre-merger value of each predecessor, with coverage', () => {
    const rows = rollUpToCurrentBorders([obs('a', '2020', 10), obs('a', '2025-06-01', 12), obs('b', '2025-05-01', 7), obs('ab', '2025-07-01', 5)], lineage, metric());
    expect(rows).toEqual([
      {
        unit: 'ab', metric: 'communes', value: 19, covered: 2, of: 2, missing: [],
        parts: [
          { unit: 'a', observation: 'a|communes|2025-06-01|reported|s', value: 12, date: '2025-06-01' },
          { unit: 'b', observation: 'b|communes|2025-05-01|reported|s', value: 7, date: '2025-05-01' },
        ],
      },
    ]);
  });
  test('reports partial coverage as k of n and names the missing predecessor', () => {
    const [r] = rollUpToCurrentBorders([obs('a', '2019', 4)], lineage, metric());
    expect(r).toMatchObject({ unit: 'ab', value: 4, covered: 1, of: 2, missing: ['b'] });
  });
  test.each([
    // predecessors' figures, the dates summed
    ['one date common to both: the latest common one, not each latest', [obs('a', '2019-04-01', 100), obs('a', '2022', 110), obs('a', '2023', 120), obs('b', '2019-04-01', 50), obs('b', '2022', 55)], ['2022', '2022'], 165],
    ['no common date: each predecessor\'s latest', [obs('a', '2023', 120), obs('b', '2022', 55)], ['2023', '2022'], 175],
    ['an undated interval counts from its start: a dated figure inside it is later', [obs('a', '2024/2025-06-30', 180), obs('a', '2025-02-14', 184), obs('b', '2025-03-01', 10)], ['2025-02-14', '2025-03-01'], 194],
  ] as const)('%s', (_, rows, dates, value) => {
    const [r] = rollUpToCurrentBorders(rows, lineage, metric());
    expect(r.parts.map((p) => p.date)).toEqual(dates);
    expect(r.value).toBe(value);
  });
  test('ignores planned figures and non-additive metrics', () => {
    expect(rollUpToCurrentBorders([obs('a', '2019', 4, { status: 'planned' })], lineage, metric())).toEqual([]);
    expect(rollUpToCurrentBorders([obs('a', '2019', 4)], lineage, metric({ additive: false }))).toEqual([]);
  });
});

describe('beforeAfter', () => {
  const current = [unit('ab', 'current', '2025-07-01'), unit('c', 'current')];
  test('gives the change only when every predecessor reported', () => {
    const rows = beforeAfter([obs('a', '2025-06-01', 12), obs('b', '2025-06-01', 8), obs('ab', '2025-07-01', 5), obs('c', '2025-07-01', 3)], lineage, metric(), current);
    expect(rows.map((r) => [r.unit, r.before?.value ?? null, r.after?.value ?? null, r.change?.absolute ?? null])).toEqual([
      ['ab', 20, 5, -15],
      ['c', null, 3, null],
    ]);
  });
  test('partial coverage gives no change', () => {
    const [r] = beforeAfter([obs('a', '2025-06-01', 12), obs('ab', '2025-07-01', 5)], lineage, metric(), current);
    expect(r.change).toBeNull();
    expect(r.before).toMatchObject({ covered: 1, of: 2 });
  });
});

describe('beforeAfter for population and area', () => {
  test.each(['population', 'area_km2'])('%s: both values, no change (different measures)', (id) => {
    const current = [unit('ab', 'current', '2025-07-01')];
    const rows = [obs('a', '2023', 10), obs('b', '2023', 8), obs('ab', '2025-07-01', 20)].map((o) => ({ ...o, metric: id }));
    const [r] = beforeAfter(rows, lineage, metric({ id }), current);
    expect(r.before?.value).toBe(18);
    expect(r.after?.value).toBe(20);
    expect(r.change).toBeNull();
  });
});

describe('markConflicts', () => {
  test('a flow (a running total) conflicts only on overlapping dates, not within the stock window', () => {
    const rows = [obs('c', '2025-08-19', 94, { source: 's1' }), obs('c', '2025-09-17', 141, { source: 's2' }), obs('c', '2025-09-17', 140, { source: 's3' })];
    const [a, b, c] = markConflicts(rows, new Set(['communes']));
    expect(a.conflicts_with).toEqual([]);
    expect(b.conflicts_with).toEqual([c.id]);
    expect(c.conflicts_with).toEqual([b.id]);
    // The same rows as a stock: 29 days apart is within the window.
    expect(markConflicts(rows)[0].conflicts_with).toEqual([b.id, c.id]);
  });

  test('rows with the same unit, metric, date and status but different values point at each other', () => {
    const [x, y, z] = markConflicts([obs('c', '2025-07-01', 69, { source: 's1' }), obs('c', '2025-07-01', 70, { source: 's2' }), obs('c', '2025-07-01', 69, { source: 's3' })]);
    expect(x.conflicts_with).toEqual(['c|communes|2025-07-01|reported|s2']);
    expect(y.conflicts_with).toEqual(['c|communes|2025-07-01|reported|s1', 'c|communes|2025-07-01|reported|s3']);
    expect(z.conflicts_with).toEqual(['c|communes|2025-07-01|reported|s2']);
  });
  test.each([
    ['2025-07-02', '2025-07-03', true],
    ['2025-07-01', '2025-08-15', false],
    ['2024', '2024-06-16', true],
    ['2025', '2025-06-16', true], // a bare "2025" counts as the old map
    ['2024', '2025-02-14', false],
    ['2025-06-30', '2025-07-01', false],
    ['2025/2025-06-30', '2025-07-01', false],
    ['2024-11-14/2025-06-30', '2025-06-16', true],
  ])('%s vs %s from two sources: conflict is %s', (a, b, expected) => {
    const [x] = markConflicts([obs('c', a, 13, { source: 's1', id: 'x' }), obs('c', b, 14, { source: 's2', id: 'y' })]);
    expect(x.conflicts_with.length > 0).toBe(expected);
  });
  test('the same source at two dates is a change, not a conflict', () => {
    expect(markConflicts([obs('c', '2025-07-01', 1), obs('c', '2025-07-02', 2)]).every((o) => o.conflicts_with.length === 0)).toBe(true);
  });
  test('agreeing sources are not a conflict', () => {
    expect(markConflicts([obs('c', '2025', 1, { source: 's1' }), obs('c', '2025', 1, { source: 's2' })]).every((o) => o.conflicts_with.length === 0)).toBe(true);
  });
});

describe('checkNationalTotals', () => {
  const units = [unit('vn', 'national'), unit('ab', 'current', '2025-07-01'), unit('c', 'current'), unit('a', 'pre-2025', '', '2025-06-30')];
  test('compares the national total with the sum of the provinces on the same date', () => {
    const checks = checkNationalTotals([obs('vn', '2025-07-01', 10), obs('ab', '2025-07-01', 5), obs('c', '2025-07-01', 3)], [metric()], units);
    expect(checks).toEqual([{ metric: 'communes', date: '2025-07-01', national: 10, nationalObservation: 'vn|communes|2025-07-01|reported|s', sum: 8, covered: 2, of: 2, difference: 2 }]);
  });
});
