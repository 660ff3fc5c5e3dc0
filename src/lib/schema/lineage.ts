import { z } from 'zod';

/** A pre-2025 province and the province it became part of (itself when unchanged). */
export const lineageSchema = z.object({
  from: z.string(),
  to: z.string(),
  effective: z.string(),
  legal_basis: z.string(),
  source: z.string(),
  locator: z.string(),
  note: z.string(),
});
export type Lineage = z.output<typeof lineageSchema>;
