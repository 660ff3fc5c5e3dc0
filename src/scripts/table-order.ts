/**
 * Puts a table's rows (`tr[data-unit]`) in the order a chart draws them; rows the chart leaves out (no
 * population for a rate) go last, in their previous order.
 */
export function followOrder(tbody: HTMLTableSectionElement, order: readonly string[]): void {
  const rows = new Map(Array.from(tbody.rows).map((r) => [r.dataset.unit!, r]));
  for (const id of order) {
    const r = rows.get(id);
    if (r) tbody.appendChild(r);
  }
  for (const [id, r] of rows) if (!order.includes(id)) tbody.appendChild(r);
}
