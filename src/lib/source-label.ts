// How a source is named on a page: its publisher (remarks in brackets in the page's language), or
// its title when the publisher is unknown.
import { t, type Lang } from './i18n/index.ts';
import { hasEnglish, localisePublisher } from './locator.ts';

export function sourceLabel(s: { publisher: string; title: string }, lang: Lang): string {
  return s.publisher ? localisePublisher(s.publisher, lang, t(lang).share.publisherWords) : s.title;
}

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýÀÁÈÉÌÍÒÓÙÚÝ]/iu;

/**
 * A source's label in runs, so that English pages can mark Vietnamese names as Vietnamese: the name
 * before any bracket, and a bracket holding only names (no English remark), are `vi` when they have
 * Vietnamese letters. Vietnamese pages need no marking (a Vietnamese page's English remarks are
 * translated), so they get one unmarked run.
 */
export function sourceLabelRuns(s: { publisher: string; title: string }, lang: Lang): { text: string; lang: 'vi' | null }[] {
  const label = sourceLabel(s, lang);
  if (lang === 'vi') return [{ text: label, lang: null }];
  const runs: { text: string; lang: 'vi' | null }[] = [];
  const vi = (text: string) => VIETNAMESE.test(text) && !hasEnglish(text);
  const open = label.indexOf(' (');
  const name = open > 0 ? label.slice(0, open) : label;
  runs.push({ text: name, lang: VIETNAMESE.test(name) ? 'vi' : null });
  if (open > 0) {
    const rest = label.slice(open);
    const inner = /^ \(([^()]*)\)$/.exec(rest)?.[1];
    if (inner !== undefined && vi(inner)) runs.push({ text: ' (', lang: null }, { text: inner, lang: 'vi' }, { text: ')', lang: null });
    else runs.push({ text: rest, lang: null });
  }
  return runs;
}
