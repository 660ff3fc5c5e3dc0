// The header search: a combobox (arrow keys, Enter, Escape) over Pagefind's index for the page's
// language. Pagefind's own script and index load on first focus, never before.
interface PagefindResult {
  url: string;
  /** The page's indexed text (its visible text and its hidden search terms). */
  content?: string;
  meta: { title?: string; kind?: string; hint?: string; own?: string; aliases?: string; seats?: string; seathints?: string };
}
interface PagefindHit {
  id: string;
  data(): Promise<PagefindResult>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: PagefindHit[] }>;
  debouncedSearch(q: string, o?: Record<string, unknown>, ms?: number): Promise<{ results: PagefindHit[] } | null>;
}
interface Strings {
  matched: string;
  alsoKnown: string;
  none: string;
  count: string;
  countOne: string;
  loading: string;
  error: string;
  kind: Record<string, string>;
}

/**
 * The query without a leading "tỉnh", "thành phố", "TP." or "province of" (see `withoutKind` in
 * src/lib/text.ts, which the compare picker uses). Kept here rather than imported, so that the header's
 * script, loaded on every page, shares no chunk with other scripts; a test holds the two to the same cases.
 */
export function queryWithoutKind(q: string): string {
  const rest = q.replace(/^\s*(?:t[iỉ]nh|th[aà]nh\s+ph[oố]|tp\.?|province\s+of|city\s+of|province|city)(?:\s+|\.\s*)/iu, '');
  return rest.trim() ? rest.trim() : q.trim();
}

const MAX = 8;
/** Results read before ordering: more than are shown, since those matching only some words are dropped. */
const READ = 16;
const fold = (q: string) => q.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '');

type SearchMetaFields = { title?: string; kind?: string; hint?: string; aliases?: string; seats?: string; seathints?: string };

/**
 * The words saying that a page was found by a seat's name ("nha trang": "có Nha Trang, tỉnh lỵ Khánh
 * Hòa (cũ) đến 30/6/2025"), or '' when no seat on the page begins with the query.
 */
export function seatHint(meta: SearchMetaFields, compact: string): string {
  if (compact.length < 3 || !meta.seats) return '';
  const i = meta.seats.split(' | ').findIndex((name) => fold(name).startsWith(compact));
  return i === -1 ? '' : (meta.seathints ?? '').split(' | ')[i] ?? '';
}

/**
 * The hint under a result: how a province relates to the 2025 map; else, when the query is one of its
 * other names rather than its own ("ha tay" for Hà Nội), that name, so the reader sees why it matched.
 * A page found by the name of a seat rather than its own says so first ("tỉnh lỵ Nha Trang (đến
 * 30/6/2025) · nay thuộc Khánh Hòa").
 */
export function resultHint(meta: SearchMetaFields, compact: string, matched: string, alsoKnown = ''): string {
  const seat = fold(meta.title ?? '').startsWith(compact) ? '' : seatHint(meta, compact);
  if (seat) return meta.kind === 'old' && meta.hint ? `${seat} · ${meta.hint}` : seat;
  if (meta.hint) return meta.hint;
  if (compact.length < 3) return '';
  if (fold(meta.title ?? '').startsWith(compact)) {
    // Found by its own name: a longer name that contains it ("hue": Thừa Thiên Huế) is worth saying.
    const title = fold(meta.title ?? '');
    const longer = (meta.aliases ?? '').split(' | ').find((a) => a && fold(a) !== title && fold(a).includes(title));
    return longer && alsoKnown ? alsoKnown.replace('{name}', longer) : '';
  }
  const alias = (meta.aliases ?? '').split(' | ').find((a) => a && fold(a).startsWith(compact));
  return alias ? matched.replace('{name}', alias) : '';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fillIn = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (m, k: string) => String(v[k] ?? m));

const KIND_ORDER: Record<string, number> = { province: 0, metric: 0, old: 1, sources: 2 };

/**
 * Pages whose own name (or alias) is the query or begins with it come first ("binh duong": the old
 * Bình Dương page before TP. Hồ Chí Minh, which only includes it; "ba ria": Bà Rịa - Vũng Tàu); then
 * the provinces it became part of or was formed from ("tay ninh": Long An, now part of Tây Ninh), or
 * whose seat bears the name ("nha trang": Khánh Hòa); then today's provinces and the metrics, then
 * provinces before 1 July 2025 ("hcm": today's city before the old one), then the Sources page, which
 * names every province and publisher and so matches almost anything. Pagefind's order is kept within
 * each group.
 */
export function ordered<T extends { meta: SearchMetaFields & { own?: string }; content?: string }>(results: readonly T[], compact: string): T[] {
  // A name the query begins ("ba ria" → "bariavungtau", "hcm" → "hcmc") counts as the page's own.
  const named = (r: T) => compact.length >= 3 && (r.meta.own ?? '').split(' ').some((n) => n.startsWith(compact));
  // A province the queried one became part of, or was formed from ("tay ninh": Long An, "nay thuộc Tây Ninh").
  // Or a province whose seat (tỉnh lỵ) bears the name ("nha trang": Khánh Hòa, then Khánh Hòa (cũ)).
  const related = (r: T) => compact.length >= 3 && (fold(r.meta.hint ?? '').includes(compact) || seatHint(r.meta, compact) !== '');
  const rank = (r: T) => (named(r) ? 0 : related(r) ? 5 : 10) + (KIND_ORDER[r.meta.kind ?? ''] ?? 0);
  // Once a page bears the name asked for, pages that matched only a syllable of it in their text
  // ("sai gon": Quảng Ninh; "soc trang": a metric listing provinces) are noise, unless their title has it.
  const strong = results.some((r) => named(r) || related(r));
  const inTitle = (r: T) => fold(r.meta.title ?? '').includes(compact);
  // Otherwise a page must have the words together, as typed (diacritics aside): Pagefind also returns
  // pages that have each word somewhere ("quy" and "nhon" apart), and answers nonsense with near words.
  const asTyped = (r: T) => r.content === undefined || fold(r.content).includes(compact);
  return results
    .filter((r) => (strong ? named(r) || related(r) || inTitle(r) : named(r) || related(r) || inTitle(r) || asTyped(r)))
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}

export function initSiteSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-site-search]');
  if (!root) return;
  const input = root.querySelector<HTMLInputElement>('input')!;
  const list = root.querySelector<HTMLUListElement>('[role=listbox]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const s = JSON.parse(root.querySelector('[data-search-strings]')!.textContent!) as Strings;
  let pagefind: Promise<Pagefind> | null = null;
  let results: PagefindResult[] = [];
  let active = -1;
  let seq = 0;

  const load = () =>
    (pagefind ??= (async () => {
      const path = '/pagefind/pagefind.js';
      const pf = (await import(/* @vite-ignore */ path)) as Pagefind;
      await pf.options({ excerptLength: 0 });
      await pf.init();
      return pf;
    })());

  const close = () => {
    list.hidden = true;
    empty.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    Array.from(list.children).forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `site-search-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const render = (q: string) => {
    list.innerHTML = results
      .map((r, i) => {
        const kind = r.meta.kind ? s.kind[r.meta.kind] ?? '' : '';
        const text = resultHint(r.meta, fold(queryWithoutKind(q)), s.matched, s.alsoKnown);
        const hint = text ? `<span class="search-hint">${esc(text)}</span>` : '';
        return `<li role="option" id="site-search-${i}" data-url="${esc(r.url)}" aria-selected="false"><span>${esc(r.meta.title ?? r.url)}</span>${hint}${kind ? `<span class="search-kind">${esc(kind)}</span>` : ''}</li>`;
      })
      .join('');
    list.hidden = results.length === 0;
    empty.hidden = results.length > 0 || !q;
    empty.textContent = q ? fillIn(s.none, { q }) : '';
    input.setAttribute('aria-expanded', String(results.length > 0));
    status.textContent = results.length ? fillIn(results.length === 1 ? s.countOne : s.count, { n: results.length }) : empty.textContent;
    setActive(-1);
  };
  const search = async () => {
    const typed = input.value.trim();
    const q = queryWithoutKind(typed);
    const mine = ++seq;
    if (!q) {
      results = [];
      close();
      status.textContent = '';
      return;
    }
    try {
      const pf = await load();
      const found = await pf.debouncedSearch(q, {}, 150);
      if (!found || mine !== seq) return;
      // Names are indexed folded and run together too ("longan", src/lib/share/search-meta.ts): pages
      // whose name is the query come first, then everything else that matches its words.
      const compact = fold(q);
      const named = compact.length > 2 && /\s/.test(q) ? await pf.search(compact) : null;
      if (mine !== seq) return;
      const seen = new Set<string>();
      const merged = [...(named?.results ?? []), ...found.results].filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
      const data = await Promise.all(merged.slice(0, READ).map((r) => r.data()));
      results = ordered(data, compact).slice(0, MAX);
      if (mine === seq) render(typed);
    } catch {
      status.textContent = s.error;
    }
  };
  const go = (i: number) => {
    const r = results[i];
    if (r) location.href = r.url;
  };

  input.addEventListener('focus', () => void load().catch(() => (status.textContent = s.error)), { once: true });
  input.addEventListener('input', () => void search());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!results.length) return;
      if (list.hidden) render(input.value.trim());
      const n = results.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter') {
      if (results.length && !list.hidden) {
        e.preventDefault();
        go(active >= 0 ? active : 0);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden || !empty.hidden) {
        e.preventDefault();
        close();
      } else input.value = '';
    }
  });
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as Element).closest<HTMLElement>('[role=option]');
    if (li) {
      e.preventDefault();
      go(Array.from(list.children).indexOf(li));
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  root.hidden = false;
}
