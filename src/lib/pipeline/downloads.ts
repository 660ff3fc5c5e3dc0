import { csvLines, type CsvValue } from '../csv-out.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Observation } from '../schema/observation.ts';
import { seatStanding, type Seat } from '../schema/seat.ts';
import { eventTypes } from '../schema/event.ts';
import { metricSchema } from '../schema/metric.ts';
import { LANGUAGE_CODE, SOURCE_KINDS } from '../schema/source.ts';
import { regionIds, unitSchema } from '../schema/unit.ts';
import { utf8Length } from '../text.ts';

/** The dataset's one title, in English: datapackage.json, CITATION.cff and the English citations use it. */
export const DATASET_TITLE = "Tinh Gọn — Vietnam's administrative reform, province by province";

export const LICENCE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
interface Field { name: string; type: FieldType; description: string; constraints?: Record<string, unknown> }
export interface Table<T = unknown> {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  /** The records behind the rows; `toRow` turns one into a row of exactly `fields`, in order, on demand. */
  rows: readonly T[];
  /** One record's cells in field order (default: the record's properties named by the fields). */
  toValues?: (item: T) => CsvValue[];
  /**
   * `records`: the JSON file is the pipeline's records as they are (the same file the pages read, so it
   * is written once); `rows`: the JSON file has exactly the CSV's fields.
   */
  json?: 'records' | 'rows';
  primaryKey?: string[];
  /** Columns that refer to another table's key (Frictionless foreign keys). */
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

const ref = (field: string, resource: string, key = 'id') => ({ fields: [field], reference: { resource, fields: [key] } });

const str = (name: string, description: string, constraints?: Record<string, unknown>): Field => ({ name, type: 'string', description, constraints });

/** The public tables: tidy, one fact a row, every observation with its source id and locator. */
export function downloadTables(d: Dataset): Table<any>[] {
  const unitOf = new Map(d.units.map((u) => [u.id, u]));
  return [
    {
      name: 'observations', title: 'Observations', primaryKey: ['id'], json: 'records',
      foreignKeys: [ref('unit', 'units'), ref('metric', 'metrics'), ref('source', 'sources')],
      description: 'One value of one metric for one administrative unit at one date, from one source. observations.json holds the same records without unit_code and unit_name_vi, with conflicts_with as an array.',
      fields: [
        str('id', 'unit|metric|date|status|source'), str('unit', 'Unit id'), str('unit_code', 'GSO code of the unit'),
        str('unit_name_vi', 'Unit name in Vietnamese'), str('metric', 'Metric id'),
        str('date', 'Date the value refers to: YYYY, YYYY-MM or YYYY-MM-DD, or an interval start/end of two such dates (2024/2025-06-30) for a fact the source does not date more precisely'),
        { name: 'date_end', type: 'date', description: 'Last day the date covers' },
        str('era', 'Which map the figure describes: pre-2025 (63 provinces) or current (34)', { enum: ['pre-2025', 'current'] }),
        str('period_start', 'Start of the period for flows, if stated'),
        { name: 'value', type: 'number', description: 'The value as stated by the source' },
        { name: 'denominator', type: 'number', description: 'For "x of n" facts, n' },
        str('status', 'reported, planned or target', { enum: ['reported', 'planned', 'target'] }),
        str('source', 'Source id'), str('locator', 'Where in the source the figure stands'), str('note', 'Our note, in our own words'),
        str('note_vi', 'The same note in Vietnamese (empty where not yet written)'),
        str('conflicts_with', 'Ids of rows from other sources stating a different value, separated by spaces'),
      ],
      rows: d.observations,
      // Cells are built a batch at a time while writing: a million rows never sit in memory twice.
      toValues: (o: Observation) => {
        const u = unitOf.get(o.unit)!;
        return [
          o.id, o.unit, u.code, u.name_vi, o.metric, o.date, o.date_end, o.era, o.period_start,
          o.value, o.denominator, o.status, o.source, o.locator, o.note, o.note_vi, o.conflicts_with.join(' '),
        ];
      },
    } as Table<Observation>,
    {
      name: 'units', title: 'Administrative units', primaryKey: ['id'],
      description: 'Provinces and centrally-run cities before and after 1 July 2025, with validity intervals.',
      fields: [
        str('id', 'Stable id'), str('code', 'GSO code'), str('name_vi', 'Name in Vietnamese'), str('name_en', 'Name in English'),
        str('type', 'country, province (tỉnh) or city (thành phố trực thuộc trung ương)', { enum: unitSchema.shape.type.options }), str('region', 'Socio-economic region (empty for the country)', { enum: [...regionIds] }), str('valid_from', 'First day valid (empty: before the dataset)'),
        str('valid_to', 'Last day valid (empty: still valid)'), str('era', 'pre-2025, current or national', { enum: unitSchema.shape.era.options }), str('aliases', 'Other names, separated by |'),
      ],
      rows: d.units.map((u) => ({ ...u, aliases: u.aliases.join('|') })),
    },
    {
      name: 'lineage', title: 'Lineage 63 → 34', primaryKey: ['from'],
      foreignKeys: [ref('from', 'units'), ref('to', 'units'), ref('source', 'sources')],
      description: 'Each pre-2025 province and the province it became part of on 1 July 2025.',
      fields: [str('from', 'Pre-2025 unit id'), str('to', 'Current unit id'), { name: 'effective', type: 'date', description: 'Effective date' }, str('legal_basis', 'Legal basis'), str('source', 'Source id'), str('locator', 'Where in the source'), str('note', 'Our note')],
      rows: d.lineage,
    },
    {
      name: 'seats', title: 'Provincial seats on 30 June 2025', primaryKey: ['unit', 'source'],
      foreignKeys: [ref('unit', 'units'), ref('source', 'sources')],
      description: 'The seat (tỉnh lỵ) of each province of the 63-province map as each source names it (one row per province and source; sources that disagree are all kept); centrally-run cities have none.',
      fields: [str('unit', 'Unit id'), str('seat_vi', 'Seat (Vietnamese)'), str('seat_en', 'Seat (English, without diacritics)'), str('source', 'Source id'), str('locator', 'Where in the source'), str('note', 'Our note'), str('note_vi', 'Our note in Vietnamese'), { name: 'shown_first', type: 'boolean', description: 'Whether the site shows this place first for the province (where sources disagree: the one a primary source names, else the first recorded)' }, str('conflicts_with', 'Sources that name another place for the same province, separated by spaces')],
      rows: d.seats,
      toValues: (s: Seat) => {
        const { shown_first, conflicts_with } = seatStanding(d.seats, s);
        return [s.unit, s.seat_vi, s.seat_en, s.source, s.locator, s.note, s.note_vi, shown_first, conflicts_with.join(' ')];
      },
    },
    {
      name: 'metrics', title: 'Metrics', primaryKey: ['id'],
      description: 'The catalogue of metrics with bilingual labels and definitions.',
      fields: [
        str('id', 'Metric id'), str('label_vi', 'Label (Vietnamese)'), str('label_en', 'Label (English)'), str('definition_vi', 'Definition (Vietnamese)'),
        str('definition_en', 'Definition (English)'), str('unit', 'count, persons or km2', { enum: metricSchema.shape.unit.options }), str('kind', 'stock (a level at a date) or flow (a change over a period)', { enum: metricSchema.shape.kind.options }),
        { name: 'additive', type: 'boolean', description: 'Whether values of parts add up to the whole' }, str('level', 'national or province', { enum: metricSchema.shape.level.options }),
        { name: 'decimals', type: 'integer', description: 'Decimals shown' },
      ],
      rows: d.metrics,
    },
    {
      name: 'sources', title: 'Sources', primaryKey: ['id'], json: 'records',
      description: 'Every source behind a figure: laws, government pages, press articles, datasets.',
      fields: [str('id', 'Source id'), str('publisher', 'Publisher'), str('title', 'Title as published'), str('url', 'Address (empty for print-only)'), str('published', 'Publication date as stated'), str('language', 'Language of the page read, ISO 639-1 (vi, en; another code for a foreign-language rendering of a Vietnamese article)', { pattern: LANGUAGE_CODE.source.replace(/^\^|\$$/g, '') }), str('kind', `${SOURCE_KINDS.slice(0, -1).join(', ')} or ${SOURCE_KINDS.at(-1)} (a page compiling figures published elsewhere)`, { enum: [...SOURCE_KINDS] }), str('accessed', 'Date accessed'), str('note', 'Our note'), str('note_vi', 'Our note in Vietnamese (empty where not yet written)')],
      rows: d.sources,
    },
    {
      name: 'events', title: 'Events', primaryKey: ['id'], json: 'records',
      foreignKeys: [ref('unit', 'units'), ref('source', 'sources')],
      description: 'Dated reform decisions and commitments per unit, each with a source. events.json adds date_end, the last day the date covers.',
      fields: [str('id', 'Event id'), str('unit', 'Unit id (empty when the source does not name it)'), str('date', 'Date as precise as stated'), str('type', `${eventTypes.slice(0, -1).join(', ')} or ${eventTypes.at(-1)}`, { enum: [...eventTypes] }), str('title_vi', 'Title (Vietnamese, our words)'), str('title_en', 'Title (English, our words)'), str('source', 'Source id'), str('locator', 'Where in the source'), str('note', 'Our note')],
      rows: d.events,
    },
    {
      name: 'coverage', title: 'Coverage', primaryKey: ['metric', 'unit'],
      foreignKeys: [ref('metric', 'metrics'), ref('unit', 'units')],
      description: 'For every metric and unit: how many observations exist (0 = missing) and, for current units, how many predecessors reported before 1 July 2025.',
      fields: [str('metric', 'Metric id'), str('unit', 'Unit id'), str('era', 'pre-2025, current or national', { enum: unitSchema.shape.era.options }), { name: 'observations', type: 'integer', description: 'Number of observations' }, str('latest', 'Latest date observed'), str('rolled_up', 'k/n predecessors reporting (additive metrics, current units)')],
      rows: d.coverage,
    },
  ];
}

export interface DownloadFile {
  name: string;
  /** Data rows (CSV and JSON tables); null for the descriptor. */
  rows: number | null;
  /** The content, produced piece by piece so that a million-row table never sits in one string. */
  chunks: () => Iterable<string>;
  /** The JSON of the dataset's own records, which the pages read too. */
  records?: boolean;
}

/** CSV and JSON per table, as streams of text; `datapackageJson` describes them once their sizes are known. */
export function downloadFiles(d: Dataset): { tables: Table[]; files: DownloadFile[] } {
  const tables = downloadTables(d);
  const files: DownloadFile[] = [];
  for (const t of tables) {
    const names = t.fields.map((f) => f.name);
    const toValues = t.toValues ?? ((x: unknown) => names.map((n) => (x as Record<string, CsvValue>)[n]));
    const toObject = (x: unknown) => {
      const values = toValues(x);
      const out: Record<string, CsvValue> = {};
      names.forEach((n, i) => (out[n] = values[i] ?? null));
      return out;
    };
    files.push({ name: `${t.name}.csv`, rows: t.rows.length, chunks: () => csvChunks(names, t.rows, toValues) });
    files.push({ name: `${t.name}.json`, rows: t.rows.length, chunks: () => jsonArrayChunks(t.rows, t.json === 'records' ? undefined : toObject), records: t.json === 'records' });
  }
  return { tables, files };
}

/** Files for `public/data/`: CSV and JSON per table, and a Frictionless datapackage.json (in memory). */
export function buildDownloads(d: Dataset): Map<string, string> {
  const { tables, files } = downloadFiles(d);
  const out = new Map<string, string>();
  for (const f of files) out.set(f.name, [...f.chunks()].join(''));
  out.set('datapackage.json', datapackageJson(d, tables, (name) => utf8Length(out.get(name)!)));
  return out;
}

const BATCH = 2000;

function* csvChunks<T>(columns: readonly string[], rows: readonly T[], toValues: (item: T) => CsvValue[]): Iterable<string> {
  yield columns.join(',') + '\n';
  for (let i = 0; i < rows.length; i += BATCH) yield csvLines(rows.slice(i, i + BATCH).map(toValues));
}

/** `JSON.stringify(array)` (plus a final newline), in pieces. */
export function* jsonArrayChunks<T>(items: readonly T[], map?: (item: T) => unknown): Iterable<string> {
  yield '[';
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    // One stringify per batch (V8's fast path for arrays of like objects), without its brackets.
    const json = JSON.stringify(map ? batch.map(map) : batch);
    // The comma on its own: prepending it would make a rope the writer must flatten (a copy per batch).
    if (i > 0) yield ',';
    yield json.slice(1, -1);
  }
  yield ']\n';
}

/** `JSON.stringify(object)` for an object of arrays and plain values, with each array in pieces. */
export function* jsonObjectChunks(value: Record<string, unknown>): Iterable<string> {
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(v)) {
      for (const chunk of jsonArrayChunks(v)) yield chunk === ']\n' ? ']' : chunk;
    } else yield JSON.stringify(v);
  }
  yield first ? '{}' : '}';
}

/** The Frictionless descriptor of the tables, given the byte size of each written CSV. */
export function datapackageJson(d: Dataset, tables: Table[], bytesOf: (name: string) => number): string {
  return JSON.stringify(datapackage(d, tables, bytesOf), null, 2) + '\n';
}

function datapackage(d: Dataset, tables: Table[], bytesOf: (name: string) => number) {
  return {
    profile: 'tabular-data-package',
    name: 'tinh-gon',
    title: DATASET_TITLE,
    version: d.version,
    description: 'Sourced figures on Vietnam\'s administrative reform (2017–2025) by province, before and after the 1 July 2025 merger of 63 provinces into 34.',
    licenses: [LICENCE],
    // Every source is a row of sources.csv (publisher, title, address, date): listing them here again
    // would copy the whole table into the descriptor.
    sources: [{ title: `${d.sources.length} sources, one per row of sources.csv`, path: 'sources.csv' }],
    resources: tables.map((t) => ({
      name: t.name,
      path: `${t.name}.csv`,
      title: t.title,
      description: t.description,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: bytesOf(`${t.name}.csv`),
      dialect: { delimiter: ',', header: true },
      licenses: [LICENCE],
      schema: { fields: t.fields, primaryKey: t.primaryKey, ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}) },
    })),
  };
}

export interface DownloadEntry {
  name: string;
  bytes: number;
  /** Data rows (CSV and JSON tables); null for the descriptor. */
  rows: number | null;
}

/** Sizes and row counts of every download, for the Data page (pages never read the file system). */
export function downloadManifest(files: Map<string, string>, rows?: ReadonlyMap<string, number | null>): DownloadEntry[] {
  return [...files].map(([name, content]) => ({
    name,
    bytes: utf8Length(content),
    rows: rows?.get(name) ?? (name.endsWith('.csv') ? content.split('\n').filter(Boolean).length - 1 : name === 'datapackage.json' ? null : (JSON.parse(content) as unknown[]).length),
  }));
}
