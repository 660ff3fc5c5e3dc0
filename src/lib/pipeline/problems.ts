export type Severity = 'error' | 'warning';

/** One problem found in the data, located precisely enough to fix it without reading code. */
export interface Problem {
  file: string;
  line: number;
  /** 1-based position of the cell in its row (1 = first column). */
  column: number;
  rule: string;
  message: string;
  value: string;
  severity: Severity;
}

/** `file:line:column: rule: message (value)`, warnings marked as such. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning ' : '';
  return `${p.file}:${p.line}:${p.column}: ${tag}${p.rule}: ${p.message} (${JSON.stringify(p.value)})`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === 'error');
