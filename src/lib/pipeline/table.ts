import { streamCsv, type CsvRow } from '../csv.ts';
import { tidyWhitespace } from '../text.ts';
import type { Problem, Severity } from './problems.ts';

export interface SourceFile {
  /** Path shown in messages, relative to the repository root. */
  path: string;
  text: string;
}

/**
 * A CSV file with helpers to read normalised cells and report located problems. Its rows are read
 * chunk by chunk as they are iterated (iterate them once), and syntax problems are reported as found.
 */
export class Table {
  readonly rows: Iterable<CsvRow>;
  readonly header: string[];
  readonly problems: Problem[] = [];
  private readonly index = new Map<string, number>();
  readonly file: SourceFile;

  constructor(file: SourceFile, columns: { required: readonly string[]; optional?: readonly string[] }) {
    this.file = file;
    // NFC once for the whole file (a combining mark never composes across a delimiter or a quote), so
    // that each cell only needs its whitespace tidied.
    const parsed = streamCsv(file.text.normalize('NFC'), (e) => this.report(e.line, e.column, 'csv-syntax', e.message, e.value));
    this.header = parsed.header;
    this.header.forEach((h, i) => this.index.set(h, i + 1));
    const missing = columns.required.filter((c) => !this.index.has(c));
    for (const c of missing) this.report(1, 1, 'header', `missing column "${c}"`, this.header.join(parsed.delimiter));
    const known = new Set([...columns.required, ...(columns.optional ?? [])]);
    for (const h of this.header) {
      if (!known.has(h)) this.report(1, this.index.get(h)!, 'header', `unknown column; expected ${[...known].join(', ')}`, h);
    }
    if (missing.length > 0) {
      // No row can be read without its columns, but the file's syntax problems are still worth reporting.
      for (const _ of parsed.rows);
      this.rows = [];
    } else this.rows = parsed.rows;
  }

  /** The cell, NFC-normalised and trimmed; '' when the column is absent. */
  cell(row: CsvRow, column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : tidyWhitespace(row.values[i - 1]);
  }

  column(name: string): number {
    return this.index.get(name) ?? 1;
  }

  report(line: number, column: number, rule: string, message: string, value: string, severity: Severity = 'error') {
    this.problems.push({ file: this.file.path, line, column, rule, message, value, severity });
  }

  /** Reports a problem on a named cell of a row. */
  fail(row: CsvRow, column: string, rule: string, message: string, severity: Severity = 'error') {
    this.report(row.line, this.column(column), rule, message, this.cell(row, column), severity);
  }
}
