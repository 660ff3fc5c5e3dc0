// The one place pages get data from: the pipeline's output, typed by the zod schema.
import raw from '../generated/dataset.json';
import type { Dataset } from '../lib/schema/dataset.ts';

export const dataset = raw as unknown as Dataset;
