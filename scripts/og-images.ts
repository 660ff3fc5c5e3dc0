// Social images: one 1200×630 PNG per home, metric and province page, in each language, rendered with
// resvg from the SVG cards of src/lib/share/og.ts into dist/og/ (a build post-step, `build:og`; an
// output directory may be given as the first argument). Reads src/generated/ (dataset.json and the record tables) from the
// current directory (the site root). Fonts: Noto Sans (Debian fonts-noto-core) or DejaVu Sans, both with
// Vietnamese diacritics; failing both, whatever the system has.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Dataset } from '../src/lib/schema/dataset.ts';
import { ogCards, ogSvg } from '../src/lib/share/og.ts';

const started = performance.now();
const generated = (name: string) => JSON.parse(readFileSync(join(process.cwd(), 'src', 'generated', name), 'utf8')) as unknown;
const dataset = {
  ...(generated('dataset.json') as object),
  observations: generated('observations.json'),
  sources: generated('sources.json'),
  events: generated('events.json'),
} as Dataset;
const outDir = resolve(process.argv[2] ?? join(process.cwd(), 'dist', 'og'));

const candidates = [
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
];
// The first complete family draws the text; the others stay loaded as fallbacks for glyphs it lacks (→).
const families = candidates.filter((pair) => pair.every((f) => existsSync(f)));
const fontFiles = families.length ? families.flat() : undefined;
if (!fontFiles) console.warn('og: neither Noto Sans nor DejaVu Sans found; using system fonts (install fonts-noto-core)');
const font = fontFiles
  ? { loadSystemFonts: false, fontFiles, defaultFontFamily: fontFiles[0].includes('Noto') ? 'Noto Sans' : 'DejaVu Sans' }
  : { loadSystemFonts: true, defaultFontFamily: 'sans-serif' };

rmSync(outDir, { recursive: true, force: true });
const cards = ogCards(dataset);
for (const card of cards) {
  const png = new Resvg(ogSvg(card), { font, fitTo: { mode: 'original' } }).render().asPng();
  const path = join(outDir, card.path.replace(/^\/og\//, ''));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
}
console.log(`og: ${cards.length} social images (1200×630) in ${outDir} — ${Math.round(performance.now() - started)} ms`);
