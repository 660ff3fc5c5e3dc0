import { tickStep } from 'd3';
import type { Tile } from '../schema/dataset.ts';
import { foldDiacritics } from '../text.ts';
import { onSequential5, sequential5 } from './palette.ts';
import { escapeXml } from './escape.ts';

export interface TileValue {
  value: number;
  /** Formatted value for the tooltip and the legend. */
  text: string;
  /** A plan or target, not an outcome: the tile gets a dashed outline and the legend says so. */
  planned?: boolean;
}

export interface TileMapOptions {
  layout: '63' | '34';
  values: ReadonlyMap<string, TileValue>;
  nameOf: (unit: string) => string;
  hrefOf: (unit: string) => string;
  formatNumber: (n: number) => string;
  ariaLabel: string;
  missingLabel: string;
  /** Legend line for planned figures ("Viền đứt: số kế hoạch"). */
  plannedLabel?: string;
  /** Word added to a planned tile's tooltip ("kế hoạch"). */
  plannedWord?: string;
  /** Island tiles read e.g. "Hoàng Sa (Đà Nẵng)". */
  islandLabel: (tile: Tile) => string;
  /** Short visible name under an island tile (defaults to the Vietnamese label). */
  islandName?: (tile: Tile) => string;
  /** Unique id prefix so several maps can share a page. */
  idPrefix: string;
}

const SIZE = 34;
const GAP = 3;

/** Short tile labels from initials, disambiguated: Hà Nội → HN, Hà Nam → HNa, TP. Hồ Chí Minh → HCM. */
export function tileAbbreviations(names: ReadonlyMap<string, string>): Map<string, string> {
  const base = new Map<string, string>();
  for (const [id, name] of names) {
    const words = foldDiacritics(name.replace(/^TP\.\s*/, '')).split(' ').filter(Boolean);
    base.set(id, words.map((w) => w[0].toUpperCase()).join(''));
  }
  const counts = new Map<string, number>();
  for (const a of base.values()) counts.set(a, (counts.get(a) ?? 0) + 1);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const [id, a] of [...base].sort(([x], [y]) => x.localeCompare(y))) {
    if (counts.get(a) === 1) {
      out.set(id, a);
      continue;
    }
    const last = foldDiacritics(names.get(id)!).split(' ').pop()!;
    let candidate = a;
    for (let i = 1; i < last.length && (used.has(candidate) || candidate === a); i++) candidate = a + last.slice(1, i + 1);
    used.add(candidate);
    out.set(id, candidate);
  }
  return out;
}

export interface ColourClass {
  colour: string;
  /** Smallest and largest value the class stands for (equal when it stands for one value). */
  lo: number;
  hi: number;
}

export interface ColourScale {
  (value: number): string;
  classes: readonly ColourClass[];
}

/**
 * Colour classes for a choropleth. Five or fewer distinct values get one class each, so the legend
 * reads "14", never a range such as "14 – 14". More values get five equal classes over a nice domain;
 * a class's legend range is then its bounds.
 */
export function colourScale(values: readonly number[]): ColourScale {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= 5) {
    const range = sequential5.slice(5 - Math.max(1, distinct.length));
    const classes = distinct.map((v, i) => ({ colour: range[i], lo: v, hi: v }));
    const byValue = new Map(classes.map((c) => [c.lo, c.colour]));
    return Object.assign((v: number) => byValue.get(v) ?? range[0], { classes });
  }
  // Equal classes on round bounds (0 – 2, 2 – 4, …): the largest tick step giving at most five.
  const [min, max] = [distinct[0], distinct.at(-1)!];
  let bounds: number[] = [];
  for (let count = 5; count >= 1; count--) {
    const step = tickStep(min, max, count);
    const lo = Math.floor(min / step) * step;
    const n = Math.max(1, Math.ceil((max - lo) / step));
    bounds = Array.from({ length: n + 1 }, (_, i) => lo + i * step);
    if (n <= 5) break;
  }
  // Skewed data (one city far above the rest) would leave nearly every province in one class: then
  // classes hold about a fifth of the provinces each, on bounds rounded to two significant digits.
  const sorted = [...values].sort((a, b) => a - b);
  const inClass = (k: number) => sorted.filter((v) => v >= bounds[k] && (k === bounds.length - 2 ? v <= bounds[k + 1] : v < bounds[k + 1])).length;
  if (Math.max(...bounds.slice(1).map((_, k) => inClass(k))) > 0.6 * sorted.length) bounds = quantileBounds(sorted);
  const colours = sequential5.slice(5 - (bounds.length - 1));
  // Whole-number data on whole-number bounds: a class below the last one ends one below the next
  // class's start (12 – 13, 14 – 15), so that no value seems to fit two classes.
  const whole = distinct.every(Number.isInteger) && bounds.every(Number.isInteger);
  const classes = colours.map((colour, i) => ({
    colour,
    lo: bounds[i],
    // (Large bounds such as 2,100,000 read better shared than as 2,099,999.)
    hi: whole && i < colours.length - 1 && bounds[i + 1] - bounds[i] < 1000 ? bounds[i + 1] - 1 : bounds[i + 1],
  }));
  const pick = (v: number) => {
    const i = bounds.findIndex((b, k) => k > 0 && v < b);
    return colours[i === -1 ? colours.length - 1 : Math.max(0, i - 1)];
  };
  return Object.assign(pick, { classes });
}

/** Two significant digits, rounded down (up when `up`): 3,254,170 → 3,200,000. */
function sig2(v: number, up = false): number {
  if (v === 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
  return (up ? Math.ceil(v / step) : Math.floor(v / step)) * step;
}

/** Bounds of up to five classes of about equal counts, on two-significant-digit values. */
export function quantileBounds(sorted: readonly number[]): number[] {
  const lo = sig2(sorted[0]);
  const hi = sig2(sorted.at(-1)!, true);
  const cuts = [0.2, 0.4, 0.6, 0.8].map((p) => sig2(sorted[Math.floor(p * sorted.length)]));
  const bounds = [lo];
  for (const c of cuts) if (c > bounds.at(-1)! && c < hi) bounds.push(c);
  bounds.push(hi);
  return bounds;
}

/** Legend text of a class: one value, or its range. */
export function classLabel(c: ColourClass, formatNumber: (n: number) => string): string {
  const a = formatNumber(c.lo);
  const b = formatNumber(c.hi);
  return a === b ? a : `${a} – ${b}`;
}

/** A tile-grid map as an SVG string: one linked square per province, islands as dashed tiles. */
export function tileMap(tiles: readonly Tile[], o: TileMapOptions): string {
  const layout = tiles.filter((t) => t.layout === o.layout);
  if (layout.length === 0) return '';
  const cols = Math.max(...layout.map((t) => t.col)) + 1;
  const rows = Math.max(...layout.map((t) => t.row)) + 1;
  const values = [...o.values.values()].map((v) => v.value);
  const scale = values.length ? colourScale(values) : null;
  const names = new Map(layout.filter((t) => t.kind === 'province').map((t) => [t.unit, o.nameOf(t.unit)]));
  const abbr = tileAbbreviations(names);
  const anyPlanned = [...o.values.values()].some((v) => v.planned);
  const legendHeight = 22 * ((scale ? scale.classes.length : 0) + 1 + (anyPlanned ? 1 : 0)) + 8;
  const width = cols * (SIZE + GAP) + 14; // room for island names centred under the last column
  const mapHeight = rows * (SIZE + GAP);
  const height = mapHeight + legendHeight + 8;
  const pattern = `${o.idPrefix}-missing`;
  const parts: string[] = [];
  // role=group, not img: each tile is a link, and an image's children are presentational (axe nested-interactive).
  // tabindex=-1: Chromium otherwise stops on the SVG itself before its tiles.
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${escapeXml(o.ariaLabel)}" class="tile-map" data-layout="${o.layout}" tabindex="-1">`,
    `<defs><pattern id="${pattern}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="var(--missing, #fff)"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a939c" stroke-width="2"/></pattern></defs>`,
  );
  for (const t of [...layout].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const x = t.col * (SIZE + GAP);
    const y = t.row * (SIZE + GAP);
    if (t.kind === 'islands') {
      const label = o.islandLabel(t);
      const short = (o.islandName ?? ((x: Tile) => x.label_vi))(t);
      parts.push(
        // Out of the tab order: the islands' link leads to the page of the province tile next to them.
        `<a href="${escapeXml(o.hrefOf(t.unit))}" class="tile island" data-unit="${t.unit}" tabindex="-1"><title>${escapeXml(label)}</title>`,
        `<rect x="${x + 1}" y="${y + 1}" width="${SIZE - 2}" height="${SIZE - 2}" rx="${SIZE / 2}" fill="none" stroke="currentColor" stroke-dasharray="3 2"/>`,
        `<text x="${x + SIZE / 2}" y="${y + SIZE + 9}" text-anchor="middle" font-size="9" fill="currentColor">${escapeXml(short)}</text></a>`,
      );
      continue;
    }
    const v = o.values.get(t.unit);
    const fill = v && scale ? scale(v.value) : `url(#${pattern})`;
    const textFill = v && scale ? onSequential5[sequential5.indexOf(fill as (typeof sequential5)[number])] : 'currentColor';
    const name = o.nameOf(t.unit);
    const planned = Boolean(v?.planned);
    const title = v ? `${name}: ${v.text}${planned && o.plannedWord ? ` (${o.plannedWord})` : ''}` : `${name}: ${o.missingLabel}`;
    const stroke = planned ? 'stroke="currentColor" stroke-width="2" stroke-dasharray="4 2"' : 'stroke="#6b7580" stroke-width="0.5"';
    parts.push(
      `<a href="${escapeXml(o.hrefOf(t.unit))}" class="tile${v ? '' : ' no-data'}${planned ? ' planned' : ''}" data-unit="${t.unit}"><title>${escapeXml(title)}</title>`,
      `<rect x="${x}" y="${y}" width="${SIZE}" height="${SIZE}" rx="3" fill="${fill}" ${stroke}/>`,
      `<text x="${x + SIZE / 2}" y="${y + SIZE / 2}" text-anchor="middle" dominant-baseline="central" font-size="10" font-weight="600" fill="${textFill}">${escapeXml(abbr.get(t.unit) ?? '')}</text></a>`,
    );
  }
  // Legend: one swatch per class with its range, then the missing-data swatch.
  let ly = mapHeight + 12;
  if (scale) {
    for (const c of scale.classes) {
      parts.push(
        `<rect x="0" y="${ly}" width="16" height="16" fill="${c.colour}" stroke="#6b7580" stroke-width="0.5"/>`,
        `<text x="22" y="${ly + 8}" dominant-baseline="central" font-size="11" fill="currentColor">${escapeXml(classLabel(c, o.formatNumber))}</text>`,
      );
      ly += 22;
    }
  }
  if (anyPlanned && o.plannedLabel) {
    parts.push(
      `<rect x="1" y="${ly + 1}" width="14" height="14" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="4 2"/>`,
      `<text x="22" y="${ly + 8}" dominant-baseline="central" font-size="11" fill="currentColor">${escapeXml(o.plannedLabel)}</text>`,
    );
    ly += 22;
  }
  parts.push(
    `<rect x="0" y="${ly}" width="16" height="16" fill="url(#${pattern})" stroke="#6b7580" stroke-width="0.5"/>`,
    `<text x="22" y="${ly + 8}" dominant-baseline="central" font-size="11" fill="currentColor">${escapeXml(o.missingLabel)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
