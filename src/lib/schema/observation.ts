import { z } from 'zod';

export const statuses = ['reported', 'planned', 'target'] as const;

/** One fact: a value of one metric for one unit at one date, from one source. */
export const observationSchema = z.object({
  /** Stable row id: `<unit>|<metric>|<date>|<status>|<source>`. */
  id: z.string(),
  unit: z.string(),
  metric: z.string(),
  date: z.string(),
  /** Last day the date covers (for ordering and validity), ISO. */
  date_end: z.string(),
  period_start: z.string(),
  /** Which map the figure describes: the 63 provinces before 1 July 2025 or the 34 after. */
  era: z.enum(['pre-2025', 'current']),
  value: z.number(),
  denominator: z.number().nullable(),
  status: z.enum(statuses),
  source: z.string(),
  locator: z.string(),
  note: z.string(),
  /** The note in Vietnamese, when written; Vietnamese pages fall back to `note`. */
  note_vi: z.string(),
  /** Ids of rows for the same unit, metric, date and status whose value differs (from other sources). */
  conflicts_with: z.array(z.string()),
});
export type Observation = z.output<typeof observationSchema>;
