// Where each page's social image lives (written by scripts/og-images.ts to public/og/, gitignored).
import type { Lang } from '../i18n/index.ts';
import type { Route } from '../routes.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The page's own image for home, metric and province pages; every other page uses the home image. */
export function ogImagePath(lang: Lang, route: Route): string {
  if (route.page === 'metric') return `/og/${lang}/metric/${route.id}.png`;
  if (route.page === 'province') return `/og/${lang}/province/${route.id}.png`;
  return `/og/${lang}/home.png`;
}
