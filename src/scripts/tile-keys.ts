// The keyboard on tile maps: a map is one stop in the tab order, and the arrow keys move between its tiles
// (Home and End: the first and last), so that a keyboard user does not pass 34 or 63 links to reach what
// follows the map. Enter opens the focused tile's page, as any link does. Without this script every tile
// stays a link in the tab order.

export interface TilePosition {
  x: number;
  y: number;
}

/**
 * The tile an arrow key leads to from tile `from`: the nearest one in that direction (a grid with gaps),
 * the same row first for left and right, the nearest row for up and down; `from` itself at an edge.
 */
export function nextTile(tiles: readonly TilePosition[], from: number, key: string): number {
  const cur = tiles[from];
  const order = tiles.map((t, i) => ({ ...t, i })).sort((a, b) => a.y - b.y || a.x - b.x);
  if (key === 'Home') return order[0]?.i ?? from;
  if (key === 'End') return order.at(-1)?.i ?? from;
  const pick = (cands: (TilePosition & { i: number })[], cost: (t: TilePosition) => number) =>
    cands.length ? cands.reduce((best, t) => (cost(t) < cost(best) ? t : best)).i : from;
  const all = order.filter((t) => t.i !== from);
  switch (key) {
    case 'ArrowRight':
      return pick(all.filter((t) => t.y === cur.y && t.x > cur.x), (t) => t.x - cur.x);
    case 'ArrowLeft':
      return pick(all.filter((t) => t.y === cur.y && t.x < cur.x), (t) => cur.x - t.x);
    case 'ArrowDown':
      return pick(all.filter((t) => t.y > cur.y), (t) => (t.y - cur.y) * 1000 + Math.abs(t.x - cur.x));
    case 'ArrowUp':
      return pick(all.filter((t) => t.y < cur.y), (t) => (cur.y - t.y) * 1000 + Math.abs(t.x - cur.x));
    default:
      return from;
  }
}

const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End']);

export function initTileKeys(root: ParentNode = document): void {
  for (const svg of Array.from(root.querySelectorAll<SVGSVGElement>('svg.tile-map'))) {
    if (svg.dataset.tileKeys) continue;
    svg.dataset.tileKeys = '1';
    const links = Array.from(svg.querySelectorAll<SVGAElement>('a.tile:not(.island)'));
    if (links.length === 0) continue;
    const tiles = links.map((el) => {
      const r = el.querySelector('rect');
      return { x: Number(r?.getAttribute('x') ?? 0), y: Number(r?.getAttribute('y') ?? 0) };
    });
    const current = (i: number) => links.forEach((el, j) => el.setAttribute('tabindex', j === i ? '0' : '-1'));
    current(0);
    svg.addEventListener('focusin', (e) => {
      const i = links.indexOf(e.target as SVGAElement);
      if (i !== -1) current(i);
    });
    svg.addEventListener('keydown', (e) => {
      const i = links.indexOf(e.target as SVGAElement);
      if (i === -1 || !KEYS.has(e.key)) return;
      e.preventDefault();
      const j = nextTile(tiles, i, e.key);
      current(j);
      links[j].focus();
    });
  }
}
