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

/** Rows read into JavaScript at a time: the memory of a map does not grow with the number of values. */
const BATCH = 50_000;

/**
 * `sourceSql` returns one or more VARCHAR columns (distinct rows); `fn` gets them
 * and returns one value per output column. Creates `table` with the input
 * columns followed by `outputs` (name and SQL type, VARCHAR or DOUBLE). The
 * values go through JavaScript in batches of BATCH rows.
 */
export async function mapDistinct(
  db: Db,
  table: string,
  sourceSql: string,
  outputs: {name: string; type: "VARCHAR" | "DOUBLE"}[],
  fn: (...values: (string | null)[]) => Mapped[]
): Promise<number> {
  const source = `${table}_source`;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(source)} AS SELECT row_number() OVER () AS batch_row_, * FROM (${sourceSql})`);
  const names = (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE ${ident(source)})`))
    .map((r) => r.column_name)
    .filter((name) => name !== "batch_row_");
  const n = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(source)}`))?.n ?? 0;
  const defs = [...names.map((name) => `${ident(name)} VARCHAR`), ...outputs.map((o) => `${ident(o.name)} ${o.type}`)];
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} (${defs.join(", ")})`);
  const args: (string | null)[] = new Array(names.length);
  for (let start = 0; start < n; start += BATCH) {
    const reader = await db.duckdb.runAndReadAll(
      `SELECT ${names.map(ident).join(", ")} FROM ${ident(source)} WHERE batch_row_ > ${start} AND batch_row_ <= ${start + BATCH}`
    );
    const columns = reader.getColumnsJS() as (string | null)[][];
    const rows = columns[0]?.length ?? 0;
    const appender = await db.duckdb.createAppender(table);
    for (let i = 0; i < rows; i++) {
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
  }
  await db.exec(`DROP TABLE ${ident(source)}`);
  return n;
}
