import type { Lang } from './i18n/index.ts';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

/** `1.024` in Vietnamese, `1,024` in English; decimals fixed per metric. */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  const key = `${lang}|${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(key, f);
  }
  return f.format(value);
}

/**
 * A metric's value as precise as it was recorded, up to the metric's decimals: an area known to the
 * whole km² reads 4.495, not 4.495,00, and one known to the hundredth 2.390,77.
 */
export function formatValue(value: number, lang: Lang, decimals = 0): string {
  const key = `${lang}|upto|${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 0, maximumFractionDigits: decimals });
    cache.set(key, f);
  }
  return f.format(value);
}

/** Signed percentage: `−40,5 %` / `−40.5%`. */
export function formatPercent(value: number, lang: Lang, decimals = 1): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const n = formatNumber(Math.abs(value), lang, decimals);
  return lang === 'vi' ? `${sign}${n}%` : `${sign}${n}%`;
}

export function formatSigned(value: number, lang: Lang, decimals = 0): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(value), lang, decimals)}`;
}

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A partial date as precise as stated: `12/6/2025`, `tháng 6/2025`, `2025` / `12 June 2025`, `June 2025`. */
export function formatDate(text: string, lang: Lang): string {
  if (text.includes('/')) {
    const [a, b] = text.split('/');
    return lang === 'vi' ? `khoảng ${formatDate(a, lang)} – ${formatDate(b, lang)}` : `between ${formatDate(a, lang)} and ${formatDate(b, lang)}`;
  }
  const [y, m, d] = text.split('-').map(Number);
  if (!y) return text;
  if (lang === 'vi') {
    if (d) return `${d}/${m}/${y}`;
    if (m) return `tháng ${m}/${y}`;
    return String(y);
  }
  if (d) return `${d} ${monthsEn[m - 1]} ${y}`;
  if (m) return `${monthsEn[m - 1]} ${y}`;
  return String(y);
}

/**
 * Dates in our English notes written day first, as Vietnamese sources print them ("03/04/2025",
 * "1/4/2019"), spelled out as the English pages write dates ("3 April 2025"), so that no reader takes
 * 03/04 for 4 March. A date inside double quotes is a quotation and stays as printed; so does anything
 * that is not a real date.
 */
export function englishDates(text: string): string {
  return text
    .split(/("[^"]*"|“[^”]*”)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![\d/.,])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g, (m, d: string, mo: string, y: string) => {
            const day = Number(d);
            const month = Number(mo);
            const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
            return valid ? `${day} ${monthsEn[month - 1]} ${y}` : m;
          }),
    )
    .join('');
}

/**
 * The span a flow covers, "từ 25/10/2017 đến 27/12/2024" / "from 25 October 2017 to 27 December 2024",
 * when its start is known; otherwise its date alone. Worded, not dashed, so that it never reads like an
 * uncertain date ("khoảng 2017 – 2020").
 */
export function formatPeriod(periodStart: string | null | undefined, date: string, lang: Lang): string {
  if (!periodStart) return formatDate(date, lang);
  return lang === 'vi' ? `từ ${formatDate(periodStart, lang)} đến ${formatDate(date, lang)}` : `from ${formatDate(periodStart, lang)} to ${formatDate(date, lang)}`;
}

/** "A, B và C" / "A, B and C". */
export function listJoin(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang === 'vi' ? 'vi' : 'en', { style: 'long', type: 'conjunction' }).format(items);
}
