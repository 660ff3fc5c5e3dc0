import * as Plot from '@observablehq/plot';
import { rowFrame } from './rows.ts';
import { afterColour, beforeColour } from './palette.ts';

export interface BeforeAfterDatum {
  id: string;
  label: string;
  before: number | null;
  after: number | null;
}

export interface BeforeAfterOptions {
  document: Document;
  width?: number;
  tickFormat: (n: number) => string;
  ariaLabel: string;
  beforeLabel: string;
  afterLabel: string;
}

/** A dumbbell per unit: grey dot before, blue dot after, joined by a line; rows in the order given. */
export function beforeAfterChart(data: readonly BeforeAfterDatum[], { document, width = 640, tickFormat, ariaLabel, beforeLabel, afterLabel }: BeforeAfterOptions) {
  const both = data.filter((d) => d.before !== null && d.after !== null);
  const max = Math.max(1, ...data.flatMap((d) => [d.before ?? 0, d.after ?? 0]));
  const points = data.flatMap((d) => [
    ...(d.before !== null ? [{ id: d.id, v: d.before, k: beforeLabel }] : []),
    ...(d.after !== null ? [{ id: d.id, v: d.after, k: afterLabel }] : []),
  ]);
  return Plot.plot({
    document,
    width,
    height: data.length * 20 + 40,
    marginTop: 28,
    ariaLabel,
    ...rowFrame(data, { width, tickFormat, max }),
    color: { domain: [beforeLabel, afterLabel], range: [beforeColour, afterColour], legend: false },
    marks: [
      Plot.link(both, { x1: 'before', x2: 'after', y1: 'id', y2: 'id', stroke: 'currentColor', strokeOpacity: 0.35 }),
      Plot.dot(points, { x: 'v', y: 'id', fill: 'k', r: 4.5, stroke: 'white', strokeWidth: 0.75 }),
    ],
  });
}
