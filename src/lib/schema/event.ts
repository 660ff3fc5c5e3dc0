import { z } from 'zod';

export const eventTypes = ['plan', 'resolution', 'decision', 'merger', 'review', 'deadline', 'directive', 'congress'] as const;

/** A dated reform decision or commitment; `unit` is empty when the source does not name the province. */
export const eventSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  unit: z.string(),
  date: z.string(),
  date_end: z.string(),
  type: z.enum(eventTypes),
  title_vi: z.string().min(1),
  title_en: z.string().min(1),
  source: z.string(),
  locator: z.string(),
  note: z.string(),
});
export type ReformEvent = z.output<typeof eventSchema>;
