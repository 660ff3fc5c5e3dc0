// A small static file server for a built site: directory URLs serve index.html, a missing page gets
// 404.html with status 404 (the English one under /en/), text is compressed (brotli or gzip, as a host
// would), and the site's own `_headers` file is applied, so Lighthouse and the hardening tests see the
// headers the real host sends. Used by `npm run lighthouse` and by tests/e2e/hardening-xss.spec.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { headersFor, parseHeaders, type HeaderRule } from './headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export interface StaticServer {
  server: Server;
  /** e.g. http://127.0.0.1:43121 (no trailing slash). */
  origin: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Apply `<dir>/_headers` (default true). */
  headers?: boolean;
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = normalize(dir);
  const headersFile = join(root, '_headers');
  const rules: HeaderRule[] = options.headers !== false && existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const compressed = new Map<string, Buffer>();
  const requests: string[] = [];

  const fileFor = (path: string): string | null => {
    const candidate = normalize(join(root, path));
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    return null;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(path);
    let file = path.endsWith('/') ? fileFor(join(path, 'index.html')) : fileFor(path);
    let status = 200;
    if (!file && !path.endsWith('/') && !extname(path) && fileFor(join(path, 'index.html'))) {
      res.writeHead(301, { location: `${path}/${url.search}` }).end();
      return;
    }
    if (!file) {
      status = 404;
      file = (path.startsWith('/en/') && fileFor('/en/404/index.html')) || fileFor('/404.html') || fileFor('/404/index.html');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    for (const [name, value] of headersFor(rules, path)) headers[name] = value;
    let body: Buffer = readFileSync(file);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.test(type) || body.length < 512 ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    if (encoding) {
      const key = `${encoding}:${file}`;
      if (!compressed.has(key)) compressed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
      body = compressed.get(key)!;
      headers['content-encoding'] = encoding;
      headers.vary = 'Accept-Encoding';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
