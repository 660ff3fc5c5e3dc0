// Composes a stand-alone SVG around a chart: title and subtitle above, source line, site name and
// address below, so the image carries its own attribution wherever it travels. Pure string work: the
// browser hands in the chart's markup and size, the PNG is drawn from the result.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ExportText {
  title: string;
  subtitle?: string;
  /** The figure's notes, shown under the chart as on the page. */
  notes?: readonly string[];
  /** "Nguồn: … · Tinh Gọn" as shown under the chart. */
  source: string;
  /** Site name, dataset version and licence, e.g. "Tinh Gọn · dữ liệu v0.1.0 · CC BY 4.0". */
  site: string;
  url: string;
}

/** Greedy word wrap by an estimated character width (no layout engine here). */
export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces break a line: a no-break space keeps a name ("Tinh Gọn") whole.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A web address in lines of at most `maxChars`, broken after a `/`, `?`, `&`, `,` or `#` where one is
 * near the end of the line, else hard: a long permalink is never cut off at the image's edge.
 */
export function wrapUrl(url: string, maxChars: number): string[] {
  const lines: string[] = [];
  let rest = url;
  while (rest.length > maxChars) {
    const head = rest.slice(0, maxChars);
    const cut = Math.max(...['/', '?', '&', ',', '#'].map((c) => head.lastIndexOf(c)));
    const at = cut >= maxChars / 2 ? cut + 1 : maxChars;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) lines.push(rest);
  return lines;
}

/** Width and height of an SVG from its attributes or viewBox. */
export function svgSize(markup: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/i.exec(markup)?.[0] ?? '';
  const attr = (n: string) => Number(new RegExp(`\\s${n}="([\\d.]+)`).exec(open)?.[1] ?? NaN);
  const vb = /viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(open);
  const width = attr('width') || (vb ? Number(vb[1]) : 640);
  const height = attr('height') || (vb ? Number(vb[2]) : 400);
  return { width, height };
}

/**
 * The exported SVG. The chart is nested as an inner <svg> (its own viewBox keeps it intact); text uses
 * a system sans-serif and explicit colours, since the page's style sheet does not travel with the file.
 */
export function composeSvg(chart: string, text: ExportText, minWidth = 480): string {
  const { width: cw, height: ch } = svgSize(chart);
  const pad = 16;
  const width = Math.max(minWidth, Math.ceil(cw) + 2 * pad);
  const chars = (size: number) => Math.max(20, Math.floor((width - 2 * pad) / (size * 0.55)));
  const titleLines = wrap(text.title, chars(20));
  const subLines = text.subtitle ? wrap(text.subtitle, chars(13)) : [];
  const noteLines = (text.notes ?? []).flatMap((n) => wrap(n, chars(12) - 2).map((l, i) => (i === 0 ? `• ${l}` : `  ${l}`)));
  // The site's name closes the source line ("… · Tinh Gọn") and stays on one line.
  const sourceLines = wrap(text.source.replace(/ · ([^·]+)$/, (_m, name: string) => ` ·\u00a0${name.replace(/ /g, '\u00a0')}`), chars(12)).map((l) => l.replace(/\u00a0/g, ' '));
  const urlLines = wrapUrl(text.url, chars(11));
  let y = pad;
  const parts: string[] = [];
  for (const l of titleLines) {
    y += 24;
    parts.push(`<text x="${pad}" y="${y}" font-size="20" font-weight="700" fill="#1a1d21">${esc(l)}</text>`);
  }
  for (const l of subLines) {
    y += 18;
    parts.push(`<text x="${pad}" y="${y}" font-size="13" fill="#4b5560">${esc(l)}</text>`);
  }
  y += 12;
  parts.push(`<g color="#1a1d21">${placeChart(chart, pad, y, cw, ch)}</g>`);
  y += ch + 8;
  for (const l of noteLines) {
    y += 15;
    parts.push(`<text x="${pad}" y="${y}" font-size="11.5" fill="#4b5560" xml:space="preserve">${esc(l)}</text>`);
  }
  if (noteLines.length > 0) y += 4;
  for (const l of sourceLines) {
    y += 16;
    parts.push(`<text x="${pad}" y="${y}" font-size="12" fill="#4b5560">${esc(l)}</text>`);
  }
  y += 18;
  parts.push(`<text x="${pad}" y="${y}" font-size="12" font-weight="700" fill="#1a1d21">${esc(text.site)}</text>`);
  for (const l of urlLines) {
    y += 15;
    parts.push(`<text x="${pad}" y="${y}" font-size="11" fill="#4b5560">${esc(l)}</text>`);
  }
  const height = Math.ceil(y + pad);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif">` +
    `<title>${esc(text.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`
  );
}

/** Positions the chart's root <svg> inside ours, replacing its own position and size attributes. */
export function placeChart(chart: string, x: number, y: number, w: number, h: number): string {
  return chart.trim().replace(/^<svg\b([^>]*)>/i, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(width|height|x|y)="[^"]*"/g, '');
    return `<svg x="${x}" y="${y}" width="${w}" height="${h}"${rest}>`;
  });
}
