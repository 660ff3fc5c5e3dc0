export type NumberMode = 'strict' | 'contributor';

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; reason: 'not-numeric' | 'ambiguous'; hint: string };

const plain = /^-?\d+(\.\d+)?$/;
const viGrouped = /^-?\d{1,3}(\.\d{3})+$/; // 1.024 or 1.234.567
const viGroupedDecimal = /^-?\d{1,3}(\.\d{3})*,\d+$/; // 2.514,8
const decimalComma = /^-?\d+,\d+$/; // 2514,8 or 1,024 (ambiguous for counts)

/**
 * Parses a value cell. `strict` (files in data/) accepts plain numbers only. `contributor` also accepts
 * Vietnamese conventions where they are unambiguous: `1.024` grouping for whole-number metrics, and
 * `2.514,8` / `2514,8` decimal commas for decimal metrics.
 */
const digits = /^\d{1,15}$/;

export function parseValue(raw: string, mode: NumberMode, integerMetric: boolean): ParsedNumber {
  // Most cells are plain whole numbers short enough to be exact: no cleaning needed.
  if (digits.test(raw)) return { ok: true, value: Number(raw) };
  const text = raw.replace(/[\s\u00a0]/g, '');
  if (plain.test(text) && !(mode === 'contributor' && viGrouped.test(text))) return { ok: true, value: Number(text) };
  if (mode === 'strict') {
    return { ok: false, reason: 'not-numeric', hint: 'write a plain number with "." for decimals and no grouping, e.g. 1024 or 2514.8' };
  }
  if (viGrouped.test(text)) {
    if (integerMetric) return { ok: true, value: Number(text.replace(/\./g, '')) };
    return {
      ok: false,
      reason: 'ambiguous',
      hint: 'this metric allows decimals, so "." could be a decimal point or Vietnamese grouping; write 1024 or 1.024,0 (or 1.024 with a decimal point in a plain-number file)',
    };
  }
  if (viGroupedDecimal.test(text) || decimalComma.test(text)) {
    if (!integerMetric) return { ok: true, value: Number(text.replace(/\./g, '').replace(',', '.')) };
    return { ok: false, reason: 'ambiguous', hint: 'a whole-number metric: "," could be grouping or a decimal comma; write the plain number, e.g. 1024' };
  }
  return { ok: false, reason: 'not-numeric', hint: 'write a plain number, e.g. 1024 or 2514.8' };
}
