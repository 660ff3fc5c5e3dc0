import type { Lang } from './i18n/index.ts';

export type Route =
  | { page: 'home' }
  | { page: 'provinces' }
  | { page: 'province'; id: string }
  | { page: 'metrics' }
  | { page: 'metric'; id: string }
  | { page: 'compare' }
  | { page: 'data' }
  | { page: 'sources' }
  | { page: 'methodology' }
  | { page: 'notFound' };

/** Path segments per language: Vietnamese first, at the root; English under /en/. */
const segments = {
  vi: { provinces: 'tinh', metrics: 'chi-so', compare: 'so-sanh', data: 'du-lieu', sources: 'nguon', methodology: 'phuong-phap' },
  en: { provinces: 'provinces', metrics: 'metrics', compare: 'compare', data: 'data', sources: 'sources', methodology: 'methodology' },
} as const;

/** The site-relative URL of a page in a language, always with a trailing slash. */
export function href(lang: Lang, route: Route): string {
  const prefix = lang === 'vi' ? '/' : '/en/';
  const s = segments[lang];
  switch (route.page) {
    case 'home':
      return prefix;
    case 'notFound':
      // Hosts serve the Vietnamese 404 page from /404.html (Astro writes it there, not to /404/).
      return lang === 'vi' ? '/404.html' : '/en/404/';
    case 'province':
      return `${prefix}${s.provinces}/${route.id}/`;
    case 'metric':
      return `${prefix}${s.metrics}/${route.id}/`;
    default:
      return `${prefix}${s[route.page]}/`;
  }
}

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
