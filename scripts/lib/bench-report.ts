// Text tables and budget lines for the benchmark's printed report.

export type Cell = string | number;

/** An aligned plain-text table: the first column and text left-aligned, figures right-aligned. */
export function textTable(headers: string[], rows: Cell[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const numeric = headers.map((_, i) => i > 0 && rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[\d.,]+ ?(%|[kKMG]?B|s|ms|×)?$|^[-–]$/.test(String(r[i]))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');

export interface BudgetCheck {
  name: string;
  /** The measured figure; null when it could not be measured (page not built, run skipped or failed). */
  value: number | null;
  limit: number;
  unit: 'bytes' | 'requests' | 'ratio';
  ok: boolean | null;
  note: string;
}

export function budget(name: string, value: number | null, limit: number, unit: BudgetCheck['unit'], note = ''): BudgetCheck {
  return { name, value, limit, unit, ok: value === null ? null : value <= limit, note };
}

function formatValue(v: number, unit: BudgetCheck['unit']): string {
  if (unit === 'bytes') return formatBytes(v);
  if (unit === 'ratio') return `${v.toFixed(2)}×`;
  return String(v);
}

export function budgetLine(b: BudgetCheck): string {
  const status = b.ok === null ? 'n/a ' : b.ok ? 'ok  ' : 'MISS';
  const measured = b.value === null ? 'not measured' : `${formatValue(b.value, b.unit)} (limit ${formatValue(b.limit, b.unit)})`;
  return `budget ${status} ${b.name}: ${measured}${b.note ? ` — ${b.note}` : ''}`;
}
