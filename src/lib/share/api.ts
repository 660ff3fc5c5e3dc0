// The static JSON API (v1): one file per metric and per province, and an index. Every figure carries
// its source id and locator; the sources it cites are listed in full in the same file. Field names are
// stable within v1: additions only.
import { LICENCE } from '../pipeline/downloads.ts';
import { predecessors, successor } from '../queries.ts';
import { href } from '../routes.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Observation } from '../schema/observation.ts';
import { SEAT_DATE, seatStanding } from '../schema/seat.ts';

export const API_BASE = '/api/v1';
export const apiMetricPath = (id: string) => `${API_BASE}/metrics/${id}.json`;
export const apiProvincePath = (id: string) => `${API_BASE}/provinces/${id}.json`;

/** The site's address as the build knows it (astro.config.mjs `site`, from SITE_URL). */
const SITE = (import.meta.env?.SITE as string | undefined)?.replace(/\/$/, '') || 'https://tinhgon.example';
const meta = (d: Dataset) => ({ api: 'v1', dataset_version: d.version, as_of: d.asOf, licence: LICENCE, attribution: `Tinh Gọn (${SITE}) and the sources listed` });

function row(d: Dataset, o: Observation) {
  const u = d.units.find((x) => x.id === o.unit);
  return {
    id: o.id, unit: o.unit, unit_code: u?.code ?? '', unit_name_vi: u?.name_vi ?? '', unit_name_en: u?.name_en ?? '', metric: o.metric,
    date: o.date, date_end: o.date_end, era: o.era, period_start: o.period_start || null, value: o.value, denominator: o.denominator, status: o.status,
    source: o.source, locator: o.locator, note: o.note || null, note_vi: o.note_vi || null, conflicts_with: o.conflicts_with,
  };
}

function sourcesOf(d: Dataset, ids: Iterable<string>) {
  const want = new Set(ids);
  return d.sources.filter((s) => want.has(s.id)).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url || null, published: s.published, language: s.language, kind: s.kind, note: s.note || null, note_vi: s.note_vi || null }));
}

export function apiIndex(d: Dataset) {
  return {
    ...meta(d),
    metrics: d.metrics.map((m) => ({ id: m.id, label_vi: m.label_vi, label_en: m.label_en, url: apiMetricPath(m.id), page_vi: href('vi', { page: 'metric', id: m.id }), page_en: href('en', { page: 'metric', id: m.id }) })),
    provinces: d.units
      .filter((u) => u.era !== 'national')
      .map((u) => ({ id: u.id, code: u.code, name_vi: u.name_vi, name_en: u.name_en, era: u.era, valid_from: u.valid_from || null, valid_to: u.valid_to || null, url: apiProvincePath(u.id), page_vi: href('vi', { page: 'province', id: u.id }), page_en: href('en', { page: 'province', id: u.id }) })),
    downloads: { datapackage: '/data/datapackage.json', observations_csv: '/data/observations.csv', sources_json: '/data/sources.json' },
  };
}

export function apiMetric(d: Dataset, id: string) {
  const m = d.metrics.find((x) => x.id === id)!;
  const obs = d.observations.filter((o) => o.metric === id);
  return { ...meta(d), metric: m, observations: obs.map((o) => row(d, o)), sources: sourcesOf(d, obs.map((o) => o.source)) };
}

export function apiProvince(d: Dataset, id: string) {
  const u = d.units.find((x) => x.id === id)!;
  const obs = d.observations.filter((o) => o.unit === id);
  const next = successor(d, id);
  const events = d.events.filter((e) => e.unit === id).map((e) => ({ id: e.id, date: e.date, type: e.type, title_vi: e.title_vi, title_en: e.title_en, source: e.source, locator: e.locator }));
  const lineage = d.lineage.filter((l) => l.from === id || l.to === id).map((l) => ({ from: l.from, to: l.to, effective: l.effective, legal_basis: l.legal_basis, source: l.source, locator: l.locator }));
  // A province of the 63-province map: its own seat; one formed on 1 July 2025: the seats of its parts.
  const seatUnits = new Set([id, ...predecessors(d, id)]);
  // The columns of seats.csv, and the day they describe.
  const seats = d.seats.filter((x) => seatUnits.has(x.unit)).map((s) => ({
    unit: s.unit, seat_vi: s.seat_vi, seat_en: s.seat_en, date: SEAT_DATE, source: s.source, locator: s.locator, note: s.note || null, note_vi: s.note_vi || null,
    ...seatStanding(d.seats, s),
  }));
  return {
    ...meta(d),
    unit: { id: u.id, code: u.code, name_vi: u.name_vi, name_en: u.name_en, type: u.type, region: u.region || null, era: u.era, valid_from: u.valid_from || null, valid_to: u.valid_to || null, aliases: u.aliases },
    successor: next && next !== id ? next : null,
    predecessors: predecessors(d, id).filter((x) => x !== id),
    lineage,
    /** Seats (tỉnh lỵ) up to 30 June 2025 as each source names them: the province's own, or its parts' (`unit` says whose); none for centrally-run cities. */
    seats,
    observations: obs.map((o) => row(d, o)),
    events,
    sources: sourcesOf(d, [...obs.map((o) => o.source), ...events.map((e) => e.source), ...lineage.map((l) => l.source), ...seats.map((x) => x.source)]),
  };
}
