import { describe, expect, test } from 'vitest';
import { parsePartialDate } from '../../src/lib/dates.ts';
import { readUnits } from '../../src/lib/pipeline/read.ts';
import { UnitIndex } from '../../src/lib/pipeline/units.ts';
import { fixtureFile } from './helpers.ts';

const { units } = readUnits(fixtureFile('mini/reference/units.csv'));
const index = new UnitIndex(units, new Map([['long-an', 'tay-ninh'], ['tay-ninh-cu', 'tay-ninh']]));
const at = (d: string) => parsePartialDate(d)!;

describe('UnitIndex.resolve', () => {
  test.each([
    ['id', 'long-an', '2019', 'long-an'],
    ['code before the merger', '80', '2019', 'long-an'],
    ['the same code after the merger', '80', '2026', 'tay-ninh'],
    ['name before the merger', 'Tây Ninh', '2024', 'tay-ninh-cu'],
    ['name after the merger', 'Tây Ninh', '2025-07-01', 'tay-ninh'],
    ['name without diacritics', 'tay ninh', '2025-08', 'tay-ninh'],
    ['decomposed Unicode', 'Ha\u0300 Ti\u0303nh', '2020', 'ha-tinh'],
    ['English name', 'Viet Nam', '2020', 'viet-nam'],
    ['a year that spans the merger', 'long-an', '2025', 'long-an'],
  ])('by %s', (_, text, date, id) => {
    const r = index.resolve(text, at(date));
    expect(r).toMatchObject({ ok: true, unit: { id } });
  });

  test('Long An after 1 July 2025 is an error naming its successor', () => {
    expect(index.resolve('long-an', at('2025-07-01'))).toEqual({
      ok: false,
      rule: 'unit-not-valid',
      message: 'Long An (long-an) existed until 2025-06-30, so it cannot have a figure dated 2025-07-01; from 2025-07-01 it is part of Tây Ninh (tay-ninh)',
    });
  });

  test.each([
    ['Ha Tihn', 'Hà Tĩnh (ha-tinh)'],
    ['long-ann', 'Long An (long-an)'],
    ['tayninh', 'Tây Ninh (tay-ninh-cu)'],
  ])('an unknown %j hints the nearest name, diacritics-insensitive', (text, hint) => {
    const r = index.resolve(text, at('2020'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`did you mean ${hint}?`);
  });

  test('nothing close gives no hint', () => {
    expect(index.resolve('Atlantis', at('2020'))).toEqual({ ok: false, rule: 'unit-unknown', message: 'no unit has this id, code or name' });
  });
});
