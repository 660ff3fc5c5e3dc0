// What the site search (Pagefind) indexes on each page. Province pages carry their names folded
// without diacritics and the names of the provinces they were formed from, so "binh duong" finds
// TP. Hồ Chí Minh as well as the old Bình Dương page, and "long an" finds Tây Ninh. The terms go in a
// visually hidden, aria-hidden element inside the indexed body (readers never see or hear them).
import { t, type Lang } from '../i18n/index.ts';
import { predecessors, seatHints, unitHint, unitLabel } from '../queries.ts';
import type { Route } from '../routes.ts';
import type { Dataset } from '../schema/dataset.ts';
import { foldDiacritics } from '../text.ts';

export type SearchKind = 'province' | 'old' | 'metric' | 'sources';

export interface SearchMeta {
  /** Whether Pagefind indexes the page (only provinces, metrics and sources). */
  indexed: boolean;
  kind: SearchKind | null;
  /** Extra words to index: names with and without diacritics, former names. */
  terms: string;
  /** Shown under a province result: "gồm Long An, Tây Ninh (cũ)" or "nay thuộc Tây Ninh". */
  hint: string;
  /**
   * The page's own names run together ("longan tayninhcu"), space-separated: the search box lists a
   * page whose own name is the query before pages that merely mention it.
   */
  own: string;
  /** Other names a reader may type ("Hà Tây", "Sài Gòn"), separated by " | ": a result found by one says so. */
  aliases: string;
  /**
   * Seats (tỉnh lỵ) on the page: the province's own until 30 June 2025, or those of the provinces a
   * current one was formed from, separated by " | "; `seatHints` says the same in words, in the same
   * order ("có Nha Trang, tỉnh lỵ Khánh Hòa (cũ) đến 30/6/2025"), for a result found by a city's name.
   */
  seats: string;
  seatHints: string;
}

/** The name folded and run together: `Long An` → `longan`; the search box compacts queries the same way. */
export const compactName = (name: string) => foldDiacritics(name).replace(/ /g, '');

/** Each name as written, without "TP." and folded to plain letters, deduplicated. */
export function nameVariants(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    if (!name) continue;
    const bare = name.replace(/^(TP\.|Thành phố|Tỉnh|City of|Province of)\s*/i, '').replace(/\s+(City|Province)$/i, '');
    // Also run together ("longan"): the search box looks that up first, so a province's full name
    // outranks pages that merely contain its words ("Vĩnh Long" for "long an").
    for (const v of [name, bare, foldDiacritics(name), foldDiacritics(bare), compactName(bare)]) if (v) out.add(v);
  }
  return [...out];
}

/** Every variant of the names, run together and deduplicated: "TP. Hồ Chí Minh" → "tphochiminh hochiminh". */
const ownNames = (names: readonly string[]) => [...new Set(nameVariants(names).map(compactName))].join(' ');

const NONE: SearchMeta = { indexed: false, kind: null, terms: '', hint: '', own: '', aliases: '', seats: '', seatHints: '' };

export function searchMeta(d: Dataset, lang: Lang, route: Route): SearchMeta {
  if (route.page === 'province') {
    const unit = d.units.find((u) => u.id === route.id);
    if (!unit) return NONE;
    const own = [unit.name_vi, unit.name_en, unitLabel(unit, lang), ...unit.aliases];
    const former = predecessors(d, unit.id)
      .filter((id) => id !== unit.id)
      .map((id) => d.units.find((u) => u.id === id)!)
      .filter(Boolean)
      .flatMap((u) => [u.name_vi, u.name_en, unitLabel(u, 'vi'), unitLabel(u, 'en'), ...u.aliases]);
    const words = t(lang).search;
    // A province's own seat, or (for one formed on 1 July 2025) the seats of the provinces it was formed from.
    const seats = seatHints(d, unit.id, lang, words);
    return {
      indexed: true,
      kind: unit.era === 'pre-2025' ? 'old' : 'province',
      terms: nameVariants([...own, ...former, ...seats.flatMap((x) => [x.seat_vi, x.seat_en])]).join(', '),
      hint: unitHint(d, unit.id, lang, words),
      own: ownNames(own),
      aliases: unit.aliases.join(' | '),
      seats: seats.map((x) => x.name).join(' | '),
      seatHints: seats.map((x) => x.hint).join(' | '),
    };
  }
  if (route.page === 'metric') {
    const m = d.metrics.find((x) => x.id === route.id);
    if (!m) return NONE;
    const labels = [m.label_vi, m.label_en];
    return { indexed: true, kind: 'metric', terms: nameVariants(labels).join(', '), hint: '', own: ownNames(labels), aliases: '', seats: '', seatHints: '' };
  }
  if (route.page === 'sources') return { indexed: true, kind: 'sources', terms: '', hint: '', own: '', aliases: '', seats: '', seatHints: '' };
  return NONE;
}
