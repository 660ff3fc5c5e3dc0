// The numbers behind one chart, as the server-rendered page hands them to the browser: exactly the rows
// drawn, each with its source id and locator. Pure functions so the CSV and the spreadsheet can be tested.
import { toCsv, type CsvValue } from '../csv-out.ts';

export type Cell = string | number | null;

export interface ChartData {
  /** Chart title in the page's language, for the file's first line and the image header. */
  title: string;
  /** Dataset version, e.g. `0.1.0`. */
  version: string;
  /** A file-name stem: `communes-ranking-34`. */
  file: string;
  columns: string[];
  /** Decimals of the metric's values, for display. */
  decimals?: number;
  /** One row per drawn mark; the first column is always the unit id. */
  rows: Cell[][];
}

export const LICENCE_LABEL = 'CC BY 4.0';

/** The first line's words in English; pages pass their dictionary's (`share.csvPreamble`). */
export const DEFAULT_PREAMBLE = 'Tinh Gọn dataset v{version} — {title} — {licence}';

/** `Tinh Gọn dataset v0.1.0 — <title> — CC BY 4.0`, or the page language's template of it. */
export function csvPreamble(data: Pick<ChartData, 'title' | 'version'>, template = DEFAULT_PREAMBLE): string {
  const values: Record<string, string> = { version: data.version, title: data.title, licence: LICENCE_LABEL };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/**
 * The rows in the order drawn. `order` lists unit ids as the visible variant draws them (sorting and
 * the per-capita toggle drop or reorder rows); without it, the rows as given.
 */
export function drawnRows(data: ChartData, order?: readonly string[] | null): Cell[][] {
  if (!order || order.length === 0) return data.rows;
  const byId = new Map(data.rows.map((r) => [String(r[0]), r]));
  return order.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** The chart's numbers as CSV: the dataset line, a header, then exactly the rows drawn. */
export function chartCsv(data: ChartData, order?: readonly string[] | null, template = DEFAULT_PREAMBLE): string {
  const rows = drawnRows(data, order).map((r) => Object.fromEntries(data.columns.map((c, i) => [c, r[i] as CsvValue])));
  return toCsv(data.columns, rows, [csvPreamble(data, template)]);
}

/**
 * `communes-ranking-34-name-percap.csv`: the state is part of the name so two downloads never clash; so is
 * the language of an English page's file (`-en`), whose names and header differ from the Vietnamese one's.
 */
export function fileName(data: Pick<ChartData, 'file'>, suffix: string, ext: string, lang = 'vi'): string {
  const stem = [data.file, suffix, lang === 'vi' ? '' : lang].filter(Boolean).join('-').replace(/[^a-z0-9-]+/gi, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `tinh-gon-${stem}.${ext}`;
}
