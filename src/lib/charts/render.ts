import { parseHTML } from 'linkedom';

/** A DOM document for Plot to draw into at build time (no browser, no JavaScript on the page). */
export function svgDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/**
 * Serialises a rendered chart for inline use: gives the root SVG an image role and label, and removes
 * the aria-label Plot puts on inner groups (a label on a role-less <g> is an accessibility violation;
 * the table beside each chart carries the data for assistive technology).
 */
export function serialiseSvg(node: Element, label: string): string {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('chart did not render an <svg>');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  for (const g of Array.from(svg.querySelectorAll('[aria-label]'))) if (g !== svg) g.removeAttribute('aria-label');
  for (const g of Array.from(svg.querySelectorAll('[aria-description]'))) g.removeAttribute('aria-description');
  withoutInlineStyles(svg);
  return svg.outerHTML;
}

/** SVG presentation attributes that an inline style declaration can become. */
const PRESENTATION = new Set(['color', 'fill', 'fill-opacity', 'font-family', 'font-size', 'font-style', 'font-weight', 'opacity', 'overflow', 'stroke', 'stroke-opacity', 'stroke-width', 'text-anchor']);

/**
 * The Content Security Policy allows no inline styles (style-src 'self'), so Plot's <style> element
 * (display, responsive width; its rules live in global.css) is removed and its style attributes become
 * presentation attributes (font-size="12px", overflow="visible"); declarations that only restate the
 * default (background: transparent, color: currentColor) are dropped.
 */
function withoutInlineStyles(svg: Element) {
  for (const s of Array.from(svg.querySelectorAll('style'))) s.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll('[style]'))]) {
    const style = el.getAttribute('style');
    if (style === null) continue;
    for (const decl of style.split(';')) {
      const i = decl.indexOf(':');
      if (i < 0) continue;
      const prop = decl.slice(0, i).trim().toLowerCase();
      const value = decl.slice(i + 1).trim();
      if (PRESENTATION.has(prop) && value && !(prop === 'color' && /^(currentcolor|inherit)$/i.test(value))) el.setAttribute(prop, value);
    }
    el.removeAttribute('style');
  }
}

export { escapeXml } from './escape.ts';
