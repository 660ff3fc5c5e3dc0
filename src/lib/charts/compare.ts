import { escapeXml } from './escape.ts';

export interface CompareBar {
  unit: string;
  label: string;
  value: number | null;
  /** Formatted value, or the "no data" text. */
  text: string;
  planned: boolean;
}

/**
 * One small chart per metric on the compare page: a bar per selected province, on a shared zero-based
 * scale; a province without a figure gets a labelled gap, never a zero bar. Pure string output so the
 * same code renders at build time and in the browser.
 */
export function compareChart(bars: readonly CompareBar[], options: { ariaLabel: string; width?: number }): string {
  const width = options.width ?? 320;
  const labelWidth = 120;
  const rowHeight = 24;
  const height = bars.length * rowHeight + 4;
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0)) || 1;
  // Room for the longest value label after the longest bar (about 7 px a character at 12 px).
  const textRoom = Math.max(40, ...bars.map((b) => b.text.length * 7 + 8));
  const span = Math.max(40, width - labelWidth - textRoom);
  const rows = bars.map((b, i) => {
    const y = i * rowHeight + 2;
    const w = b.value === null ? 0 : Math.max(1, (b.value / max) * span);
    const bar = b.value === null
      ? ''
      : `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${b.planned ? '#9ecae1' : '#2c7fb8'}" data-unit="${escapeXml(b.unit)}"/>`;
    return (
      `<g><title>${escapeXml(`${b.label}: ${b.text}`)}</title>` +
      labelText(b.label, labelWidth - 6, y + rowHeight / 2) +
      bar +
      `<text x="${labelWidth + w + 4}" y="${y + rowHeight / 2}" dominant-baseline="central" font-size="12" fill="currentColor"${b.value === null ? ' font-style="italic" opacity="0.75"' : ''}>${escapeXml(b.text)}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.ariaLabel)}" class="compare-chart">` +
    `<line x1="${labelWidth}" x2="${labelWidth}" y1="0" y2="${height}" stroke="currentColor" stroke-opacity="0.5"/>` +
    rows.join('') +
    '</svg>'
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * A province label at the end of its bar. A long one goes on two smaller lines, split before its
 * bracket when it has one: "(cũ)" / "(pre-2025)" is what tells an old province from a new one.
 */
export function labelLines(label: string, max = 18): string[] {
  if (label.length <= max) return [label];
  const bracket = label.lastIndexOf(' (');
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index!);
  const at = bracket > 0 && label.length - bracket - 1 <= max + 2
    ? bracket
    : spaces.sort((a, b) => Math.abs(a - label.length / 2) - Math.abs(b - label.length / 2))[0];
  if (at === undefined) return [truncate(label, max)];
  return [truncate(label.slice(0, at), max + 2), truncate(label.slice(at + 1), max + 2)];
}

// The second line starts with the space it was split at, so that copied text reads "Tây Ninh (cũ)", not
// "Tây Ninh(cũ)"; a leading space left of right-aligned text does not move it.
function labelText(label: string, x: number, y: number): string {
  const lines = labelLines(label);
  if (lines.length === 1) return `<text x="${x}" y="${y}" text-anchor="end" dominant-baseline="central" font-size="12" fill="currentColor">${escapeXml(lines[0])}</text>`;
  return `<text x="${x}" y="${y - 5.5}" text-anchor="end" dominant-baseline="central" font-size="10.5" fill="currentColor">${escapeXml(lines[0])}<tspan x="${x}" dy="11"> ${escapeXml(lines[1])}</tspan></text>`;
}
