// The report's labels in its one language. The tables of both languages live
// in messages/ and stay on the build machine: the data loader of meta.json
// (src/data/meta.json.ts) puts only the configured language's table into the
// page data, so a French report carries no English UI text and the reverse.
// `translator(meta)` returns t(key, values) that fills {name} placeholders; a
// missing key throws, never falls back silently.

export const LOCALES = {en: "en-GB", fr: "fr-FR"};

export function translator(meta) {
  if (typeof meta !== "object" || meta === null || !meta.messages) throw new Error("translator takes the report's meta (data/meta.json), with its messages");
  const {language, messages, pages} = meta;
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
  t.has = (key) => messages[key] !== undefined;
  t.locale = locale;
  t.number = (n) => (n === null || n === undefined ? "—" : number.format(n));
  t.percent = (x) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : percent.format(x));
  t.date = (iso) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "—");
  t.page = pages;
  return t;
}
