import { z } from 'zod';

export const metricSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label_vi: z.string().min(1),
  label_en: z.string().min(1),
  definition_vi: z.string().min(1),
  definition_en: z.string().min(1),
  unit: z.enum(['count', 'persons', 'km2']),
  kind: z.enum(['stock', 'flow']),
  additive: z.boolean(),
  level: z.enum(['national', 'province']),
  decimals: z.number().int().min(0).max(4),
});
export type Metric = z.output<typeof metricSchema>;

/** Counts of things and of people are whole numbers. */
export const isWholeNumberMetric = (m: Pick<Metric, 'unit'>) => m.unit === 'count' || m.unit === 'persons';
