// Locators on Vietnamese pages: common words in Vietnamese, quoted text untouched, and a locator
// with a word the vocabulary lacks shown as written and marked English.
import { describe, expect, test } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { vi } from '../../src/lib/i18n/vi.ts';
import { hasEnglish, localiseLegalTitle, localiseLocator, localisePublisher, proseRuns, quotedRuns, titleLang } from '../../src/lib/locator.ts';
import { loadDataFiles } from '../../scripts/lib/files.ts';
import { buildDataset } from '../../src/lib/pipeline/run.ts';
import { sourceLabelRuns } from '../../src/lib/source-label.ts';

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

  test.each([
    // locator, on English pages
    ['para 3', 'para 3', null],
    // legal words in English when nothing Vietnamese is left outside quotes
    ['Điều 1 khoản 18', 'Art. 1 cl. 18', null],
    ['Phụ lục, mục 2', 'Phụ lục, mục 2', 'vi'], // "mục" is not in the vocabulary: kept as written
    ["para 'Theo ông Cang…'", "para 'Theo ông Cang…'", null],
    ["Điều 2 'Hiệu lực thi hành'", "Art. 2 'Hiệu lực thi hành'", null],
    // a locator still wholly Vietnamese is marked so
    ['đoạn cuối', 'đoạn cuối', 'vi'],
  ] as const)('English pages: %s → %s', (locator, text, lang) => {
    expect(localiseLocator(locator, 'en', en.share.locatorWords)).toEqual({ text, lang });
  });

  test.each([
    ['Nghị quyết 202/2025/QH15', 'vi', 'Nghị quyết 202/2025/QH15', null],
    ['Nghị quyết 202/2025/QH15', 'en', 'Resolution 202/2025/QH15', null],
    ['Nghị định số 178/2024/NĐ-CP', 'en', 'Nghị định số 178/2024/NĐ-CP', 'vi'], // "NĐ" stays Vietnamese: kept as written
    ['Nghị quyết 1656/NQ-UBTVQH15', 'en', 'Resolution 1656/NQ-UBTVQH15', null],
    ['Tờ trình 12', 'en', 'Tờ trình 12', 'vi'],
  ] as const)('legal title %s on %s pages → %s', (title, lang, text, mark) => {
    const out = localiseLegalTitle(title, lang, (lang === 'vi' ? vi : en).share.legalWords);
    expect(out).toEqual({ text, lang: mark });
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
    ['Báo Dân tộc và Phát triển (dantocmiennui.vn, publisher probable; article page not located)', 'Báo Dân tộc và Phát triển (dantocmiennui.vn, đơn vị đăng chưa chắc chắn; chưa tìm được trang bài viết)'],
    ['Vietnam.vn (VJS, republishing Sài Gòn Giải Phóng)', 'Vietnam.vn (VJS, đăng lại bài của Sài Gòn Giải Phóng)'],
    // copies of a page
    ['Wikipedia (English; copy on wiki.riteme.site)', 'Wikipedia (tiếng Anh; bản sao trên wiki.riteme.site)'],
    ['Wikipedia (English; copy in the Internet Archive)', 'Wikipedia (tiếng Anh; bản lưu trên Internet Archive)'],
    ['Wikipedia tiếng Việt (copy, address not recorded)', 'Wikipedia tiếng Việt (bản sao, không ghi địa chỉ)'],
    // a remark with a word outside the vocabulary stays as written rather than half translated
    ['Example (English edition, mirrored)', 'Example (English edition, mirrored)'],
  ])('%s → %s', (publisher, expected) => {
    expect(localisePublisher(publisher, 'vi', vi.share.publisherWords)).toBe(expected);
    expect(localisePublisher(publisher, 'en', en.share.publisherWords)).toBe(publisher);
  });
  test.each([
    ['Quốc hội', 'National Assembly'],
    ['Bộ Nội vụ', 'Ministry of Home Affairs'],
    ['Báo Tuyên Quang', 'Báo Tuyên Quang'],
    ['Ủy ban Thường vụ Quốc hội (bản đăng trên Thư viện Nhà đất)', 'Ủy ban Thường vụ Quốc hội (copy on Thư viện Nhà đất)'],
    ['Báo Mới (trang tổng hợp)', 'Báo Mới (aggregator)'],
    ['Vietnam.vn (nguồn Thanh Niên)', 'Vietnam.vn (source: Thanh Niên)'],
    ['Lao Động (English edition)', 'Lao Động (English edition)'],
    ['thactrang.com (bản sao bài Tuổi Trẻ)', 'thactrang.com (copy of an article in Tuổi Trẻ)'],
    ['defzone.net (bản sao Wikipedia tiếng Việt)', 'defzone.net (copy of Vietnamese Wikipedia)'],
    ['ManyChat (trang giới thiệu "Thành phố Tây Ninh")', 'ManyChat (landing page "Thành phố Tây Ninh")'],
    ['Du lịch Tâm Đắc (công ty lữ hành)', 'Du lịch Tâm Đắc (tour operator)'],
    ['Việt Báo (theo VietnamPlus)', 'Việt Báo (via VietnamPlus)'],
  ])('English pages name a Vietnamese body in English and translate our remarks: %s → %s', (publisher, expected) => {
    expect(localisePublisher(publisher, 'en', en.share.publisherWords)).toBe(expected);
  });
});

test('on Vietnamese pages, no remark in a real publisher\'s brackets is left in English', () => {
  const real = buildDataset(loadDataFiles()).dataset!;
  const left = real.sources.flatMap((src) =>
    [...localisePublisher(src.publisher, 'vi', vi.share.publisherWords).matchAll(/\(([^()]*)\)/g)]
      .map((m) => m[1])
      // Names (VietNamNet, Vnews, a domain) are no remark: look for the words our remarks are made of.
      .filter((inner) => /\b(?:site|repository|mirror|copy|page|of|edition|article|content|portal|aggregator|from|by|the|inferred|probable|located|education|English|republish\w*|relaying|address)\b/i.test(inner.replace(/[\w-]+(?:\.[\w-]+)+(?:\/[\w./-]*)?/g, '')))
      .map((inner) => `${src.id}: (${inner})`),
  );
  expect(left).toEqual([]);
});

describe('quotedRuns: quoted passages in the other language are marked', () => {
  test.each([
    ["đoạn 'After the arrangement, Da Nang city has 94…'", 'vi', [["đoạn ", null], ["'After the arrangement, Da Nang city has 94…'", 'en']]],
    ["đoạn 'Theo ông Cang…'", 'vi', [["đoạn ", null], ["'Theo ông Cang…'", null]]],
    ["para 'Theo ông Cang…'", 'en', [["para ", null], ["'Theo ông Cang…'", 'vi']]],
    ['đoạn 3', 'vi', [['đoạn 3', null]]],
    ["mục 'A' và 'Quy mô dân số'", 'vi', [["mục ", null], ["'A'", null], [' và ', null], ["'Quy mô dân số'", null]]],
    // English pages: unquoted Vietnamese names between the locator's English words are marked too
    ['table Thông tin cơ bản, row 4 Diện tích (km2)', 'en', [['table ', null], ['Thông tin cơ bản', 'vi'], [', row 4 ', null], ['Diện tích', 'vi'], [' (km2)', null]]],
    ['para 3', 'en', [['para 3', null]]],
    ["section I, bullet 'Dân số'", 'en', [['section I, bullet ', null], ["'Dân số'", 'vi']]],
  ] as const)('%s (%s)', (text, lang, runs) => {
    expect(quotedRuns(text, lang).map((r) => [r.text, r.lang])).toEqual(runs);
  });
});

describe('titleLang: the language of a source title, which may differ from its page', () => {
  test.each([
    ['Tây Ninh công bố nhân sự lãnh đạo các sở', 'vi', 'vi'],
    ['Nhìn lại kết quả 6 tháng cải cách hành chính ở Cao Bằng', 'en', 'vi'], // an English edition, titled from its Vietnamese address
    ['Hội đồng nhân dân tỉnh Thái Nguyên quyết nghị nhiều nội dung', 'ja', 'vi'],
    ['Ho Chi Minh City has only 16 specialized agencies left', 'en', 'en'],
    ['Hanoi finalizes the names of 8 new departments', 'vi', 'en'],
    ["Tag page 'cải cách bộ máy': Thành lập Ban Chỉ đạo", 'vi', 'vi'], // mixed: the page's language
    ['Nghị quyết số 202/2025/QH15', 'vi', 'vi'],
    ['タイグエン省', 'ja', 'ja'],
    ['Quelle est la population de Nghe An dans le pays ?', 'fr', 'fr'], // a third language is trusted over the English guess
  ])('%s (page %s) → %s', (title, page, want) => {
    expect(titleLang(title, page)).toBe(want);
  });
});

describe('quotedRuns: a quotation from a source in a third language is marked with that language', () => {
  test.each([
    ["đoạn bắt đầu bằng 'Au 1er avril 2019, la province'", 'vi', 'fr', "'Au 1er avril 2019, la province'", 'fr'],
    ["para '再編後、タイグエン省'", 'en', 'ja', "'再編後、タイグエン省'", 'ja'],
    ["para '再編後、タイグエン省'", 'vi', 'ja', "'再編後、タイグエン省'", 'ja'],
    ["para 'Tỉnh có diện tích'", 'en', 'bn', "'Tỉnh có diện tích'", 'vi'], // plainly Vietnamese stays Vietnamese
    ["para 'After the arrangement'", 'vi', 'en', "'After the arrangement'", 'en'],
  ])('%s on a %s page, source %s', (text, page, source, quote, want) => {
    expect(quotedRuns(text, page as 'vi' | 'en', source).find((r) => r.text === quote)?.lang).toBe(want);
  });
});

describe('sourceLabelRuns: Vietnamese names in source labels are marked on English pages', () => {
  test.each([
    ['Cổng thông tin điện tử tỉnh Lào Cai', 'en', [['Cổng thông tin điện tử tỉnh Lào Cai', 'vi']]],
    ['Thông tấn xã Việt Nam (Chính sách và Cuộc sống)', 'en', [['Thông tấn xã Việt Nam', 'vi'], [' (', null], ['Chính sách và Cuộc sống', 'vi'], [')', null]]],
    ['thactrang.com (bản sao bài Tuổi Trẻ)', 'en', [['thactrang.com (copy of an article in ', null], ['Tuổi Trẻ', 'vi'], [')', null]]],
    ['Quốc hội', 'en', [['National Assembly', null]]],
    ['Lao Động (English edition)', 'en', [['Lao Động', 'vi'], [' (English edition)', null]]],
    ['Tỉnh ủy Bình Phước (cổng thông tin Đảng bộ tỉnh Bình Phước)', 'en', [['Tỉnh ủy Bình Phước', 'vi'], [' (portal of ', null], ['Đảng bộ tỉnh Bình Phước', 'vi'], [')', null]]],
    ['Cổng thông tin điện tử tỉnh Lào Cai', 'vi', [['Cổng thông tin điện tử tỉnh Lào Cai', null]]],
  ] as const)('%s (%s page)', (publisher, lang, want) => {
    expect(sourceLabelRuns({ publisher, title: 'x' }, lang).map((r) => [r.text, r.lang])).toEqual(want);
  });
});

describe('proseRuns: Vietnamese passages in our English notes are marked', () => {
  test.each([
    ['Resolution 202 figure (quy mô dân số) for the new province.', ['quy mô dân số']],
    ['caption "Số liệu theo năm 2022", read as 2022', ['Số liệu theo năm 2022']],
    ['Merged into Tây Ninh province on 1 July 2025.', ['Tây Ninh']],
    ['the source says \'khoảng\' (about)', ['khoảng']],
    ['No Vietnamese here at all.', []],
  ])('%s', (text, marked) => {
    const runs = proseRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.lang === 'vi').map((r) => r.text)).toEqual(marked);
  });
});
