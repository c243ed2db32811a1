/**
 * Parquet and JSON files: DuckDB reads them whole, typed; rows are numbered
 * in file order (`__line` is the row number, 1-based). A file DuckDB cannot
 * parse is an error for the whole file, with DuckDB's reason.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";

export interface ColumnarLoad {
  file: string;
  format: "parquet" | "json";
  columns: string[];
  read: number;
  loaded: number;
  rejected: [];
  blankLines: 0;
}

export async function loadColumnar(db: Db, file: string, table: string, format: "parquet" | "json"): Promise<ColumnarLoad> {
  const reader =
    format === "parquet"
      ? `read_parquet(${literal(file)}, file_row_number = true)`
      : `(SELECT *, row_number() OVER () - 1 AS file_row_number FROM read_json(${literal(file)}, format = 'auto', records = 'true'))`;
  // the table keeps the file's order (insertion order is preserved), without a sort
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS
    SELECT file_row_number + 1 AS __line, * EXCLUDE (file_row_number) FROM ${reader}`);
  const columns = (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE ${ident(table)})`))
    .map((c) => c.column_name)
    .filter((c) => c !== "__line");
  const loaded = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(table)}`))!.n;
  return {file, format, columns, read: loaded, loaded, rejected: [], blankLines: 0};
}
