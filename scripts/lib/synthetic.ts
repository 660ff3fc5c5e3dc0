// Seeded synthetic datasets shaped like data/, for benchmarks. Every row is generated to pass the
// pipeline's validation, so a failing benchmark run points at the pipeline, not at the generator.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/lib/csv.ts';
import { columns, readMetrics, readUnits } from '../../src/lib/pipeline/read.ts';
import { eventTypes } from '../../src/lib/schema/event.ts';
import { SOURCE_KINDS } from '../../src/lib/schema/source.ts';
import type { Metric } from '../../src/lib/schema/metric.ts';
import { statuses } from '../../src/lib/schema/observation.ts';
import type { Unit } from '../../src/lib/schema/unit.ts';
import { loadDataFiles } from './files.ts';

export const DEFAULT_SEED = 20250701;

/** mulberry32: a tiny, fast PRNG; the same seed always gives the same data set. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
}

function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)], chance: (p) => next() < p };
}

/** Row counts of a data directory, as the pipeline would read it. */
export interface DataCounts {
  observations: number;
  sources: number;
  events: number;
  /** Share of observation rows about the country as a whole (national totals). */
  nationalShare: number;
}

export function countDataRows(dataDir: string): DataCounts {
  const files = loadDataFiles(dataDir);
  const rows = (list: { text: string }[]) => list.flatMap((f) => parseCsv(f.text).rows);
  const observations = rows(files.observations);
  const national = new Set(readUnits(files.units).units.filter((u) => u.era === 'national').flatMap((u) => [u.id, u.code]));
  const nationalRows = observations.filter((r) => national.has((r.cells.unit ?? '').trim())).length;
  return {
    observations: observations.length,
    sources: rows(files.sources).length,
    events: rows(files.events).length,
    nationalShare: observations.length ? nationalRows / observations.length : 0,
  };
}

export interface SyntheticSpec {
  observations: number;
  sources: number;
  events: number;
  nationalShare: number;
  seed: number;
  /** Observation rows per file: 0 writes them all to observations/synthetic.csv. */
  rowsPerFile: number;
}

// ---- dates -------------------------------------------------------------------------------------

const RANGE_START = '2017-01-01';
const RANGE_END = '2026-12-31';
const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The days a unit may carry figures for, clipped to the benchmark's date range. */
function unitRange(u: Unit): [number, number] {
  const from = u.valid_from && u.valid_from > RANGE_START ? u.valid_from : RANGE_START;
  const to = u.valid_to && u.valid_to < RANGE_END ? u.valid_to : RANGE_END;
  return [toDay(from), toDay(to)];
}

/** A day-, month- or year-precision date lying wholly inside [lo, hi], so the unit is valid at every day of it. */
function dateIn(rnd: Random, [lo, hi]: [number, number]): { text: string; year: number } {
  const day = toIso(rnd.int(lo, hi));
  const year = Number(day.slice(0, 4));
  const r = rnd.next();
  if (r < 0.08 && toDay(`${year}-01-01`) >= lo && toDay(`${year}-12-31`) <= hi) return { text: String(year), year };
  if (r < 0.25) {
    const month = day.slice(0, 7);
    const first = toDay(`${month}-01`);
    const last = toDay(`${toIso(first + 31).slice(0, 7)}-01`) - 1; // the day before the next month
    if (first >= lo && last <= hi) return { text: month, year };
  }
  return { text: day, year };
}

// ---- CSV writing -------------------------------------------------------------------------------

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

type Row = Record<string, string>;

/** Buffered CSV writer: a 1M-row file is never held in memory as one string. Absent cells are empty. */
function csvWriter(path: string, header: readonly string[]) {
  const fd = openSync(path, 'w');
  let buffer: string[] = [header.join(',')];
  const flush = () => {
    writeSync(fd, buffer.join('\n') + '\n');
    buffer = [];
  };
  return {
    row(cells: Row) {
      buffer.push(header.map((c) => quote(cells[c] ?? '')).join(','));
      if (buffer.length >= 20_000) flush();
    },
    close() {
      if (buffer.length) flush();
      closeSync(fd);
    },
  };
}

// ---- generators ---------------------------------------------------------------------------------

interface Context {
  rnd: Random;
  units: Unit[];
  national: Unit[];
  provincial: Unit[];
  ranges: Map<string, [number, number]>;
  nationalMetrics: Metric[];
  provinceMetrics: Metric[];
  sourceIds: string[];
  nationalShare: number;
  seed: number;
}

const notes = [
  'Số liệu tổng hợp, chỉ dùng để đo hiệu năng',
  'Synthetic figure, for benchmarks only',
  'Theo báo cáo, "đã sắp xếp" trong kỳ',
  '',
];

/** FNV-1a: a stable 32-bit hash of a string, to derive per-fact seeds. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A unit's figure for a metric is the same all year (a new value each year), as real stocks change
 * rarely. Independent random values would make nearly every pair of rows within the conflict window
 * a "conflict", which real data does not look like and which inflates the output many times over.
 */
function valueFor(seed: number, unit: string, m: Metric, year: number): string {
  const rnd = random((seed ^ hash(`${unit}|${m.id}|${year}`)) >>> 0);
  if (m.unit === 'km2') return (100 + rnd.next() * 20_000).toFixed(m.decimals);
  if (m.id === 'population') return String(rnd.int(300_000, 10_000_000));
  return String(rnd.int(0, m.unit === 'persons' ? 20_000 : 1_000));
}

function writeSources(ctx: Context, path: string, copied: Row[]) {
  const w = csvWriter(path, columns.sources);
  for (const row of copied) w.row(row);
  for (const id of ctx.sourceIds) {
    const n = id.slice('syn-'.length);
    const published = dateIn(ctx.rnd, [toDay(RANGE_START), toDay('2026-06-30')]).text;
    w.row({
      id, publisher: ctx.rnd.pick(['Báo Tổng Hợp', 'Cổng thông tin tỉnh', 'Synthetic Press', '']), title: `Nguồn tổng hợp số ${n}: sắp xếp bộ máy, tinh gọn`,
      url: ctx.rnd.chance(0.9) ? `https://example.org/tong-hop/${n}` : '', published, language: ctx.rnd.pick(['vi', 'en']),
      kind: ctx.rnd.pick([...SOURCE_KINDS]), accessed: '2026-11-22', note: ctx.rnd.pick(notes),
    });
  }
  w.close();
}

function observationRow(ctx: Context, source: string, previous: Row | null): Row {
  const { rnd } = ctx;
  // A few rows restate the previous fact from another source, so conflicts exist as in real data.
  if (previous && rnd.chance(0.03)) {
    const differs = rnd.chance(0.5) && !previous.denominator && /^\d+$/.test(previous.value);
    const value = differs ? String(Number(previous.value) + 1) : previous.value;
    return { ...previous, value, source, locator: `para ${rnd.int(1, 40)}`, note: 'Nguồn khác nêu số này' };
  }
  const isNational = rnd.chance(ctx.national.length ? ctx.nationalShare : 0);
  const unit = rnd.pick(isNational ? ctx.national : ctx.provincial);
  const metric = rnd.pick(isNational ? [...ctx.nationalMetrics, ...ctx.provinceMetrics] : ctx.provinceMetrics);
  const date = dateIn(rnd, ctx.ranges.get(unit.id)!);
  const value = valueFor(ctx.seed, unit.id, metric, date.year);
  const denominator = metric.unit === 'count' && rnd.chance(0.05) ? String(Number(value) + rnd.int(0, 50)) : '';
  const periodStart = metric.kind === 'flow' && rnd.chance(0.3) ? String(date.year - rnd.int(0, 3)) : '';
  const status = rnd.next() < 0.8 ? 'reported' : rnd.pick(statuses.filter((s) => s !== 'reported'));
  return {
    unit: unit.id, metric: metric.id, date: date.text, period_start: periodStart, value, denominator, status, source,
    locator: `table ${rnd.int(1, 9)} row ${rnd.int(1, 70)}`, note: rnd.pick(notes),
  };
}

function writeObservations(ctx: Context, dir: string, count: number, rowsPerFile: number) {
  const files = rowsPerFile > 0 ? Math.max(1, Math.ceil(count / rowsPerFile)) : 1;
  const perFile = Math.ceil(count / files);
  const name = (i: number) => (files === 1 ? 'synthetic.csv' : `synthetic-${String(i + 1).padStart(String(files).length, '0')}.csv`);
  const seen = new Set<string>();
  let previous: Row | null = null;
  let w = csvWriter(join(dir, name(0)), columns.observations);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % perFile === 0) {
      w.close();
      w = csvWriter(join(dir, name(i / perFile)), columns.observations);
    }
    // The first rows cite every source once, so no source is left unused.
    const source = i < ctx.sourceIds.length ? ctx.sourceIds[i] : ctx.rnd.pick(ctx.sourceIds);
    let row = observationRow(ctx, source, previous);
    let key = factKey(row);
    while (seen.has(key)) {
      row = observationRow(ctx, source, null);
      key = factKey(row);
    }
    seen.add(key);
    w.row(row);
    previous = row;
  }
  w.close();
}

/** unit|metric|date|status|source: the pipeline's duplicate-fact key. */
const factKey = (r: Row) => `${r.unit}|${r.metric}|${r.date}|${r.status}|${r.source}`;

function writeEvents(ctx: Context, path: string, count: number) {
  const w = csvWriter(path, columns.events);
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const { rnd } = ctx;
    const unnamed = rnd.chance(0.03);
    const unit = rnd.pick(ctx.units);
    const date = dateIn(rnd, unnamed ? [toDay(RANGE_START), toDay(RANGE_END)] : ctx.ranges.get(unit.id)!);
    const type = rnd.pick(eventTypes);
    // A congress's title names one (the pipeline checks that title and type agree).
    const [title_vi, title_en] = type === 'congress'
      ? [`Đại hội Đảng bộ tổng hợp số ${i + 1}`, `Synthetic party congress ${i + 1}`]
      : [`Quyết định tổng hợp số ${i + 1} về sắp xếp bộ máy`, `Synthetic decision ${i + 1} on restructuring`];
    w.row({
      id: `ev-syn-${String(i + 1).padStart(width, '0')}`, unit: unnamed ? '' : unit.id, date: date.text, type,
      title_vi, title_en,
      source: rnd.pick(ctx.sourceIds), locator: `para ${rnd.int(1, 30)}`, note: unnamed ? 'The source does not name the province.' : rnd.pick(notes),
    });
  }
  w.close();
}

/** Real source rows cited by lineage.csv, which the synthetic directory reuses unchanged. */
function lineageSources(realDir: string): Row[] {
  const files = loadDataFiles(realDir);
  const cited = new Set(parseCsv(files.lineage.text).rows.map((r) => (r.cells.source ?? '').trim()));
  return files.sources.flatMap((f) => parseCsv(f.text).rows).map((r) => r.cells).filter((c) => cited.has((c.id ?? '').trim()));
}

/**
 * Writes a data directory at `outDir`: reference files and metrics copied from `realDir`, then
 * `sources.csv`, `observations/synthetic*.csv` and `events.csv` generated from `spec`.
 */
export function writeSyntheticData(realDir: string, outDir: string, spec: SyntheticSpec) {
  const files = loadDataFiles(realDir);
  mkdirSync(join(outDir, 'reference'), { recursive: true });
  mkdirSync(join(outDir, 'observations'), { recursive: true });
  for (const name of ['reference/units.csv', 'reference/lineage.csv', 'reference/tiles.csv', 'metrics.csv', 'CHANGELOG.md']) {
    if (existsSync(join(realDir, name))) copyFileSync(join(realDir, name), join(outDir, name));
  }
  const units = readUnits(files.units).units;
  const metrics = readMetrics(files.metrics).metrics;
  const copied = lineageSources(realDir);
  const width = String(spec.sources).length;
  const ctx: Context = {
    rnd: random(spec.seed),
    units,
    national: units.filter((u) => u.era === 'national'),
    provincial: units.filter((u) => u.era !== 'national'),
    ranges: new Map(units.map((u) => [u.id, unitRange(u)])),
    nationalMetrics: metrics.filter((m) => m.level === 'national'),
    provinceMetrics: metrics.filter((m) => m.level === 'province'),
    sourceIds: Array.from({ length: spec.sources }, (_, i) => `syn-${String(i + 1).padStart(width, '0')}`),
    nationalShare: spec.nationalShare,
    seed: spec.seed,
  };
  writeSources(ctx, join(outDir, 'sources.csv'), copied);
  writeObservations(ctx, join(outDir, 'observations'), spec.observations, spec.rowsPerFile);
  writeEvents(ctx, join(outDir, 'events.csv'), spec.events);
}
