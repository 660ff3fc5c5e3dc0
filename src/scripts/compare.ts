// The compare picker: a diacritics-insensitive combobox over current and old province names, a
// selection of two to four provinces kept in the URL (?u=a,b,c), charts and table re-rendered in place.
import { compareChart } from '../lib/charts/compare.ts';
import { fill } from '../lib/i18n/index.ts';
import { compareCellHtml, compareFigure, compareSourceLine, optionHint, searchUnits, selectionFromQuery, shownMetrics, type CompareData, type CompareStrings } from '../lib/views/compare.ts';

interface Payload {
  data: CompareData;
  strings: CompareStrings & { remove: string; tooMany: string; alreadyIn: string; noMatch: string; addMore: string; pickSome: string; overlap: string; suggest: string; suggestAdd: string; provinceHref: string; metric: string };
  sources: Record<string, string>;
}

/**
 * Redraws one compare figure for a selection: chart, source line, and the numbers its share/download
 * block exports (the JSON it reads on each click), then tells that block to refresh its links.
 */
export function updateCompareFigure(figure: HTMLElement, data: CompareData, metricId: string, selected: readonly string[], s: CompareStrings, sources: Record<string, string>) {
  const fig = compareFigure(data, metricId, selected, s.missing);
  const line = compareSourceLine(fig.sources, sources, s);
  figure.querySelector<HTMLElement>('.chart-body')!.innerHTML = compareChart(fig.bars, { ariaLabel: fill(s.chartLabel, { title: fig.metric.label }) });
  const source = figure.querySelector<HTMLElement>('[data-source-line]');
  if (source) source.innerHTML = line.html;
  const payloadEl = figure.querySelector<HTMLScriptElement>('[data-chart-payload]');
  if (payloadEl) {
    const payload = JSON.parse(payloadEl.textContent!) as { data: unknown; sourceText: string };
    payload.data = fig.data;
    payload.sourceText = line.text;
    payloadEl.textContent = JSON.stringify(payload).replace(/</g, '\\u003c');
  }
  figure.dispatchEvent(new Event('change'));
  return fig;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function initCompare(): void {
  const root = document.querySelector<HTMLElement>('[data-compare]');
  const payloadEl = document.getElementById('compare-data');
  if (!root || !payloadEl) return;
  const { data, strings: s, sources } = JSON.parse(payloadEl.textContent!) as Payload;
  const unitOf = new Map(data.units.map((u) => [u.id, u]));
  const input = root.querySelector<HTMLInputElement>('input[role=combobox]')!;
  const list = root.querySelector<HTMLUListElement>('[role=listbox]')!;
  const chips = root.querySelector<HTMLUListElement>('[data-chips]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const note = root.querySelector<HTMLElement>('[data-default-note]')!;
  const overlap = root.querySelector<HTMLUListElement>('[data-overlap]')!;
  const suggest = root.querySelector<HTMLElement>('[data-suggest]')!;
  const table = document.querySelector<HTMLElement>('[data-table]')!;
  const fromUrl = selectionFromQuery(location.search, new Set(unitOf.keys()));
  let selected = fromUrl.length ? fromUrl : data.defaults;
  let options: CompareData['units'] = [];
  let active = -1;

  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-js-only]'))) el.hidden = false;
  // The language switch keeps the selection.
  const keepSelectionAcrossLanguages = () => {
    const link = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (!link) return;
    const url = new URL(link.href);
    url.search = location.search;
    link.href = url.href;
  };

  function render() {
    keepSelectionAcrossLanguages();
    // One province is a list, not a comparison: say so until a second is added.
    if (selected.length === 0) status.textContent = s.pickSome;
    else if (selected.length === 1) status.textContent = s.addMore;
    else if (status.textContent === s.addMore || status.textContent === s.pickSome) status.textContent = '';
    note.hidden = fromUrl.length > 0 || selected.join() !== data.defaults.join();
    // An old province chosen with the province it became part of: their figures overlap.
    const label = (id: string) => unitOf.get(id)?.label ?? id;
    const overlaps = selected.filter((id) => unitOf.get(id)?.partOf && selected.includes(unitOf.get(id)!.partOf!));
    overlap.innerHTML = overlaps.map((id) => `<li>${esc(fill(s.overlap, { old: label(id), new: label(unitOf.get(id)!.partOf!) }))}</li>`).join('');
    overlap.hidden = overlaps.length === 0;
    // Related provinces one click away: the old provinces a chosen one was formed from; for a chosen old
    // province, the one it became part of and the others merged into it.
    const relatives = (id: string) => {
      const u = unitOf.get(id);
      const next = u?.partOf;
      return [...(u?.parts ?? []), ...(next ? [next, ...(unitOf.get(next)?.parts ?? [])] : [])];
    };
    const related = [...new Set(selected.flatMap(relatives))]
      .filter((id) => !selected.includes(id) && unitOf.has(id));
    suggest.hidden = related.length === 0 || selected.length >= 4;
    suggest.innerHTML = suggest.hidden ? '' : `${esc(s.suggest)} ` + related.map((id) => `<button type="button" class="chip-add" data-add="${id}" aria-label="${esc(fill(s.suggestAdd, { name: label(id) }))}">+ ${esc(label(id))}</button>`).join(' ');
    chips.innerHTML = selected
      .map((id) => `<li><a href="${s.provinceHref}${id}/">${esc(unitOf.get(id)!.label)}</a> <button type="button" data-remove="${id}" aria-label="${esc(fill(s.remove, { name: unitOf.get(id)!.label }))}">×</button></li>`)
      .join('');
    const metrics = shownMetrics(data, selected);
    const shown = new Set(metrics.map((m) => m.id));
    for (const m of data.metrics) {
      const figure = document.getElementById(`cmp-${m.id}`);
      if (!figure) continue;
      figure.hidden = !shown.has(m.id);
      if (shown.has(m.id)) updateCompareFigure(figure, data, m.id, selected, s, sources);
    }
    table.innerHTML = selected.length === 0 ? '' :
      `<table><thead><tr><th scope="col">${esc(s.metric)}</th>${selected.map((u) => `<th scope="col" class="num">${esc(unitOf.get(u)!.label)}</th>`).join('')}</tr></thead><tbody>` +
      metrics
        .map((m) => `<tr><th scope="row">${esc(m.label)}</th>${selected.map((u) => `<td class="num">${compareCellHtml(data.values[u]?.[m.id])}</td>`).join('')}</tr>`)
        .join('') +
      '</tbody></table>';
  }

  function setSelection(next: string[], push = true) {
    selected = next;
    if (push) {
      const url = new URL(location.href);
      if (selected.length) url.searchParams.set('u', selected.join(','));
      else url.searchParams.delete('u');
      history.replaceState(null, '', url);
    }
    render();
  }

  function showOptions() {
    const found = searchUnits(data, input.value, 12);
    options = found.filter((u) => !selected.includes(u.id)).slice(0, 8);
    active = options.length ? 0 : -1;
    // Say why nothing is offered: what was typed is already compared, or matches no province.
    const q = input.value.trim();
    status.textContent = options.length || !q ? '' : found.length ? s.alreadyIn.replace('{names}', found.map((u) => u.label).join(', ')) : s.noMatch.replace('{q}', q);
    list.innerHTML = options
      .map((u, i) => {
        const hint = optionHint(u, input.value);
        return `<li role="option" id="opt-${u.id}" data-id="${u.id}" aria-selected="${i === active}">${esc(u.label)}${hint ? ` <span class="muted small">${esc(hint)}</span>` : ''}</li>`;
      })
      .join('');
    list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(options.length > 0));
    input.setAttribute('aria-activedescendant', active >= 0 ? `opt-${options[active].id}` : '');
  }

  function choose(id: string) {
    if (selected.length >= 4) {
      status.textContent = s.tooMany;
      return;
    }
    status.textContent = '';
    input.value = '';
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setSelection([...selected, id]);
    input.focus();
  }

  function move(delta: number) {
    if (!options.length) return;
    active = (active + delta + options.length) % options.length;
    for (const [i, li] of Array.from(list.children).entries()) li.setAttribute('aria-selected', String(i === active));
    input.setAttribute('aria-activedescendant', `opt-${options[active].id}`);
  }

  input.addEventListener('input', showOptions);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) showOptions(); else move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Enter' && active >= 0 && !list.hidden) { e.preventDefault(); choose(options[active].id); }
    else if (e.key === 'Escape') { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
  });
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as Element).closest<HTMLElement>('[data-id]');
    if (li) { e.preventDefault(); choose(li.dataset.id!); }
  });
  suggest.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('[data-add]');
    if (!b) return;
    choose(b.dataset.add!);
    (suggest.querySelector<HTMLButtonElement>('[data-add]') ?? input).focus();
  });
  chips.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('[data-remove]');
    if (!b) return;
    const at = selected.indexOf(b.dataset.remove!);
    setSelection(selected.filter((id) => id !== b.dataset.remove));
    // The chips are rebuilt: keep keyboard focus in place (the next remove button, else the field).
    const buttons = chips.querySelectorAll<HTMLButtonElement>('[data-remove]');
    (buttons[Math.min(at, buttons.length - 1)] ?? input).focus();
  });
  if (fromUrl.length) render();
}
