/** A date as precise as its source states it: a day, a month or a year. */
export interface PartialDate {
  /** The text as written, normalised: `2025`, `2025-06`, `2025-06-12`. */
  text: string;
  /** `range` for an undated fact known only to lie between two dates, written `2017-10/2020`. */
  precision: 'year' | 'month' | 'day' | 'range';
  /** First and last day covered, ISO `YYYY-MM-DD`. */
  start: string;
  end: string;
}

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or an interval of two of them (`2017-10/2020`) for a fact
 * whose source gives no date but whose period is bounded by other facts; null for a bad format or an
 * impossible date.
 */
export function parsePartialDate(text: string): PartialDate | null {
  // Data files repeat a few hundred distinct dates over up to millions of rows: parse each once.
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const parsed = parseUncached(text);
  cache.set(text, parsed);
  return parsed;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, PartialDate | null>();

function parseUncached(text: string): PartialDate | null {
  const slash = text.indexOf('/');
  if (slash !== -1) {
    const a = parseSingle(text.slice(0, slash));
    const b = parseSingle(text.slice(slash + 1));
    if (!a || !b || a.start > b.end || a.text === b.text) return null;
    return { text, precision: 'range', start: a.start, end: b.end };
  }
  return parseSingle(text);
}

function parseSingle(text: string): PartialDate | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1945 || year > 2100) return null;
  if (m[2] === undefined) return { text, precision: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return { text, precision: 'month', start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return { text, precision: 'day', start: text, end: text };
}

const dayCache = new Map<string, number>();

/** Milliseconds since the epoch of an ISO day (`YYYY-MM-DD`), cached: the derivations ask for the same days again and again. */
export function dayMs(iso: string): number {
  let ms = dayCache.get(iso);
  if (ms === undefined) {
    if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
    ms = Date.parse(iso);
    dayCache.set(iso, ms);
  }
  return ms;
}

/** Validity interval check: does any day of `date` fall within [from, to]? Empty bounds are open. */
export function overlapsInterval(date: PartialDate, from: string, to: string): boolean {
  return (from === '' || date.end >= from) && (to === '' || date.start <= to);
}

/**
 * How late a figure is known to be, as an ISO day to compare. An undated figure recorded as an interval
 * ("some time in 2024, at the latest 30 June 2025": `2024/2025-06-30`) is only known to be as late as
 * the interval's start, so a dated figure inside the interval counts as later.
 */
export function recencyOf(o: { date: string; date_end: string }): string {
  return o.date.includes('/') ? (parsePartialDate(o.date)?.start ?? o.date_end) : o.date_end;
}
