/**
 * postcode.city_mismatch — (France and the French postal system) the postcode
 * exists but the city is none of its communes, after folding case, accents,
 * punctuation, `ST`/`SAINT`, `STE`/`SAINTE` and `CEDEX`; the La Poste routing
 * label counts as a name of the commune. Reported on the postcode (kpis.md
 * names it postcode + city); `value` holds both, `postcode city`. Unknown
 * postcodes are postcode.invalid's.
 */
import {literalList} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {cityKeySql, FRENCH_POSTAL_COUNTRIES} from "../lookups/postcodes.ts";
import {postcodeTable, postcodeTextSql} from "./invalid.ts";

export default defineRule({
  id: "postcode.city_mismatch",
  fields: ["postcode"],
  dimension: "consistency",
  severity: "warning",
  explain: {
    fr: "La ville n'est pas une commune de ce code postal (après avoir ignoré majuscules, accents, tirets, ST/SAINT et CEDEX ; le libellé d'acheminement de La Poste est accepté).",
    en: "The city is not a commune of that postcode (ignoring case, accents, hyphens, ST/SAINT and CEDEX; La Poste's routing label is accepted)."
  },
  applies: () =>
    `${presentSql(col("postcode"))} AND ${presentSql(col("city"))} AND country_code IN ${literalList(FRENCH_POSTAL_COUNTRIES)}`,
  check: async (ctx) => {
    const french = await postcodeTable(ctx);
    const pc = `t.${col("postcode")}`;
    const city = `t.${col("city")}`;
    return `SELECT t.record_id, 'postcode' AS field, ${pc} || ' ' || ${city} AS value, NULL AS detail
      FROM ${ctx.input} AS t
      WHERE ${presentSql(pc)} AND ${presentSql(city)} AND t.country_code IN ${literalList(FRENCH_POSTAL_COUNTRIES)}
        AND ${postcodeTextSql(pc)} IN (SELECT postcode FROM ${french})
        AND NOT EXISTS (SELECT 1 FROM ${french} AS f WHERE f.postcode = ${postcodeTextSql(pc)} AND f.city_key = ${cityKeySql(city)})`;
  }
});
