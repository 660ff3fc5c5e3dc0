// Page weight of a built site: the bytes (raw and gzip) and requests each page type costs a visitor.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import type { Lang } from '../../src/lib/i18n/index.ts';
import { href, type Route } from '../../src/lib/routes.ts';

export const PAGE_TYPES: { type: string; route: Route }[] = [
  { type: 'home', route: { page: 'home' } },
  { type: 'metric', route: { page: 'metric', id: 'communes' } },
  { type: 'province', route: { page: 'province', id: 'tay-ninh' } },
  { type: 'compare', route: { page: 'compare' } },
  { type: 'data', route: { page: 'data' } },
];

export const KINDS = ['html', 'css', 'js', 'img', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface Size {
  raw: number;
  gzip: number;
}

export interface Resource extends Size {
  url: string;
  kind: Kind;
  /** An inline script: its bytes are JS shipped, but it costs no request (and is inside the HTML too). */
  inline: boolean;
  missing: boolean;
}

export interface PageWeight {
  type: string;
  lang: Lang;
  url: string;
  byKind: Record<Kind, Size>;
  /** HTML plus every referenced file (inline scripts are not counted twice). */
  total: Size;
  requests: number;
  resources: Resource[];
}

const size = (buf: Buffer): Size => ({ raw: buf.length, gzip: gzipSync(buf).length });

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

function kindOf(path: string): Kind {
  if (/\.(m?js)$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.(svg|png|jpe?g|gif|webp|avif|ico)$/.test(path)) return 'img';
  return 'other';
}

/** Same-origin references in a JS module: static imports, re-exports and dynamic imports. */
function jsImports(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(pattern)) found.push(m[1] ?? m[2]);
  return found.filter((s) => /^(\.{1,2})?\//.test(s));
}

function cssReferences(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/@import\s+["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)/g)) found.push(m[1] ?? m[2]);
  return found.filter((s) => !s.startsWith('data:'));
}

/** The HTML's same-origin references: stylesheets, icons, preloads, scripts and images. */
function htmlReferences(document: Document): { ref: string; kind: Kind }[] {
  const refs: { ref: string; kind: Kind }[] = [];
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const ref = link.getAttribute('href')!;
    if (rel.includes('stylesheet')) refs.push({ ref, kind: 'css' });
    else if (rel.includes('icon')) refs.push({ ref, kind: 'img' });
    else if (rel.includes('modulepreload')) refs.push({ ref, kind: 'js' });
    else if (rel.includes('preload')) refs.push({ ref, kind: kindOf(ref) });
  }
  for (const s of document.querySelectorAll('script[src]')) refs.push({ ref: s.getAttribute('src')!, kind: 'js' });
  for (const img of document.querySelectorAll('img[src]')) refs.push({ ref: img.getAttribute('src')!, kind: 'img' });
  return refs;
}

class PageScan {
  readonly resources: Resource[] = [];
  private readonly seen = new Set<string>();
  readonly outDir: string;
  readonly origin: string;

  constructor(outDir: string, origin: string) {
    this.outDir = outDir;
    this.origin = origin;
  }

  /** Adds a referenced file once, then follows what it references in turn. */
  add(ref: string, base: string, kind: Kind) {
    const url = new URL(ref, base);
    if (url.origin !== this.origin || this.seen.has(url.pathname)) return;
    this.seen.add(url.pathname);
    const file = join(this.outDir, decodeURIComponent(url.pathname));
    const missing = !existsSync(file);
    const buf = missing ? Buffer.alloc(0) : readFileSync(file);
    this.resources.push({ url: url.pathname, kind, ...size(buf), inline: false, missing });
    if (kind === 'js') for (const r of jsImports(buf.toString('utf8'))) this.add(r, url.href, 'js');
    if (kind === 'css') for (const r of cssReferences(buf.toString('utf8'))) this.add(r, url.href, kindOf(r));
  }

  addInlineScript(text: string, base: string, index: number) {
    this.resources.push({ url: `(inline script ${index + 1})`, kind: 'js', ...size(Buffer.from(text)), inline: true, missing: false });
    for (const r of jsImports(text)) this.add(r, base, 'js');
  }
}

function weigh(outDir: string, type: string, lang: Lang, url: string): PageWeight | null {
  const file = join(outDir, url, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file);
  const { document } = parseHTML(html.toString('utf8'));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const origin = canonical ? new URL(canonical).origin : 'http://localhost';
  const base = new URL(url, origin).href;
  const scan = new PageScan(outDir, origin);
  for (const { ref, kind } of htmlReferences(document)) scan.add(ref, base, kind);
  const inline = [...document.querySelectorAll('script:not([src])')].filter((s) => JS_TYPES.has((s.getAttribute('type') ?? '').toLowerCase()));
  inline.forEach((s, i) => scan.addInlineScript(s.textContent ?? '', base, i));
  const page: Resource = { url, kind: 'html', ...size(html), inline: false, missing: false };
  const resources = [page, ...scan.resources];
  const byKind = Object.fromEntries(KINDS.map((k) => [k, sum(resources.filter((r) => r.kind === k))])) as Record<Kind, Size>;
  return { type, lang, url, byKind, total: sum(resources.filter((r) => !r.inline)), requests: resources.filter((r) => !r.inline).length, resources };
}

function sum(list: Size[]): Size {
  return list.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
}

/** Weighs each page type in both languages; pages not built (yet) are listed in `skipped`. */
export function pageWeights(outDir: string): { pages: PageWeight[]; skipped: string[] } {
  const pages: PageWeight[] = [];
  const skipped: string[] = [];
  for (const { type, route } of PAGE_TYPES) {
    for (const lang of ['vi', 'en'] as const) {
      const url = href(lang, route);
      const w = weigh(outDir, type, lang, url);
      if (w) pages.push(w);
      else skipped.push(url);
    }
  }
  return { pages, skipped };
}
