/** Cells starting with these make spreadsheets evaluate a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell against spreadsheet formula injection by prefixing a single quote, as OWASP
 * advises. Numbers are written as numbers, so a negative value stays a number.
 */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvValue = string | number | boolean | null | undefined;

/** RFC 4180 CSV with a header line, LF line endings, text cells neutralised. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[], preamble: string[] = []): string {
  const lines = [...preamble.map((l) => `# ${l}`), columns.join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const v = row[c];
          if (v === null || v === undefined) return '';
          if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
          if (typeof v === 'boolean') return v ? 'true' : 'false';
          return quote(neutraliseCell(v));
        })
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
