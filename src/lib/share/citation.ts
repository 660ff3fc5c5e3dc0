// A citation line ready to paste: site, chart title, dataset version, date and URL.
import { formatDate } from '../format.ts';
import type { Lang } from '../i18n/index.ts';

export interface CitationStrings {
  /** Template with {site} {title} {version} {url} {date}, when the reader's access date is known. */
  accessed: string;
  /** The same without JavaScript: the dataset's release date instead of the access date. */
  released: string;
}

export interface CitationInput {
  site: string;
  title: string;
  version: string;
  url: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** True when `date` is the reader's today, false when it is the dataset's date. */
  accessed: boolean;
}

/** `{name}` placeholders, as i18n's fill (not imported: the dictionaries must stay out of browser bundles). */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

export function citation(lang: Lang, strings: CitationStrings, c: CitationInput): string {
  return fill(c.accessed ? strings.accessed : strings.released, { site: c.site, title: c.title, version: c.version, url: c.url, date: formatDate(c.date, lang) });
}

/** Today in the reader's time zone as `YYYY-MM-DD`. */
export function isoToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
