// Sort and per-capita controls over pre-rendered chart variants; the state lives in the URL so that a
// shared link reproduces the view (?sort-34=change&percap-34=1).
import { followOrder } from './table-order.ts';

export function initChartControls(): void {
  const params = new URLSearchParams(location.search);
  for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-controls]'))) {
    const figure = document.getElementById(form.dataset.controls!);
    if (!figure) continue;
    const section = figure.closest('section');
    for (const input of Array.from(form.elements) as HTMLInputElement[]) {
      const wanted = params.get(input.name);
      if (wanted === null) continue;
      if (input.type === 'radio') input.checked = input.value === wanted;
      if (input.type === 'checkbox') input.checked = wanted === '1';
    }
    const apply = (push: boolean) => {
      const data = new FormData(form);
      const sortName = Array.from(form.elements).find((e) => (e as HTMLInputElement).type === 'radio') as HTMLInputElement | undefined;
      const pcInput = Array.from(form.elements).find((e) => (e as HTMLInputElement).type === 'checkbox') as HTMLInputElement | undefined;
      const sort = sortName ? String(data.get(sortName.name) ?? 'value') : 'value';
      const pc = pcInput?.checked ? '1' : '0';
      let shown: HTMLElement | null = null;
      for (const v of Array.from(figure.querySelectorAll<HTMLElement>('.variant'))) {
        const match = v.dataset.sort === sort && v.dataset.percap === pc;
        v.hidden = !match;
        if (match) shown = v;
      }
      const order = shown?.dataset.order?.split(' ') ?? [];
      const tbody = figure.querySelector('tbody');
      if (tbody && order.length) followOrder(tbody, order);
      if (push) {
        const url = new URL(location.href);
        if (sortName) url.searchParams.set(sortName.name, sort);
        if (pcInput) url.searchParams.set(pcInput.name, pc);
        history.replaceState(null, '', url);
      }
      section?.setAttribute('data-state', `${sort}-${pc}`);
      for (const s of Array.from(figure.querySelectorAll<HTMLElement>('[data-percap-suffix], [data-percap-note]'))) s.hidden = pc !== '1';
      // A screen reader hears what changed: the chart's title as it now reads, and the order chosen.
      const status = form.querySelector<HTMLElement>('[data-controls-status]');
      if (push && status) {
        const title = figure.querySelector<HTMLElement>('.chart-title')?.innerText.trim() ?? '';
        const legend = form.querySelector('legend')?.textContent?.trim() ?? '';
        const label = form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.closest('label')?.textContent?.trim() ?? '';
        status.textContent = `${title}. ${legend}: ${label}.`;
      }
    };
    form.addEventListener('change', () => apply(true));
    form.addEventListener('submit', (e) => e.preventDefault());
    apply(false);
  }
  initHighlight();
}

/** Hovering or focusing a province in one chart highlights it in every chart and map of its section. */
function initHighlight(): void {
  const set = (section: Element, unit: string | null) => {
    for (const el of Array.from(section.querySelectorAll('[data-unit].is-highlighted'))) el.classList.remove('is-highlighted');
    if (unit) for (const el of Array.from(section.querySelectorAll(`[data-unit="${CSS.escape(unit)}"]`))) el.classList.add('is-highlighted');
  };
  for (const section of Array.from(document.querySelectorAll('section.era'))) {
    const on = (e: Event) => {
      const target = (e.target as Element).closest('[data-unit]');
      set(section, target?.getAttribute('data-unit') ?? null);
    };
    section.addEventListener('pointerover', on);
    section.addEventListener('focusin', on);
    section.addEventListener('pointerleave', () => set(section, null));
  }
}
