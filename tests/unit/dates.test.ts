import { describe, expect, test } from 'vitest';
import { overlapsInterval, parsePartialDate } from '../../src/lib/dates.ts';

describe('parsePartialDate', () => {
  test.each([
    ['2025', 'year', '2025-01-01', '2025-12-31'],
    ['2025-02', 'month', '2025-02-01', '2025-02-28'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2025-07-01', 'day', '2025-07-01', '2025-07-01'],
    ['2017-10/2020', 'range', '2017-10-01', '2020-12-31'],
  ])('accepts %s', (text, precision, start, end) => {
    expect(parsePartialDate(text)).toEqual({ text, precision, start, end });
  });
  test.each(['2025-02-30', '2025-13', '2025-00-10', '30/01/2018', '2025-7-1', '', '1800', 'soon', '2025-06-31', '2020/2019', '2020/2020', '2020/', '/2020', '2019/2020/2021'])('rejects %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });
});

describe('overlapsInterval', () => {
  const d = (t: string) => parsePartialDate(t)!;
  test.each([
    ['2019', '', '2025-06-30', true],
    ['2026', '', '2025-06-30', false],
    ['2025', '', '2025-06-30', true],
    ['2025-07-01', '2025-07-01', '', true],
    ['2025-06-30', '2025-07-01', '', false],
    ['2025-06', '2025-07-01', '', false],
  ])('%s within [%s, %s] is %s', (date, from, to, expected) => expect(overlapsInterval(d(date), from, to)).toBe(expected));
});
