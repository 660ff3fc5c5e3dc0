// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The address the site is served from: canonical and share links, social images, citations. Set
  // SITE_URL when building for the real host; the placeholder is for local builds and tests.
  site: process.env.SITE_URL ?? 'https://tinhgon.example',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Content Security Policy, emitted by Astro as a <meta> in every page: scripts only from this origin
  // (plus the hashes Astro computes), never inline; no inline styles; nothing from another origin.
  // public/_headers repeats the policy as an HTTP header and adds what a <meta> cannot carry
  // (frame-ancestors). 'wasm-unsafe-eval' lets the search index (Pagefind, WebAssembly) run.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Never inline scripts into pages: every script is a hashed file under /_astro/, so the same
  // policy works as a static HTTP header (script-src 'self') without per-build hashes.
  // One stylesheet for the whole site (about 4 KB gzipped): one request per page, cached across pages,
  // instead of a file per component group.
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  // No Markdown code blocks on the site; Shiki's inline styles would not pass the CSP anyway.
  markdown: { syntaxHighlight: false },
});
