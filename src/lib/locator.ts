// Locators ("para 3", "table row 12", "Điều 1 khoản 5") are written with English words around
// quoted Vietnamese text. On Vietnamese pages their common words are shown in Vietnamese, from the
// dictionary's vocabulary. A locator with a word the vocabulary lacks is shown as written and marked
// as English, rather than half translated.

export type LocatorWords = readonly (readonly [string, string])[];

export interface LocalisedLocator {
  text: string;
  /**
   * The language of the text when it is not the page's: `en` for a locator shown as written on a
   * Vietnamese page, `vi` for one written wholly in Vietnamese on an English page; null otherwise.
   */
  lang: 'en' | 'vi' | null;
}

/** Quoted passages are left as written. */
const QUOTED = /'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”/g;

/**
 * A translated locator in runs, so that a page can mark the language of the passages it quotes: on a
 * Vietnamese page "đoạn 'After the arrangement…'" is Vietnamese with an English quotation.
 */
export function quotedRuns(text: string, pageLang: 'vi' | 'en', sourceLang?: string): { text: string; lang: string | null }[] {
  const runs: { text: string; lang: string | null }[] = [];
  // On English pages an unquoted Vietnamese name ("table Thông tin cơ bản") is marked too.
  const plain = (part: string) => (pageLang === 'en' ? runs.push(...vietnameseNames(part)) : runs.push({ text: part, lang: null }));
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    if (m.index! > last) plain(text.slice(last, m.index));
    const quote = m[0];
    // A source in a third language (a French or Japanese rendering) is quoted in that language, unless
    // the quotation is plainly Vietnamese.
    const third = sourceLang && sourceLang !== 'vi' && sourceLang !== 'en' && !(VIETNAMESE_LETTERS.test(quote) && !hasEnglish(quote)) ? sourceLang : null;
    const other = third ? third : pageLang === 'vi' ? (hasEnglish(quote) ? 'en' : null) : /[^\x00-\x7f]/.test(quote) && !hasEnglish(quote) ? 'vi' : null;
    runs.push({ text: quote, lang: other });
    last = m.index! + quote.length;
  }
  if (last < text.length) plain(text.slice(last));
  return runs;
}

/** Words that frame a locator in English; what lies between them and punctuation or numbers is a name. */
const FRAME = /(\b(?:table|tables|row|rows|para|paras|paragraph|column|columns|section|item|items|line|headline|lead|teaser|standfirst|bullet|title|heading|page|part|entry|list|summary|and|of|the|in|last|first|read|p\.)\b|[,;:()]|\d+(?:[.,]\d+)*)/i;

/** An unquoted passage of an English locator in runs: Vietnamese names marked `vi`, the frame unmarked. */
function vietnameseNames(text: string): { text: string; lang: 'vi' | null }[] {
  const out: { text: string; lang: 'vi' | null }[] = [];
  for (const piece of text.split(FRAME)) {
    if (!piece) continue;
    const core = piece.trim();
    if (core && /[^\x00-\x7f]/.test(core) && !FRAME.test(core)) {
      const lead = piece.slice(0, piece.indexOf(core));
      const tail = piece.slice(piece.indexOf(core) + core.length);
      if (lead) out.push({ text: lead, lang: null });
      out.push({ text: core, lang: 'vi' });
      if (tail) out.push({ text: tail, lang: null });
    } else out.push({ text: piece, lang: null });
  }
  // Adjacent unmarked pieces read as one run.
  return out.reduce<{ text: string; lang: 'vi' | null }[]>((acc, r) => {
    const prev = acc[acc.length - 1];
    if (prev && prev.lang === null && r.lang === null) prev.text += r.text;
    else acc.push({ ...r });
    return acc;
  }, []);
}

/** Plain-ASCII words that stand alone in Vietnamese locators: km², "Top 10" tables, page numbers, sapo, place names. */
const VIETNAMESE_ASCII = new Set(['km', 'top', 'tr', 'sapo', 'kon', 'tum', 'gia', 'lai']);

const compiled = new WeakMap<LocatorWords, { re: RegExp; map: Map<string, string> }>();

function compile(words: LocatorWords) {
  let c = compiled.get(words);
  if (!c) {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const sorted = [...words].sort((a, b) => b[0].length - a[0].length);
    const re = new RegExp(sorted.map(([w]) => `(?<!\\p{L})${escape(w)}(?!\\p{L})`).join('|'), 'gu');
    c = { re, map: new Map(words.map(([a, b]) => [a, b])) };
    compiled.set(words, c);
  }
  return c;
}

/**
 * True when text still has English: a common English word anywhere, or a run of words (between
 * punctuation or digits) without one Vietnamese letter, other than Roman numerals, all-capital
 * abbreviations (TTXVN, VJS) and known Vietnamese words. "Quy mô dân số" is Vietnamese although "Quy"
 * alone is plain ASCII.
 */
export function hasEnglish(text: string): boolean {
  if (ENGLISH_WORDS.test(text)) return true;
  for (const run of text.split(/[^\p{L} ]+/u)) {
    const words = run.split(' ').filter((w) => w.length >= 2 && !/^[IVX]+$/.test(w) && !/^[A-Z]{2,}$/.test(w) && !VIETNAMESE_ASCII.has(w.toLowerCase()));
    if (words.length > 0 && !/[^\x00-\x7f]/.test(run)) return true;
  }
  return false;
}

/** Common English words that never stand in a Vietnamese locator. */
const ENGLISH_WORDS = /(?<![\p{L}])(?:the|of|on|at|by|for|with|from|and|or|is|are|was|not|only|new|this|that|page|first|last|read|see|text|row|table|para|paras|item|section|line)(?![\p{L}])/iu;

/**
 * A locator for display in `lang`. English pages get it as written. Vietnamese pages get the
 * vocabulary's words, quoted text untouched; if an English word would remain, the locator as
 * written, marked `en`.
 */
export function localiseLocator(locator: string, lang: 'vi' | 'en', words: LocatorWords): LocalisedLocator {
  // English pages show a locator as written, or with the vocabulary's legal words in English when
  // that leaves no Vietnamese outside quotes ("Điều 1 khoản 18" → "Art. 1 cl. 18"); one still written
  // wholly in Vietnamese says so.
  if (lang === 'en') {
    const english = toEnglish(locator, words);
    if (english !== null) return { text: english, lang: null };
    return { text: locator, lang: /[^\x00-\x7f]/.test(locator) && !hasEnglish(locator) ? 'vi' : null };
  }
  if (words.length === 0) return { text: locator, lang: null };
  const { re, map } = compile(words);
  const kept: string[] = [];
  const masked = locator.replace(QUOTED, (m) => `\u0000${kept.push(m) - 1}\u0000`);
  const translated = masked.replace(re, (m) => map.get(m) ?? m);
  // Translation only brings in Vietnamese, so English left after it was in the locator as written.
  if (hasEnglish(translated.replace(/\u0000\d+\u0000/g, ' '))) return { text: locator, lang: 'en' };
  return { text: translated.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]), lang: null };
}

/**
 * Vietnamese words of the vocabulary replaced by English ones, quoted text untouched; null when the
 * vocabulary changes nothing or Vietnamese would remain outside quotes.
 */
function toEnglish(text: string, words: LocatorWords): string | null {
  if (words.length === 0) return null;
  const { re, map } = compile(words);
  const kept: string[] = [];
  const masked = text.replace(QUOTED, (m) => `\u0000${kept.push(m) - 1}\u0000`);
  const translated = masked.replace(re, (m) => map.get(m) ?? m);
  if (translated === masked || /[^\x00-\x7f]/.test(translated.replace(/\u0000\d+\u0000/g, ''))) return null;
  return translated.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]);
}

/**
 * The name of a legal document for display: on English pages its kind in English when the
 * vocabulary has it ("Nghị quyết 202/2025/QH15" → "Resolution 202/2025/QH15"); `lang` says when the
 * text stays in Vietnamese on an English page.
 */
export function localiseLegalTitle(title: string, lang: 'vi' | 'en', words: LocatorWords): LocalisedLocator {
  if (lang === 'vi') return { text: title, lang: null };
  const english = toEnglish(title, words);
  return english !== null ? { text: english, lang: null } : { text: title, lang: /[^\x00-\x7f]/.test(title) ? 'vi' : null };
}

/**
 * A publisher's name for display: our remarks in brackets ("Lao Động (English edition)") in the
 * page's language where the vocabulary has every word; the name itself is never translated.
 */
export function localisePublisher(publisher: string, lang: 'vi' | 'en', words: LocatorWords): string {
  // English pages: a Vietnamese body by its English name when the vocabulary has the whole name
  // ("Quốc hội" → "National Assembly"), and remarks in brackets in English ("bản đăng trên" → "copy on").
  if (lang === 'en') {
    const gloss = words.find(([vi]) => vi === publisher);
    if (gloss) return gloss[1];
    if (words.length === 0) return publisher;
    // Our remarks in brackets in English; names inside them stay as they are.
    const { re, map } = compile(words);
    return publisher.replace(/\(([^()]*)\)/g, (_, inner: string) => `(${inner.replace(re, (m) => map.get(m) ?? m)})`);
  }
  if (words.length === 0) return publisher;
  const { re, map } = compile(words);
  return publisher.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    const translated = inner.replace(re, (m) => map.get(m) ?? m);
    // A domain name ("dantocmiennui.vn") is a name in any language.
    return translated !== inner && !hasEnglish(translated.replace(/[\w-]+(?:\.[\w-]+)+/g, '')) ? `(${translated})` : whole;
  });
}

/** Letters that mark a word as Vietnamese among the languages of our sources (ã and õ are also Portuguese, which none is). */
const VIETNAMESE_LETTERS = /[ăâđêôơưãõĩũạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/**
 * The language of a source's title, for its `lang` attribute. Usually the page's (`source.language`),
 * but a title can be in another: the Vietnamese words of a page address standing for the title of an
 * English or Japanese rendering, or an English title of an English edition of a Vietnamese paper.
 */
export function titleLang(title: string, pageLanguage: string): string {
  // A page in a third language keeps its code unless the title is plainly Vietnamese (an address's words).
  if (pageLanguage !== 'vi' && pageLanguage !== 'en') return VIETNAMESE_LETTERS.test(title) && !hasEnglish(title) ? 'vi' : pageLanguage;
  const ascii = !/[^\x00-\x7f]/.test(title);
  if (VIETNAMESE_LETTERS.test(title) && !hasEnglish(title)) return 'vi';
  if (ascii && hasEnglish(title)) return 'en';
  return pageLanguage;
}

/** English words that end a run of Vietnamese in prose ("Tây Ninh province": the run is "Tây Ninh"). */
const ENGLISH_PROSE = new Set(('the of on at by for with from and or is are was were be been not only new this that these those it its as to in into ' +
  'a an page first last read see text row table para item section line province provinces city cities district districts commune communes ' +
  'people population figure figures census count counts area year years source sources says said gives given state states stated ' +
  'resolution decree decision article report plan planned total after before since until which who where when than per').split(' '));

/**
 * Runs of English prose (our notes) with its Vietnamese passages marked `vi`: a run starts and ends at
 * a word with Vietnamese letters and takes in the plain-ASCII words between or around them that are
 * not common English words ("quy mô dân số", "Số liệu theo năm 2022"); punctuation ends a run.
 */
export function proseRuns(text: string): { text: string; lang: 'vi' | null }[] {
  const out: { text: string; lang: 'vi' | null }[] = [];
  const push = (t: string, lang: 'vi' | null) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev && prev.lang === lang) prev.text += t;
    else out.push({ text: t, lang });
  };
  // Segments between punctuation (kept), each scanned word by word.
  for (const seg of text.split(/([,;:()"'‘’“”.!?\[\]]+)/)) {
    const words = seg.split(/( +)/);
    const isVi = (w: string) => VIETNAMESE_LETTERS.test(w) || /[àáèéìíòóùúý]/i.test(w);
    const canJoin = (w: string) => /^[A-Za-z0-9-]+$/.test(w) && !ENGLISH_PROSE.has(w.toLowerCase());
    const idx = words.map((w, i) => (i % 2 === 0 && w && isVi(w) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) { push(seg, null); continue; }
    // Grow each Vietnamese word into a run over joinable neighbours.
    const inRun = new Array(words.length).fill(false);
    for (const i of idx) {
      inRun[i] = true;
      for (let j = i - 2; j >= 0 && (isVi(words[j]) || canJoin(words[j])); j -= 2) inRun[j] = true;
      for (let j = i + 2; j < words.length && (isVi(words[j]) || canJoin(words[j])); j += 2) inRun[j] = true;
    }
    for (let i = 0; i < words.length; i++) {
      if (i % 2 === 1) push(words[i], inRun[i - 1] && inRun[i + 1] ? 'vi' : null);
      else push(words[i], inRun[i] ? 'vi' : null);
    }
  }
  return out;
}
