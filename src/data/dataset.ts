// The one place pages get data from: the pipeline's output, typed by the zod schema. The record tables
// (observations, sources, events) are separate files, the same ones published under /data/.
import rest from '../generated/dataset.json';
import events from '../generated/events.json';
import observations from '../generated/observations.json';
import sources from '../generated/sources.json';
import type { Dataset } from '../lib/schema/dataset.ts';

export const dataset = { ...rest, observations, sources, events } as unknown as Dataset;
