export const MESSAGES: {en: Record<string, string>; fr: Record<string, string>};
export const LOCALES: {en: string; fr: string};
export interface Translate {
  (key: string, values?: Record<string, unknown>): string;
  language: string;
  locale: string;
  number(n: number | null | undefined): string;
  percent(x: number | null | undefined): string;
  date(iso: string | null | undefined): string;
  page: Record<string, string>;
}
export function translator(language: string): Translate;
