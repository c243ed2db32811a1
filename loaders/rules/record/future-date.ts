/**
 * record.future_date — a creation or update date after the audit date.
 * (A birth date in the future is birth_date.implausible's.)
 */
import {literal} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col} from "../text-sql.ts";

const FIELDS = [
  {role: "createdAt", parsed: "created_at_d"},
  {role: "updatedAt", parsed: "updated_at_d"}
] as const;

export default defineRule({
  id: "record.future_date",
  fields: FIELDS.map((f) => f.role),
  dimension: "timeliness",
  severity: "error",
  explain: {
    fr: "La date de création ou de mise à jour est postérieure à la date de l'audit.",
    en: "The creation or update date is after the audit date."
  },
  applies: (field) => `${field === "createdAt" ? "created_at_d" : "updated_at_d"} IS NOT NULL`,
  check: ({input, asOf}) =>
    FIELDS.map(
      ({role, parsed}) => `SELECT record_id, '${role}' AS field, ${col(role)} AS value, CAST(${parsed} AS VARCHAR) AS detail
        FROM ${input} WHERE ${parsed} > DATE ${literal(asOf)}`
    ).join(" UNION ALL ")
});
