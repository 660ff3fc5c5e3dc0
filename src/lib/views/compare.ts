import type { Lang } from '../i18n/index.ts';
import { formatDate, formatNumber } from '../format.ts';
import { predecessors, successor, unitLabel } from '../queries.ts';
import type { Dataset } from '../schema/dataset.ts';
import { foldDiacritics } from '../text.ts';
import { headline } from './metric.ts';

/** What the compare page needs, small enough to embed as JSON: labels, search terms, headline figures. */
export interface CompareData {
  units: { id: string; label: string; hint: string; terms: string; current: boolean }[];
  metrics: { id: string; label: string }[];
  /** values[unit][metric] = [value, formatted, date text, planned, source id] */
  values: Record<string, Record<string, [number, string, string, boolean, string]>>;
  defaults: string[];
}

export function compareData(d: Dataset, lang: Lang): CompareData {
  const byId = new Map(d.units.map((u) => [u.id, u]));
  const provinces = d.units.filter((u) => u.era !== 'national');
  const metrics = d.metrics.filter((m) => m.level === 'province' && m.id !== 'population' && m.id !== 'area_km2');
  const values: CompareData['values'] = {};
  for (const u of provinces) {
    const own = d.observations.filter((o) => o.unit === u.id);
    for (const m of metrics) {
      const h = headline(own.filter((o) => o.metric === m.id));
      if (!h) continue;
      (values[u.id] ??= {})[m.id] = [h.value, formatNumber(h.value, lang, m.decimals) + (h.denominator !== null ? `/${formatNumber(h.denominator, lang)}` : ''), formatDate(h.date, lang), h.status !== 'reported', h.source];
    }
  }
  const units = provinces.map((u) => {
    const preds = predecessors(d, u.id).filter((p) => p !== u.id).map((p) => byId.get(p)!);
    const next = successor(d, u.id);
    const nextUnit = next && next !== u.id ? byId.get(next) : undefined;
    const hint = preds.length
      ? `${lang === 'vi' ? 'gồm' : 'from'} ${preds.map((p) => unitLabel(p, lang)).join(', ')}`
      : nextUnit
        ? `${lang === 'vi' ? 'nay thuộc' : 'now part of'} ${unitLabel(nextUnit, lang)}`
        : '';
    const terms = [u.name_vi, u.name_en, ...u.aliases, ...preds.flatMap((p) => [p.name_vi, ...p.aliases])].map(foldDiacritics);
    return { id: u.id, label: unitLabel(u, lang), hint, terms: [...new Set(terms)].join('|'), current: u.era === 'current' };
  });
  const defaults = provinces
    .filter((u) => u.era === 'current')
    .map((u) => ({ id: u.id, n: Object.keys(values[u.id] ?? {}).length }))
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
    .slice(0, 4)
    .map((x) => x.id);
  return { units, metrics: metrics.map((m) => ({ id: m.id, label: lang === 'vi' ? m.label_vi : m.label_en })), values, defaults };
}

/** Matches what a reader types against names, aliases and old names, diacritics-insensitive. */
export function searchUnits(data: CompareData, query: string, limit = 8): CompareData['units'] {
  const q = foldDiacritics(query);
  if (!q) return [];
  const scored = data.units
    .map((u) => {
      const terms = u.terms.split('|');
      const own = foldDiacritics(u.label);
      const score = own.startsWith(q) ? 0 : terms.some((t) => t.startsWith(q)) ? 1 : terms.some((t) => t.includes(q)) ? 2 : -1;
      return { u, score };
    })
    .filter((x) => x.score >= 0)
    .sort((a, b) => a.score - b.score || Number(b.u.current) - Number(a.u.current) || a.u.label.localeCompare(b.u.label));
  return scored.slice(0, limit).map((x) => x.u);
}

/** Parses `?u=a,b` (or repeated `u`), keeping known, distinct ids, at most four. */
export function selectionFromQuery(search: string, known: ReadonlySet<string>): string[] {
  const params = new URLSearchParams(search);
  const ids = params.getAll('u').flatMap((v) => v.split(',')).map((s) => s.trim()).filter((id) => known.has(id));
  return [...new Set(ids)].slice(0, 4);
}
