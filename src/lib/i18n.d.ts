export const LOCALES: {en: string; fr: string};
export interface Translate {
  (key: string, values?: Record<string, unknown>): string;
  language: string;
  locale: string;
  has(key: string): boolean;
  number(n: number | null | undefined): string;
  percent(x: number | null | undefined): string;
  date(iso: string | null | undefined): string;
  page: Record<string, string>;
}
export interface Meta {
  language: "fr" | "en";
  messages: Record<string, string>;
  pages: Record<string, string>;
}
export function translator(meta: Meta): Translate;
