// The dataset's changelog, parsed by the pipeline from data/CHANGELOG.md (pages never read files).
import raw from '../generated/changelog.json';
import type { ChangelogEntry } from '../lib/pipeline/changelog.ts';

export const changelog = raw as ChangelogEntry[];

import { dataset } from './dataset.ts';

/** The release date of the dataset version being built (from the changelog), else its "as of" date. */
export const releaseDate: string = changelog.find((e) => e.version === dataset.version)?.date || dataset.asOf;
