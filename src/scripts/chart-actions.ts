// Share, download, embed and cite, for every chart with a `[data-chart-actions]` block. The rows come
// from the page (a JSON block per figure), so the CSV is exactly what is drawn; the state (sort,
// per-capita, metric) comes from the visible variant and the URL. The XLSX writer loads on click.
import { chartCsv, csvPreamble, drawnRows, fileName, type ChartData } from '../lib/share/chart-data.ts';
import { citation, isoToday } from '../lib/share/citation.ts';
import { composeSvg, svgSize } from '../lib/share/svg-export.ts';

interface Payload {
  data: ChartData;
  subtitle: string;
  notes: string[];
  perCapNotes?: string[];
  perCapLabel: string;
  sourceText: string;
  site: string;
  siteLine: string;
  /** The first line of CSV and spreadsheet downloads, in the page's language (see csvPreamble). */
  preamble: string;
  embed: string;
  /** `{title} — embedded chart`: the iframe's title, filled with the title as shown. */
  embedTitleTemplate: string;
  strings: Record<'citationAccessed' | 'citationReleased' | 'copied' | 'copyFailed' | 'downloaded' | 'failed', string>;
}

const fillIn = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);
const attrEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function save(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function copy(text: string, fallback?: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard access: select the text so that the reader can copy it by hand.
    fallback?.select();
    return false;
  }
}

async function png(svgText: string): Promise<Blob> {
  const { width, height } = svgSize(svgText);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('png'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function init(box: HTMLElement) {
  const figure = box.closest('figure')!;
  // Read on every use: the compare page rewrites it when the selection changes.
  const payload = () => JSON.parse(box.querySelector('[data-chart-payload]')!.textContent!) as Payload;
  let p = payload();
  const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  const status = box.querySelector<HTMLElement>('[data-status]')!;
  const embedArea = box.querySelector<HTMLTextAreaElement>('[data-embed]');
  const citeEl = box.querySelector<HTMLElement>('[data-citation]')!;
  const say = (text: string) => {
    status.textContent = text;
  };

  /** The visible variant (ranking charts have one per sort and per-capita state) or the chart body. */
  const shown = () => figure.querySelector<HTMLElement>('.variant:not([hidden])') ?? figure.querySelector<HTMLElement>('.chart-body')!;
  const state = () => {
    const v = shown();
    return { order: v.dataset.order?.split(' ') ?? null, sort: v.dataset.sort ?? '', percap: v.dataset.percap === '1' };
  };
  const permalink = () => `${location.origin}${location.pathname}${location.search}#${figure.id}`;
  const suffix = () => {
    const s = state();
    return [s.sort && s.sort !== 'value' ? s.sort : '', s.percap ? 'per-100k' : ''].filter(Boolean).join('-');
  };
  // A rate without its unit misleads: the per-100,000 state says so in the citation and the image's title.
  const shownTitle = () => (state().percap ? `${p.data.title} (${p.perCapLabel.toLocaleLowerCase()})` : p.data.title);
  const refresh = () => {
    p = payload();
    const s = state();
    const link = box.querySelector<HTMLAnchorElement>('[data-permalink]')!;
    link.href = permalink();
    link.textContent = permalink();
    citeEl.textContent = citation(lang, { accessed: p.strings.citationAccessed, released: p.strings.citationReleased }, {
      site: p.site, title: shownTitle(), version: p.data.version, url: permalink(), date: isoToday(), accessed: true,
    });
    if (embedArea && p.embed) {
      // The origin the reader is on (the site itself in production, a preview elsewhere).
      const src = new URL(new URL(p.embed).pathname, location.origin);
      if (s.sort) src.searchParams.set('sort', s.sort);
      if (s.percap) src.searchParams.set('percap', '1');
      // The compare page's selection.
      const selection = new URLSearchParams(location.search).get('u');
      if (selection) src.searchParams.set('u', selection);
      embedArea.value = embedArea.value
        .replace(/<iframe src="[^"]*"/, `<iframe src="${src.href.replace(/&/g, '&amp;')}"`)
        // The iframe's accessible name says what the embed shows (per 100,000 people, when it does).
        .replace(/ title="[^"]*"/, ` title="${attrEscape(fillIn(p.embedTitleTemplate, { title: shownTitle() }))}"`)
        .replace(/<script src="[^"]*\/embed\.js"/, `<script src="${location.origin}/embed.js"`);
    }
  };
  const exportSvg = () => {
    const svg = shown().querySelector('svg')!;
    const notes = [...p.notes, ...(state().percap ? (p.perCapNotes ?? []) : [])];
    return composeSvg(new XMLSerializer().serializeToString(svg), { title: shownTitle(), subtitle: p.subtitle, notes, source: p.sourceText, site: p.siteLine, url: permalink() });
  };

  const actions: Record<string, () => Promise<unknown> | void> = {
    link: async () => say((await copy(permalink())) ? p.strings.copied : p.strings.copyFailed),
    'copy-embed': async () => say(embedArea && (await copy(embedArea.value, embedArea)) ? p.strings.copied : p.strings.copyFailed),
    'copy-cite': async () => say((await copy(citeEl.textContent ?? '')) ? p.strings.copied : p.strings.copyFailed),
    csv: () => {
      const name = fileName(p.data, suffix(), 'csv', document.documentElement.lang);
      // A byte-order mark, so that Excel opens the Vietnamese names as UTF-8.
      save(new Blob(['\uFEFF' + chartCsv({ ...p.data, title: shownTitle() }, state().order, p.preamble)], { type: 'text/csv;charset=utf-8' }), name);
      say(fillIn(p.strings.downloaded, { file: name }));
    },
    xlsx: async () => {
      const { xlsxBlob } = await import('./xlsx-export.ts');
      const name = fileName(p.data, suffix(), 'xlsx', document.documentElement.lang);
      save(xlsxBlob(p.data.title, csvPreamble({ ...p.data, title: shownTitle() }, p.preamble), p.data.columns, drawnRows(p.data, state().order)), name);
      say(fillIn(p.strings.downloaded, { file: name }));
    },
    svg: () => {
      const name = fileName(p.data, suffix(), 'svg', document.documentElement.lang);
      save(new Blob([exportSvg()], { type: 'image/svg+xml' }), name);
      say(fillIn(p.strings.downloaded, { file: name }));
    },
    png: async () => {
      const name = fileName(p.data, suffix(), 'png', document.documentElement.lang);
      save(await png(exportSvg()), name);
      say(fillIn(p.strings.downloaded, { file: name }));
    },
  };

  box.addEventListener('click', async (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    refresh();
    try {
      await actions[button.dataset.action!]?.();
    } catch {
      say(p.strings.failed);
    }
  });
  box.addEventListener('toggle', refresh);
  figure.addEventListener('change', () => setTimeout(refresh));
  for (const el of Array.from(box.querySelectorAll<HTMLElement>('[data-js-only]'))) el.hidden = false;
  refresh();
}

export function initChartActions(): void {
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('[data-chart-actions]'))) init(box);
}
