// The dataset's changelog, parsed by the pipeline from data/CHANGELOG.md (pages never read files).
import raw from '../generated/changelog.json';
import type { ChangelogEntry } from '../lib/pipeline/changelog.ts';

export const changelog = raw as ChangelogEntry[];
