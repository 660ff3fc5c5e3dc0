import { en } from './en.ts';
import { vi } from './vi.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Dictionary = Widen<typeof vi>;
export type Lang = 'vi' | 'en';
export const langs: readonly Lang[] = ['vi', 'en'];

const dictionaries: Record<Lang, Dictionary> = { vi, en };
export const t = (lang: Lang): Dictionary => dictionaries[lang];
