import { dayMs, parsePartialDate, recencyOf } from '../dates.ts';
import { REFERENCE_METRICS } from '../reference-metrics.ts';
import type { Lineage } from '../schema/lineage.ts';
import type { Metric } from '../schema/metric.ts';
import { statuses, type Observation } from '../schema/observation.ts';
import type { Unit } from '../schema/unit.ts';

/** The day the 34-province map took effect; pre-2025 figures are those dated before it. */
export const MERGER_DATE = '2025-07-01';

/** Two figures this close in time from different sources should describe the same state of things. */
export const CONFLICT_WINDOW_DAYS = 31;

const DAY = 864e5;

/** Start (ms) of the period a figure refers to; its end is `date_end`. */
const startOf = (o: Observation) => dayMs(parsePartialDate(o.date)?.start ?? o.date_end);

/**
 * True when `precise` rounds to `round` at the precision `round` is written with: its decimals, or, for a
 * whole number, its trailing zeros from hundreds up (326,500 is "to the hundred"; 124 is exact, never
 * a rounding of 120).
 */
export function roundsTo(precise: number, round: number): boolean {
  const text = String(round);
  let step: number;
  if (text.includes('.')) step = 10 ** -(text.length - text.indexOf('.') - 1);
  else {
    const zeros = text.length - text.replace(/0+$/, '').length;
    if (zeros < 2 || round === 0) return false;
    step = 10 ** zeros;
  }
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(precise / step) * step).toFixed(digits)) === round;
}

/**
 * Marks rows whose value differs from another source's for the same unit, metric and status at the same
 * time, on the same side of 1 July 2025 (the same map). Both rows are kept. For a stock (a level at a
 * date) "the same time" is overlapping dates or dates at most CONFLICT_WINDOW_DAYS apart: sources date
 * the same state of things a little differently. For a flow (a total up to its date, such as staff exits
 * so far) only overlapping dates count: two running totals at different dates are expected to differ.
 * For metrics in `rounding` (population and area), a round figure does not conflict with a more precise
 * one that rounds to it: 326,500 and 326,504, or 2,390.8 and 2,390.77 km², are one figure at two
 * precisions (see roundsTo). Linear-ish: each group is swept in date order.
 */
export function markConflicts(observations: Observation[], flows: ReadonlySet<string> = new Set(), rounding: ReadonlySet<string> = new Set()): Observation[] {
  // Groups by unit, then metric, then status × era, without building a key string per row; a group is a
  // list of row indices, with each row's start and end day in typed arrays.
  const n = observations.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const byUnit = new Map<string, Map<string, number[][]>>();
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const o = observations[i];
    start[i] = startOf(o);
    end[i] = dayMs(o.date_end);
    let byMetric = byUnit.get(o.unit);
    if (!byMetric) byUnit.set(o.unit, (byMetric = new Map()));
    let slots = byMetric.get(o.metric);
    if (!slots) byMetric.set(o.metric, (slots = []));
    const slot = statuses.indexOf(o.status) * 2 + (o.era === 'current' ? 1 : 0);
    const g = slots[slot];
    if (g) g.push(i);
    else groups.push((slots[slot] = [i]));
  }
  // Row index → the rows it conflicts with; ordered by file order below.
  const conflicts = new Map<number, number[]>();
  const add = (a: number, b: number) => {
    const list = conflicts.get(a);
    if (list) list.push(b);
    else conflicts.set(a, [b]);
  };
  const stockWindow = CONFLICT_WINDOW_DAYS * DAY;
  for (const g of groups) {
    if (g.length < 2) continue;
    const window = flows.has(observations[g[0]].metric) ? 0 : stockWindow;
    g.sort((a, b) => start[a] - start[b]);
    for (let x = 0; x < g.length; x++) {
      const a = g[x];
      const oa = observations[a];
      for (let y = x + 1; y < g.length && start[g[y]] <= end[a] + window; y++) {
        const b = g[y];
        const ob = observations[b];
        if (ob.value === oa.value || ob.source === oa.source) continue;
        if (rounding.has(oa.metric) && (roundsTo(ob.value, oa.value) || roundsTo(oa.value, ob.value))) continue;
        const overlap = start[b] <= end[a] && start[a] <= end[b];
        if (overlap || Math.abs(end[a] - end[b]) <= window) {
          add(a, b);
          add(b, a);
        }
      }
    }
  }
  if (conflicts.size === 0) return observations;
  const out = observations.slice();
  for (const [i, list] of conflicts) {
    list.sort((x, y) => x - y);
    out[i] = { ...observations[i], conflicts_with: list.map((x) => observations[x].id) };
  }
  return out;
}

export interface Change {
  from: number;
  to: number;
  absolute: number;
  /** null when the starting value is 0. */
  percent: number | null;
}

/** Change between two stock observations (earlier → later). */
export function changeBetween(from: number, to: number): Change {
  return { from, to, absolute: to - from, percent: from === 0 ? null : ((to - from) / from) * 100 };
}

/** A value per 100,000 people; null when the population is unknown or zero. */
export function per100k(value: number, population: number | null | undefined): number | null {
  return population ? (value / population) * 100_000 : null;
}

export interface RollUp {
  unit: string;
  metric: string;
  value: number;
  /** Predecessors that reported, out of all predecessors. */
  covered: number;
  of: number;
  parts: { unit: string; observation: string; value: number; date: string }[];
  missing: string[];
}

/** Predecessors of each current unit, from the lineage table (an unchanged unit is its own predecessor). */
export function predecessorsOf(lineage: readonly Lineage[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const l of lineage) {
    const list = map.get(l.to) ?? [];
    list.push(l.from);
    map.set(l.to, list);
  }
  for (const list of map.values()) list.sort();
  return map;
}

/**
 * Rolls an additive metric up from pre-2025 provinces to today's borders: each current unit gets the
 * sum of its predecessors' reported values dated before 1 July 2025, with coverage "k of n". When every
 * predecessor has a figure for one same date, the latest such date is used for all of them (a sum of
 * one year's figures); otherwise each predecessor's latest figure. On one date the first source in file
 * order wins (conflicts are shown elsewhere). Units with no reporting predecessor get no row;
 * non-additive metrics are never rolled up.
 */
export function rollUpToCurrentBorders(observations: readonly Observation[], lineage: readonly Lineage[], metric: Metric): RollUp[] {
  if (!metric.additive) return [];
  const byUnit = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.metric !== metric.id || o.status !== 'reported' || o.era !== 'pre-2025') continue;
    const list = byUnit.get(o.unit);
    if (list) list.push(o);
    else byUnit.set(o.unit, [o]);
  }
  const latestOf = (list: readonly Observation[]) => list.reduce((best, o) => (recencyOf(o) > recencyOf(best) ? o : best));
  const result: RollUp[] = [];
  for (const [unit, preds] of predecessorsOf(lineage)) {
    const lists = preds.map((p) => byUnit.get(p) ?? []);
    let chosen = lists.map((l) => (l.length > 0 ? latestOf(l) : undefined));
    if (preds.length > 1 && lists.every((l) => l.length > 0)) {
      const dateSets = lists.map((l) => new Set(l.map((o) => o.date)));
      const common = [...dateSets[0]].filter((x) => dateSets.every((d) => d.has(x)));
      if (common.length > 0) {
        const firstWith = (date: string) => lists[0].find((o) => o.date === date)!;
        const date = common.reduce((a, b) => (recencyOf(firstWith(b)) > recencyOf(firstWith(a)) ? b : a));
        chosen = lists.map((l) => l.find((o) => o.date === date));
      }
    }
    const parts = preds.flatMap((p, i) => {
      const o = chosen[i];
      return o ? [{ unit: p, observation: o.id, value: o.value, date: o.date }] : [];
    });
    if (parts.length === 0) continue;
    result.push({
      unit,
      metric: metric.id,
      value: parts.reduce((s, p) => s + p.value, 0),
      covered: parts.length,
      of: preds.length,
      parts,
      missing: preds.filter((p, i) => !chosen[i]),
    });
  }
  return result.sort((a, b) => a.unit.localeCompare(b.unit));
}

/** Observations grouped by metric, in their original order: each derivation then reads only its metric's rows. */
export function groupByMetric(observations: readonly Observation[]): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const g = groups.get(o.metric);
    if (g) g.push(o);
    else groups.set(o.metric, [o]);
  }
  return groups;
}

/**
 * Population and area describe the territory, not a reform outcome. Their "after" (Resolution 202's
 * figures) and "before" (the predecessors' statistics, often of another year) are different measures,
 * so no change is computed between them: both values are still shown.
 */
export { REFERENCE_METRICS };

export interface BeforeAfter {
  unit: string;
  metric: string;
  before: RollUp | null;
  after: { value: number; date: string; observation: string } | null;
  change: Change | null;
}

/** For stock metrics: the pre-2025 value on today's borders and the latest value since, with the change. */
export function beforeAfter(
  observations: readonly Observation[],
  lineage: readonly Lineage[],
  metric: Metric,
  currentUnits: readonly Unit[],
  /** This metric's roll-ups when the caller already has them. */
  rollUps: readonly RollUp[] = rollUpToCurrentBorders(observations, lineage, metric),
): BeforeAfter[] {
  if (metric.kind !== 'stock' || metric.level === 'national') return [];
  const rolled = new Map(rollUps.map((r) => [r.unit, r]));
  const after = new Map<string, Observation>();
  for (const o of observations) {
    if (o.metric !== metric.id || o.status !== 'reported' || o.era !== 'current') continue;
    const prev = after.get(o.unit);
    if (!prev || o.date_end > prev.date_end) after.set(o.unit, o);
  }
  const out: BeforeAfter[] = [];
  for (const u of currentUnits) {
    const before = rolled.get(u.id) ?? null;
    const a = after.get(u.id);
    if (!before && !a) continue;
    out.push({
      unit: u.id,
      metric: metric.id,
      before,
      after: a ? { value: a.value, date: a.date, observation: a.id } : null,
      change: before && a && before.covered === before.of && !REFERENCE_METRICS.has(metric.id) ? changeBetween(before.value, a.value) : null,
    });
  }
  return out;
}

export interface NationalCheck {
  metric: string;
  date: string;
  national: number;
  nationalObservation: string;
  sum: number;
  covered: number;
  of: number;
  difference: number;
}

/**
 * Compares each national total with the sum of the provinces' values for additive metrics. A province's
 * value is its reported figure from the same calendar year and the same side of 1 July 2025 as the total,
 * the one nearest in date; only provinces that existed on the total's date count. A difference is reported, never hidden or corrected.
 */
export function checkNationalTotals(observations: readonly Observation[], metrics: readonly Metric[], units: readonly Unit[]): NationalCheck[] {
  const checks: NationalCheck[] = [];
  const nationalIds = new Set(units.filter((u) => u.era === 'national').map((u) => u.id));
  const unitsOn = new Map<string, Unit[]>();
  const provincesOn = (day: string) => {
    let list = unitsOn.get(day);
    if (!list) {
      list = units.filter((u) => u.era !== 'national' && (u.valid_from === '' || u.valid_from <= day) && (u.valid_to === '' || u.valid_to >= day));
      unitsOn.set(day, list);
    }
    return list;
  };
  const byMetric = groupByMetric(observations);
  for (const m of metrics.filter((x) => x.additive)) {
    const totals: Observation[] = [];
    // Provinces' reported figures by map and year, then by unit, sorted by date for a nearest-date search.
    const index = new Map<string, Map<string, { t: number; o: Observation }[]>>();
    for (const o of byMetric.get(m.id) ?? []) {
      if (o.status !== 'reported') continue;
      if (nationalIds.has(o.unit)) {
        totals.push(o);
        continue;
      }
      const key = `${o.era}|${o.date_end.slice(0, 4)}`;
      let byUnit = index.get(key);
      if (!byUnit) index.set(key, (byUnit = new Map()));
      const item = { t: dayMs(o.date_end), o };
      const list = byUnit.get(o.unit);
      if (list) list.push(item);
      else byUnit.set(o.unit, [item]);
    }
    if (totals.length === 0) continue;
    for (const byUnit of index.values()) for (const list of byUnit.values()) list.sort((a, b) => a.t - b.t);
    // Totals from several sources for the same day share one sum.
    const sums = new Map<string, { sum: number; covered: number; of: number }>();
    for (const total of totals) {
      // The map the total describes: a pre-merger total dated "2025" still counts the 63 provinces.
      const day = total.era === 'pre-2025' && total.date_end >= MERGER_DATE ? '2025-06-30' : total.date_end;
      const memo = `${total.era}|${day}|${total.date_end}`;
      let s = sums.get(memo);
      if (!s) {
        const byUnit = index.get(`${total.era}|${total.date_end.slice(0, 4)}`);
        const target = dayMs(total.date_end);
        const provinces = provincesOn(day);
        let sum = 0;
        let covered = 0;
        for (const u of provinces) {
          const candidates = byUnit?.get(u.id);
          if (!candidates) continue;
          sum += nearest(candidates, target).value;
          covered++;
        }
        s = { sum, covered, of: provinces.length };
        sums.set(memo, s);
      }
      if (s.covered === 0) continue;
      checks.push({ metric: m.id, date: total.date, national: total.value, nationalObservation: total.id, sum: s.sum, covered: s.covered, of: s.of, difference: total.value - s.sum });
    }
  }
  return checks;
}

/** The figure nearest in time to `target` in a list sorted by time (the earlier one on a tie). */
function nearest(sorted: readonly { t: number; o: Observation }[], target: number): Observation {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].t < target) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && target - sorted[lo - 1].t <= sorted[lo].t - target) return sorted[lo - 1].o;
  return sorted[lo].o;
}
