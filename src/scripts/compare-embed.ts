// A compare chart embedded on another site: draws the selection in its address (?u=a,b) with the same
// code as the compare page, and points the link back at the same comparison.
import { compareTableHtml, selectionFromQuery, type CompareData, type CompareStrings } from '../lib/views/compare.ts';
import { updateCompareFigure } from './compare.ts';

interface Payload {
  data: CompareData;
  metric: string;
  strings: CompareStrings;
  sources: Record<string, string>;
}

export function initCompareEmbed(): void {
  const el = document.getElementById('compare-embed-data');
  if (!el) return;
  const { data, metric, strings, sources } = JSON.parse(el.textContent!) as Payload;
  const selected = selectionFromQuery(location.search, new Set(data.units.map((u) => u.id)));
  if (selected.length === 0) return;
  const figure = document.getElementById(`cmp-${metric}`)!;
  const fig = updateCompareFigure(figure, data, metric, selected, strings, sources);
  const table = figure.querySelector<HTMLElement>('[data-compare-table]');
  if (table) table.innerHTML = compareTableHtml(fig, data, sources, strings);
  const link = document.querySelector<HTMLAnchorElement>('[data-compare-link]');
  if (link) {
    const url = new URL(link.href);
    url.searchParams.set('u', selected.join(','));
    link.href = url.href;
  }
}
