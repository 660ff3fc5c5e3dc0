import * as Plot from '@observablehq/plot';
import { rowFrame } from './rows.ts';
import { barColour, plannedColour } from './palette.ts';

export interface RankingDatum {
  id: string;
  label: string;
  value: number;
  /** Text drawn at the end of the bar (formatted for the page's language). */
  valueLabel: string;
  planned: boolean;
}

export interface RankingOptions {
  document: Document;
  width?: number;
  /** Formats axis ticks in the page's language. */
  tickFormat: (n: number) => string;
  ariaLabel: string;
  /** Room right of the longest bar for its value label (wider when labels carry a date). */
  marginRight?: number;
}

/** Horizontal bars, one per unit, in the order given (the caller sorts). */
export function rankingChart(data: readonly RankingDatum[], { document, width = 640, tickFormat, ariaLabel, marginRight = 56 }: RankingOptions) {
  const max = Math.max(0, ...data.map((d) => d.value));
  return Plot.plot({
    document,
    width,
    height: data.length * 20 + 36,
    marginRight,
    marginTop: 24,
    ariaLabel,
    ...rowFrame(data, { width, tickFormat, max: max || 1 }),
    marks: [
      Plot.barX(data, { x: 'value', y: 'id', fill: (d: RankingDatum) => (d.planned ? plannedColour : barColour), insetTop: 2, insetBottom: 2 }),
      Plot.text(data, { x: 'value', y: 'id', text: 'valueLabel', dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0], { stroke: 'currentColor' }),
    ],
  });
}
