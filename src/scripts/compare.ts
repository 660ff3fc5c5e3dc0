// The compare picker: a diacritics-insensitive combobox over current and old province names, a
// selection of two to four provinces kept in the URL (?u=a,b,c), charts and table re-rendered in place.
import { compareChart } from '../lib/charts/compare.ts';
import { fill } from '../lib/i18n/index.ts';
import { searchUnits, selectionFromQuery, type CompareData } from '../lib/views/compare.ts';

interface Payload {
  data: CompareData;
  strings: Record<string, string>;
  sources: Record<string, string>;
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
  const charts = document.querySelector<HTMLElement>('[data-charts]')!;
  const table = document.querySelector<HTMLElement>('[data-table]')!;
  const fromUrl = selectionFromQuery(location.search, new Set(unitOf.keys()));
  let selected = fromUrl.length ? fromUrl : data.defaults;
  let options: CompareData['units'] = [];
  let active = -1;

  function render() {
    note.hidden = fromUrl.length > 0 || selected.join() !== data.defaults.join();
    chips.innerHTML = selected
      .map((id) => `<li><a href="${s.provinceHref}${id}/">${esc(unitOf.get(id)!.label)}</a> <button type="button" data-remove="${id}" aria-label="${esc(fill(s.remove, { name: unitOf.get(id)!.label }))}">×</button></li>`)
      .join('');
    const metrics = data.metrics.filter((m) => selected.some((u) => data.values[u]?.[m.id]));
    charts.innerHTML = metrics
      .map((m) => {
        const bars = selected.map((u) => {
          const v = data.values[u]?.[m.id];
          return { unit: u, label: unitOf.get(u)!.label, value: v ? v[0] : null, text: v ? v[1] : s.missing, planned: v ? v[3] : false };
        });
        const srcs = [...new Set(selected.map((u) => data.values[u]?.[m.id]?.[4]).filter((x): x is string => Boolean(x)))];
        return `<figure class="chart small-multiple"><figcaption><h3 class="chart-title">${esc(m.label)}</h3></figcaption>${compareChart(bars, { ariaLabel: fill(s.chartLabel, { title: m.label }) })}<p class="chart-source">${srcs.map((x) => `<a href="${s.sourcesHref}#src-${x}">${esc(sources[x] ?? x)}</a>`).join('; ')} · Tinh Gọn</p></figure>`;
      })
      .join('');
    table.innerHTML =
      `<table><thead><tr><th scope="col">${esc(s.metric)}</th>${selected.map((u) => `<th scope="col" class="num">${esc(unitOf.get(u)!.label)}</th>`).join('')}</tr></thead><tbody>` +
      metrics
        .map((m) => `<tr><th scope="row">${esc(m.label)}</th>${selected.map((u) => { const v = data.values[u]?.[m.id]; return `<td class="num">${v ? `${esc(v[1])} <span class="muted small">(${esc(v[2])})</span>` : '<span class="missing">—</span>'}</td>`; }).join('')}</tr>`)
        .join('') +
      '</tbody></table>';
  }

  function setSelection(next: string[], push = true) {
    selected = next;
    if (push) {
      const url = new URL(location.href);
      url.searchParams.set('u', selected.join(','));
      history.replaceState(null, '', url);
    }
    render();
  }

  function showOptions() {
    options = searchUnits(data, input.value).filter((u) => !selected.includes(u.id));
    active = options.length ? 0 : -1;
    list.innerHTML = options
      .map((u, i) => `<li role="option" id="opt-${u.id}" data-id="${u.id}" aria-selected="${i === active}">${esc(u.label)}${u.hint ? ` <span class="muted small">${esc(u.hint)}</span>` : ''}</li>`)
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
