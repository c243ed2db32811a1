/**
 * birth_date.implausible — a birth date (parsed as date.unparseable reads
 * it) in the future, giving an age over 120 or under 15 at the audit date, or
 * a default date (1900-01-01, 1970-01-01, 1111-11-11). `detail` says which.
 */
import {literal} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";

export const DEFAULT_BIRTH_DATES: readonly string[] = ["1900-01-01", "1970-01-01", "1111-11-11"];
export const MIN_AGE = 15;
export const MAX_AGE = 120;

export default defineRule({
  id: "birth_date.implausible",
  fields: ["birthDate"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: `La date de naissance n'est pas plausible : dans le futur, un âge de plus de ${MAX_AGE} ans ou de moins de ${MIN_AGE} ans à la date de l'audit, ou une date par défaut (01/01/1900, 01/01/1970, 11/11/1111).`,
    en: `The birth date is not plausible: in the future, an age over ${MAX_AGE} or under ${MIN_AGE} at the audit date, or a default date (1900-01-01, 1970-01-01, 1111-11-11).`
  },
  applies: () => "birth_date_d IS NOT NULL",
  check: ({input, asOf}) => {
    const asOfDate = `DATE ${literal(asOf)}`;
    const age = `date_sub('year', birth_date_d, ${asOfDate})`;
    return `SELECT record_id, 'birthDate' AS field, ${col("birthDate")} AS value, reason AS detail FROM (
        SELECT *, CASE
          WHEN birth_date_d IN (${DEFAULT_BIRTH_DATES.map((d) => `DATE ${literal(d)}`).join(", ")}) THEN 'default date'
          WHEN birth_date_d > ${asOfDate} THEN 'future'
          WHEN ${age} > ${MAX_AGE} THEN 'over ${MAX_AGE}'
          WHEN ${age} < ${MIN_AGE} THEN 'under ${MIN_AGE}'
        END AS reason
        FROM ${input} WHERE birth_date_d IS NOT NULL AND ${presentSql(col("birthDate"))})
      WHERE reason IS NOT NULL`;
  }
});
