import type { Coverage } from '../schema/dataset.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Unit } from '../schema/unit.ts';
import type { RollUp } from './derive.ts';

/** What is known and what is missing: one row per metric × unit, including units with no data. */
export function coverageTable(metrics: readonly Metric[], units: readonly Unit[], observations: readonly Observation[], rollUps: readonly RollUp[]): Coverage[] {
  const counts = new Map<string, { n: number; latest: string }>();
  for (const o of observations) {
    const key = `${o.metric}|${o.unit}`;
    const c = counts.get(key) ?? { n: 0, latest: '' };
    c.n++;
    if (o.date > c.latest) c.latest = o.date;
    counts.set(key, c);
  }
  const rolled = new Map(rollUps.map((r) => [`${r.metric}|${r.unit}`, r]));
  const rows: Coverage[] = [];
  for (const m of metrics) {
    for (const u of units) {
      if (m.level === 'national' ? u.era !== 'national' : false) continue;
      const c = counts.get(`${m.id}|${u.id}`);
      const r = rolled.get(`${m.id}|${u.id}`);
      rows.push({
        metric: m.id,
        unit: u.id,
        era: u.era,
        observations: c?.n ?? 0,
        latest: c?.latest ?? '',
        rolled_up: u.era === 'current' && m.additive ? (r ? `${r.covered}/${r.of}` : '') : '',
      });
    }
  }
  return rows;
}

/** Per metric: how many units of each era have at least one observation. */
export function coverageSummary(coverage: readonly Coverage[], units: readonly Unit[]) {
  const eraCount = (era: Unit['era']) => units.filter((u) => u.era === era || (era === 'pre-2025' && u.era === 'current' && u.valid_from === '')).length;
  const byMetric = new Map<string, { old: number; current: number; national: number }>();
  const unitById = new Map(units.map((u) => [u.id, u]));
  for (const c of coverage) {
    const s = byMetric.get(c.metric) ?? { old: 0, current: 0, national: 0 };
    if (c.observations > 0) {
      const u = unitById.get(c.unit)!;
      if (u.era === 'national') s.national++;
      if (u.era === 'current') s.current++;
      if (u.era === 'pre-2025' || (u.era === 'current' && u.valid_from === '')) s.old++;
    }
    byMetric.set(c.metric, s);
  }
  return { byMetric, oldTotal: eraCount('pre-2025'), currentTotal: eraCount('current') };
}
