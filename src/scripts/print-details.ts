// Printing shows what closed sections hold (data tables, sources, notes), then puts them back. Called by
// the header's script, which every page loads, so that it costs no request of its own.
export function initPrintDetails(): void {
  let opened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    opened = Array.from(document.querySelectorAll<HTMLDetailsElement>('main details:not([open]):not(.chart-actions)'));
    for (const el of opened) el.open = true;
  });
  addEventListener('afterprint', () => {
    for (const el of opened) el.open = false;
    opened = [];
  });
}
