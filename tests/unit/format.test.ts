import { describe, expect, test } from 'vitest';
import { englishDates, formatDate, formatNumber, formatPeriod, formatPercent, formatSigned, formatValue, listJoin } from '../../src/lib/format.ts';
import { href } from '../../src/lib/routes.ts';

describe('formatNumber (fixed decimals) and formatValue (as precise as recorded, up to the decimals)', () => {
  test.each([
    [formatNumber, 1024, 'vi', 0, '1.024'],
    [formatNumber, 1024, 'en', 0, '1,024'],
    [formatNumber, 2514.8, 'vi', 2, '2.514,80'],
    [formatNumber, 2514.8, 'en', 1, '2,514.8'],
    [formatNumber, 10035, 'vi', 0, '10.035'],
    [formatValue, 4495, 'vi', 2, '4.495'],
    [formatValue, 2390.77, 'vi', 2, '2.390,77'],
    [formatValue, 2390.8, 'vi', 2, '2.390,8'],
    [formatValue, 2390.8, 'en', 2, '2,390.8'],
  ] as const)('%o %d in %s', (fn, v, lang, decimals, expected) => expect(fn(v, lang, decimals)).toBe(expected));
});

describe('formatPercent and formatSigned', () => {
  test.each([
    [-66.9, 'vi', '−66,9%'],
    [-66.9, 'en', '−66.9%'],
    [12, 'en', '+12.0%'],
    [0, 'vi', '0,0%'],
  ] as const)('%d%% in %s', (v, lang, expected) => expect(formatPercent(v, lang)).toBe(expected));
  test('signs', () => expect([formatSigned(-1024, 'vi'), formatSigned(3, 'en')]).toEqual(['−1.024', '+3']));
});

describe('formatDate', () => {
  test.each([
    ['2025-06-12', 'vi', '12/6/2025'],
    ['2025-06-12', 'en', '12 June 2025'],
    ['2025-06', 'vi', 'tháng 6/2025'],
    ['2025-06', 'en', 'June 2025'],
    ['2019', 'vi', '2019'],
    ['2017-10/2020', 'vi', 'khoảng tháng 10/2017 – 2020'],
    ['2017-10/2020', 'en', 'between October 2017 and 2020'],
  ] as const)('%s in %s', (d, lang, expected) => expect(formatDate(d, lang)).toBe(expected));
});

describe('href', () => {
  test.each([
    ['vi', { page: 'home' }, '/'],
    ['en', { page: 'home' }, '/en/'],
    ['vi', { page: 'province', id: 'ha-tinh' }, '/tinh/ha-tinh/'],
    ['en', { page: 'province', id: 'ha-tinh' }, '/en/provinces/ha-tinh/'],
    ['vi', { page: 'metric', id: 'communes' }, '/chi-so/communes/'],
    ['en', { page: 'compare' }, '/en/compare/'],
    ['vi', { page: 'methodology' }, '/phuong-phap/'],
    ['vi', { page: 'notFound' }, '/404.html'],
    ['en', { page: 'notFound' }, '/en/404/'],
  ] as const)('%s %j', (lang, route, expected) => expect(href(lang, route)).toBe(expected));
});

describe('listJoin', () => {
  test.each([
    [['Vĩnh Long'], 'vi', 'Vĩnh Long'],
    [['Vĩnh Long', 'Hậu Giang'], 'vi', 'Vĩnh Long và Hậu Giang'],
    [['Vĩnh Long', 'Hậu Giang', 'Phú Yên'], 'vi', 'Vĩnh Long, Hậu Giang và Phú Yên'],
    [['Vinh Long', 'Hau Giang', 'Phu Yen'], 'en', 'Vinh Long, Hau Giang, and Phu Yen'],
  ] as const)('%j (%s) → %j', (items, lang, out) => {
    expect(listJoin(items, lang)).toBe(out);
  });
});

describe('formatPeriod: a flow counted over a period shows it; otherwise its date', () => {
  test.each([
    ['2017-10-25', '2024-12-27', 'vi', 'từ 25/10/2017 đến 27/12/2024'],
    ['2015', '2023-02-07', 'vi', 'từ 2015 đến 7/2/2023'],
    ['2015', '2023-02-07', 'en', 'from 2015 to 7 February 2023'],
    ['2017', '2024-12/2025-06', 'vi', 'từ 2017 đến khoảng tháng 12/2024 – tháng 6/2025'],
    ['', '2025-07-01', 'vi', '1/7/2025'],
    [null, '2025-07', 'en', 'July 2025'],
  ] as const)('%s → %s (%s)', (start, date, lang, want) => {
    expect(formatPeriod(start, date, lang)).toBe(want);
  });
});

describe('englishDates: day-first dates in English notes are spelled out', () => {
  test.each([
    ['item of 03/04/2025', 'item of 3 April 2025'],
    ['column 01/4/2019 and reference day 1/4/2024', 'column 1 April 2019 and reference day 1 April 2024'],
    ['in force 1/1/2020.', 'in force 1 January 2020.'],
    ['Page shows "12/5/2024" (month view)', 'Page shows "12/5/2024" (month view)'],
    ['Page shows “Cập nhật: 03/11/2024”.', 'Page shows “Cập nhật: 03/11/2024”.'],
    ['not a date: 31/2/2024 or 5/13/2024', 'not a date: 31/2/2024 or 5/13/2024'],
    ['a document number: 3411/QĐ-BTNMT, Decree 29/2023', 'a document number: 3411/QĐ-BTNMT, Decree 29/2023'],
    ['an interval: 1/1/2024/2025 stays', 'an interval: 1/1/2024/2025 stays'],
    ['29/2/2024 was a day', '29 February 2024 was a day'],
  ])('%j → %j', (text, expected) => expect(englishDates(text)).toBe(expected));
});
