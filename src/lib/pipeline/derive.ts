import { parsePartialDate } from '../dates.ts';
import type { Lineage } from '../schema/lineage.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Unit } from '../schema/unit.ts';

/** The day the 34-province map took effect; pre-2025 figures are those dated before it. */
export const MERGER_DATE = '2025-07-01';

/** Two figures this close in time from different sources should describe the same state of things. */
export const CONFLICT_WINDOW_DAYS = 31;

function daysApart(a: Observation, b: Observation): number {
  // Figures on either side of 1 July 2025 describe different maps: a difference there is a change.
  if (a.era !== b.era) return Infinity;
  const aStart = parsePartialDate(a.date)?.start ?? a.date_end;
  const bStart = parsePartialDate(b.date)?.start ?? b.date_end;
  // Overlapping date intervals (e.g. "2025" and "2025-06-16") count as the same time.
  if (aStart <= b.date_end && bStart <= a.date_end) return 0;
  return Math.abs(Date.parse(a.date_end) - Date.parse(b.date_end)) / 864e5;
}

/**
 * Marks rows whose value differs from another source's for the same unit, metric and status at the same
 * time (overlapping dates or dates at most CONFLICT_WINDOW_DAYS apart, on the same side of 1 July 2025).
 * Both rows are kept.
 */
export function markConflicts(observations: Observation[]): Observation[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.unit}|${o.metric}|${o.status}`;
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  }
  return observations.map((o) => {
    const g = groups.get(`${o.unit}|${o.metric}|${o.status}`)!;
    const others = g.filter((x) => x !== o && x.value !== o.value && x.source !== o.source && daysApart(o, x) <= CONFLICT_WINDOW_DAYS).map((x) => x.id);
    return others.length ? { ...o, conflicts_with: others } : o;
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
  const distance = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));
  for (const m of metrics.filter((x) => x.additive)) {
    const ofMetric = observations.filter((o) => o.metric === m.id && o.status === 'reported');
    for (const total of ofMetric.filter((o) => nationalIds.has(o.unit))) {
      const year = total.date_end.slice(0, 4);
      // The map the total describes: a pre-merger total dated "2025" still counts the 63 provinces.
      const day = total.era === 'pre-2025' && total.date_end >= MERGER_DATE ? '2025-06-30' : total.date_end;
      const provinces = units.filter((u) => u.era !== 'national' && (u.valid_from === '' || u.valid_from <= day) && (u.valid_to === '' || u.valid_to >= day));
      const valid = new Set(provinces.map((u) => u.id));
      const best = new Map<string, Observation>();
      for (const o of ofMetric) {
        // Unchanged provinces exist on both sides of 1 July 2025: only figures from the total's side count.
        if (!valid.has(o.unit) || o.date_end.slice(0, 4) !== year || o.era !== total.era) continue;
        const prev = best.get(o.unit);
        if (!prev || distance(o.date_end, total.date_end) < distance(prev.date_end, total.date_end)) best.set(o.unit, o);
      }
      if (best.size === 0) continue;
      const sum = [...best.values()].reduce((s, o) => s + o.value, 0);
      checks.push({ metric: m.id, date: total.date, national: total.value, nationalObservation: total.id, sum, covered: best.size, of: provinces.length, difference: total.value - sum });
    }
  }
  return checks;
}
