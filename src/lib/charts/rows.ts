/** A chart with one row per unit, a labelled y axis in the given order and a zero-based x axis on top. */
export interface RowFrameOptions {
  width: number;
  tickFormat: (n: number) => string;
  /** Largest value drawn; the axis starts at zero and is rounded up to a nice number. */
  max: number;
}

/** The Plot options the ranking and the before/after charts share: margins, style, both axes. */
export function rowFrame(rows: readonly { id: string; label: string }[], { width, tickFormat, max }: RowFrameOptions) {
  const longest = Math.max(6, ...rows.map((d) => d.label.length));
  const labels = new Map(rows.map((d) => [d.id, d.label]));
  return {
    marginLeft: Math.min(170, longest * 7 + 12),
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor', overflow: 'visible' },
    x: { grid: true, label: null, tickFormat, ticks: Math.max(2, Math.floor(width / 120)), domain: [0, max], axis: 'top' as const, nice: true },
    y: { domain: rows.map((d) => d.id), label: null, tickFormat: (id: string) => labels.get(id) ?? id, tickSize: 0 },
  };
}
