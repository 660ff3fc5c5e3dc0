import { parsePartialDate, type PartialDate } from '../dates.ts';
import { MERGER_DATE } from './derive.ts';
import { parseValue, type NumberMode } from '../numbers.ts';
import { eventTypes, type ReformEvent } from '../schema/event.ts';
import type { Lineage } from '../schema/lineage.ts';
import { isWholeNumberMetric, type Metric } from '../schema/metric.ts';
import { statuses, type Observation } from '../schema/observation.ts';
import { LANGUAGE_CODE, SOURCE_KINDS, type Source } from '../schema/source.ts';
import { SEAT_DATE, type Seat } from '../schema/seat.ts';
import { regionIds, type Unit } from '../schema/unit.ts';
import { editDistance, foldDiacritics, normaliseText } from '../text.ts';
import type { CsvRow } from '../csv.ts';
import type { Problem } from './problems.ts';
import { Table, type SourceFile } from './table.ts';
import { UnitIndex, unitValidAt } from './units.ts';

export const columns = {
  units: ['id', 'code', 'name_vi', 'name_en', 'type', 'region', 'valid_from', 'valid_to', 'aliases'],
  lineage: ['from', 'to', 'effective', 'legal_basis', 'source', 'locator', 'note'],
  metrics: ['id', 'label_vi', 'label_en', 'definition_vi', 'definition_en', 'unit', 'kind', 'additive', 'level', 'decimals'],
  sources: ['id', 'publisher', 'title', 'url', 'published', 'language', 'kind', 'accessed', 'note', 'note_vi'],
  observations: ['unit', 'metric', 'date', 'period_start', 'value', 'denominator', 'status', 'source', 'locator', 'note', 'note_vi'],
  events: ['id', 'unit', 'date', 'type', 'title_vi', 'title_en', 'source', 'locator', 'note'],
  tiles: ['layout', 'unit', 'col', 'row', 'kind', 'label_vi', 'label_en'],
  seats: ['unit', 'seat_vi', 'seat_en', 'source', 'locator', 'note', 'note_vi'],
} as const;

const optionalObservationColumns = ['period_start', 'denominator', 'note', 'note_vi'] as const;

/**
 * `note_vi` is the note in Vietnamese, for Vietnamese pages. It translates `note`, so it needs one, and
 * it must read as Vietnamese: a cell with no Vietnamese letter is English pasted in the wrong column.
 */
export function noteViProblem(note: string, noteVi: string): { rule: string; message: string } | null {
  if (noteVi === '') return null;
  if (note === '') return { rule: 'note-vi-alone', message: 'note_vi translates note: write the note (English) first' };
  if (!/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(noteVi)) return { rule: 'note-vi-not-vietnamese', message: 'has no Vietnamese letter; write it in Vietnamese with full diacritics' };
  return null;
}

function requireCell(t: Table, row: CsvRow, column: string): string | null {
  const v = t.cell(row, column);
  if (v === '') {
    t.report(row.line, t.column(column), `${column}-missing`, `"${column}" is required`, '');
    return null;
  }
  return v;
}

function oneOf<T extends string>(t: Table, row: CsvRow, column: string, allowed: readonly T[]): T | null {
  const v = requireCell(t, row, column);
  if (v === null) return null;
  const i = (allowed as readonly string[]).indexOf(v);
  if (i === -1) {
    t.fail(row, column, `${column}-invalid`, `must be one of ${allowed.join(', ')}`);
    return null;
  }
  // The constant, not the cell's own copy: a million rows then share one string per value.
  return allowed[i];
}

/** A source's language: an ISO 639-1 code (`vi`, `en`, or e.g. `ja` for a Japanese rendering). */
function languageCell(t: Table, row: CsvRow): string | null {
  const v = requireCell(t, row, 'language');
  if (v === null) return null;
  if (!LANGUAGE_CODE.test(v)) {
    t.fail(row, 'language', 'language-invalid', 'must be an ISO 639-1 code of two lower-case letters (vi, en, ja…)');
    return null;
  }
  return v;
}

function dateCell(t: Table, row: CsvRow, column: string, required: boolean, rule = 'date-invalid'): PartialDate | null | undefined {
  const v = t.cell(row, column);
  if (v === '') {
    if (required) t.report(row.line, t.column(column), `${column}-missing`, `"${column}" is required`, '');
    return required ? null : undefined;
  }
  const d = parsePartialDate(v);
  if (!d) t.fail(row, column, rule, 'not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD');
  return d;
}

function nearestId(value: string, ids: Iterable<string>): string | null {
  let best: { id: string; d: number } | null = null;
  for (const id of ids) {
    const d = editDistance(value.toLowerCase(), id);
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(value.length / 3)) ? best.id : null;
}

export function readUnits(file: SourceFile): { units: Unit[]; problems: Problem[] } {
  const t = new Table(file, { required: columns.units });
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const id = requireCell(t, row, 'id');
    const code = requireCell(t, row, 'code');
    const name_vi = requireCell(t, row, 'name_vi');
    const name_en = requireCell(t, row, 'name_en');
    const type = oneOf(t, row, 'type', ['country', 'province', 'city'] as const);
    const region = t.cell(row, 'region');
    if (region !== '' && !(regionIds as readonly string[]).includes(region)) t.fail(row, 'region', 'region-invalid', `must be one of ${regionIds.join(', ')}`);
    const from = dateCell(t, row, 'valid_from', false);
    const to = dateCell(t, row, 'valid_to', false);
    if (from && to && from.start > to.end) t.fail(row, 'valid_to', 'interval-invalid', 'valid_to is before valid_from');
    if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) t.fail(row, 'id', 'id-invalid', 'ids are lower case letters, digits and hyphens');
    if (id && seen.has(id)) t.fail(row, 'id', 'id-duplicate', `already used on line ${seen.get(id)}`);
    if (!id || !code || !name_vi || !name_en || !type || from === null || to === null) continue;
    seen.set(id, row.line);
    units.push({
      id, code, name_vi, name_en, type, region: region as Unit['region'],
      valid_from: from?.start ?? '', valid_to: to?.end ?? '',
      aliases: t.cell(row, 'aliases').split('|').map(normaliseText).filter(Boolean),
      era: type === 'country' ? 'national' : to ? 'pre-2025' : 'current',
    });
  }
  return { units, problems: t.problems };
}

export function readMetrics(file: SourceFile): { metrics: Metric[]; problems: Problem[] } {
  const t = new Table(file, { required: columns.metrics });
  const metrics: Metric[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const id = requireCell(t, row, 'id');
    if (id && !/^[a-z0-9_]+$/.test(id)) t.fail(row, 'id', 'id-invalid', 'metric ids are lower case letters, digits and underscores');
    if (id && seen.has(id)) t.fail(row, 'id', 'id-duplicate', `already defined on line ${seen.get(id)}`);
    const labels = (['label_vi', 'label_en', 'definition_vi', 'definition_en'] as const).map((c) => requireCell(t, row, c));
    const unit = oneOf(t, row, 'unit', ['count', 'persons', 'km2'] as const);
    const kind = oneOf(t, row, 'kind', ['stock', 'flow'] as const);
    const additive = oneOf(t, row, 'additive', ['yes', 'no'] as const);
    const level = oneOf(t, row, 'level', ['national', 'province'] as const);
    const decimalsText = requireCell(t, row, 'decimals');
    const decimals = decimalsText !== null && /^[0-4]$/.test(decimalsText) ? Number(decimalsText) : null;
    if (decimalsText !== null && decimals === null) t.fail(row, 'decimals', 'decimals-invalid', 'a whole number from 0 to 4');
    if (!id || labels.includes(null) || !unit || !kind || !additive || !level || decimals === null) continue;
    seen.set(id, row.line);
    const [label_vi, label_en, definition_vi, definition_en] = labels as string[];
    metrics.push({ id, label_vi, label_en, definition_vi, definition_en, unit, kind, additive: additive === 'yes', level, decimals });
  }
  return { metrics, problems: t.problems };
}

export function readSources(files: SourceFile[]): { sources: Source[]; lines: Map<string, { file: string; line: number }>; problems: Problem[] } {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  const lines = new Map<string, { file: string; line: number }>();
  for (const file of files) {
    const t = new Table(file, { required: columns.sources.filter((c) => c !== 'note_vi'), optional: ['note_vi'] });
    for (const row of t.rows) {
      const id = requireCell(t, row, 'id');
      if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) t.fail(row, 'id', 'id-invalid', 'source ids are lower case letters, digits and hyphens');
      if (id && lines.has(id)) t.fail(row, 'id', 'id-duplicate', `already defined at ${lines.get(id)!.file}:${lines.get(id)!.line}`);
      const publisher = t.cell(row, 'publisher'); // may be unknown: some seed articles name none
      const title = requireCell(t, row, 'title');
      const url = t.cell(row, 'url');
      if (url && !/^https?:\/\/\S+$/.test(url)) t.fail(row, 'url', 'url-invalid', 'must start with http:// or https://');
      const published = dateCell(t, row, 'published', false);
      const accessed = dateCell(t, row, 'accessed', false);
      const language = languageCell(t, row);
      const kind = oneOf(t, row, 'kind', SOURCE_KINDS);
      const noteVi = noteViProblem(t.cell(row, 'note'), t.cell(row, 'note_vi'));
      if (noteVi) t.fail(row, 'note_vi', noteVi.rule, noteVi.message);
      if (!id || !title || published === null || accessed === null || !language || !kind || lines.has(id) || noteVi) continue;
      lines.set(id, { file: file.path, line: row.line });
      sources.push({ id, publisher, title, url, published: published?.text ?? '', language, kind, accessed: accessed?.text ?? '', note: t.cell(row, 'note'), note_vi: t.cell(row, 'note_vi') });
    }
    for (const x of t.problems) problems.push(x);
  }
  return { sources, lines, problems };
}

export interface ObservationContext {
  units: UnitIndex;
  metrics: ReadonlyMap<string, Metric>;
  sources: ReadonlyMap<string, Source>;
  numberMode: NumberMode;
}

/** Where each observation was read, by row id: finds duplicate facts, also across files, and locates messages. */
export class FactIndex {
  private readonly files: string[] = [];
  /** file index × 2^32 + line: a number per row, not a string. */
  private readonly at = new Map<string, number>();

  /** Records a row; returns where the same fact was first read, or null. */
  add(id: string, file: string, line: number): string | null {
    const first = this.at.get(id);
    if (first !== undefined) return this.describe(first);
    let f = this.files.lastIndexOf(file);
    if (f === -1) f = this.files.push(file) - 1;
    this.at.set(id, f * 2 ** 32 + line);
    return null;
  }

  /** File and line where the row was read. */
  where(id: string): { file: string; line: number } | null {
    const n = this.at.get(id);
    return n === undefined ? null : { file: this.files[Math.floor(n / 2 ** 32)], line: n % 2 ** 32 };
  }

  private describe(n: number): string {
    return `${this.files[Math.floor(n / 2 ** 32)]}:${n % 2 ** 32}`;
  }
}

/** Reads observation files, applying every row rule, duplicate detection across all files included. */
export function readObservations(
  files: SourceFile[],
  ctx: ObservationContext,
  /** Share one index across calls to find duplicates across files. */
  seen = new FactIndex(),
): { observations: Observation[]; problems: Problem[] } {
  const observations: Observation[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const t = new Table(file, { required: columns.observations.filter((c) => !(optionalObservationColumns as readonly string[]).includes(c)), optional: optionalObservationColumns });
    for (const row of t.rows) {
      const o = readObservationRow(t, row, ctx);
      if (!o) continue;
      const first = seen.add(o.id, file.path, row.line);
      if (first) {
        t.fail(row, 'source', 'duplicate-fact', `same unit, metric, date, status and source as ${first}`);
        continue;
      }
      observations.push(o);
    }
    for (const x of t.problems) problems.push(x);
  }
  return { observations, problems };
}

function readObservationRow(t: Table, row: CsvRow, ctx: ObservationContext): Observation | null {
  const before = t.problems.length;
  const date = dateCell(t, row, 'date', true);
  const periodStart = dateCell(t, row, 'period_start', false);
  if (date && periodStart && periodStart.start > date.end) t.fail(row, 'period_start', 'period-invalid', `period starts after its end date ${date.text}`);

  const unitText = requireCell(t, row, 'unit');
  let unitId: string | null = null;
  if (unitText !== null) {
    const r = ctx.units.resolve(unitText, date ?? null);
    if (r.ok) unitId = r.unit.id;
    else t.fail(row, 'unit', r.rule, r.message);
  }

  const metricId = requireCell(t, row, 'metric');
  const metric = metricId ? ctx.metrics.get(metricId) : undefined;
  if (metricId && !metric) {
    const hint = nearestId(metricId, ctx.metrics.keys());
    t.fail(row, 'metric', 'metric-unknown', `not in data/metrics.csv${hint ? `; did you mean ${hint}?` : ''}`);
  }
  if (metric && metric.level === 'national' && unitId && ctx.units.get(unitId)?.type !== 'country') {
    t.fail(row, 'unit', 'level-mismatch', `${metric.id} is a national metric; use unit viet-nam`);
  }

  const value = numberCell(t, row, 'value', true, metric, ctx.numberMode);
  const denominator = numberCell(t, row, 'denominator', false, metric, ctx.numberMode);
  if (typeof value === 'number' && typeof denominator === 'number' && value > denominator) {
    t.fail(row, 'denominator', 'denominator-invalid', `smaller than the value ${value}`);
  }

  const status = oneOf(t, row, 'status', statuses);
  const sourceCell = requireCell(t, row, 'source');
  // The source row's id string, shared by all rows citing it.
  const sourceId = sourceCell === null ? null : (ctx.sources.get(sourceCell)?.id ?? sourceCell);
  if (sourceId && !ctx.sources.has(sourceId)) {
    const hint = nearestId(sourceId, ctx.sources.keys());
    t.fail(row, 'source', 'source-unknown', `not in the sources files${hint ? `; did you mean ${hint}?` : ''}`);
  }
  const locator = requireCell(t, row, 'locator');
  const noteVi = noteViProblem(t.cell(row, 'note'), t.cell(row, 'note_vi'));
  if (noteVi) t.fail(row, 'note_vi', noteVi.rule, noteVi.message);

  if (t.problems.length > before || !date || !unitId || !metric || typeof value !== 'number' || !status || !sourceId || !locator) return null;
  return {
    id: `${unitId}|${metric.id}|${date.text}|${status}|${sourceId}`,
    unit: unitId,
    metric: metric.id,
    date: date.text,
    date_end: date.end,
    period_start: periodStart?.text ?? '',
    era: observationEra(ctx.units.get(unitId)!, date),
    value,
    denominator: typeof denominator === 'number' ? denominator : null,
    status,
    source: sourceId,
    locator,
    note: t.cell(row, 'note'),
    note_vi: t.cell(row, 'note_vi'),
    conflicts_with: [],
  };
}

/**
 * The map a figure describes. A dissolved province's figures describe the old map and a new province's
 * the new one, whatever their date precision; for the unchanged provinces and the country the date
 * decides, and a date spanning 1 July 2025 (a bare "2025") counts as the old map.
 */
export function observationEra(unit: Unit, date: PartialDate): 'pre-2025' | 'current' {
  if (unit.era === 'pre-2025') return 'pre-2025';
  if (unit.era === 'current' && unit.valid_from !== '') return 'current';
  return date.start >= MERGER_DATE ? 'current' : 'pre-2025';
}

const unitPhrase: Record<Metric['unit'], string> = { count: 'a count', persons: 'a number of people', km2: 'an area' };

function numberCell(t: Table, row: CsvRow, column: string, required: boolean, metric: Metric | undefined, mode: NumberMode): number | null | undefined {
  const raw = t.cell(row, column);
  if (raw === '') {
    if (required) t.report(row.line, t.column(column), `${column}-missing`, `"${column}" is required`, '');
    return required ? null : undefined;
  }
  const whole = metric ? isWholeNumberMetric(metric) : column === 'denominator';
  const parsed = parseValue(raw, mode, whole || column === 'denominator');
  if (!parsed.ok) {
    t.fail(row, column, parsed.reason === 'ambiguous' ? 'value-ambiguous' : 'value-not-numeric', `not a number: ${parsed.hint}`);
    return null;
  }
  if (parsed.value < 0) {
    t.fail(row, column, 'value-negative', metric ? `${metric.id} is ${unitPhrase[metric.unit]} and cannot be negative` : 'cannot be negative');
    return null;
  }
  if ((whole || column === 'denominator') && !Number.isInteger(parsed.value)) {
    const grouping = /^\d{1,3}(\.\d{3})+$/.test(raw) ? `; ${raw} looks like Vietnamese digit grouping: write ${raw.replace(/\./g, '')} in data files` : '';
    t.fail(row, column, 'value-not-integer', `${metric ? `${metric.id} is ${unitPhrase[metric.unit]}: ` : ''}a whole number is expected${grouping}`);
    return null;
  }
  return parsed.value;
}

export function readLineage(file: SourceFile, units: UnitIndex, sources: ReadonlyMap<string, Source>): { lineage: Lineage[]; problems: Problem[] } {
  const t = new Table(file, { required: columns.lineage });
  const lineage: Lineage[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const from = requireCell(t, row, 'from');
    const to = requireCell(t, row, 'to');
    const effective = dateCell(t, row, 'effective', true);
    const fromUnit = from ? units.get(from) : undefined;
    const toUnit = to ? units.get(to) : undefined;
    if (from && !fromUnit) t.fail(row, 'from', 'unit-unknown', `no unit with this id${units.nearest(from) ? `; did you mean ${units.nearest(from)}?` : ''}`);
    if (to && !toUnit) t.fail(row, 'to', 'unit-unknown', `no unit with this id${units.nearest(to) ? `; did you mean ${units.nearest(to)}?` : ''}`);
    if (fromUnit && fromUnit.era === 'national') t.fail(row, 'from', 'lineage-invalid', 'the country has no lineage');
    if (toUnit && toUnit.era !== 'current') t.fail(row, 'to', 'lineage-invalid', 'the successor must be a current unit');
    if (fromUnit && toUnit && effective && fromUnit.id !== toUnit.id) {
      if (!unitValidAt(toUnit, effective)) t.fail(row, 'effective', 'lineage-invalid', `${toUnit.id} does not exist on ${effective.text}`);
      if (fromUnit.valid_to && fromUnit.valid_to >= effective.start) t.fail(row, 'effective', 'lineage-invalid', `${fromUnit.id} is still valid on ${effective.text}`);
    }
    if (from && seen.has(from)) t.fail(row, 'from', 'lineage-duplicate', `${from} already has a successor on line ${seen.get(from)}`);
    const source = requireCell(t, row, 'source');
    if (source && !sources.has(source)) t.fail(row, 'source', 'source-unknown', 'not in the sources files');
    const legal = requireCell(t, row, 'legal_basis');
    const locator = requireCell(t, row, 'locator');
    if (!from || !to || !fromUnit || !toUnit || !effective || !source || !legal || !locator || seen.has(from)) continue;
    seen.set(from, row.line);
    lineage.push({ from, to, effective: effective.text, legal_basis: legal, source, locator, note: t.cell(row, 'note') });
  }
  for (const u of units.units) {
    if (u.era === 'pre-2025' && !seen.has(u.id)) t.report(1, 1, 'lineage-missing', `${u.name_vi} (${u.id}) was dissolved but has no successor row`, u.id);
  }
  return { lineage, problems: t.problems };
}

/** "Đại hội Đảng bộ tỉnh …", "Đại hội đại biểu Đảng bộ …": a title naming a Party congress. */
const PARTY_CONGRESS = /Đại hội .*Đảng bộ/;

export function readEvents(files: SourceFile[], units: UnitIndex, sources: ReadonlyMap<string, Source>): { events: ReformEvent[]; problems: Problem[] } {
  const events: ReformEvent[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const t = new Table(file, { required: columns.events });
    for (const row of t.rows) {
      const before = t.problems.length;
      const id = requireCell(t, row, 'id');
      if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) t.fail(row, 'id', 'id-invalid', 'event ids are lower case letters, digits and hyphens');
      if (id && seen.has(id)) t.fail(row, 'id', 'id-duplicate', `already used at ${seen.get(id)}`);
      const date = dateCell(t, row, 'date', true);
      const unitText = t.cell(row, 'unit');
      let unit = '';
      if (unitText === '') {
        if (t.cell(row, 'note') === '') t.fail(row, 'unit', 'unit-missing', 'an event without a unit needs a note saying why the province is not named');
      } else {
        const r = units.resolve(unitText, date ?? null);
        if (r.ok) unit = r.unit.id;
        else t.fail(row, 'unit', r.rule, r.message);
      }
      const type = oneOf(t, row, 'type', eventTypes);
      const title_vi = requireCell(t, row, 'title_vi');
      const title_en = requireCell(t, row, 'title_en');
      // A Party congress is its own type, so that it is never badged as a review: the title says which it is.
      if (type && title_vi && (type === 'congress') !== PARTY_CONGRESS.test(title_vi)) {
        t.fail(row, 'type', 'type-congress', type === 'congress' ? 'a congress event needs "Đại hội … Đảng bộ" in title_vi' : 'title_vi names a Party congress ("Đại hội … Đảng bộ"), so the type must be congress');
      }
      const source = requireCell(t, row, 'source');
      if (source && !sources.has(source)) {
        const hint = nearestId(source, sources.keys());
        t.fail(row, 'source', 'source-unknown', `not in the sources files${hint ? `; did you mean ${hint}?` : ''}`);
      }
      const locator = requireCell(t, row, 'locator');
      if (t.problems.length > before || !id || !date || !type || !title_vi || !title_en || !source || !locator) continue;
      seen.set(id, `${file.path}:${row.line}`);
      events.push({ id, unit, date: date.text, date_end: date.end, type, title_vi, title_en, source, locator, note: t.cell(row, 'note') });
    }
    for (const x of t.problems) problems.push(x);
  }
  return { events, problems };
}

export interface Tile {
  layout: '63' | '34';
  unit: string;
  col: number;
  row: number;
  kind: 'province' | 'islands';
  label_vi: string;
  label_en: string;
}

/** Tile-grid positions; each layout must place every unit of its era exactly once, without overlaps. */
export function readTiles(file: SourceFile, units: UnitIndex): { tiles: Tile[]; problems: Problem[] } {
  const t = new Table(file, { required: columns.tiles });
  const tiles: Tile[] = [];
  const cells = new Map<string, number>();
  const placed = new Map<string, number>();
  for (const row of t.rows) {
    const layout = oneOf(t, row, 'layout', ['63', '34'] as const);
    const unitId = requireCell(t, row, 'unit');
    const kind = oneOf(t, row, 'kind', ['province', 'islands'] as const);
    const col = Number(t.cell(row, 'col'));
    const r = Number(t.cell(row, 'row'));
    if (!Number.isInteger(col) || col < 0 || col > 40) t.fail(row, 'col', 'tile-invalid', 'a whole number from 0 to 40');
    if (!Number.isInteger(r) || r < 0 || r > 60) t.fail(row, 'row', 'tile-invalid', 'a whole number from 0 to 60');
    const unit = unitId ? units.get(unitId) : undefined;
    if (unitId && !unit) t.fail(row, 'unit', 'unit-unknown', 'no unit with this id');
    if (layout && unit) {
      const day = layout === '63' ? '2025-06-30' : '2025-07-01';
      if (!unitValidAt(unit, { text: day, precision: 'day', start: day, end: day })) t.fail(row, 'unit', 'unit-not-valid', `not a unit of the ${layout}-province map`);
    }
    const key = `${layout}:${col}:${r}`;
    if (cells.has(key)) t.fail(row, 'col', 'tile-overlap', `same position as line ${cells.get(key)}`);
    if (layout && unit && kind === 'province') {
      const pk = `${layout}:${unit.id}`;
      if (placed.has(pk)) t.fail(row, 'unit', 'tile-duplicate', `already placed on line ${placed.get(pk)}`);
      placed.set(pk, row.line);
    }
    if (!layout || !unit || !kind || !Number.isInteger(col) || !Number.isInteger(r) || cells.has(key)) continue;
    cells.set(key, row.line);
    tiles.push({ layout, unit: unit.id, col, row: r, kind, label_vi: t.cell(row, 'label_vi'), label_en: t.cell(row, 'label_en') });
  }
  for (const [layout, day] of [['63', '2025-06-30'], ['34', '2025-07-01']] as const) {
    const d = { text: day, precision: 'day' as const, start: day, end: day };
    for (const u of units.units) {
      if (u.era !== 'national' && unitValidAt(u, d) && !placed.has(`${layout}:${u.id}`)) {
        t.report(1, 1, 'tile-missing', `${u.name_vi} (${u.id}) has no tile in the ${layout}-province layout`, u.id);
      }
    }
  }
  return { tiles, problems: t.problems };
}

/** A letter outside plain ASCII: English names are written without diacritics ("Buon Ma Thuot"). */
const NON_ASCII_LETTER = /[^\x00-\x7f]/;

/**
 * Seats of the provinces on the 63-province map (`reference/seats.csv`), each with a source and a
 * locator. Several sources may name a province's seat; where they name different places, every row is
 * kept and the province page shows the disagreement. A province without a row simply has no seat shown.
 */
export function readSeats(file: SourceFile, units: UnitIndex, sources: ReadonlyMap<string, Source>): { seats: Seat[]; problems: Problem[] } {
  const t = new Table(file, { required: columns.seats });
  const seats: Seat[] = [];
  const seen = new Map<string, number>();
  const day = { text: SEAT_DATE, precision: 'day' as const, start: SEAT_DATE, end: SEAT_DATE };
  for (const row of t.rows) {
    const before = t.problems.length;
    const id = requireCell(t, row, 'unit');
    const unit = id ? units.get(id) : undefined;
    if (id && !unit) t.fail(row, 'unit', 'unit-unknown', `no unit with this id${units.nearest(id) ? `; did you mean ${units.nearest(id)}?` : ''}`);
    if (unit && (unit.era === 'national' || !unitValidAt(unit, day))) t.fail(row, 'unit', 'unit-not-valid', `a seat is recorded for a province of the map of ${SEAT_DATE}`);
    const seatVi = requireCell(t, row, 'seat_vi');
    const seatEn = requireCell(t, row, 'seat_en');
    if (seatEn && NON_ASCII_LETTER.test(seatEn)) t.fail(row, 'seat_en', 'seat-en-diacritics', 'English pages write names without diacritics');
    if (seatVi && seatEn && foldDiacritics(seatVi) !== foldDiacritics(seatEn)) t.fail(row, 'seat_en', 'seat-en-mismatch', `is not "${seatVi}" without diacritics`);
    const source = requireCell(t, row, 'source');
    if (source && !sources.has(source)) {
      const hint = nearestId(source, sources.keys());
      t.fail(row, 'source', 'source-unknown', `not in the sources files${hint ? `; did you mean ${hint}?` : ''}`);
    }
    const key = `${id}|${source}`;
    if (id && source && seen.has(key)) t.fail(row, 'source', 'seat-duplicate', `this source already gives ${id} a seat on line ${seen.get(key)}`);
    const locator = requireCell(t, row, 'locator');
    const note = t.cell(row, 'note');
    const noteVi = t.cell(row, 'note_vi');
    const bad = noteViProblem(note, noteVi);
    if (bad) t.fail(row, 'note_vi', bad.rule, bad.message);
    if (t.problems.length > before || !id || !unit || !seatVi || !seatEn || !source || !locator) continue;
    seen.set(key, row.line);
    seats.push({ unit: unit.id, seat_vi: seatVi, seat_en: seatEn, source, locator, note, note_vi: noteVi });
  }
  return { seats, problems: t.problems };
}
