import Papa from 'papaparse';

/** One data row of a CSV file, with where it stands in the file. */
export class CsvRow {
  /** 1-based line of the row's first character in the file. */
  readonly line: number;
  /** Cells in header order, as read (the caller's schema normalises them). */
  readonly values: readonly string[];
  private readonly header: readonly string[];

  constructor(line: number, values: readonly string[], header: readonly string[]) {
    this.line = line;
    this.values = values;
    this.header = header;
  }

  /** Cells keyed by header name (built on demand: readers of large files use `values`). */
  get cells(): Record<string, string> {
    const cells: Record<string, string> = {};
    for (let c = 0; c < this.header.length; c++) cells[this.header[c]] = this.values[c];
    return cells;
  }
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: ',' | ';';
  /** Problems found while reading (unbalanced quotes, wrong number of cells). */
  errors: { line: number; column: number; message: string; value: string }[];
}

/** Strips a UTF-8 BOM (as Excel writes it) and normalises CRLF and lone CR line breaks to LF. */
export function cleanCsvText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Comma or semicolon (Excel in a Vietnamese locale writes semicolons), chosen from the header line. */
export function detectDelimiter(text: string): ',' | ';' {
  const first = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const commas = (first.match(/,/g) ?? []).length;
  const semis = (first.match(/;/g) ?? []).length;
  return semis > commas ? ';' : ',';
}

/**
 * Parses CSV text into rows keyed by header. Never throws: anything unreadable becomes an error entry.
 * Line numbers count from 1 and point at the first line of each record (records may span lines).
 */
export function parseCsv(input: string): CsvTable {
  const text = cleanCsvText(input);
  const delimiter = detectDelimiter(text);
  const errors: CsvTable['errors'] = [];
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  // Papa gives no positions per record: a record starts one line after the previous one, plus the line
  // breaks inside its quoted cells (after cleanCsvText every break is a single LF, kept in the cell).
  const records = parsed.data;
  const starts = recordStartLines(records);
  for (const e of parsed.errors) {
    const line = e.row !== undefined && e.row !== null ? (starts[e.row] ?? 1) : 1;
    errors.push({ line, column: 1, message: e.message, value: '' });
  }
  const header = (records[0] ?? []).map((h) => h.normalize('NFC').trim());
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (record.length === 1 && record[0].trim() === '') continue; // blank line
    const line = starts[i] ?? i + 1;
    if (record.length !== header.length) {
      errors.push({
        line,
        column: Math.min(record.length, header.length) + 1,
        message: `expected ${header.length} cells as in the header, found ${record.length}`,
        value: record.join(delimiter).slice(0, 60),
      });
      continue;
    }
    rows.push(new CsvRow(line, record, header));
  }
  return { header, rows, delimiter, errors };
}

/** The 1-based line on which each record starts, counting the line breaks inside quoted cells. */
function recordStartLines(records: readonly string[][]): number[] {
  const starts = new Array<number>(records.length);
  let line = 1;
  for (let i = 0; i < records.length; i++) {
    starts[i] = line;
    line++;
    const record = records[i];
    for (let c = 0; c < record.length; c++) {
      const cell = record[c];
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line++;
    }
  }
  return starts;
}
