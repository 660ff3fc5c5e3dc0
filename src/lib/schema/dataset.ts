import { z } from 'zod';
import { eventSchema } from './event.ts';
import { lineageSchema } from './lineage.ts';
import { metricSchema } from './metric.ts';
import { observationSchema } from './observation.ts';
import { seatSchema } from './seat.ts';
import { sourceSchema } from './source.ts';
import { unitSchema } from './unit.ts';

const rollUpSchema = z.object({
  unit: z.string(),
  metric: z.string(),
  value: z.number(),
  covered: z.number(),
  of: z.number(),
  parts: z.array(z.object({ unit: z.string(), observation: z.string(), value: z.number(), date: z.string() })),
  missing: z.array(z.string()),
});

const changeSchema = z.object({ from: z.number(), to: z.number(), absolute: z.number(), percent: z.number().nullable() });

export const tileSchema = z.object({
  layout: z.enum(['63', '34']),
  unit: z.string(),
  col: z.number(),
  row: z.number(),
  kind: z.enum(['province', 'islands']),
  label_vi: z.string(),
  label_en: z.string(),
});

export const coverageSchema = z.object({
  metric: z.string(),
  unit: z.string(),
  era: z.enum(['pre-2025', 'current', 'national']),
  observations: z.number(),
  latest: z.string(),
  /** For current units: predecessors reporting before 1 July 2025, as "k/n" (empty when not additive). */
  rolled_up: z.string(),
});

/** Everything the pages read, written by the pipeline to src/generated/dataset.json. */
export const datasetSchema = z.object({
  version: z.string(),
  /** Latest date of any source publication or observation: the dataset's "as of" date. */
  asOf: z.string(),
  units: z.array(unitSchema),
  lineage: z.array(lineageSchema),
  metrics: z.array(metricSchema),
  sources: z.array(sourceSchema),
  observations: z.array(observationSchema),
  events: z.array(eventSchema),
  tiles: z.array(tileSchema),
  seats: z.array(seatSchema),
  rollUps: z.array(rollUpSchema),
  beforeAfter: z.array(
    z.object({
      unit: z.string(),
      metric: z.string(),
      before: rollUpSchema.nullable(),
      after: z.object({ value: z.number(), date: z.string(), observation: z.string() }).nullable(),
      change: changeSchema.nullable(),
    }),
  ),
  nationalChecks: z.array(
    z.object({
      metric: z.string(),
      date: z.string(),
      national: z.number(),
      nationalObservation: z.string(),
      sum: z.number(),
      covered: z.number(),
      of: z.number(),
      difference: z.number(),
    }),
  ),
  coverage: z.array(coverageSchema),
});
export type Dataset = z.output<typeof datasetSchema>;
export type Tile = z.output<typeof tileSchema>;
export type Coverage = z.output<typeof coverageSchema>;
