// Social images (1200×630) for home, every metric and every province, in each language: composed as
// SVG here (pure, testable), rasterised by scripts/og-images.ts with resvg at build time.
import { formatDate, formatNumber } from '../format.ts';
import { fill, t, type Lang } from '../i18n/index.ts';
import { predecessors, unitLabel } from '../queries.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Observation } from '../schema/observation.ts';
import { erasWithData, headline, metricEraView, nationalFigures, sortRows } from '../views/metric.ts';
import { OG_HEIGHT, OG_WIDTH, ogImagePath } from './og-path.ts';
import { wrap } from './svg-export.ts';

export interface OgCard {
  /** Site-relative path of the PNG, e.g. `/og/vi/metric/communes.png`. */
  path: string;
  lang: Lang;
  kicker: string;
  title: string;
  /** Up to four big numbers with a label each. */
  stats: { value: string; label: string }[];
  /** Up to eight bars (a metric's top provinces). */
  bars: { label: string; value: number; valueLabel: string }[];
  lines: string[];
  source: string;
  footer: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FONT = "'Noto Sans', 'DejaVu Sans', sans-serif";

/** The card as an SVG document of exactly 1200×630. */
export function ogSvg(card: OgCard): string {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const pad = 64;
  const parts: string[] = [];
  // Brand: the tile mark (four squares) and the site name.
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/><rect width="${W}" height="12" fill="#0b6e4f"/>`);
  for (const [x, y, c] of [[0, 0, '#0b6e4f'], [16, 0, '#41b6c4'], [0, 16, '#2c7fb8'], [16, 16, '#a1dab4']] as const) {
    parts.push(`<rect x="${pad + x}" y="${44 + y}" width="13" height="13" rx="2" fill="${c}"/>`);
  }
  parts.push(`<text x="${pad + 44}" y="70" font-size="30" font-weight="700" fill="#1a1d21">Tinh Gọn</text>`);
  parts.push(`<text x="${W - pad}" y="70" font-size="22" fill="#555d66" text-anchor="end">${esc(card.kicker)}</text>`);
  let y = 120;
  const titleSize = card.title.length > 48 ? 46 : 58;
  for (const line of wrap(card.title, Math.floor((W - 2 * pad) / (titleSize * 0.56))).slice(0, 2)) {
    y += titleSize + 6;
    parts.push(`<text x="${pad}" y="${y}" font-size="${titleSize}" font-weight="700" fill="#1a1d21">${esc(line)}</text>`);
  }
  y += 24;
  for (const line of card.lines.slice(0, 2)) {
    for (const l of wrap(line, 70).slice(0, 2)) {
      y += 34;
      parts.push(`<text x="${pad}" y="${y}" font-size="27" fill="#333a41">${esc(l)}</text>`);
    }
  }
  if (card.stats.length) {
    const n = Math.min(4, card.stats.length);
    const colW = (W - 2 * pad) / n;
    const top = Math.max(y + 30, 330);
    card.stats.slice(0, n).forEach((s, i) => {
      const x = pad + i * colW;
      const size = Math.min(n > 3 ? 60 : 72, Math.floor((colW - 24) / (s.value.length * 0.6)));
      parts.push(`<text x="${x}" y="${top + 70}" font-size="${size}" font-weight="700" fill="#0b6e4f">${esc(s.value)}</text>`);
      wrap(s.label, Math.floor(colW / 13)).slice(0, 3).forEach((l, j) => {
        parts.push(`<text x="${x}" y="${top + 112 + j * 30}" font-size="24" fill="#333a41">${esc(l)}</text>`);
      });
    });
  } else if (card.bars.length) {
    const bars = card.bars.slice(0, Math.max(1, Math.min(8, Math.floor((H - 110 - (y + 20)) / 40))));
    const top = y + 24;
    const labelW = 300;
    const max = Math.max(...bars.map((b) => b.value), 1);
    const barMax = W - 2 * pad - labelW - 150;
    bars.forEach((b, i) => {
      const by = top + i * 40;
      const w = Math.max(2, (b.value / max) * barMax);
      parts.push(`<text x="${pad + labelW - 12}" y="${by + 25}" font-size="24" fill="#1a1d21" text-anchor="end">${esc(b.label)}</text>`);
      parts.push(`<rect x="${pad + labelW}" y="${by + 5}" width="${w.toFixed(1)}" height="28" rx="3" fill="#2c7fb8"/>`);
      parts.push(`<text x="${pad + labelW + w + 10}" y="${by + 27}" font-size="23" fill="#1a1d21">${esc(b.valueLabel)}</text>`);
    });
  }
  // Footer: source line and the licence / version.
  parts.push(`<line x1="${pad}" x2="${W - pad}" y1="${H - 84}" y2="${H - 84}" stroke="#d5d9de" stroke-width="2"/>`);
  const room = Math.floor((W - 2 * pad - card.footer.length * 12 - 40) / 11.5);
  const src = wrap(card.source, room)[0] ?? '';
  parts.push(`<text x="${pad}" y="${H - 48}" font-size="21" fill="#555d66">${esc(src.length < card.source.length ? `${src.replace(/[;,]?$/, '')} …` : src)}</text>`);
  parts.push(`<text x="${W - pad}" y="${H - 48}" font-size="21" fill="#555d66" text-anchor="end">${esc(card.footer)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** Publishers of the given source ids, deduplicated, as one line. */
function sourceLine(d: Dataset, lang: Lang, ids: readonly string[]): string {
  const byId = new Map(d.sources.map((s) => [s.id, s]));
  const names = [...new Set(ids.map((id) => byId.get(id)).filter((s) => s !== undefined).map((s) => s.publisher || s.title))];
  return fill(t(lang).og.sources, { sources: names.join('; ') || t(lang).common.unknown });
}

/** Every social image of the site: home, each metric and each province, in both languages. */
export function ogCards(d: Dataset): OgCard[] {
  const cards: OgCard[] = [];
  for (const lang of ['vi', 'en'] as const) {
    const tr = t(lang);
    const footer = fill(tr.og.footer, { version: d.version });
    const num = (n: number, decimals = 0) => formatNumber(n, lang, decimals);

    // Home: the headline numbers, each a sourced national figure.
    const pick = (metric: string, test: (o: Observation) => boolean) => nationalFigures(d, metric).filter((o) => o.status === 'reported').find(test) ?? null;
    const before = (o: Observation) => o.era === 'pre-2025';
    const after = (o: Observation) => o.era === 'current';
    const home = [
      [pick('provinces', before), tr.homePage.provincesBefore],
      [pick('provinces', after), tr.homePage.provincesAfter],
      [pick('communes', before), tr.homePage.communesBefore],
      [pick('communes', after), tr.homePage.communesAfter],
    ] as const;
    const stats = home.flatMap(([o, label]) => (o ? [{ value: num(o.value), label }] : []));
    cards.push({
      path: ogImagePath(lang, { page: 'home' }), lang, kicker: tr.tagline.split(',')[0], title: tr.home.title, stats, bars: [], lines: [],
      source: sourceLine(d, lang, home.flatMap(([o]) => (o ? [o.source] : []))), footer,
    });

    // Metrics: the national figure if any, else the top provinces of the latest era.
    for (const metric of d.metrics) {
      const label = lang === 'vi' ? metric.label_vi : metric.label_en;
      const national = nationalFigures(d, metric.id).find((o) => o.status === 'reported') ?? null;
      const eras = erasWithData(d, metric.id);
      const view = eras.length ? metricEraView(d, metric.id, eras[0]) : null;
      const top = view ? sortRows(view.rows.filter((r) => r.observation.status === 'reported'), 'value', (u) => unitLabel(u, lang), new Intl.Collator(lang).compare).slice(0, 8) : [];
      const cardStats = national && top.length === 0 ? [{ value: num(national.value, metric.decimals), label: `${tr.province.era.national} (${formatDate(national.date, lang)})` }] : [];
      const lines = view ? [fill(tr.metricPage.coverage, { k: view.rows.length, n: view.total }) + ` — ${tr.metricPage.eraTitle[view.era]}`] : [];
      cards.push({
        path: ogImagePath(lang, { page: 'metric', id: metric.id }), lang, kicker: tr.nav.metrics, title: label,
        stats: cardStats,
        bars: top.map((r) => ({ label: unitLabel(r.unit, lang), value: r.observation.value, valueLabel: num(r.observation.value, metric.decimals) })),
        lines: lines.length ? lines : [lang === 'vi' ? metric.definition_vi : metric.definition_en],
        source: sourceLine(d, lang, [...(national ? [national.source] : []), ...top.map((r) => r.observation.source)]),
        footer,
      });
    }

    // Provinces: lineage in a line, then population, area and communes with their sources.
    for (const unit of d.units.filter((u) => u.era !== 'national')) {
      const obs = (metric: string) => headline(d.observations.filter((o) => o.unit === unit.id && o.metric === metric && o.status === 'reported'));
      const next = d.lineage.find((l) => l.from === unit.id && l.to !== unit.id);
      const preds = predecessors(d, unit.id).filter((id) => id !== unit.id);
      const nameOf = (id: string) => unitLabel(d.units.find((u) => u.id === id)!, lang);
      const line = unit.era === 'pre-2025' && next
        ? fill(tr.og.mergedInto, { date: formatDate(next.effective, lang), name: nameOf(next.to) })
        : preds.length ? fill(tr.og.formedFrom, { names: preds.map(nameOf).join(', ') }) : tr.og.unchanged;
      const figures = [
        [obs('population'), tr.provincePage.population, 0],
        [obs('area_km2'), `${tr.provincePage.area} (km²)`, 0],
        [obs('communes'), tr.og.communes, 0],
      ] as const;
      const present = figures.filter(([o]) => o);
      cards.push({
        path: ogImagePath(lang, { page: 'province', id: unit.id }), lang, kicker: tr.province.era[unit.era], title: unitLabel(unit, lang),
        stats: present.map(([o, label, dec]) => ({ value: num(o!.value, dec), label: `${label}, ${formatDate(o!.date, lang)}` })),
        bars: [], lines: [line],
        source: sourceLine(d, lang, [...present.map(([o]) => o!.source), ...(next ? [next.source] : [])]),
        footer,
      });
    }
  }
  return cards;
}
