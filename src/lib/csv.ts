import Papa from 'papaparse';

/** One data row of a CSV file, with where it stands in the file. */
export interface CsvRow {
  /** 1-based line of the row's first character in the file. */
  line: number;
  /** Cells keyed by header name, each NFC-normalised and trimmed by the caller's schema. */
  cells: Record<string, string>;
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
  // Papa gives no positions per record; recover each record's first line by walking the text the same way.
  const starts = recordStartLines(text, delimiter);
  const records = parsed.data;
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
    const cells: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) cells[header[c]] = record[c];
    rows.push({ line, cells });
  }
  return { header, rows, delimiter, errors };
}

/** The 1-based line on which each record starts, honouring quoted fields that contain line breaks. */
function recordStartLines(text: string, delimiter: string): number[] {
  const starts: number[] = [1];
  let line = 1;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      } else if (ch === 10) line++;
      continue;
    }
    if (ch === 34 && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === 10) {
      line++;
      if (i + 1 < text.length) starts.push(line);
      atFieldStart = true;
    } else {
      atFieldStart = text[i] === delimiter;
    }
  }
  return starts;
}
