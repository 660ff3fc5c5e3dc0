import { describe, expect, test } from 'vitest';
import { parseValue } from '../../src/lib/numbers.ts';

describe('parseValue', () => {
  test.each([
    // raw, mode, whole-number metric, expected value or failure reason
    ['1024', 'strict', true, 1024],
    ['2514.8', 'strict', false, 2514.8],
    ['-3', 'strict', true, -3],
    [' 1024 ', 'strict', true, 1024],
    ['1.024', 'strict', true, 1.024], // a plain decimal; the integer rule then rejects it with a grouping hint
    ['1,024', 'strict', true, 'not-numeric'],
    ['1.024', 'contributor', true, 1024],
    ['1.234.567', 'contributor', true, 1234567],
    ['1.024', 'contributor', false, 'ambiguous'],
    ['2.514,8', 'contributor', false, 2514.8],
    ['2514,8', 'contributor', false, 2514.8],
    ['1,024', 'contributor', true, 'ambiguous'],
    ['1.5', 'contributor', false, 1.5],
    ['1 024', 'contributor', true, 1024],
    ['abc', 'contributor', true, 'not-numeric'],
    ['', 'strict', true, 'not-numeric'],
  ] as const)('%j (%s, whole=%s) → %s', (raw, mode, whole, expected) => {
    const r = parseValue(raw, mode, whole);
    if (typeof expected === 'number') expect(r).toEqual({ ok: true, value: expected });
    else expect(r).toMatchObject({ ok: false, reason: expected });
  });
});
