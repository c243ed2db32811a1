/**
 * Runs a JavaScript function once per distinct row of a query and stores the
 * answers in a table, to join back in SQL: how the engine uses libraries that
 * have no SQL form (libphonenumber, talisman, fuzzball, postcode-validator),
 * never row by row over a whole table, only over distinct values or reduced
 * pairs. Rows are read in pages, so memory stays flat whatever their number;
 * a page can be answered at once, on worker threads (parallel/worker-pool.ts).
 *
 *   mapDistinct(db, {table, sql, outputs, fn, page?}) → number of rows mapped
 */
import type {Db} from "./connection.ts";
import {ident} from "./sql.ts";
import type {Cell} from "../parallel/worker-pool.ts";

export type OutputType = "VARCHAR" | "BOOLEAN" | "DOUBLE";
export type Answer = Cell;

export interface MapDistinctOptions {
  /** Table to create: the input columns (as VARCHAR), then the outputs. */
  table: string;
  /** Query of one or more columns; its distinct rows are mapped. */
  sql: string;
  outputs: readonly {name: string; type: OutputType}[];
  /** Gets one distinct row's values, returns one answer per output. */
  fn: (values: (string | null)[]) => Answer[];
  /**
   * Optional: answers a whole page at once (for example on worker threads);
   * when given, it is used instead of `fn`.
   */
  page?: (rows: (string | null)[][]) => Promise<Answer[][]>;
  /** Rows per page; default 100,000. */
  pageSize?: number;
}

export async function mapDistinct(db: Db, {table, sql, outputs, fn, page, pageSize = 100_000}: MapDistinctOptions): Promise<number> {
  const pending = ident(`${table}_pending`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${pending} AS SELECT row_number() OVER () AS _page_row, * FROM (SELECT DISTINCT * FROM (${sql}))`);
  const inputs = (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE ${pending}) WHERE column_name <> '_page_row'`)).map((r) => r.column_name);
  const defs = [...inputs.map((name) => `${ident(name)} VARCHAR`), ...outputs.map((o) => `${ident(o.name)} ${o.type}`)];
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} (${defs.join(", ")})`);
  const total = Number((await db.one<{n: number}>(`SELECT count(*) AS n FROM ${pending}`))?.n ?? 0);
  const select = inputs.map((name) => `CAST(${ident(name)} AS VARCHAR)`).join(", ");
  for (let start = 1; start <= total; start += pageSize) {
    const reader = await db.duckdb.runAndReadAll(`SELECT ${select} FROM ${pending} WHERE _page_row BETWEEN ${start} AND ${start + pageSize - 1}`);
    const columns = reader.getColumnsJS() as (string | null)[][];
    const rows = columns[0]?.length ?? 0;
    const paged = page ? await page(Array.from({length: rows}, (_, i) => columns.map((column) => column[i] ?? null))) : null;
    const appender = await db.duckdb.createAppender(table);
    const values: (string | null)[] = new Array(inputs.length);
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < inputs.length; c++) {
        values[c] = columns[c]![i] ?? null;
        values[c] === null ? appender.appendNull() : appender.appendVarchar(values[c]!);
      }
      const answers = paged ? paged[i]! : fn(values);
      outputs.forEach((output, k) => {
        const answer = answers[k];
        if (answer === null || answer === undefined || (typeof answer === "number" && !Number.isFinite(answer))) appender.appendNull();
        else if (output.type === "BOOLEAN") appender.appendBoolean(Boolean(answer));
        else if (output.type === "DOUBLE") appender.appendDouble(Number(answer));
        else appender.appendVarchar(String(answer));
      });
      appender.endRow();
    }
    appender.closeSync();
  }
  await db.exec(`DROP TABLE ${pending}`);
  return total;
}
