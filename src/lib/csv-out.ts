/**
 * Neutralises a text cell against spreadsheet formula injection by prefixing a single quote, as OWASP
 * advises: cells starting with = + - @ tab or CR. Numbers are written as numbers, so a negative value
 * stays a number.
 */
export function neutraliseCell(value: string): string {
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}

const needsQuotes = /[",\n\r]/;

function quote(value: string): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvValue = string | number | boolean | null | undefined;

/** One cell as CSV text: numbers as numbers, text neutralised and quoted where needed. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v === '' ? '' : quote(neutraliseCell(v));
}

/** RFC 4180 CSV with a header line, LF line endings, text cells neutralised. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[], preamble: string[] = []): string {
  let out = '';
  for (const l of preamble) out += `# ${l}\n`;
  out += columns.join(',') + '\n';
  return out + csvLines(rows.map((row) => columns.map((c) => row[c])));
}

/** Data lines (each ending in LF) for rows given as cell arrays in column order. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += ',';
      out += csvCell(row[i]);
    }
    out += '\n';
  }
  return out;
}
