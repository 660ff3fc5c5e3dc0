// Inside an embed: shows the variant asked for in the URL (?sort=name&percap=1, as copied from the
// chart's page) and posts the page's height to the host whenever it changes, so the host's iframe
// fits its content (public/embed.js listens, or any host code following the documented message).
import { HEIGHT_MESSAGE } from '../lib/share/embed.ts';
import { followOrder } from './table-order.ts';

export function initEmbedFrame(): void {
  const params = new URLSearchParams(location.search);
  const variants = Array.from(document.querySelectorAll<HTMLElement>('.variant[data-sort]'));
  const wanted = variants.find((v) => v.dataset.sort === (params.get('sort') ?? 'value') && v.dataset.percap === (params.get('percap') === '1' ? '1' : '0'));
  if (wanted) {
    for (const v of variants) v.hidden = v !== wanted;
    // The table follows the chart's order, and a per-100,000 chart says so in its title (page and tab).
    const tbody = document.querySelector('tbody');
    if (tbody) followOrder(tbody, wanted.dataset.order?.split(' ') ?? []);
    const suffix = document.querySelector<HTMLElement>('[data-percap-suffix]');
    const heading = suffix?.parentElement;
    if (wanted.dataset.percap === '1') for (const n of Array.from(document.querySelectorAll<HTMLElement>('[data-percap-note]'))) n.hidden = false;
    if (suffix && heading && wanted.dataset.percap === '1') {
      const plain = heading.textContent!.slice(0, -suffix.textContent!.length);
      suffix.hidden = false;
      document.title = document.title.replace(plain, plain + suffix.textContent);
      const caption = document.querySelector('table caption');
      if (caption) caption.textContent += suffix.textContent!;
    }
  }

  const root = document.querySelector<HTMLElement>('[data-embed-root]');
  if (!root || window.parent === window) return;
  let last = 0;
  const post = (force = false) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height, href: location.href }, '*');
  };
  new ResizeObserver(() => post()).observe(root);
  // A host script that loads after the first message asks again.
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && (e.data as { type?: string } | null)?.type === 'tinhgon:ping') post(true);
  });
  post(true);
}
