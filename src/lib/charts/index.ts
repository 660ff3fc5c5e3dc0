import { beforeAfterChart, type BeforeAfterDatum, type BeforeAfterOptions } from './before-after.ts';
import { rankingChart, type RankingDatum, type RankingOptions } from './ranking.ts';
import { serialiseSvg, svgDocument } from './render.ts';

export { tileMap } from './tile-map.ts';

/** Tags each drawn element of a mark with the unit it stands for, for hover highlight across charts. */
function tagMarks(root: Element, selector: string, ids: readonly string[]) {
  const nodes = Array.from(root.querySelectorAll(selector));
  nodes.forEach((n, i) => {
    if (ids[i]) n.setAttribute('data-unit', ids[i]);
  });
}

export function renderRanking(data: readonly RankingDatum[], options: Omit<RankingOptions, 'document'>): string {
  const el = rankingChart(data, { ...options, document: svgDocument() }) as unknown as Element;
  tagMarks(el, 'g[aria-label="bar"] > rect', data.map((d) => d.id));
  return serialiseSvg(el, options.ariaLabel);
}

export function renderBeforeAfter(data: readonly BeforeAfterDatum[], options: Omit<BeforeAfterOptions, 'document'>): string {
  const el = beforeAfterChart(data, { ...options, document: svgDocument() }) as unknown as Element;
  return serialiseSvg(el, options.ariaLabel);
}

export type { BeforeAfterDatum, RankingDatum };
