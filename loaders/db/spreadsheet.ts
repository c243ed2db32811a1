/**
 * SQL for CSV exports that a spreadsheet opens safely: the patterns of
 * src/lib/spreadsheet.js (shared with the browser) as one SQL expression.
 */
import {FORMULA_START, PHONE_NUMBER, PLAIN_NUMBER} from "../../src/lib/spreadsheet.js";
import {literal} from "./sql.ts";

/** SQL: the text of `expr`, with a leading apostrophe when it would be read as a formula. */
export function spreadsheetSafeSql(expr: string): string {
  const text = `CAST(${expr} AS VARCHAR)`;
  return `(CASE WHEN regexp_matches(${text}, ${literal(FORMULA_START)})
      AND NOT regexp_matches(${text}, ${literal(PLAIN_NUMBER)})
      AND NOT regexp_matches(${text}, ${literal(PHONE_NUMBER)})
    THEN '''' || ${text} ELSE ${text} END)`;
}
