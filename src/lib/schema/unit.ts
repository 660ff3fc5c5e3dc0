import { z } from 'zod';

export const regionIds = [
  'northern-midlands-mountains',
  'red-river-delta',
  'north-central-coast',
  'central-highlands',
  'southeast',
  'mekong-delta',
] as const;

/** An administrative unit with its validity interval; `id` is stable and used in URLs. */
export const unitSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  code: z.string().regex(/^(\d{2}|VN)$/),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  type: z.enum(['country', 'province', 'city']),
  region: z.union([z.enum(regionIds), z.literal('')]),
  valid_from: z.string(),
  valid_to: z.string(),
  aliases: z.array(z.string()),
  /** `pre-2025` (dissolved on 1 July 2025), `current` (formed or unchanged), or `national`. */
  era: z.enum(['pre-2025', 'current', 'national']),
});
export type Unit = z.output<typeof unitSchema>;
