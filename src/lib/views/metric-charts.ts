// The charts of a metric page, built once and shared by the metric page and its embeds (so an embed
// draws exactly what the page draws), each with the rows it draws as data for CSV/XLSX downloads.
import { renderBeforeAfter, renderRanking, tileMap } from '../charts/index.ts';
import { formatDate, formatNumber, formatPercent, formatPeriod, formatValue, listJoin } from '../format.ts';
import { REFERENCE_METRICS } from '../reference-metrics.ts';
import { fill, t, type Lang } from '../i18n/index.ts';
import { collator, unitById, unitName } from '../queries.ts';
import { href } from '../routes.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Metric } from '../schema/metric.ts';
import type { Source } from '../schema/source.ts';
import type { ChartData } from '../share/chart-data.ts';
import { erasWithData, metricEraView, sortRows, type MetricEraView, type MetricRow, type SortKey } from './metric.ts';

export interface RankingVariant {
  key: SortKey;
  pc: boolean;
  svg: string;
  /** Unit ids in the order drawn. */
  order: string;
}

export interface FigureSpec {
  /** Figure id on the page and last path segment of the embed: `ranking-34`. */
  id: string;
  title: string;
  subtitle: string;
  data: ChartData;
}

export interface EraCharts {
  view: MetricEraView;
  layout: '34' | '63';
  sources: Source[];
  notes: string[];
  /** The notes plus what per-100,000 figures divide by; only the ranking shows per-head figures. */
  rankingNotes: string[];
  /** Said only while the ranking shows figures per 100,000 people (what they divide by). */
  perCapNotes: string[];
  ranking: FigureSpec & { keys: SortKey[]; perCap: boolean; variants: RankingVariant[] };
  map: FigureSpec & { svg: string };
  beforeAfter: (FigureSpec & { svg: string }) | null;
}

/** Columns of a map's rows (also used by the home page's map). */
export const mapColumns = ['unit', 'name', 'value', 'period_start', 'date', 'status', 'source', 'locator'];

/** One data row for a map or any chart drawing the headline value of a unit. */
export function mapRow(r: MetricRow, name: string): (string | number | null)[] {
  const o = r.observation;
  return [r.unit.id, name, o.value, o.period_start || null, o.date, o.status, o.source, o.locator];
}

/** The map of an era's headline values: SVG and rows, shared by metric pages, embeds and the home page. */
export function mapFigure(d: Dataset, lang: Lang, metric: Metric, view: MetricEraView, opts: { idPrefix: string; title: string; nameOf: (id: string) => string }) {
  const m = t(lang).metricPage;
  const fmt = (n: number) => formatValue(n, lang, metric.decimals);
  const byId = unitById(d);
  const layout = view.era === 'current' ? '34' : '63';
  const values = new Map(view.rows.map((r) => [r.unit.id, { value: r.observation.value, text: `${fmt(r.observation.value)} (${formatPeriod(r.observation.period_start, r.observation.date, lang)})`, planned: r.observation.status !== 'reported' }]));
  const svg = tileMap(d.tiles, {
    layout, values, idPrefix: opts.idPrefix,
    nameOf: opts.nameOf, hrefOf: (id) => href(lang, { page: 'province', id }), formatNumber: fmt,
    ariaLabel: fill(m.chartLabel, { title: opts.title }), missingLabel: t(lang).common.missing, plannedLabel: m.plannedLegend, plannedWord: t(lang).province.status.planned,
    islandLabel: (tile) => fill(m.islands, { name: lang === 'vi' ? tile.label_vi : tile.label_en, parent: opts.nameOf(byId.get(tile.unit)!.id) }),
    islandName: (tile) => (lang === 'vi' ? tile.label_vi : tile.label_en),
  });
  const cmp = collator(lang).compare;
  const rows = sortRows(view.rows, 'value', (u) => opts.nameOf(u.id), cmp).map((r) => mapRow(r, opts.nameOf(r.unit.id)));
  return { svg, columns: mapColumns, rows };
}

const cache = new Map<string, EraCharts[]>();

/** Every chart of a metric page, per era with data (current first). Cached: pages and embeds share it. */
export function metricCharts(d: Dataset, lang: Lang, metric: Metric): EraCharts[] {
  const key = `${d.version}|${lang}|${metric.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const m = t(lang).metricPage;
  const label = lang === 'vi' ? metric.label_vi : metric.label_en;
  const sourceById = new Map(d.sources.map((s) => [s.id, s]));
  const cmp = collator(lang).compare;
  const nameOf = (u: { name_vi: string; name_en: string }) => unitName(u, lang);
  const byId = unitById(d);
  const fmt = (n: number) => formatValue(n, lang, metric.decimals);
  const fmtPc = (n: number) => formatNumber(n, lang, 1);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
  const statusWord = t(lang).province.status;

  const out = erasWithData(d, metric.id).map((era): EraCharts => {
    const view = metricEraView(d, metric.id, era);
    const layout = era === 'current' ? '34' : '63';
    const sources = [...new Set(view.rows.map((r) => r.observation.source))].map((id) => sourceById.get(id)!).filter(Boolean);
    // Running totals reported on different days are not like for like: each bar then carries its date.
    // So are populations and areas counted in different years.
    const manyDates = new Set(view.rows.map((r) => r.observation.date)).size > 1;
    const mixedYears = REFERENCE_METRICS.has(metric.id) && manyDates;
    const mixedDates = (metric.kind === 'flow' && manyDates) || mixedYears;
    const notes = [
      ...(mixedDates ? [mixedYears ? m.mixedYearsNote : m.mixedDatesNote] : []),
      ...(metric.kind === 'flow' && view.rows.some((r) => r.observation.period_start) ? [m.periodsNote] : []),
      ...(view.rows.some((r) => r.conflict) ? [m.conflictNote] : []),
      ...(view.rows.some((r) => r.observation.status !== 'reported') ? [m.plannedNote] : []),
    ];

    // Per-head figures appear only in the ranking (its per-100,000 toggle and table): say what they divide by.
    const perCapNotes = !view.rows.some((r) => r.perCapita !== null) ? []
      : view.populationDate && !view.populationMixed ? [fill(m.perCapitaBasisNote, { date: formatDate(view.populationDate, lang) })]
      : view.populationDate ? [fill(view.populationExceptions.length === 1 ? m.perCapitaMostNoteOne : m.perCapitaMostNote, {
          n: view.rows.filter((r) => r.population?.date === view.populationDate).length,
          total: view.rows.filter((r) => r.population).length,
          date: formatDate(view.populationDate, lang),
          names: listJoin(view.populationExceptions.map((id) => {
            const row = view.rows.find((r) => r.unit.id === id)!;
            return `${nameOf(row.unit)} (${formatDate(row.population!.date, lang)})`;
          }), lang),
        })]
      : view.populationMixed ? [m.perCapitaMixedNote] : [];
    if (perCapNotes.length > 0 && view.rows.some((r) => r.perCapita !== null && r.populationParts)) perCapNotes.push(m.perCapitaSumNote);

    // Ranking: one pre-rendered variant per sort key and per-capita state.
    const keys: SortKey[] = ['value', ...(view.rows.some((r) => r.change) ? (['change'] as const) : []), 'name', 'region'];
    const perCapStates = view.rows.some((r) => r.perCapita !== null) ? [false, true] : [false];
    const rankingTitle = fill(m.rankingTitle, { metric: label });
    const variants: RankingVariant[] = [];
    // In per-100,000 mode, a bar whose population is not at the shared date carries a dagger (the note says why).
    const offBasis = new Set(view.populationExceptions);
    for (const pc of perCapStates) {
      for (const k of keys) {
        const rows = sortRows(view.rows.filter((r) => !pc || r.perCapita !== null), k, nameOf, cmp, pc);
        const title = rankingTitle + (pc ? ` (${m.perCapita.toLowerCase()})` : '');
        const bars = rows.map((r) => ({
          id: r.unit.id,
          label: nameOf(r.unit),
          value: pc ? r.perCapita! : r.observation.value,
          // Sorted by change, each bar says its change, so that the order reads; a plan says it is one.
          valueLabel: (pc ? fmtPc(r.perCapita!) : fmt(r.observation.value))
            + (k === 'change' && r.change?.percent != null ? ` (${formatPercent(r.change.percent, lang)})` : '')
            + (r.observation.status !== 'reported' ? ` (${statusWord[r.observation.status]})` : '')
            + (mixedDates ? ` · ${formatPeriod(r.observation.period_start, r.observation.date, lang)}` : '') + (pc && offBasis.has(r.unit.id) ? ' †' : ''),
          planned: r.observation.status !== 'reported',
        }));
        // Room on the right for the longest value label (about 6.6 px a character at 12 px), so that a
        // long date ("khoảng tháng 10/2017 – 2020") is never cut off.
        const marginRight = Math.max(56, Math.ceil(Math.max(0, ...bars.map((b) => b.valueLabel.length)) * 6.6) + 12);
        const svg = renderRanking(bars, { tickFormat: pc ? fmtPc : fmt, ariaLabel: fill(m.chartLabel, { title }), width: 640, marginRight });
        variants.push({ key: k, pc, svg, order: rows.map((r) => r.unit.id).join(' ') });
      }
    }
    // With a change view, the downloads carry what its labels say: the figure before and the % change.
    const withChange = keys.includes('change');
    const rankingRows = sortRows(view.rows, 'value', nameOf, cmp).map((r) => {
      const o = r.observation;
      const row = [r.unit.id, nameOf(r.unit), o.value, round(r.perCapita), r.population?.value ?? null, o.period_start || null, o.date, o.status, o.source, o.locator, r.population?.source ?? null, r.population?.date ?? null];
      return withChange ? [...row, r.before?.value ?? null, r.change?.percent == null ? null : Math.round(r.change.percent * 10) / 10] : row;
    });
    const ranking = {
      id: `ranking-${layout}`,
      title: rankingTitle,
      subtitle: view.rows.some((r) => r.observation.status !== 'reported') ? m.rankingSubtitle : m.rankingSubtitleReported,
      keys,
      perCap: perCapStates.length > 1,
      variants,
      data: {
        title: rankingTitle, version: d.version, decimals: metric.decimals, file: `${metric.id}-ranking-${layout}`,
        columns: ['unit', 'name', 'value', 'per_100k', 'population', 'period_start', 'date', 'status', 'source', 'locator', 'population_source', 'population_date', ...(withChange ? ['before', 'change_percent'] : [])],
        rows: rankingRows,
      },
    };

    const mapTitle = fill(m.mapTitle, { metric: label });
    const mapped = mapFigure(d, lang, metric, view, { idPrefix: `${metric.id}-${layout}`, title: mapTitle, nameOf: (id) => nameOf(byId.get(id)!) });
    const map = {
      id: `map-${layout}`, title: mapTitle, subtitle: m.mapSubtitle, svg: mapped.svg,
      data: { title: mapTitle, version: d.version, decimals: metric.decimals, file: `${metric.id}-map-${layout}`, columns: mapped.columns, rows: mapped.rows },
    };

    let beforeAfter: EraCharts['beforeAfter'] = null;
    if (era === 'current' && metric.kind === 'stock' && view.rows.some((r) => r.before)) {
      const baTitle = fill(m.beforeAfterTitle, { metric: label });
      const sorted = sortRows(view.rows, 'name', nameOf, cmp);
      const svg = renderBeforeAfter(
        sorted.map((r) => ({ id: r.unit.id, label: nameOf(r.unit), before: r.before?.value ?? null, after: r.observation.value })),
        { tickFormat: fmt, ariaLabel: fill(m.chartLabel, { title: baTitle }), beforeLabel: m.before, afterLabel: m.after, width: 640 },
      );
      const obsById = new Map(d.observations.map((o) => [o.id, o]));
      const rows = sorted.map((r) => {
        const parts = r.before ? (d.beforeAfter.find((b) => b.unit === r.unit.id && b.metric === metric.id)?.before?.parts ?? []) : [];
        const partObs = parts.map((p) => obsById.get(p.observation)).filter((o) => o !== undefined);
        const o = r.observation;
        return [
          r.unit.id, nameOf(r.unit), r.before?.value ?? null, o.value, o.date, o.status, o.source, o.locator,
          partObs.map((p) => p.source).join(' ') || null, partObs.map((p) => `${p.unit}: ${p.locator}`).join(' | ') || null,
        ];
      });
      beforeAfter = {
        id: `before-after-${layout}`, title: baTitle, subtitle: m.beforeAfterSubtitle, svg,
        data: {
          title: baTitle, version: d.version, decimals: metric.decimals, file: `${metric.id}-before-after-${layout}`,
          columns: ['unit', 'name', 'before', 'after', 'date', 'status', 'source', 'locator', 'before_sources', 'before_locators'],
          rows,
        },
      };
    }
    return { view, layout, sources, notes, rankingNotes: notes, perCapNotes, ranking, map, beforeAfter };
  });
  cache.set(key, out);
  return out;
}

/** The figures of a metric that have an embed, by id: `ranking-34`, `map-63`, … */
export function metricFigureIds(d: Dataset, metric: Metric): string[] {
  return metricCharts(d, 'vi', metric).flatMap((e) => [e.ranking.id, e.map.id, ...(e.beforeAfter ? [e.beforeAfter.id] : [])]);
}
