// How a source is named on a page: its publisher (remarks in brackets in the page's language), or
// its title when the publisher is unknown.
import { t, type Lang } from './i18n/index.ts';
import { localisePublisher, proseRuns } from './locator.ts';

export function sourceLabel(s: { publisher: string; title: string }, lang: Lang): string {
  return s.publisher ? localisePublisher(s.publisher, lang, t(lang).share.publisherWords) : s.title;
}

/**
 * A source's label in runs, so that English pages can mark its Vietnamese names as Vietnamese ("Thông tấn
 * xã Việt Nam", "Lao Động (English edition)", "(portal of Đảng bộ tỉnh Bình Phước)"). Vietnamese pages need
 * no marking (their English remarks are translated), so they get one unmarked run.
 */
export function sourceLabelRuns(s: { publisher: string; title: string }, lang: Lang): { text: string; lang: 'vi' | null }[] {
  const label = sourceLabel(s, lang);
  return lang === 'vi' ? [{ text: label, lang: null }] : proseRuns(label);
}
