// Locators on Vietnamese pages: common words in Vietnamese, quoted text untouched, and a locator
// with a word the vocabulary lacks shown as written and marked English.
import { describe, expect, test } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { vi } from '../../src/lib/i18n/vi.ts';
import { hasEnglish, localiseLocator, localisePublisher, quotedRuns } from '../../src/lib/locator.ts';
import { loadDataFiles } from '../../scripts/lib/files.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';

const words = vi.share.locatorWords;

describe('localiseLocator', () => {
  test.each([
    // locator, Vietnamese text, marked English
    ['para 3', 'đoạn 3', null],
    ['paras 4-5', 'đoạn 4-5', null],
    ['last para', 'đoạn cuối', null],
    ['table row 12', 'bảng, dòng 12', null],
    ['table II row 4', 'bảng II dòng 4', null],
    ['headline and lead', 'tiêu đề và sapo', null],
    ['Điều 1 khoản 5', 'Điều 1 khoản 5', null],
    ['table row 1 (Hà Nội), column Quy mô dân số', 'bảng, dòng 1 (Hà Nội), cột Quy mô dân số', null],
    // quoted text is never translated, even when it holds vocabulary words
    ["para 'the table and the row'", "đoạn 'the table and the row'", null],
    ["paras 'Theo Sở Nội vụ…' and 'Ông Lê Văn Lĩnh…'", "đoạn 'Theo Sở Nội vụ…' và 'Ông Lê Văn Lĩnh…'", null],
    // a word outside the vocabulary: as written, marked English, never half translated
    ['related-news teaser on the founding of the new Vĩnh Long (30/6)', 'related-news teaser on the founding of the new Vĩnh Long (30/6)', 'en'],
    ['p. 83, table 8, row Sơ bộ - Prel. 2023', 'p. 83, table 8, row Sơ bộ - Prel. 2023', 'en'],
    // the vocabulary matches whole words only
    ['paragraphs', 'paragraphs', 'en'],
  ])('%s → %s', (locator, text, lang) => {
    expect(localiseLocator(locator, 'vi', words)).toEqual({ text, lang });
  });

  test('English pages get the locator as written', () => {
    expect(localiseLocator('para 3', 'en', en.share.locatorWords)).toEqual({ text: 'para 3', lang: null });
    // A locator written wholly in Vietnamese is marked as such on English pages; a mixed one is not.
    expect(localiseLocator('Điều 1 khoản 18', 'en', en.share.locatorWords)).toEqual({ text: 'Điều 1 khoản 18', lang: 'vi' });
    expect(localiseLocator("para 'Theo ông Cang…'", 'en', en.share.locatorWords)).toEqual({ text: "para 'Theo ông Cang…'", lang: null });
  });

  test.each([
    ['Quy mô dân số', false],
    ['bảng II', false],
    ['Top 10 tỉnh', false],
    ['as given in the URL', true],
    ['Sơ bộ - Prel', true],
  ])('hasEnglish(%s) = %s', (text, expected) => {
    expect(hasEnglish(text)).toBe(expected);
  });

  test("at least 95% of the real data's locators read in Vietnamese on Vietnamese pages", () => {
    const d = buildDataset(loadDataFiles()).dataset!;
    const locators = new Set([...d.observations, ...d.events, ...d.lineage].map((r) => r.locator));
    const english = [...locators].filter((l) => localiseLocator(l, 'vi', words).lang === 'en');
    expect(english.length / locators.size, english.join('\n')).toBeLessThanOrEqual(0.05);
  });
});

describe('localisePublisher', () => {
  test.each([
    // publisher, on Vietnamese pages
    ['Lao Động (English edition)', 'Lao Động (bản tiếng Anh)'],
    ['aloxekhach.com (bus-ticket portal)', 'aloxekhach.com (trang bán vé xe khách)'],
    ['Vietnam.vn (from Dân trí)', 'Vietnam.vn (dẫn từ Dân trí)'],
    // names are never translated; a bracket already in Vietnamese or a site name stays as written
    ['Vietnam News', 'Vietnam News'],
    ['VietnamPlus (TTXVN)', 'VietnamPlus (TTXVN)'],
    ['Pháp Luật TP.HCM (plo.vn)', 'Pháp Luật TP.HCM (plo.vn)'],
    // a domain name inside a remark does not stop the rest from being translated
    ['Báo Dân tộc và Phát triển (dantocmiennui.vn, probable)', 'Báo Dân tộc và Phát triển (dantocmiennui.vn, chưa chắc chắn)'],
    ['Vietnam.vn (VJS, republishing Sài Gòn Giải Phóng)', 'Vietnam.vn (VJS, đăng lại bài của Sài Gòn Giải Phóng)'],
    // a remark with a word outside the vocabulary stays as written rather than half translated
    ['Example (English edition, mirrored)', 'Example (English edition, mirrored)'],
  ])('%s → %s', (publisher, expected) => {
    expect(localisePublisher(publisher, 'vi', vi.share.publisherWords)).toBe(expected);
    expect(localisePublisher(publisher, 'en', en.share.publisherWords)).toBe(publisher);
  });
});

describe('quotedRuns: quoted passages in the other language are marked', () => {
  test.each([
    ["đoạn 'After the arrangement, Da Nang city has 94…'", 'vi', [["đoạn ", null], ["'After the arrangement, Da Nang city has 94…'", 'en']]],
    ["đoạn 'Theo ông Cang…'", 'vi', [["đoạn ", null], ["'Theo ông Cang…'", null]]],
    ["para 'Theo ông Cang…'", 'en', [["para ", null], ["'Theo ông Cang…'", 'vi']]],
    ['đoạn 3', 'vi', [['đoạn 3', null]]],
    ["mục 'A' và 'Quy mô dân số'", 'vi', [["mục ", null], ["'A'", null], [' và ', null], ["'Quy mô dân số'", null]]],
  ] as const)('%s (%s)', (text, lang, runs) => {
    expect(quotedRuns(text, lang).map((r) => [r.text, r.lang])).toEqual(runs);
  });
});
