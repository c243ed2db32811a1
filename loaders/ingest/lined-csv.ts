/**
 * DuckDB's read of a text file that ingestion wrote: UTF-8, `"` quotes, a
 * header, and the source line of every record in a first `__line` column.
 * Everything is read as text; rows DuckDB cannot read come back as rejects
 * with their source line.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import type {Rejected} from "./normalise-text.ts";

let counter = 0;

export async function readLinedCsv(
  db: Db,
  path: string,
  table: string,
  delimiter: string,
  columns: readonly string[]
): Promise<{loaded: number; rejected: Rejected[]}> {
  const id = ++counter;
  const types = [`'__line': 'BIGINT'`, ...columns.map((c) => `${literal(c)}: 'VARCHAR'`)].join(", ");
  const rejectsTable = `__rejects_${id}`;
  const rejectsScan = `__rejects_scan_${id}`;
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_csv(${literal(path)},
    auto_detect = false, header = true, delim = ${literal(delimiter)}, quote = '"', escape = '"',
    columns = {${types}}, store_rejects = true, rejects_table = ${literal(rejectsTable)},
    rejects_scan = ${literal(rejectsScan)}, max_line_size = 16777216)`);
  const rejected = await duckdbRejects(db, rejectsTable, delimiter);
  const loaded = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(table)}`))!.n;
  await db.exec(`DROP TABLE IF EXISTS ${ident(rejectsTable)}; DROP TABLE IF EXISTS ${ident(rejectsScan)}`);
  return {loaded, rejected};
}

const REASONS: Record<string, string> = {
  "TOO MANY COLUMNS": "too many fields",
  "MISSING COLUMNS": "too few fields",
  "UNQUOTED VALUE": "a quote inside an unquoted value",
  "LINE SIZE OVER MAXIMUM": "line longer than 16 MB",
  "INVALID UNICODE": "invalid characters",
  "CAST ERROR": "unreadable value"
};

/** DuckDB's reject rows, one per record, with the file's own line (the `__line` we put in front). */
async function duckdbRejects(db: Db, table: string, delimiter: string): Promise<Rejected[]> {
  const rows = await db.all<{csv_line: string; error_type: string; error_message: string}>(
    `SELECT csv_line, error_type, error_message FROM ${ident(table)} ORDER BY line, column_idx`
  );
  const byLine = new Map<number, Rejected>();
  for (const row of rows) {
    const cut = row.csv_line.indexOf(delimiter);
    const line = Number(row.csv_line.slice(0, cut));
    const text = row.csv_line.slice(cut + delimiter.length);
    const reason = describe(row.error_type, row.error_message);
    const seen = byLine.get(line);
    if (seen) {
      if (!seen.reason.includes(reason)) seen.reason += `; ${reason}`;
    } else byLine.set(line, {line, reason, text});
  }
  return [...byLine.values()];
}

/** DuckDB counts our `__line` column: take it off the figures it gives. */
function describe(type: string, message: string): string {
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  const base = REASONS[type] ?? message;
  return counts ? `${base}: ${Number(counts[2]) - 1} where the header has ${Number(counts[1]) - 1}` : base;
}
