/**
 * date.unparseable — a date field whose text is not a date in any accepted
 * format: ISO (with or without a time), yyyymmdd, dd/mm/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy (month first when the column is written that way), or an Excel
 * serial day number; parsing is `loaders/db/dates.ts`'s, done once per run in
 * the prepared input.
 */
import {defineRule} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";

export const DATE_FIELDS = [
  {role: "birthDate", parsed: "birth_date_d"},
  {role: "createdAt", parsed: "created_at_d"},
  {role: "updatedAt", parsed: "updated_at_d"}
] as const;

export default defineRule({
  id: "date.unparseable",
  fields: DATE_FIELDS.map((f) => f.role),
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "Le texte n'est une date dans aucun format accepté (AAAA-MM-JJ, JJ/MM/AAAA, JJ-MM-AAAA, JJ.MM.AAAA, AAAAMMJJ, numéro de série Excel).",
    en: "The text is not a date in any accepted format (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyymmdd, Excel serial number)."
  },
  check: ({input}) =>
    DATE_FIELDS.map(
      ({role, parsed}) => `SELECT record_id, '${role}' AS field, ${col(role)} AS value, NULL AS detail
        FROM ${input} WHERE ${presentSql(col(role))} AND ${parsed} IS NULL`
    ).join(" UNION ALL ")
});
