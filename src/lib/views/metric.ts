import type { Dataset } from '../schema/dataset.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Unit } from '../schema/unit.ts';
import { REFERENCE_METRICS } from '../reference-metrics.ts';
import { dayMs, recencyOf } from '../dates.ts';
import { predecessors } from '../queries.ts';

export type Era = 'current' | 'pre-2025';

export interface MetricRow {
  unit: Unit;
  /** The figure shown: the latest reported one in the era, else the latest planned or target one. */
  observation: Observation;
  /** Other figures for the same unit in the era (earlier dates, other sources, plans). */
  others: Observation[];
  conflict: boolean;
  population: Observation | null;
  /**
   * When `population` is a sum of the old provinces a current one was formed from (at a date they all
   * have), their figures; null for a province's own figure.
   */
  populationParts: { unit: Unit; observation: Observation }[] | null;
  perCapita: number | null;
  /** For current units: the predecessors' pre-merger total, when every predecessor reported. */
  /** `dates`: the dates of the predecessors' figures summed, each once. */
  before: { value: number; covered: number; of: number; dates: string[] } | null;
  change: { absolute: number; percent: number | null } | null;
}

export interface MetricEraView {
  era: Era;
  metric: Metric;
  rows: MetricRow[];
  /** Units of the era with no figure at all. */
  missing: Unit[];
  total: number;
  /** The one date all per-100,000 figures divide by, when there is one (see populationBasis). */
  populationDate: string | null;
  /** True when per-100,000 figures divide by populations of different dates. */
  populationMixed: boolean;
  /** Units whose per-100,000 figure divides by a population of another date than `populationDate`. */
  populationExceptions: string[];
}

const inEra = (era: Era) => (o: Observation) => o.era === era;

export function eraUnits(d: Dataset, era: Era): Unit[] {
  return era === 'current' ? d.units.filter((u) => u.era === 'current') : d.units.filter((u) => u.era === 'pre-2025' || (u.era === 'current' && u.valid_from === ''));
}

const statusRank = { reported: 0, planned: 1, target: 2 } as const;

/**
 * Picks the figure to show: reported before planned before target, then the latest (see recencyOf),
 * then the dataset's order (file order, with secondary sites after the others: see the pipeline).
 */
export function headline(observations: readonly Observation[]): Observation | null {
  let best: Observation | null = null;
  for (const o of observations) {
    if (!best || statusRank[o.status] < statusRank[best.status] || (statusRank[o.status] === statusRank[best.status] && recencyOf(o) > recencyOf(best))) best = o;
  }
  return best;
}

/** The predecessors' figures behind each summed population, keyed by the synthetic observation. */
const rolledParts = new WeakMap<Observation, { unit: Unit; observation: Observation }[]>();
/** Population lists per dataset and era, computed once: every ranking of the era reads them. */
const populationCache = new WeakMap<Dataset, Map<Era, Map<string, Observation[]>>>();

/**
 * Reported population figures of the unit usable in the era. A province whose borders did not change
 * on 1 July 2025 keeps its pre-merger figures when it has none of its own after it. A merged province
 * also gets, for every date at which all the old provinces it was formed from have a reported figure,
 * their sum: the same measure at the same date as the old provinces' own, so that per-head figures
 * before and after 1 July 2025 can share one basis (the 2019 census, say).
 */
function populationsIn(d: Dataset, unit: string, era: Era): Observation[] {
  let byEra = populationCache.get(d);
  if (!byEra) populationCache.set(d, (byEra = new Map()));
  let lists = byEra.get(era);
  if (!lists) byEra.set(era, (lists = new Map()));
  let list = lists.get(unit);
  if (!list) lists.set(unit, (list = computePopulations(d, unit, era)));
  return list;
}

function computePopulations(d: Dataset, unit: string, era: Era): Observation[] {
  const reported = (id: string) => d.observations.filter((o) => o.unit === id && o.metric === 'population' && o.status === 'reported');
  const own = reported(unit);
  const same = own.filter(inEra(era));
  if (era === 'pre-2025') return same;
  const u = d.units.find((x) => x.id === unit);
  if (!u || u.era !== 'current') return [];
  if (u.valid_from === '') return same.length > 0 ? same : own;
  const preds = predecessors(d, unit).filter((p) => p !== unit).map((p) => d.units.find((x) => x.id === p)).filter((x): x is Unit => Boolean(x));
  if (preds.length === 0) return same;
  const predLists = preds.map((p) => reported(p.id).filter(inEra('pre-2025')));
  const sums: Observation[] = [];
  for (const date of new Set(predLists[0].map((o) => o.date))) {
    const at = predLists.map((l) => headline(l.filter((o) => o.date === date)));
    if (at.some((o) => !o)) continue;
    const parts = preds.map((p, i) => ({ unit: p, observation: at[i]! }));
    const sum: Observation = {
      ...at[0]!,
      id: `${unit}|population|${date}|sum`,
      unit,
      era: 'current',
      value: parts.reduce((t, p) => t + p.observation.value, 0),
      source: [...new Set(parts.map((p) => p.observation.source))].join(' '),
      locator: parts.map((p) => `${p.unit.id}: ${p.observation.locator}`).join(' | '),
      note: '',
      note_vi: '',
      conflicts_with: [],
    };
    rolledParts.set(sum, parts);
    sums.push(sum);
  }
  return [...same, ...sums];
}

/** The old provinces' figures a summed population was made of; null for a province's own figure. */
export const partsOf = (o: Observation | null) => (o ? (rolledParts.get(o) ?? null) : null);

export interface PopulationBasis {
  /**
   * The date populations are taken at: every unit's when `mixed` is false; most units' when `mixed` is
   * true (the others are listed in `exceptions`); null when no date is shared by a majority.
   */
  date: string | null;
  chosen: Map<string, Observation>;
  /** True when the chosen figures are of different dates. */
  mixed: boolean;
  /** Units without a figure at `date`: their figure nearest to it is used. */
  exceptions: string[];
}

/**
 * Denominators for per-100,000 figures. Provinces compare fairly per head only when their populations
 * are counted at the same moment and in the same way, so one date is used for as many of them as
 * possible. `preference` counts, for the whole era, how many units have a figure at each date: the
 * era's most shared date is used whenever a majority of the ranking's units have it, so that a
 * province divides by the same population in every ranking of its era. Otherwise the date most of the
 * ranking's units have (on a tie, the one the era shares more, then the later one). Units without a
 * figure at the chosen date use their figure nearest to it and are listed as exceptions. When no date
 * covers a majority of the units, each uses its latest and `date` is null. Units without any population
 * figure are left out: they get no per-head value either way.
 */
export function populationBasis(lists: ReadonlyMap<string, readonly Observation[]>, preference: ReadonlyMap<string, number> = new Map()): PopulationBasis {
  const withData = [...lists].filter(([, l]) => l.length > 0);
  const count = new Map<string, number>();
  const endOf = new Map<string, string>();
  for (const [, l] of withData) {
    for (const date of new Set(l.map((o) => o.date))) count.set(date, (count.get(date) ?? 0) + 1);
    for (const o of l) endOf.set(o.date, o.date_end);
  }
  const later = (a: string, b: string) => (endOf.get(b)! > endOf.get(a)! ? 1 : endOf.get(b)! < endOf.get(a)! ? -1 : 0);
  const majority = (date: string) => (count.get(date) ?? 0) * 2 > withData.length;
  // The era's own basis first, so that one province divides by the same population in every ranking.
  const eraBest = [...preference].filter(([date]) => count.has(date)).sort((a, b) => b[1] - a[1] || later(a[0], b[0]))[0];
  const best = [...count].sort((a, b) => b[1] - a[1] || (preference.get(b[0]) ?? 0) - (preference.get(a[0]) ?? 0) || later(a[0], b[0]))[0];
  const date = eraBest && majority(eraBest[0]) ? eraBest[0] : best && majority(best[0]) ? best[0] : null;
  const chosen = new Map<string, Observation>();
  const exceptions: string[] = [];
  const target = date === null ? 0 : dayMs(endOf.get(date)!);
  const distance = (o: Observation) => Math.abs(dayMs(o.date_end) - target);
  for (const [unit, list] of withData) {
    const at = date === null ? [] : list.filter((o) => o.date === date);
    if (date === null) chosen.set(unit, headline(list)!);
    else if (at.length > 0) chosen.set(unit, headline(at)!);
    else {
      exceptions.push(unit);
      const nearest = Math.min(...list.map(distance));
      chosen.set(unit, headline(list.filter((o) => distance(o) === nearest))!);
    }
  }
  return { date, chosen, mixed: new Set([...chosen.values()].map((o) => o.date)).size > 1, exceptions };
}

/** How many of the era's units have a population figure at each date: the tie-break of populationBasis. */
function eraPreference(d: Dataset, era: Era): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of eraUnits(d, era)) for (const date of new Set(populationsIn(d, u.id, era).map((o) => o.date))) counts.set(date, (counts.get(date) ?? 0) + 1);
  return counts;
}

export function metricEraView(d: Dataset, metricId: string, era: Era): MetricEraView {
  const metric = d.metrics.find((m) => m.id === metricId)!;
  const units = eraUnits(d, era);
  // A province whose borders did not change on 1 July 2025 keeps its population and area: its
  // earlier figures describe the same territory, so they stand in the 34-province views too.
  const sameLand = era === 'current' && REFERENCE_METRICS.has(metricId) ? new Set(units.filter((u) => u.valid_from === '').map((u) => u.id)) : new Set<string>();
  const byUnit = new Map<string, Observation[]>();
  for (const o of d.observations) {
    if (o.metric !== metricId || !(inEra(era)(o) || sameLand.has(o.unit))) continue;
    const list = byUnit.get(o.unit) ?? [];
    list.push(o);
    byUnit.set(o.unit, list);
  }
  const rows: MetricRow[] = [];
  const missing: Unit[] = [];
  const perHead = metric.additive && metric.id !== 'population' && metric.id !== 'area_km2';
  const basis = populationBasis(new Map(perHead ? units.filter((u) => byUnit.has(u.id)).map((u) => [u.id, populationsIn(d, u.id, era)] as const) : []), perHead ? eraPreference(d, era) : new Map());
  for (const unit of units) {
    const list = byUnit.get(unit.id) ?? [];
    const h = headline(list);
    if (!h) {
      missing.push(unit);
      continue;
    }
    const population = basis.chosen.get(unit.id) ?? null;
    const ba = era === 'current' ? d.beforeAfter.find((b) => b.unit === unit.id && b.metric === metricId) : undefined;
    rows.push({
      unit,
      observation: h,
      others: list.filter((o) => o !== h),
      conflict: h.conflicts_with.length > 0,
      population,
      populationParts: partsOf(population),
      perCapita: population ? (h.value / population.value) * 100_000 : null,
      // An unchanged province's own earlier figure is not a 'before' of itself.
      before: h.era === 'current' && ba?.before && ba.before.covered === ba.before.of ? { value: ba.before.value, covered: ba.before.covered, of: ba.before.of, dates: [...new Set(ba.before.parts.map((p) => p.date))] } : null,
      // Population and area are not reform outcomes: the old provinces' sum and the new province's
      // figure are often different measures or years (a statistics office's average population, the
      // population scale in Resolution 202), so their difference is not shown as a change.
      change: !REFERENCE_METRICS.has(metricId) && ba?.change && ba.after?.observation === h.id ? { absolute: ba.change.absolute, percent: ba.change.percent } : null,
    });
  }
  return { era, metric, rows, missing, total: units.length, populationDate: basis.date, populationMixed: basis.mixed, populationExceptions: basis.exceptions };
}

/** Eras in which the metric has at least one figure, current first. */
export function erasWithData(d: Dataset, metricId: string): Era[] {
  const eras: Era[] = [];
  for (const era of ['current', 'pre-2025'] as const) {
    if (eraUnits(d, era).some((u) => d.observations.some((o) => o.unit === u.id && o.metric === metricId && inEra(era)(o)))) eras.push(era);
  }
  return eras;
}

export type SortKey = 'value' | 'change' | 'name' | 'region';

/**
 * Rows in a chart's order. Planned and target figures are not ranked (the methodology's rule, and the
 * province page's "Hạng x/y"): in an order by value or change they follow every reported figure, so that
 * the top bar is never a plan. Alphabetical order mixes them.
 */
export function sortRows(rows: readonly MetricRow[], key: SortKey, nameOf: (u: Unit) => string, compare: (a: string, b: string) => number, perCapita = false): MetricRow[] {
  const val = (r: MetricRow) => (perCapita ? (r.perCapita ?? -Infinity) : r.observation.value);
  const byName = (a: MetricRow, b: MetricRow) => compare(nameOf(a.unit), nameOf(b.unit));
  const unranked = (r: MetricRow) => (r.observation.status === 'reported' ? 0 : 1);
  const sorted = [...rows];
  switch (key) {
    case 'value':
      return sorted.sort((a, b) => unranked(a) - unranked(b) || val(b) - val(a) || byName(a, b));
    case 'change':
      return sorted.sort((a, b) => unranked(a) - unranked(b) || (a.change?.percent ?? Infinity) - (b.change?.percent ?? Infinity) || byName(a, b));
    case 'name':
      return sorted.sort(byName);
    case 'region':
      return sorted.sort((a, b) => a.unit.region.localeCompare(b.unit.region) || unranked(a) - unranked(b) || val(b) - val(a) || byName(a, b));
  }
}

/** National figures of a metric (unit type country), latest first. */
export function nationalFigures(d: Dataset, metricId: string): Observation[] {
  const national = new Set(d.units.filter((u) => u.era === 'national').map((u) => u.id));
  return d.observations.filter((o) => o.metric === metricId && national.has(o.unit)).sort((a, b) => recencyOf(b).localeCompare(recencyOf(a)));
}
