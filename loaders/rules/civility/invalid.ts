/**
 * civility.invalid — not a recognised civility: M, M., Mr, Monsieur, Mme,
 * Madame, Mlle, Mrs, Ms, Miss, Dr, Me, Pr, couples (M. et Mme)… in French and
 * English, whatever the case, accents or dots.
 */
import {defineRule} from "../rule.ts";
import {col, distinctValuesSql, presentSql} from "../text-sql.ts";
import {civilityGenderSql} from "./civilities.ts";

export default defineRule({
  id: "civility.invalid",
  fields: ["civility"],
  dimension: "validity",
  severity: "warning",
  explain: {
    fr: "La civilité n'est pas reconnue (attendu : M., Mme, Mlle, Dr, Me…, ou Mr, Mrs, Ms, Miss en anglais).",
    en: "The civility is not recognised (expected: Mr, Mrs, Ms, Miss, Dr…, or M., Mme, Mlle in French)."
  },
  check: ({input}) => {
    const c = col("civility");
    // checked once per distinct civility
    return `SELECT t.record_id, 'civility' AS field, t.${c} AS value, NULL AS detail
      FROM ${input} AS t JOIN (SELECT value FROM ${distinctValuesSql(c, input)}
        WHERE ${presentSql("value")} AND ${civilityGenderSql("value")} IS NULL) AS bad ON bad.value = t.${c}`;
  }
});
