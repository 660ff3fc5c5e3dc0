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
  return svg.outerHTML;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
