/**
 * Runs a JavaScript function once per distinct value of a SQL query and stores
 * the answers in a table, to join back in SQL. This is how libraries that have
 * no SQL form (libphonenumber, talisman, fuzzball) touch the data: never row by
 * row over a whole table, only over the distinct values or the reduced pairs.
 *
 *   mapDistinct(db, table, sourceSql, fn) → number of values mapped
 */
import type {Db} from "../db/connection.ts";
import {ident} from "../db/sql.ts";

export type Mapped = string | number | null | undefined;

/**
 * `sourceSql` returns one or more VARCHAR columns (distinct rows); `fn` gets them
 * and returns one value per output column. Creates `table` with the input
 * columns followed by `outputs` (name and SQL type, VARCHAR or DOUBLE).
 */
export async function mapDistinct(
  db: Db,
  table: string,
  sourceSql: string,
  outputs: {name: string; type: "VARCHAR" | "DOUBLE"}[],
  fn: (...values: (string | null)[]) => Mapped[]
): Promise<number> {
  const reader = await db.duckdb.runAndReadAll(sourceSql);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS() as (string | null)[][];
  const n = columns[0]?.length ?? 0;
  const defs = [...names.map((name) => `${ident(name)} VARCHAR`), ...outputs.map((o) => `${ident(o.name)} ${o.type}`)];
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} (${defs.join(", ")})`);
  const appender = await db.duckdb.createAppender(table);
  const args: (string | null)[] = new Array(names.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < names.length; c++) args[c] = columns[c]![i] ?? null;
    for (const value of args) value === null ? appender.appendNull() : appender.appendVarchar(value);
    const result = fn(...args);
    outputs.forEach((output, k) => {
      const value = result[k];
      if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) appender.appendNull();
      else if (output.type === "DOUBLE") appender.appendDouble(Number(value));
      else appender.appendVarchar(String(value));
    });
    appender.endRow();
  }
  appender.closeSync();
  return n;
}
