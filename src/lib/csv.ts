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

export type CsvError = CsvTable['errors'][number];

/** Characters parsed at a time: a large file is read piece by piece, so its records do not all live at once. */
export const CSV_CHUNK_CHARS = 1 << 22;

/** A CSV file read piece by piece: the header at once, the rows as they are iterated. */
export interface CsvStream {
  header: string[];
  delimiter: ',' | ';';
  rows: Iterable<CsvRow>;
}

/**
 * Reads CSV text a chunk of about `chunkChars` at a time, cut after a line break. A cut inside a quoted
 * cell shows up as an unterminated quote at the chunk's end: the chunk is then doubled and read again,
 * so every chunk ends where a whole-file parse would end a record, and the rows, lines and errors are
 * those of a whole-file parse. `onError` receives problems as they are found (unbalanced quotes, wrong
 * number of cells). Never throws.
 */
export function streamCsv(input: string, onError: (e: CsvError) => void, chunkChars = CSV_CHUNK_CHARS): CsvStream {
  const text = cleanCsvText(input);
  const delimiter = detectDelimiter(text);
  const cut = (at: number) => {
    if (at >= text.length) return text.length;
    const nl = text.indexOf('\n', at);
    return nl === -1 ? text.length : nl + 1;
  };
  let start = 0;
  let line = 1;
  let done = false;
  /** The next chunk's records with their first lines; Papa's errors already reported. */
  const next = (): { records: string[][]; starts: number[] } | null => {
    if (done) return null;
    let end = cut(start + chunkChars);
    let parsed = Papa.parse<string[]>(text.slice(start, end), { delimiter, header: false, skipEmptyLines: false });
    while (end < text.length && parsed.errors.some((e) => e.code === 'MissingQuotes')) {
      end = cut(start + (end - start) * 2);
      parsed = Papa.parse<string[]>(text.slice(start, end), { delimiter, header: false, skipEmptyLines: false });
    }
    // Papa gives no positions per record: a record starts one line after the previous one, plus the
    // line breaks inside its quoted cells (after cleanCsvText every break is a single LF, kept in the cell).
    const starts = recordStartLines(parsed.data, line);
    for (const e of parsed.errors) {
      const at = e.row !== undefined && e.row !== null ? (starts[e.row] ?? line) : line;
      onError({ line: at, column: 1, message: e.message, value: '' });
    }
    for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) line++;
    // A chunk ending in a line break gives Papa a last, empty record: it belongs to the next chunk.
    const records = end < text.length ? parsed.data.slice(0, -1) : parsed.data;
    start = end;
    done = end >= text.length;
    return { records, starts };
  };
  const first = next() ?? { records: [], starts: [] };
  const header = (first.records[0] ?? []).map((h) => h.normalize('NFC').trim());
  function* rows(): Generator<CsvRow> {
    let chunk: ReturnType<typeof next> = first;
    let from = 1;
    while (chunk) {
      const { records, starts } = chunk;
      for (let i = from; i < records.length; i++) {
        const record = records[i];
        if (record.length === 1 && record[0].trim() === '') continue; // blank line
        if (record.length !== header.length) {
          onError({
            line: starts[i],
            column: Math.min(record.length, header.length) + 1,
            message: `expected ${header.length} cells as in the header, found ${record.length}`,
            value: record.join(delimiter).slice(0, 60),
          });
          continue;
        }
        yield new CsvRow(starts[i], record, header);
      }
      from = 0;
      chunk = next();
    }
  }
  return { header, delimiter, rows: rows() };
}

/**
 * Parses CSV text into rows keyed by header. Never throws: anything unreadable becomes an error entry.
 * Line numbers count from 1 and point at the first line of each record (records may span lines).
 */
export function parseCsv(input: string, chunkChars = CSV_CHUNK_CHARS): CsvTable {
  const errors: CsvError[] = [];
  const stream = streamCsv(input, (e) => errors.push(e), chunkChars);
  const rows = [...stream.rows];
  return { header: stream.header, rows, delimiter: stream.delimiter, errors };
}

/** The 1-based line on which each record starts, counting the line breaks inside quoted cells. */
function recordStartLines(records: readonly string[][], firstLine = 1): number[] {
  const starts = new Array<number>(records.length);
  let line = firstLine;
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
