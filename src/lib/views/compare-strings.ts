// The compare page's words, from the dictionaries: build time only, so that the page's script does not
// carry both dictionaries.
import { t, type Lang } from '../i18n/index.ts';
import { href } from '../routes.ts';
import type { CompareStrings } from './compare.ts';

/** CompareStrings from the dictionary of a language. */
export function compareStrings(lang: Lang): CompareStrings {
  const d = t(lang);
  return {
    missing: d.common.missing, chartLabel: d.metricPage.chartLabel, sourceLine: d.metricPage.sourceLine, moreSources: d.share.moreSources,
    siteName: d.siteName, sourcesHref: href(lang, { page: 'sources' }), unit: d.metricPage.unit, value: d.common.value, date: d.common.date,
    source: d.common.source, locator: d.share.locator, tableOf: d.share.tableOf, statusLabel: d.metricPage.status,
    status: d.province.status as Record<string, string>,
    lang, locatorWords: d.share.locatorWords,
  };
}
