// Zero broken internal links across the whole built site: every same-origin href/src in dist/ resolves
// to a file, and every #fragment (also SVG url(#…) references) names an id in the target page.
// Reads files only; no browser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, test } from '@playwright/test';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const site = 'https://tinhgon.example';
const local = 'http://tinhgon.local';

/** The URL path a built file answers to: dist/a/b/index.html → /a/b/, dist/404.html → /404.html. */
function pathOf(file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

function fileFor(path: string): string | null {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

interface Page {
  ids: Set<string>;
  refs: { attr: string; value: string }[];
}

function readPage(file: string): Page {
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const ids = new Set<string>();
  for (const el of Array.from(document.querySelectorAll('[id]'))) ids.add(el.getAttribute('id')!);
  for (const el of Array.from(document.querySelectorAll('a[name]'))) ids.add(el.getAttribute('name')!);
  const refs: Page['refs'] = [];
  for (const el of Array.from(document.querySelectorAll('[href], [src], [srcset], [poster], [action], [data], meta[content]'))) {
    const tag = el.tagName.toLowerCase();
    for (const attr of ['href', 'src', 'poster', 'action', 'xlink:href']) {
      const v = el.getAttribute(attr);
      if (v !== null) refs.push({ attr: `${tag}[${attr}]`, value: v });
    }
    if (tag === 'object' && el.getAttribute('data') !== null) refs.push({ attr: 'object[data]', value: el.getAttribute('data')! });
    const srcset = el.getAttribute('srcset');
    if (srcset) for (const part of srcset.split(',')) refs.push({ attr: `${tag}[srcset]`, value: part.trim().split(/\s+/)[0] });
    if (tag === 'meta' && /^(og:|twitter:)(image|url)$/.test(el.getAttribute('property') ?? el.getAttribute('name') ?? '')) {
      refs.push({ attr: 'meta[content]', value: el.getAttribute('content')! });
    }
  }
  // SVG paint servers and clip paths: fill="url(#pattern)" must point at an element of this page.
  for (const el of Array.from(document.querySelectorAll('[fill^="url("], [stroke^="url("], [clip-path^="url("], [mask^="url("], [filter^="url("]'))) {
    for (const attr of ['fill', 'stroke', 'clip-path', 'mask', 'filter']) {
      const m = /^url\((#[^)]+)\)$/.exec(el.getAttribute(attr) ?? '');
      if (m) refs.push({ attr: `${el.tagName.toLowerCase()}[${attr}]`, value: m[1] });
    }
  }
  return { ids, refs };
}

test('every internal link and anchor in dist/ resolves', () => {
  test.setTimeout(120_000);
  expect(existsSync(dist), 'dist/ is missing: run `npm run build` first').toBe(true);
  const files = htmlFiles(dist);
  expect(files.length).toBeGreaterThan(10);
  const pages = new Map<string, Page>();
  const page = (file: string) => {
    if (!pages.has(file)) pages.set(file, readPage(file));
    return pages.get(file)!;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    const from = pathOf(file);
    const base = new URL(from, local);
    for (const { attr, value } of page(file).refs) {
      if (/^(mailto:|tel:|data:|blob:|javascript:)/i.test(value)) {
        if (/^javascript:/i.test(value)) broken.push(`${from}: ${attr}="${value}" (javascript: URL)`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(value.startsWith(site) ? value.slice(site.length) || '/' : value, base);
      } catch {
        broken.push(`${from}: ${attr}="${value}" (not a URL)`);
        continue;
      }
      if (url.origin !== local) continue; // another site: not ours to check here
      checked++;
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        broken.push(`${from}: ${attr}="${value}" (bad escape)`);
        continue;
      }
      const target = fileFor(path);
      if (!target) {
        const hint = !path.endsWith('/') && fileFor(`${path}/`) ? ' (missing trailing slash)' : '';
        broken.push(`${from}: ${attr}="${value}" → no file for ${path}${hint}`);
        continue;
      }
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (fragment && target.endsWith('.html') && !page(target).ids.has(fragment)) {
        broken.push(`${from}: ${attr}="${value}" → ${path} has no id "${fragment}"`);
      }
    }
  }
  console.log(`links: ${checked} internal references in ${files.length} pages checked`);
  // One line per distinct problem, with how often it occurs.
  const counts = new Map<string, number>();
  for (const b of broken) counts.set(b, (counts.get(b) ?? 0) + 1);
  const report = [...counts].map(([b, n]) => (n > 1 ? `${b} (×${n})` : b));
  expect(report.slice(0, 60), `${broken.length} broken reference(s)`).toEqual([]);
});
