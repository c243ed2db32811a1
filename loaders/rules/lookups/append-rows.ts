/** Creates a table of VARCHAR columns and fills it from JavaScript rows, through an appender. */
import type {Db} from "../../db/connection.ts";
import {ident} from "../../db/sql.ts";

export async function appendRows(db: Db, table: string, columns: readonly string[], rows: Iterable<readonly (string | null)[]>): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} (${columns.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
  const appender = await db.duckdb.createAppender(table);
  for (const row of rows) {
    for (const value of row) value === null ? appender.appendNull() : appender.appendVarchar(value);
    appender.endRow();
  }
  appender.closeSync();
}
