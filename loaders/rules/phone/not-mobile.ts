/**
 * phone.not_mobile — the mobile field holds a valid number that is not a
 * mobile number (a landline, VoIP, toll-free…), so SMS will not reach it.
 * Numbers whose type cannot be told apart (FIXED_LINE_OR_MOBILE, as in the
 * United States) never fire. `detail` gives the type.
 */
import {defineRule} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {phoneKeySql, phoneTable} from "../lookups/phones.ts";
import {phonePlaceholderSql} from "./placeholder.ts";

export default defineRule({
  id: "phone.not_mobile",
  fields: ["mobile"],
  dimension: "validity",
  severity: "warning",
  explain: {
    fr: "Le numéro du champ mobile est valide mais n'est pas un mobile (fixe, VoIP, numéro spécial) : les SMS n'y arriveront pas.",
    en: "The number in the mobile field is valid but not a mobile (landline, VoIP, special rate): text messages will not reach it."
  },
  check: async (ctx) => {
    const phones = await phoneTable(ctx);
    const c = col("mobile");
    return `SELECT t.record_id, 'mobile' AS field, t.${c} AS value, p.type AS detail
      FROM ${ctx.input} AS t JOIN ${phones} AS p ON p.key = ${phoneKeySql(`t.${c}`)} AND p.country = t.country_code
      WHERE p.valid AND p.type IS NOT NULL AND p.type NOT IN ('MOBILE', 'FIXED_LINE_OR_MOBILE')
        AND ${presentSql(`t.${c}`)} AND ${phonePlaceholderSql(`t.${c}`)} IS NULL`;
  }
});
