/**
 * Escapes text for SVG/HTML markup built as strings. Kept apart from render.ts so that code running in
 * the browser (the compare page's charts) does not pull in the build-time DOM (linkedom, ~300 KB).
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
