import { parsePartialDate } from '../dates.ts';
import type { Lineage } from '../schema/lineage.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Unit } from '../schema/unit.ts';

/** The day the 34-province map took effect; pre-2025 figures are those dated before it. */
export const MERGER_DATE = '2025-07-01';

/** Two figures this close in time from different sources should describe the same state of things. */
export const CONFLICT_WINDOW_DAYS = 31;

const DAY = 864e5;

/** Start (ms) of the period a figure refers to; its end is `date_end`. */
const startOf = (o: Observation) => Date.parse(parsePartialDate(o.date)?.start ?? o.date_end);

/**
 * Marks rows whose value differs from another source's for the same unit, metric and status at the same
 * time: overlapping dates, or dates at most CONFLICT_WINDOW_DAYS apart, on the same side of 1 July 2025
 * (the same map). Both rows are kept. Linear-ish: each group is swept in date order.
 */
export function markConflicts(observations: Observation[]): Observation[] {
  const groups = new Map<string, { o: Observation; start: number; end: number }[]>();
  for (const o of observations) {
    const key = `${o.unit}|${o.metric}|${o.status}|${o.era}`;
    const item = { o, start: startOf(o), end: Date.parse(o.date_end) };
    const g = groups.get(key);
    if (g) g.push(item);
    else groups.set(key, [item]);
  }
  const conflicts = new Map<Observation, string[]>();
  const add = (a: Observation, b: Observation) => {
    const list = conflicts.get(a);
    if (list) list.push(b.id);
    else conflicts.set(a, [b.id]);
  };
  const window = CONFLICT_WINDOW_DAYS * DAY;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => a.start - b.start);
    for (let i = 0; i < g.length; i++) {
      const a = g[i];
      for (let j = i + 1; j < g.length && g[j].start <= a.end + window; j++) {
        const b = g[j];
        if (b.o.value === a.o.value || b.o.source === a.o.source) continue;
        const overlap = b.start <= a.end && a.start <= b.end;
        if (overlap || Math.abs(a.end - b.end) <= window) {
          add(a.o, b.o);
          add(b.o, a.o);
        }
      }
    }
  }
  const order = new Map(observations.map((o, i) => [o.id, i]));
  return observations.map((o) => {
    const ids = conflicts.get(o);
    return ids ? { ...o, conflicts_with: ids.sort((x, y) => order.get(x)! - order.get(y)!) } : o;
  });
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
 * sum of its predecessors' latest reported values dated before 1 July 2025, with coverage "k of n".
 * Units with no reporting predecessor get no row; non-additive metrics are never rolled up.
 */
export function rollUpToCurrentBorders(observations: readonly Observation[], lineage: readonly Lineage[], metric: Metric): RollUp[] {
  if (!metric.additive) return [];
  const latest = new Map<string, Observation>();
  for (const o of observations) {
    if (o.metric !== metric.id || o.status !== 'reported' || o.era !== 'pre-2025') continue;
    const prev = latest.get(o.unit);
    // Later date wins; on the same date the first source in file order wins (conflicts are shown elsewhere).
    if (!prev || o.date_end > prev.date_end) latest.set(o.unit, o);
  }
  const result: RollUp[] = [];
  for (const [unit, preds] of predecessorsOf(lineage)) {
    const parts = preds.flatMap((p) => {
      const o = latest.get(p);
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
      missing: preds.filter((p) => !latest.has(p)),
    });
  }
  return result.sort((a, b) => a.unit.localeCompare(b.unit));
}

export interface BeforeAfter {
  unit: string;
  metric: string;
  before: RollUp | null;
  after: { value: number; date: string; observation: string } | null;
  change: Change | null;
}

/** For stock metrics: the pre-2025 value on today's borders and the latest value since, with the change. */
export function beforeAfter(observations: readonly Observation[], lineage: readonly Lineage[], metric: Metric, currentUnits: readonly Unit[]): BeforeAfter[] {
  if (metric.kind !== 'stock' || metric.level === 'national') return [];
  const rolled = new Map(rollUpToCurrentBorders(observations, lineage, metric).map((r) => [r.unit, r]));
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
      change: before && a && before.covered === before.of ? changeBetween(before.value, a.value) : null,
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
  for (const m of metrics.filter((x) => x.additive)) {
    const totals: Observation[] = [];
    // Provinces' reported figures, indexed by unit, map and year, sorted by date for a nearest-date search.
    const index = new Map<string, { t: number; o: Observation }[]>();
    for (const o of observations) {
      if (o.metric !== m.id || o.status !== 'reported') continue;
      if (nationalIds.has(o.unit)) {
        totals.push(o);
        continue;
      }
      const key = `${o.unit}|${o.era}|${o.date_end.slice(0, 4)}`;
      const item = { t: Date.parse(o.date_end), o };
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
    if (totals.length === 0) continue;
    for (const list of index.values()) list.sort((a, b) => a.t - b.t);
    for (const total of totals) {
      const year = total.date_end.slice(0, 4);
      const target = Date.parse(total.date_end);
      // The map the total describes: a pre-merger total dated "2025" still counts the 63 provinces.
      const day = total.era === 'pre-2025' && total.date_end >= MERGER_DATE ? '2025-06-30' : total.date_end;
      const provinces = provincesOn(day);
      let sum = 0;
      let covered = 0;
      for (const u of provinces) {
        const candidates = index.get(`${u.id}|${total.era}|${year}`);
        if (!candidates) continue;
        sum += nearest(candidates, target).value;
        covered++;
      }
      if (covered === 0) continue;
      checks.push({ metric: m.id, date: total.date, national: total.value, nationalObservation: total.id, sum, covered, of: provinces.length, difference: total.value - sum });
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
