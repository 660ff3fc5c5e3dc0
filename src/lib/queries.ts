import type { Dataset } from './schema/dataset.ts';
import type { Lang } from './i18n/index.ts';
import type { Unit } from './schema/unit.ts';
import type { Observation } from './schema/observation.ts';
import type { Seat } from './schema/seat.ts';

export const unitName = (u: Pick<Unit, 'name_vi' | 'name_en'>, lang: Lang) => (lang === 'vi' ? u.name_vi : u.name_en);

/** The name with "(cũ)" / "(pre-2025)" when a current province reuses it: Tây Ninh (cũ) vs Tây Ninh. */
export function unitLabel(u: Pick<Unit, 'id' | 'name_vi' | 'name_en'>, lang: Lang): string {
  const name = unitName(u, lang);
  return u.id.endsWith('-cu') ? `${name} ${lang === 'vi' ? '(cũ)' : '(pre-2025)'}` : name;
}

export function unitById(d: Dataset): Map<string, Unit> {
  return new Map(d.units.map((u) => [u.id, u]));
}

export const currentUnits = (d: Dataset) => d.units.filter((u) => u.era === 'current');
/** The 63 provinces as they were on 30 June 2025 (dissolved ones and the 11 unchanged ones). */
export const preMergerUnits = (d: Dataset) => d.units.filter((u) => u.era === 'pre-2025' || (u.era === 'current' && u.valid_from === ''));

export function predecessors(d: Dataset, id: string): string[] {
  return d.lineage.filter((l) => l.to === id).map((l) => l.from);
}

export function successor(d: Dataset, id: string): string | null {
  return d.lineage.find((l) => l.from === id)?.to ?? null;
}

/** Words for {@link unitHint}, from the dictionary's `search` section. */
export interface HintWords {
  formedFrom: string;
  nowPartOf: string;
}

/**
 * What ties a province to the 2025 map, for search results and the compare picker: "gồm Long An,
 * Tây Ninh (cũ)" for a merged province, "nay thuộc Tây Ninh" for a dissolved one, empty for the 11
 * unchanged ones.
 */
export function unitHint(d: Dataset, id: string, lang: Lang, words: HintWords): string {
  const byId = unitById(d);
  const preds = predecessors(d, id).filter((p) => p !== id).map((p) => byId.get(p)).filter((u): u is Unit => Boolean(u));
  if (preds.length) return words.formedFrom.replace('{names}', preds.map((p) => unitLabel(p, lang)).join(', '));
  const next = successor(d, id);
  const nextUnit = next && next !== id ? byId.get(next) : undefined;
  return nextUnit ? words.nowPartOf.replace('{name}', unitLabel(nextUnit, lang)) : '';
}

/**
 * What sources say of a province's seat (tỉnh lỵ) on 30 June 2025: each place named, with the rows that
 * name it, in the dataset's order (a place a primary source names before one only a secondary site
 * names). Usually one place; two where sources disagree; none when no source names one.
 */
export function seatsOf(d: Dataset, id: string): { seat_vi: string; seat_en: string; rows: Seat[] }[] {
  const out: { seat_vi: string; seat_en: string; rows: Seat[] }[] = [];
  for (const s of d.seats) {
    if (s.unit !== id) continue;
    const same = out.find((x) => x.seat_vi === s.seat_vi);
    if (same) same.rows.push(s);
    else out.push({ seat_vi: s.seat_vi, seat_en: s.seat_en, rows: [s] });
  }
  return out;
}

/**
 * The seat a province and each province it was formed from show first, with the words a search result
 * says when a reader types it ("tỉnh lỵ Nha Trang (đến 30/6/2025)"; "có Nha Trang, tỉnh lỵ Khánh Hòa (cũ)
 * đến 30/6/2025"): the header search and the compare picker both use them.
 */
export function seatHints(d: Dataset, id: string, lang: Lang, words: { seatOwn: string; seatPart: string }): { seat_vi: string; seat_en: string; name: string; hint: string }[] {
  const byId = unitById(d);
  return [id, ...predecessors(d, id).filter((p) => p !== id)].flatMap((uid) =>
    seatsOf(d, uid).slice(0, 1).map((x) => {
      const name = lang === 'vi' ? x.seat_vi : x.seat_en;
      const hint = uid === id ? words.seatOwn.replace('{seat}', name) : words.seatPart.replace('{seat}', name).replace('{name}', unitLabel(byId.get(uid)!, lang));
      return { seat_vi: x.seat_vi, seat_en: x.seat_en, name, hint };
    }),
  );
}

export function observationsOf(d: Dataset, unit: string): Observation[] {
  return d.observations.filter((o) => o.unit === unit);
}

/** Sort key that follows Vietnamese alphabetical order. */
export const collator = (lang: Lang) => new Intl.Collator(lang === 'vi' ? 'vi' : 'en');
