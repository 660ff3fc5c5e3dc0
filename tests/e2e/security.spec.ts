// Hardening: the Content Security Policy (a <meta> in every page, the same policy plus frame-ancestors
// as a header in public/_headers), no inline script or style anywhere, nothing loaded from another
// origin, embeds frameable by any site and every other page by none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { headersFor, parseCsp, parseHeaders } from '../../scripts/lib/headers.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { expect, test } from './fixtures.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const site = 'https://tinhgon.example';
const isEmbed = (path: string) => /^\/(en\/)?embed\//.test(path);

function pages(): { path: string; file: string }[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ file, path: `/${relative(dist, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1') }));
}

/** Directive → sources, without the per-build hashes Astro adds to the <meta> policy. */
function directives(policy: string): Record<string, string> {
  const [parsed] = parseCsp(policy);
  return Object.fromEntries([...parsed].map(([k, v]) => [k, v.filter((s) => !/^'sha(256|384|512)-/.test(s)).join(' ')]));
}

test.describe('every page in dist/', () => {
  test('carries a strict CSP <meta> and has no inline script, inline style, event handler or third-party resource', () => {
    test.setTimeout(120_000);
    expect(existsSync(dist), 'dist/ is missing: run `npm run build` first').toBe(true);
    const problems: string[] = [];
    for (const { path, file } of pages()) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const metas = Array.from(document.querySelectorAll('meta[http-equiv]')).filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) problems.push(`${path}: ${metas.length} CSP <meta> elements`);
      else {
        const head = Array.from(document.head.children);
        const at = head.indexOf(metas[0]);
        const loads = (el: Element) => ['script', 'style'].includes(el.tagName.toLowerCase()) || /\b(stylesheet|preload|modulepreload)\b/.test(el.getAttribute('rel') ?? '');
        if (at < 0 || head.slice(0, at).some(loads)) problems.push(`${path}: CSP <meta> is not in <head> before every script and stylesheet`);
        const d = directives(metas[0].getAttribute('content')!);
        if (d['default-src'] !== "'self'") problems.push(`${path}: default-src is "${d['default-src']}"`);
        if (d['object-src'] !== "'none'") problems.push(`${path}: object-src is "${d['object-src']}"`);
        for (const name of ['script-src', 'style-src']) {
          if (!d[name] || /'unsafe-inline'|'unsafe-eval'|\*|https?:/.test(d[name])) problems.push(`${path}: ${name} is "${d[name]}"`);
        }
      }
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) problems.push(`${path}: <${tag} ${attr.name}> event handler attribute`);
          if (attr.name === 'style') problems.push(`${path}: <${tag} style="${attr.value.slice(0, 40)}"> inline style`);
          if (/^\s*javascript:/i.test(attr.value)) problems.push(`${path}: <${tag} ${attr.name}="${attr.value.slice(0, 40)}">`);
        }
        if (tag === 'style') problems.push(`${path}: <style> element`);
        if (tag === 'script' && !el.hasAttribute('src') && !/^application\/(ld\+)?json$/.test(el.getAttribute('type') ?? '')) problems.push(`${path}: inline <script>`);
        // Anything the browser fetches by itself must come from this site.
        const fetched = tag === 'a' ? null : (el.getAttribute('src') ?? (tag === 'link' && !/\b(canonical|alternate)\b/.test(el.getAttribute('rel') ?? '') ? el.getAttribute('href') : null) ?? (tag === 'object' ? el.getAttribute('data') : null));
        for (const url of [fetched, ...(el.getAttribute('srcset')?.split(',').map((s) => s.trim().split(/\s+/)[0]) ?? [])]) {
          if (url && /^(https?:)?\/\//i.test(url) && !url.startsWith(`${site}/`)) problems.push(`${path}: <${tag}> loads ${url} from another origin`);
        }
      }
    }
    const css = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.css'));
    for (const f of css) {
      const text = readFileSync(join(dist, '_astro', f), 'utf8');
      for (const m of text.matchAll(/url\(\s*['"]?((https?:)?\/\/[^'")]+)/gi)) problems.push(`_astro/${f}: url(${m[1]}) from another origin`);
      for (const m of text.matchAll(/@import\s+(url\()?\s*['"]?((https?:)?\/\/[^'")\s]+)/gi)) problems.push(`_astro/${f}: @import ${m[2]}`);
    }
    expect(problems.slice(0, 40), `${problems.length} problem(s)`).toEqual([]);
  });

  test('gets exactly one CSP header from _headers, matching the <meta>, with framing only for embeds', () => {
    const file = join(dist, '_headers');
    expect(existsSync(file), 'dist/_headers (from public/_headers) is missing').toBe(true);
    const rules = parseHeaders(readFileSync(file, 'utf8'));
    const problems: string[] = [];
    for (const { path, file: html } of pages()) {
      const h = headersFor(rules, path);
      const csp = h.get('content-security-policy');
      if (!csp) {
        problems.push(`${path}: no Content-Security-Policy header (add a block for this route to public/_headers)`);
        continue;
      }
      if (parseCsp(csp).length !== 1) problems.push(`${path}: ${parseCsp(csp).length} CSP policies from several rules`);
      const header = directives(csp);
      const metaContent = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(readFileSync(html, 'utf8'))?.[1] ?? '';
      const meta = directives(metaContent.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
      for (const name of new Set([...Object.keys(header), ...Object.keys(meta)])) {
        if (name === 'frame-ancestors') continue;
        if (header[name] !== meta[name]) problems.push(`${path}: ${name} is "${header[name]}" in _headers but "${meta[name]}" in the <meta>`);
      }
      if (isEmbed(path)) {
        if (header['frame-ancestors'] !== '*') problems.push(`${path}: embed with frame-ancestors "${header['frame-ancestors']}"`);
        if (h.has('x-frame-options')) problems.push(`${path}: embed with X-Frame-Options ${h.get('x-frame-options')}`);
      } else {
        if (header['frame-ancestors'] !== "'none'") problems.push(`${path}: frame-ancestors "${header['frame-ancestors']}"`);
        if (h.get('x-frame-options') !== 'DENY') problems.push(`${path}: X-Frame-Options "${h.get('x-frame-options')}"`);
      }
      if (h.get('x-content-type-options') !== 'nosniff') problems.push(`${path}: X-Content-Type-Options "${h.get('x-content-type-options')}"`);
      if (h.get('referrer-policy') !== 'strict-origin-when-cross-origin') problems.push(`${path}: Referrer-Policy "${h.get('referrer-policy')}"`);
      if (!/camera=\(\)/.test(h.get('permissions-policy') ?? '')) problems.push(`${path}: Permissions-Policy "${h.get('permissions-policy')}"`);
      if (h.has('cache-control')) problems.push(`${path}: HTML page with Cache-Control ${h.get('cache-control')}`);
    }
    for (const f of readdirSync(join(dist, '_astro'))) {
      if (headersFor(rules, `/_astro/${f}`).get('cache-control') !== 'public, max-age=31536000, immutable') problems.push(`/_astro/${f}: not cached as immutable`);
    }
    expect(problems.slice(0, 40), `${problems.length} problem(s)`).toEqual([]);
  });
});

test.describe('in Chromium, served with the _headers of the real host', () => {
  let server: StaticServer;
  test.beforeAll(async () => {
    server = await serveStatic(dist);
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('pages and their controls work under the CSP without a single violation or third-party request', async ({ page, problems }) => {
    test.setTimeout(90_000);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const embed = pages().find((p) => isEmbed(p.path))?.path;
    for (const path of ['/', '/en/', '/chi-so/communes/', '/en/metrics/communes/', '/tinh/tay-ninh/', '/so-sanh/', '/en/compare/', '/du-lieu/', '/nguon/', ...(embed ? [embed] : [])]) {
      const response = await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toBeTruthy();
      if (path === '/' && (await page.locator('#site-search-input').isVisible())) {
        // The search index is WebAssembly fetched from this site: allowed by 'wasm-unsafe-eval' alone.
        await page.locator('#site-search-input').fill('tay ninh');
        await expect(page.locator('#site-search-list [role=option]').first()).toBeVisible({ timeout: 15_000 });
      }
      if (path === '/chi-so/communes/') {
        await page.locator('#ranking-34').getByLabel('Tên').check();
        await expect(page.locator('#ranking-34 .variant:not([hidden])')).toHaveAttribute('data-sort', 'name');
      }
      if (path === '/so-sanh/') {
        // Rendered in the browser (innerHTML of escaped strings) under the same policy.
        await page.locator('[data-chips] button').first().click();
        await expect(page.locator('[data-chips] li')).toHaveCount(3);
        const box = page.locator('#compare-input');
        await box.fill('long an');
        await box.press('Enter');
        await expect(page.locator('[data-chips] li')).toHaveCount(4);
        await expect(page.locator('[data-chips]')).toContainText('Long An');
      }
    }
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test('another site can frame an embed but no other page', async ({ page }) => {
    const embed = pages().find((p) => isEmbed(p.path))?.path;
    // Another site (another port is another origin) whose page holds two frames.
    const frames = [...(embed ? [['embed', embed]] : []), ['page', '/chi-so/communes/']];
    const host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>t</title>${frames.map(([name, path]) => `<iframe name="${name}" src="${server.origin}${path}"></iframe>`).join('')}`));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const other = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    test.info().attach('frame host', { body: other });
    await page.goto(`${other}/`);
    await page.waitForLoadState('load');
    const content = async (name: string) => {
      const frame = page.frame({ name });
      try {
        return frame ? await frame.evaluate(() => `${location.href} ${document.querySelector('main, figure') ? 'content' : 'empty'}`) : 'no frame';
      } catch {
        return 'blocked';
      }
    };
    // Chromium replaces a refused frame with its own error page.
    await expect.poll(() => content('page')).toMatch(/^(chrome-error:|blocked|about:blank)/);
    if (embed) await expect.poll(() => content('embed')).toBe(`${server.origin}${embed} content`);
    await new Promise((resolve) => host.close(resolve));
  });
});
