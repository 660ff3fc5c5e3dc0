import type { Lang } from '../i18n/index.ts';
import { localiseLocator, quotedRuns, type LocatorWords } from '../locator.ts';
import { formatPeriod, formatNumber } from '../format.ts';
import { predecessors, seatHints, successor, unitHint, unitLabel, unitName, type HintWords } from '../queries.ts';
import type { CompareBar } from '../charts/compare.ts';
import { escapeXml } from '../charts/escape.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { ChartData } from '../share/chart-data.ts';
import { foldDiacritics, withoutKind } from '../text.ts';
import { headline } from './metric.ts';

/** A province's headline figure for one metric, as the compare page shows and exports it. */
export interface CompareValue {
  value: number;
  /** The value formatted for the page's language (with "/n" for "x of n" facts). */
  text: string;
  /** The date formatted for the page's language. */
  dateText: string;
  planned: boolean;
  /** "kế hoạch" / "planned" for a figure that is not an outcome; empty for a reported one. */
  statusText: string;
  /** "Nguồn khác nhau" / "Sources differ" when another source gives another figure; empty otherwise. */
  conflictText: string;
  source: string;
  /** For the downloads: the raw fields of the observation. */
  date: string;
  status: string;
  locator: string;
  denominator: number | null;
  /** Ids of observations from other sources that state another figure, space-separated (as in observations.csv); empty if none. */
  conflicts_with: string;
  /** The values those observations state, in the same order, space-separated; empty if none. */
  conflicting_values: string;
  /** For a flow counted over a period, its start (the downloads' `period_start`); absent otherwise. */
  period_start?: string;
  /** The language of the source's page when neither Vietnamese nor English (quotations in its locator are marked so). */
  sourceLang?: string;
}

/** What the compare page needs, small enough to embed as JSON: labels, search terms, headline figures. */
export interface CompareData {
  /**
   * `terms`: the unit's own names and aliases, folded, `|`-separated; `related`: the names of the old
   * provinces it was formed from, which find it too, after a unit that bears the name typed.
   */
  units: {
    id: string; label: string; hint: string; terms: string; related: string; current: boolean; partOf?: string; parts?: string[];
    /** Seats (tỉnh lỵ) of the unit or its parts, folded, and what to say when one is typed ("có Nha Trang, …"), `|`-separated alike. */
    seats?: string; seatHints?: string;
  }[];
  metrics: { id: string; label: string; decimals: number }[];
  values: Record<string, Record<string, CompareValue>>;
  defaults: string[];
  /** Dataset version, for the downloads' first line. */
  version: string;
}

/** The metrics a reader can compare: province-level outcomes (population and area are the per-head basis, not outcomes). */
export const compareMetrics = (d: Dataset) => d.metrics.filter((m) => m.level === 'province' && m.id !== 'population' && m.id !== 'area_km2');

/** Words from the dictionary: status names (`province.status`) and the hint templates (`search`). */
export interface CompareWords extends HintWords {
  /** "tỉnh lỵ {seat} (đến 30/6/2025)" and "có {seat}, tỉnh lỵ {name} đến 30/6/2025", from the search words. */
  seatOwn: string;
  seatPart: string;
  status: Readonly<Record<string, string>>;
  /** `province.conflict`: said on a figure that another source contradicts. */
  conflict: string;
}

export function compareData(d: Dataset, lang: Lang, words: CompareWords): CompareData {
  const statusWords = words.status;
  const byId = new Map(d.units.map((u) => [u.id, u]));
  const provinces = d.units.filter((u) => u.era !== 'national');
  const metrics = compareMetrics(d);
  const values: CompareData['values'] = {};
  const obsById = new Map(d.observations.map((o) => [o.id, o]));
  const sourceLanguage = new Map(d.sources.map((s) => [s.id, s.language]));
  const languageOf = (id: string) => { const l = sourceLanguage.get(id); return l && l !== 'vi' && l !== 'en' ? l : undefined; };
  for (const u of provinces) {
    const own = d.observations.filter((o) => o.unit === u.id);
    for (const m of metrics) {
      const h = headline(own.filter((o) => o.metric === m.id));
      if (!h) continue;
      (values[u.id] ??= {})[m.id] = {
        value: h.value,
        text: formatNumber(h.value, lang, m.decimals) + (h.denominator !== null ? `/${formatNumber(h.denominator, lang)}` : ''),
        dateText: formatPeriod(h.period_start, h.date, lang),
        planned: h.status !== 'reported',
        statusText: h.status === 'reported' ? '' : (statusWords[h.status] ?? h.status),
        conflictText: h.conflicts_with.length > 0 ? words.conflict : '',
        source: h.source,
        date: h.date,
        status: h.status,
        locator: h.locator,
        denominator: h.denominator,
        conflicts_with: h.conflicts_with.join(' '),
        conflicting_values: h.conflicts_with.map((id) => obsById.get(id)?.value ?? '').join(' '),
        ...(languageOf(h.source) ? { sourceLang: languageOf(h.source) } : {}),
        ...(h.period_start ? { period_start: h.period_start } : {}),
      };
    }
  }
  const units = provinces.map((u) => {
    const preds = predecessors(d, u.id).filter((p) => p !== u.id).map((p) => byId.get(p)!);
    const hint = unitHint(d, u.id, lang, words);
    const terms = [...new Set([u.name_vi, u.name_en, ...u.aliases].map(foldDiacritics))];
    // Also the seats (tỉnh lỵ) of the province and of those it was formed from: "nha trang" offers Khánh Hòa.
    const seatList = seatHints(d, u.id, lang, words).map((x) => ({ folded: foldDiacritics(x.seat_vi), hint: x.hint }));
    const related = [...new Set([...preds.flatMap((p) => [p.name_vi, ...p.aliases]).map(foldDiacritics), ...seatList.map((x) => x.folded)])].filter((t) => !terms.includes(t));
    // Side by side with today's provinces, a dissolved one says so: "Long An (cũ)" next to "Tây Ninh".
    const label = u.era === 'pre-2025' && !u.id.endsWith('-cu') ? `${unitName(u, lang)} ${lang === 'vi' ? '(cũ)' : '(pre-2025)'}` : unitLabel(u, lang);
    // Lineage, for the page's note on overlapping choices and its suggestions: a dissolved province's
    // successor, a merged one's old provinces.
    const next = u.era === 'pre-2025' ? successor(d, u.id) : null;
    return {
      id: u.id, label, hint, terms: terms.join('|'), related: related.join('|'), current: u.era === 'current',
      ...(seatList.length > 0 ? { seats: seatList.map((x) => x.folded).join('|'), seatHints: seatList.map((x) => x.hint).join('|') } : {}),
      ...(next && next !== u.id ? { partOf: next } : {}),
      ...(preds.length > 0 ? { parts: preds.map((p) => p.id) } : {}),
    };
  });
  const defaults = provinces
    .filter((u) => u.era === 'current')
    .map((u) => ({ id: u.id, n: Object.keys(values[u.id] ?? {}).length }))
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
    .slice(0, 4)
    .map((x) => x.id);
  return { units, metrics: metrics.map((m) => ({ id: m.id, label: lang === 'vi' ? m.label_vi : m.label_en, decimals: m.decimals })), values, defaults, version: d.version };
}

/** Metrics with a figure for at least one of the selected provinces: the charts the page shows. */
export function shownMetrics(data: CompareData, selected: readonly string[]): CompareData['metrics'] {
  return data.metrics.filter((m) => selected.some((u) => data.values[u]?.[m.id]));
}

export const COMPARE_COLUMNS = ['unit', 'name', 'value', 'denominator', 'period_start', 'date', 'status', 'source', 'locator', 'conflicts_with', 'conflicting_values'];

/**
 * One compare chart for a selection: the bars drawn (a province without a figure is a labelled gap),
 * the same rows for the CSV/XLSX downloads (gaps included, with empty values), and the sources cited.
 * Pure, so the page, its script and the embed page draw and export the same thing.
 */
export function compareFigure(data: CompareData, metricId: string, selected: readonly string[], missing: string) {
  const metric = data.metrics.find((m) => m.id === metricId)!;
  const label = (id: string) => data.units.find((u) => u.id === id)?.label ?? id;
  const bars: CompareBar[] = selected.map((u) => {
    const v = data.values[u]?.[metricId];
    // Each bar names its date: provinces report on different days, and running totals differ by date.
    // A star marks a figure another source contradicts (the page's note says so; the table names it).
    return { unit: u, label: label(u), value: v ? v.value : null, text: v ? [v.text, v.dateText, v.statusText].filter(Boolean).join(' · ') + (v.conflictText ? ' *' : '') : missing, planned: v ? v.planned : false };
  });
  const rows = selected.map((u) => {
    const v = data.values[u]?.[metricId];
    return [u, label(u), v?.value ?? null, v?.denominator ?? null, v?.period_start ?? null, v?.date ?? null, v?.status ?? null, v?.source ?? null, v?.locator ?? null, v?.conflicts_with || null, v?.conflicting_values || null];
  });
  const chartData: ChartData = {
    title: metric.label,
    version: data.version,
    decimals: metric.decimals,
    // The selection is part of the name, so downloads of two comparisons never clash.
    file: ['compare', metricId, ...selected].join('-'),
    columns: COMPARE_COLUMNS,
    rows,
  };
  const sources = [...new Set(selected.map((u) => data.values[u]?.[metricId]?.source).filter((x): x is string => Boolean(x)))];
  return { metric, bars, data: chartData, sources };
}

/** Matches what a reader types against names, aliases and old names, diacritics-insensitive. */
export function searchUnits(data: CompareData, query: string, limit = 8): CompareData['units'] {
  const q = foldDiacritics(withoutKind(query));
  if (!q) return [];
  const scored = data.units
    .map((u) => {
      const terms = u.terms.split('|');
      const related = u.related ? u.related.split('|') : [];
      const own = foldDiacritics(u.label);
      // A unit bearing the name typed comes before one formed from a unit of that name ("vung tau":
      // Bà Rịa - Vũng Tàu, then TP. Hồ Chí Minh), as in the header search.
      const score = own.startsWith(q) ? 0 : terms.some((t) => t.startsWith(q)) ? 1 : related.some((t) => t.startsWith(q)) ? 2
        : terms.some((t) => t.includes(q)) ? 3 : related.some((t) => t.includes(q)) ? 4 : -1;
      return { u, score };
    })
    .filter((x) => x.score >= 0)
    .sort((a, b) => a.score - b.score || Number(b.u.current) - Number(a.u.current) || a.u.label.localeCompare(b.u.label));
  return scored.slice(0, limit).map((x) => x.u);
}

/** The hint under an option: the seat typed ("nha trang": "có Nha Trang, tỉnh lỵ Khánh Hòa (cũ) …"), else the map hint. */
export function optionHint(u: CompareData['units'][number], query: string): string {
  const q = foldDiacritics(withoutKind(query));
  if (q.length >= 3 && u.seats && !foldDiacritics(u.label).startsWith(q)) {
    const i = u.seats.split('|').findIndex((s) => s.startsWith(q));
    if (i !== -1) return u.seatHints!.split('|')[i] ?? u.hint;
  }
  return u.hint;
}

/** Parses `?u=a,b` (or repeated `u`), keeping known, distinct ids, at most four. */
export function selectionFromQuery(search: string, known: ReadonlySet<string>): string[] {
  const params = new URLSearchParams(search);
  const ids = params.getAll('u').flatMap((v) => v.split(',')).map((s) => s.trim()).filter((id) => known.has(id));
  return [...new Set(ids)].slice(0, 4);
}

/** The words and links the compare markup needs, from the page's dictionary. */
export interface CompareStrings {
  missing: string;
  chartLabel: string;
  sourceLine: string;
  moreSources: string;
  siteName: string;
  sourcesHref: string;
  unit: string;
  value: string;
  date: string;
  source: string;
  locator: string;
  tableOf: string;
  statusLabel: string;
  status: Record<string, string>;
  /** The page's language and its locator vocabulary (see src/lib/locator.ts). */
  lang: 'vi' | 'en';
  locatorWords: LocatorWords;
}

const fillIn = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

/**
 * The source line under a compare chart, as HTML and as plain text (burnt into exported images): at
 * most three sources named, then "and n more", then the site — as on every other chart.
 */
export function compareSourceLine(sources: readonly string[], names: Readonly<Record<string, string>>, s: CompareStrings): { html: string; text: string } {
  const name = (id: string) => names[id] ?? id;
  // Each name once, as on every other chart; sources sharing a name are counted in "n more".
  const shown = [...new Map(sources.map((id) => [name(id), id])).values()].slice(0, 3);
  const more = sources.length - shown.length;
  const moreText = more > 0 ? ` ${fillIn(s.moreSources, { n: more })}` : '';
  return {
    html: `${escapeXml(s.sourceLine)}: ${shown.map((id) => `<a href="${escapeXml(s.sourcesHref)}#src-${escapeXml(id)}">${escapeXml(name(id))}</a>`).join('; ')}${escapeXml(moreText)} · ${escapeXml(s.siteName)}`,
    text: `${s.sourceLine}: ${shown.map(name).join('; ')}${moreText} · ${s.siteName}`,
  };
}

function locatorHtml(locator: string, s: CompareStrings, sourceLang?: string): string {
  const l = localiseLocator(locator, s.lang, s.locatorWords);
  if (l.lang) return `<span lang="${l.lang}">${escapeXml(l.text)}</span>`;
  return quotedRuns(l.text, s.lang, sourceLang).map((r) => (r.lang ? `<span lang="${r.lang}">${escapeXml(r.text)}</span>` : escapeXml(r.text))).join('');
}

/** The mark on a figure another source contradicts ("Nguồn khác nhau"); empty otherwise. */
const conflictBadge = (v: CompareValue) => (v.conflictText ? ` <span class="badge warn">${escapeXml(v.conflictText)}</span>` : '');

/** One cell of the compare page's table: the figure, its date and status, and a mark when sources differ. */
export function compareCellHtml(v: CompareValue | undefined): string {
  if (!v) return '<span class="missing">—</span>';
  const when = [v.dateText, v.statusText].filter(Boolean).join(', ');
  return `${escapeXml(v.text)} <span class="muted small">(${escapeXml(when)})</span>${conflictBadge(v)}`;
}

/** The numbers of one compare chart as an accessible, collapsed table (the embed page's table). */
export function compareTableHtml(fig: ReturnType<typeof compareFigure>, data: CompareData, names: Readonly<Record<string, string>>, s: CompareStrings): string {
  // Each cell names its column, for the one-card-per-row layout on narrow screens.
  const label = (text: string) => ` data-label="${escapeXml(text)}"`;
  const cells = fig.data.rows.map((r) => {
    const v = data.values[String(r[0])]?.[fig.metric.id];
    const source = v ? `<a href="${escapeXml(s.sourcesHref)}#src-${escapeXml(v.source)}">${escapeXml(names[v.source] ?? v.source)}</a>` : '—';
    return (
      `<tr data-unit="${escapeXml(String(r[0]))}"><th scope="row">${escapeXml(String(r[1]))}</th>` +
      `<td class="num"${label(s.value)}>${v ? escapeXml(v.text) + conflictBadge(v) : `<span class="missing">${escapeXml(s.missing)}</span>`}</td>` +
      `<td${label(s.date)}>${v ? escapeXml(v.dateText) : '—'}</td><td${label(s.statusLabel)}>${v ? escapeXml(s.status[v.status] ?? v.status) : '—'}</td>` +
      `<td${label(s.source)}>${source}</td><td${label(s.locator)}>${v ? locatorHtml(v.locator, s, v.sourceLang) : '—'}</td></tr>`
    );
  });
  return (
    `<details class="data-table"><summary>${escapeXml(s.tableOf)}</summary><div class="table-scroll"><table class="cards">` +
    `<caption class="visually-hidden">${escapeXml(fig.metric.label)}</caption>` +
    `<thead><tr><th scope="col">${escapeXml(s.unit)}</th><th scope="col" class="num">${escapeXml(s.value)}</th><th scope="col">${escapeXml(s.date)}</th>` +
    `<th scope="col">${escapeXml(s.statusLabel)}</th><th scope="col">${escapeXml(s.source)}</th><th scope="col">${escapeXml(s.locator)}</th></tr></thead>` +
    `<tbody>${cells.join('')}</tbody></table></div></details>`
  );
}

