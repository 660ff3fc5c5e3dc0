// Printable ASCII words separated by single spaces: already normal (most cells), so skip the work.
const alreadyNormal = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;

/** Unicode NFC and outer whitespace trimmed; inner runs of whitespace collapsed to one space. */
export function normaliseText(value: string): string {
  if (alreadyNormal.test(value)) return value;
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Words of any script separated by single spaces, no outer whitespace.
const tidy = /^(?:\S+(?: \S+)*)?$/;

/**
 * `normaliseText` for text already in NFC (e.g. a cell of a file normalised as a whole): only the
 * whitespace is tidied, which most cells do not need.
 */
export function tidyWhitespace(value: string): string {
  return tidy.test(value) ? value : value.replace(/\s+/g, ' ').trim();
}

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Lower case, diacritics removed (đ → d), for matching what a reader types against names. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** URL slug from a Vietnamese name: `Bà Rịa - Vũng Tàu` → `ba-ria-vung-tau`. */
export function slugify(value: string): string {
  return foldDiacritics(value).replace(/ /g, '-');
}

/** Levenshtein distance, used to hint the nearest known name. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * A search query without a leading "tỉnh", "thành phố", "TP." or "province"/"city of" ("thành phố hồ chí
 * minh" → "hồ chí minh", "tinh tay ninh" → "tay ninh"): no province's name includes the word, so it only
 * adds noise. Kept when nothing would remain. The header search and the compare picker both use it.
 */
export function withoutKind(q: string): string {
  const rest = q.replace(/^\s*(?:t[iỉ]nh|th[aà]nh\s+ph[oố]|tp\.?|province\s+of|city\s+of|province|city)(?:\s+|\.\s*)/iu, '');
  return rest.trim() ? rest.trim() : q.trim();
}
