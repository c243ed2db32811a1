/**
 * phone.invalid — not a valid number for its country (libphonenumber-js, full
 * metadata): the record's country, else the source's, else the configured
 * default; a number written with `+` or `00` carries its own country.
 * Placeholders are phone.placeholder's, not this rule's. `detail` says why:
 * TOO_SHORT, TOO_LONG, NOT_A_NUMBER, INVALID_COUNTRY, INVALID_LENGTH or
 * INVALID (right length, no such number range).
 */
import {defineRule} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {phoneKeySql, phoneTable} from "../lookups/phones.ts";
import {phonePlaceholderSql} from "./placeholder.ts";

export default defineRule({
  id: "phone.invalid",
  fields: ["phone", "mobile"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "Le numéro n'est pas un numéro valide pour le pays du client (trop court, trop long, ou plage de numéros inexistante).",
    en: "The number is not a valid number for the customer's country (too short, too long, or no such number range)."
  },
  check: async (ctx) => {
    const phones = await phoneTable(ctx);
    return (["phone", "mobile"] as const)
      .map((role) => {
        const c = col(role);
        return `SELECT t.record_id, '${role}' AS field, t.${c} AS value, p.reason AS detail
          FROM ${ctx.input} AS t JOIN ${phones} AS p ON p.key = ${phoneKeySql(`t.${c}`)} AND p.country = t.country_code
          WHERE NOT p.valid AND ${presentSql(`t.${c}`)} AND ${phonePlaceholderSql(`t.${c}`)} IS NULL`;
      })
      .join(" UNION ALL ");
  }
});
