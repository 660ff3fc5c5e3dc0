// Embeds: a chrome-free page per chart, an <iframe> snippet to paste, and the messages between them.
import type { Lang } from '../i18n/index.ts';

/** `/embed/chi-so/communes/ranking-34/` and `/en/embed/metrics/communes/ranking-34/`. */
export function embedHref(lang: Lang, metric: string, figure: string): string {
  return lang === 'vi' ? `/embed/chi-so/${metric}/${figure}/` : `/en/embed/metrics/${metric}/${figure}/`;
}

/** `/embed/so-sanh/communes/` and `/en/embed/compare/communes/`; the selection travels as `?u=a,b`. */
export function compareEmbedHref(lang: Lang, metric: string): string {
  return lang === 'vi' ? `/embed/so-sanh/${metric}/` : `/en/embed/compare/${metric}/`;
}

/** The message an embed posts to its host whenever its height changes. */
export const HEIGHT_MESSAGE = 'tinhgon:height';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * What a journalist pastes: the iframe (full width, a sensible starting height) and the host script
 * that listens for the embed's height and sets the iframe's. `src` is absolute; `origin` is the site.
 */
// No `scrolling="no"`: where a host strips the script, the frame keeps its first height and scrolls,
// so the chart's source and licence stay within reach; with the script it fits and never scrolls.
export function embedSnippet(src: string, title: string, origin: string, height = 720): string {
  return (
    `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" loading="lazy" frameborder="0" data-tinhgon-embed></iframe>\n` +
    `<script src="${attr(origin)}/embed.js" async></script>`
  );
}
