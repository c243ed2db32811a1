/**
 * rfm.csv: `customer_id,recency,frequency,monetary,r,f,m,segment,lifecycle`,
 * one row per customer (prospects with empty scores), written by DuckDB COPY.
 * Text cells that a spreadsheet would read as a formula (starting with = + - @
 * tab or carriage return) are prefixed with an apostrophe.
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {spreadsheetSafeSql} from "../db/spreadsheet.ts";


/** Writes `outDir/rfm.csv` from a classified customers table (lifecycle.ts) and returns its path. */
export async function writeRfmCsv(db: Db, customers: string, outDir: string): Promise<string> {
  mkdirSync(outDir, {recursive: true});
  const path = join(outDir, "rfm.csv");
  await db.exec(`COPY (
      SELECT ${spreadsheetSafeSql("customer_id")} AS customer_id, recency, frequency, monetary, r, f, m,
        ${spreadsheetSafeSql("segment")} AS segment, lifecycle
      FROM ${ident(customers)} ORDER BY customer_id
    ) TO ${literal(path)} (FORMAT csv, HEADER true)`);
  return path;
}
