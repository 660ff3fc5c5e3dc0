import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { neutraliseCell, toCsv } from '../../src/lib/csv-out.ts';
import { parseCsv, type CsvError } from '../../src/lib/csv.ts';

describe('parseCsv', () => {
  test.each([
    ['plain LF', 'a,b\n1,2\n', [{ a: '1', b: '2' }]],
    ['Excel BOM and CRLF', '\uFEFFa,b\r\n1,2\r\n', [{ a: '1', b: '2' }]],
    ['semicolons (Excel in a Vietnamese locale)', 'a;b\n1,5;2\n', [{ a: '1,5', b: '2' }]],
    ['quoted commas and quotes', 'a,b\n"x, y","say ""hi"""\n', [{ a: 'x, y', b: 'say "hi"' }]],
    ['blank lines skipped', 'a,b\n\n1,2\n\n', [{ a: '1', b: '2' }]],
    ['no trailing newline', 'a,b\n1,2', [{ a: '1', b: '2' }]],
  ])('%s', (_, text, cells) => {
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.cells)).toEqual(cells);
  });

  test('line numbers count records that span lines', () => {
    const t = parseCsv('a,b\n"multi\nline",1\n\nx,2\n');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  test('a row with the wrong number of cells is reported with its line', () => {
    const t = parseCsv('a,b,c\n1,2\n');
    expect(t.errors).toEqual([{ line: 2, column: 3, message: 'expected 3 cells as in the header, found 2', value: '1,2' }]);
  });

  test('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        const t = parseCsv(text);
        expect(Array.isArray(t.rows)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void parseCsv(s)), { numRuns: 500 });
  });

  test('write → parse round-trips any text cells', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 10 }), (pairs) => {
        const rows = pairs.map(([a, b]) => ({ a, b }));
        const parsed = parseCsv(toCsv(['a', 'b'], rows));
        // Blank lines are skipped on reading, so a row of two empty cells ("," on its own line) stays.
        const expected = rows.map((r) => ({ a: r.a.replace(/\r\n?/g, '\n'), b: r.b.replace(/\r\n?/g, '\n') }));
        expect(parsed.rows.map((r) => r.cells)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('neutraliseCell against spreadsheet formula injection', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+84 28', "'+84 28"],
    ['-10', "'-10"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Hà Tĩnh', 'Hà Tĩnh'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, expected) => expect(neutraliseCell(input)).toBe(expected));

  test('numbers stay numbers, text is neutralised inside the CSV', () => {
    expect(toCsv(['v', 'note'], [{ v: -3, note: '=HYPERLINK("x")' }])).toBe('v,note\n-3,"\'=HYPERLINK(""x"")"\n');
  });
});

describe('streamCsv: a large file read in chunks gives exactly what a whole-file parse gives', () => {
  const whole = (text: string) => parseCsv(text, Number.MAX_SAFE_INTEGER);
  // Errors may come in another order (a chunk's syntax errors before the next chunk's short rows); the
  // pipeline sorts problems by place anyway.
  const byPlace = (a: CsvError, b: CsvError) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
  const simplify = (t: ReturnType<typeof parseCsv>) => ({ header: t.header, rows: t.rows.map((r) => [r.line, ...r.values]), errors: [...t.errors].sort(byPlace) });
  test.each([
    ['plain rows', 'a,b\n1,2\n3,4\n5,6\n7,8\n'],
    ['quoted line breaks across a cut', 'a,b\n"x\ny\nz",1\n"p,\nq",2\n3,4\n'],
    ['blank lines and a short row', 'a,b\n1,2\n\n3\n\n4,5\n'],
    ['an unterminated quote', 'a,b\n1,2\n"open,3\n4,5\n6,7\n'],
    ['no trailing newline', 'a,b\n1,2\n3,4'],
    ['empty', ''],
    ['header only', 'a,b\n'],
  ])('%s, at every chunk size', (_, text) => {
    const expected = simplify(whole(text));
    for (let size = 1; size <= text.length + 1; size++) expect(simplify(parseCsv(text, size)), `chunk ${size}`).toEqual(expected);
  });
  test('any text, at small chunk sizes', () => {
    const text = fc.stringMatching(/^[ab,"\n;x]{0,60}$/);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 16 }), (t, size) => {
        expect(simplify(parseCsv(t, size))).toEqual(simplify(whole(t)));
      }),
      { numRuns: 2000 },
    );
  });
});
