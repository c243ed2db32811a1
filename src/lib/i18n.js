// Every label of the report, in English and French, gathered from the tables
// in messages/. `translator(language)` returns t(key, values) that fills
// {name} placeholders; a missing key throws, never falls back silently
// (test/src/i18n-test.ts checks both languages have the same keys).
import {pageTitles} from "./pages.js";
import * as core from "./messages/core.js";
import * as value from "./messages/value.js";

/** One table a page or part: each module exports `en` and `fr` with the same keys. */
const TABLES = [core, value];

export const MESSAGES = {
  en: Object.assign({}, ...TABLES.map((m) => m.en)),
  fr: Object.assign({}, ...TABLES.map((m) => m.fr))
};

export const LOCALES = {en: "en-GB", fr: "fr-FR"};

export function translator(language) {
  const messages = MESSAGES[language] ?? MESSAGES.en;
  const locale = LOCALES[language] ?? LOCALES.en;
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {style: "percent", maximumFractionDigits: 1});
  const date = new Intl.DateTimeFormat(locale, {dateStyle: "long", timeZone: "UTC"});
  function t(key, values = {}) {
    const message = messages[key];
    if (message === undefined) throw new Error(`no ${language} text for "${key}"`);
    return message.replace(/\{(\w+)\}/g, (_, name) => {
      const value = values[name];
      return typeof value === "number" ? number.format(value) : String(value ?? "");
    });
  }
  t.language = language;
  t.locale = locale;
  t.number = (n) => (n === null || n === undefined ? "—" : number.format(n));
  t.percent = (x) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : percent.format(x));
  t.date = (iso) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "—");
  t.page = pageTitles(language);
  return t;
}
