import type { NumberMode } from '../numbers.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { Observation } from '../schema/observation.ts';
import { coverageTable } from './coverage.ts';
import { beforeAfter, checkNationalTotals, groupByMetric, markConflicts, REFERENCE_METRICS, rollUpToCurrentBorders } from './derive.ts';
import { hasErrors, sortProblems, type Problem } from './problems.ts';
import { FactIndex, readEvents, readLineage, readMetrics, readObservations, readSeats, readSources, readTiles, readUnits } from './read.ts';
import type { SourceFile } from './table.ts';
import { UnitIndex } from './units.ts';

export interface DatasetFiles {
  version: string;
  units: SourceFile;
  lineage: SourceFile;
  metrics: SourceFile;
  tiles: SourceFile | null;
  /** `reference/seats.csv`: each old province's seat (tỉnh lỵ), for search and the province page. */
  seats?: SourceFile | null;
  sources: SourceFile[];
  /** Observation files, `reference/population.csv` included. */
  observations: SourceFile[];
  events: SourceFile[];
}

export interface BuildResult {
  dataset: Dataset | null;
  problems: Problem[];
}

/** Parse → validate → normalise → derive, for the whole dataset. Pure: no file system, no clock. */
export function buildDataset(
  files: DatasetFiles,
  options: {
    numberMode?: NumberMode;
    contributorFiles?: Set<string>;
    /** Called as each phase ends, with its name: the caller's clock can time the phases (`--timings`). */
    phaseDone?: (phase: string) => void;
  } = {},
): BuildResult {
  const done = options.phaseDone ?? (() => {});
  const problems: Problem[] = [];
  const u = readUnits(files.units);
  for (const x of u.problems) problems.push(x);
  const m = readMetrics(files.metrics);
  for (const x of m.problems) problems.push(x);
  const s = readSources(files.sources);
  for (const x of s.problems) problems.push(x);
  const sources = new Map(s.sources.map((x) => [x.id, x]));
  const metrics = new Map(m.metrics.map((x) => [x.id, x]));
  done('read units, metrics, sources');

  // Lineage first with a plain index, so that unit messages can name successors.
  const l = readLineage(files.lineage, new UnitIndex(u.units), sources);
  for (const x of l.problems) problems.push(x);
  const units = new UnitIndex(u.units, new Map(l.lineage.map((x) => [x.from, x.to])));

  // One map of row ids across all files, so that a fact repeated in another file is a duplicate too.
  const seen = new FactIndex();
  const unique: Observation[] = [];
  for (const file of files.observations) {
    const mode = options.contributorFiles?.has(file.path) ? 'contributor' : (options.numberMode ?? 'strict');
    const r = readObservations([file], { units, metrics, sources, numberMode: mode }, seen);
    for (const x of r.observations) unique.push(x);
    for (const x of r.problems) problems.push(x);
  }
  done('read observations');

  const e = readEvents(files.events, units, sources);
  for (const x of e.problems) problems.push(x);
  const t = files.tiles ? readTiles(files.tiles, units) : { tiles: [], problems: [] };
  for (const x of t.problems) problems.push(x);
  const seats = files.seats ? readSeats(files.seats, units, sources) : { seats: [], problems: [] };
  for (const x of seats.problems) problems.push(x);

  done('read events, tiles, seats');
  const used = new Set<string>();
  for (const o of unique) used.add(o.source);
  for (const x of e.events) used.add(x.source);
  for (const x of l.lineage) used.add(x.source);
  for (const x of seats.seats) used.add(x.source);
  for (const src of s.sources) {
    if (!used.has(src.id)) {
      const at = s.lines.get(src.id)!;
      problems.push({ file: at.file, line: at.line, column: 1, rule: 'source-unused', message: 'no observation, event, lineage or seat row cites this source', value: src.id, severity: 'warning' });
    }
  }

  const checks = checkNationalTotals(unique, m.metrics, u.units);
  for (const c of checks) {
    if (c.difference !== 0 && c.covered === c.of) {
      const { file, line } = seen.where(c.nationalObservation)!;
      problems.push({
        file, line, column: 5, rule: 'national-sum-mismatch', severity: 'warning',
        message: `national ${c.metric} on ${c.date} is ${c.national} but the ${c.of} provinces sum to ${c.sum} (difference ${c.difference}); both are kept and shown`,
        value: String(c.national),
      });
    }
  }

  done('check sources, national totals');
  if (hasErrors(problems)) return { dataset: null, problems: sortProblems(problems) };

  // Figures are kept in file order, except that a figure from a secondary site follows the others:
  // wherever a page picks one of several equal figures (same status and date), the first one wins, so
  // a primary source is cited before a page that copied it.
  const secondary = new Set(s.sources.filter((x) => x.kind === 'secondary').map((x) => x.id));
  const ordered = [...unique.filter((o) => !secondary.has(o.source)), ...unique.filter((o) => secondary.has(o.source))];
  const withConflicts = markConflicts(ordered, new Set(m.metrics.filter((x) => x.kind === 'flow').map((x) => x.id)), REFERENCE_METRICS);
  done('mark conflicts');
  const byMetric = groupByMetric(withConflicts);
  const current = u.units.filter((x) => x.era === 'current');
  const rollUpsOf = new Map(m.metrics.map((metric) => [metric.id, rollUpToCurrentBorders(byMetric.get(metric.id) ?? [], l.lineage, metric)]));
  const rollUps = m.metrics.flatMap((metric) => rollUpsOf.get(metric.id)!);
  const dataset: Dataset = {
    version: files.version,
    asOf: latestDate(s.sources.map((x) => x.published)),
    units: u.units,
    lineage: l.lineage,
    metrics: m.metrics,
    sources: s.sources,
    observations: withConflicts,
    events: [...e.events].sort((a, b) => a.date_end.localeCompare(b.date_end) || a.id.localeCompare(b.id)),
    tiles: t.tiles,
    // As for figures, a seat named by a secondary site follows those named by other sources.
    seats: [...seats.seats.filter((x) => !secondary.has(x.source)), ...seats.seats.filter((x) => secondary.has(x.source))],
    rollUps,
    beforeAfter: m.metrics.flatMap((metric) => beforeAfter(byMetric.get(metric.id) ?? [], l.lineage, metric, current, rollUpsOf.get(metric.id))),
    nationalChecks: checks,
    coverage: coverageTable(m.metrics, u.units, withConflicts, rollUps),
  };
  done('roll up, before/after, coverage');
  return { dataset, problems: sortProblems(problems) };
}

function latestDate(dates: string[]): string {
  return dates.filter(Boolean).reduce((a, b) => (b > a ? b : a), '');
}
