import { z } from 'zod';

/**
 * What kind of publication a source is. `secondary`: a page that copies or compiles figures published
 * elsewhere (aggregators, content and commercial sites, blogs, encyclopaedias), used only where no
 * primary source was found.
 */
export const SOURCE_KINDS = ['law', 'government', 'press', 'dataset', 'secondary'] as const;

/** An ISO 639-1 language code: two lower-case letters. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Empty when the source does not name its publisher. */
  publisher: z.string(),
  title: z.string().min(1),
  url: z.string(),
  published: z.string(),
  /**
   * The language of the page read, as an ISO 639-1 code: `vi` or `en` mostly, another code for a
   * foreign-language rendering of a Vietnamese article (Vietnam.vn publishes many).
   */
  language: z.string().regex(LANGUAGE_CODE),
  kind: z.enum(SOURCE_KINDS),
  accessed: z.string(),
  note: z.string(),
  /** The note in Vietnamese, when written. */
  note_vi: z.string(),
});
export type Source = z.output<typeof sourceSchema>;
