// How a source is named on a page: its publisher (remarks in brackets in the page's language), or
// its title when the publisher is unknown.
import { t, type Lang } from './i18n/index.ts';
import { localisePublisher } from './locator.ts';

export function sourceLabel(s: { publisher: string; title: string }, lang: Lang): string {
  return s.publisher ? localisePublisher(s.publisher, lang, t(lang).share.publisherWords) : s.title;
}
