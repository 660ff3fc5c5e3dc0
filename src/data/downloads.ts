import raw from '../generated/downloads.json';
import type { DownloadEntry } from '../lib/pipeline/downloads.ts';

export const downloads = raw as DownloadEntry[];
