/**
 * duplicate.exact — another record of the same source has the same
 * normalised email (usable, lower case), or the same phone (valid, not a
 * placeholder, compared in E.164), or the same mobile (likewise), or the same
 * first name + last name + postcode (names in lower case with accents folded
 * and not placeholders; postcode in capitals without spaces, not invalid). Missing, invalid and placeholder
 * values never make a duplicate. Every record of such a group fires, once;
 * `detail` lists the keys it shares (`email`, `phone`, `mobile`, `name+postcode`).
 */
import {literalList} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col, nameKeySql, presentSql} from "../text-sql.ts";
import {emailTextSql, emailUsableSql} from "../email/syntax.ts";
import {phoneKeySql, phoneTable} from "../lookups/phones.ts";
import {phonePlaceholderSql} from "../phone/placeholder.ts";
import {namePlaceholderSql} from "../name/placeholder.ts";
import {FRENCH_POSTAL_COUNTRIES} from "../lookups/postcodes.ts";
import {postcodeTable, postcodeTextSql} from "../postcode/invalid.ts";

export default defineRule({
  id: "duplicate.exact",
  fields: ["record"],
  dimension: "uniqueness",
  severity: "warning",
  explain: {
    fr: "Une autre fiche de la même source a le même e-mail, le même numéro de téléphone, ou les mêmes prénom, nom et code postal (après normalisation ; les valeurs absentes, invalides ou de remplissage ne comptent pas).",
    en: "Another record of the same source has the same email, the same phone number, or the same first name, last name and postcode (after normalisation; missing, invalid and filler values do not count)."
  },
  check: async (ctx) => {
    const phones = await phoneTable(ctx);
    const postcodes = await postcodeTable(ctx);
    const email = col("email");
    const first = col("firstName");
    const last = col("lastName");
    const pc = `t.${col("postcode")}`;
    const phoneKeys = (["phone", "mobile"] as const).map((role) => {
      const c = `t.${col(role)}`;
      return `SELECT t.row_number, t.record_id, '${role}' AS kind, p.e164 AS key
        FROM ${ctx.input} AS t JOIN ${phones} AS p ON p.key = ${phoneKeySql(c)} AND p.country = t.country_code
        WHERE p.valid AND ${presentSql(c)} AND ${phonePlaceholderSql(c)} IS NULL`;
    });
    const postcodeOk = `(t.country_code NOT IN ${literalList(FRENCH_POSTAL_COUNTRIES)} OR ${postcodeTextSql(pc)} IN (SELECT postcode FROM ${postcodes}))`;
    return `WITH keys AS (
        SELECT row_number, record_id, 'email' AS kind, lower(${emailTextSql(email)}) AS key
          FROM ${ctx.input} WHERE ${presentSql(email)} AND ${emailUsableSql(email)}
        UNION ALL ${phoneKeys.join(" UNION ALL ")}
        UNION ALL SELECT t.row_number, t.record_id, 'name+postcode', ${nameKeySql(`t.${first}`)} || '|' || ${nameKeySql(`t.${last}`)} || '|' || replace(${postcodeTextSql(pc)}, ' ', '')
          FROM ${ctx.input} AS t
          WHERE ${presentSql(`t.${first}`)} AND ${presentSql(`t.${last}`)} AND ${presentSql(pc)}
            AND ${namePlaceholderSql(`t.${first}`)} IS NULL AND ${namePlaceholderSql(`t.${last}`)} IS NULL AND ${postcodeOk}),
      distinct_keys AS (SELECT DISTINCT row_number, record_id, kind, key FROM keys),
      shared AS (SELECT kind, key FROM distinct_keys GROUP BY kind, key HAVING count(*) >= 2)
      SELECT any_value(k.record_id) AS record_id, 'record' AS field, NULL AS value,
        string_agg(DISTINCT k.kind, ', ' ORDER BY k.kind) AS detail
      FROM distinct_keys AS k JOIN shared USING (kind, key) GROUP BY k.row_number`;
  }
});
