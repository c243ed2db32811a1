/**
 * country.unknown — the country text is not recognisable as a country: not an
 * ISO 3166 code (alpha-2 or alpha-3) nor a country name in English, French or
 * a neighbouring language (i18n-iso-countries), whatever the case, accents or
 * punctuation. Such records are read with the source's country.
 */
import {defineRule} from "../rule.ts";
import {col, foldSql, presentSql} from "../text-sql.ts";
import {createCountryTable} from "../lookups/countries.ts";

export default defineRule({
  id: "country.unknown",
  fields: ["country"],
  dimension: "validity",
  severity: "warning",
  explain: {
    fr: "Le pays n'est pas reconnaissable (ni code ISO, ni nom de pays en français ou en anglais).",
    en: "The country is not recognisable (neither an ISO code nor a country name in English or French)."
  },
  check: async (ctx) => {
    const countries = await ctx.lookup("countries", (t) => createCountryTable(ctx.db, t));
    const c = col("country");
    return `SELECT record_id, 'country' AS field, ${c} AS value, NULL AS detail
      FROM ${ctx.input} WHERE ${presentSql(c)} AND ${foldSql(c)} NOT IN (SELECT key FROM ${countries})`;
  }
});
