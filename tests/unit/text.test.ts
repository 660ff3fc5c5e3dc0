import { describe, expect, test } from 'vitest';
import { editDistance, foldDiacritics, normaliseText, slugify, utf8Length } from '../../src/lib/text.ts';

describe('normaliseText', () => {
  test.each([
    ['composes decomposed Vietnamese to NFC', 'Ha\u0300 Ti\u0303nh', 'Hà Tĩnh'],
    ['trims outer whitespace', '  Long An\t', 'Long An'],
    ['collapses inner whitespace and non-breaking spaces', 'Bà\u00a0 Rịa', 'Bà Rịa'],
    ['leaves clean text alone', 'Đắk Lắk', 'Đắk Lắk'],
    ['ASCII with a double space', 'a  b ', 'a b'],
    ['ASCII with a tab', 'a\tb', 'a b'],
    ['plain ASCII', 'long-an', 'long-an'],
  ])('%s', (_, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
    expect(normaliseText(input).normalize('NFC')).toBe(normaliseText(input));
  });
});

describe('foldDiacritics and slugify', () => {
  test.each([
    ['Hà Tĩnh', 'ha tinh', 'ha-tinh'],
    ['Đắk Lắk', 'dak lak', 'dak-lak'],
    ['TP. Hồ Chí Minh', 'tp ho chi minh', 'tp-ho-chi-minh'],
    ['Bà Rịa - Vũng Tàu', 'ba ria vung tau', 'ba-ria-vung-tau'],
    ['Ha\u0300 Nô\u0323i', 'ha noi', 'ha-noi'],
  ])('%s', (input, folded, slug) => {
    expect(foldDiacritics(input)).toBe(folded);
    expect(slugify(input)).toBe(slug);
  });
});

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['ha tinh', 'ha tinh', 0],
    ['ha tihn', 'ha tinh', 2],
    ['long an', 'long', 3],
  ])('%s ~ %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('utf8Length', () => {
  test.each(['', 'abc', 'Hà Tĩnh', 'Đắk Lắk — 1.024', '😀 emoji', '\u00a0'])('%j matches Buffer.byteLength', (s) => {
    expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });
});
