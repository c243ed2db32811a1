/**
 * findings.csv: the findings table exported by DuckDB's COPY, with personal
 * values masked (mask.ts) and every text made safe to open in a spreadsheet
 * (a cell that starts with =, +, -, @, tab or carriage return gets a leading
 * apostrophe, so it is never read as a formula).
 *
 *   writeFindingsCsv(db, path, {sources?}) → rows written
 *   columns: source,record_id,field,rule,value_masked,detail
 */
import type {Db} from "../db/connection.ts";
import {literal, literalList} from "../db/sql.ts";
import {maskByFieldSql} from "./mask.ts";
import {spreadsheetSafeSql} from "../db/spreadsheet.ts";


export async function writeFindingsCsv(db: Db, path: string, {sources}: {sources?: readonly string[]} = {}): Promise<number> {
  const where = sources ? `WHERE source IN ${literalList(sources)}` : "";
  const safe = spreadsheetSafeSql;
  const select = `SELECT ${safe("source")} AS source, ${safe("record_id")} AS record_id, field, rule,
      ${safe(maskByFieldSql("field", "value"))} AS value_masked, ${safe("detail")} AS detail
    FROM findings ${where} ORDER BY source, rule, field, TRY_CAST(record_id AS BIGINT), record_id`;
  await db.exec(`COPY (${select}) TO ${literal(path)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"')`);
  const row = await db.one<{n: number}>(`SELECT count(*) AS n FROM findings ${where}`);
  return row?.n ?? 0;
}
