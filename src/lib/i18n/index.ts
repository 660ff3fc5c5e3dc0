import { en } from './en.ts';
import { vi } from './vi.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Dictionary = Widen<typeof vi>;
export type Lang = 'vi' | 'en';
export const langs: readonly Lang[] = ['vi', 'en'];

const dictionaries: Record<Lang, Dictionary> = { vi, en };
export const t = (lang: Lang): Dictionary => dictionaries[lang];

/** Fills `{name}` placeholders: fill('{k} of {n}', {k: 3, n: 34}). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
