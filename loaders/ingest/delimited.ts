/**
 * Loads one delimited text file (CSV, TSV, semicolon, pipe) into a table of
 * text columns plus `__line`, the file line each row came from. Rows DuckDB
 * cannot read are rejected with their line and reason; the counts add up:
 * loaded + rejected = records read, or the load fails.
 *
 * A plain file (plain-text.ts: one record per line, no quote, no blank
 * line) is read by DuckDB as it is, and `table` is then a view that numbers
 * its rows from their position (`plain` in the result); any other file, or a
 * plain one where DuckDB rejects a row, takes the first pass
 * (normalise-text.ts) that writes every record with its line.
 */
import {rmSync} from "node:fs";
import {join} from "node:path";
import type {Db} from "../db/connection.ts";
import {detectEncoding, type Encoding} from "./encoding.ts";
import {EncodingMismatch, normaliseText, type Rejected} from "./normalise-text.ts";
import {uniqueNames} from "./names.ts";
import {readLinedCsv} from "./lined-csv.ts";
import {plainText} from "./plain-text.ts";
import {ident, literal} from "../db/sql.ts";

export interface FileLoad {
  file: string;
  format: "csv";
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  /** column names, as the header writes them (made unique) */
  columns: string[];
  /** data records read (loaded + rejected) */
  read: number;
  loaded: number;
  rejected: Rejected[];
  blankLines: number;
  /**
   * true when the file was read as it is: `table` is a view over
   * `plainDataTable(table)`, and data row k (1-based) is line k + 1
   */
  plain: boolean;
}

/** The table under the view of a plain load. */
export function plainDataTable(table: string): string {
  return `${table}__data`;
}

/** Drops what a load created, whichever way it went. */
export async function dropLoad(db: Db, table: string, plain: boolean): Promise<void> {
  if (plain) await db.exec(`DROP VIEW IF EXISTS ${ident(table)}; DROP TABLE IF EXISTS ${ident(plainDataTable(table))}`);
  else await db.exec(`DROP TABLE IF EXISTS ${ident(table)}`);
}

export interface DelimitedOptions {
  encoding?: Encoding;
  delimiter?: string;
  tempDir: string;
}

let counter = 0;

export async function loadDelimited(db: Db, file: string, table: string, options: DelimitedOptions): Promise<FileLoad> {
  const id = ++counter;
  const normalised = join(options.tempDir, `text-${process.pid}-${id}.csv`);
  try {
    return await load(db, file, table, options, normalised);
  } finally {
    // the copy is in the table now, and as large as the file
    rmSync(normalised, {force: true});
  }
}

async function load(db: Db, file: string, table: string, options: DelimitedOptions, normalised: string): Promise<FileLoad> {
  const guess = options.encoding ? {encoding: options.encoding, bom: false} : await detectEncoding(file);
  const plain = await plainText(file, normalised, {encoding: guess.encoding, delimiter: options.delimiter});
  if (plain) {
    const columns = uniqueNames(plain.header);
    const loaded = await readPlainCsv(db, plain.path, table, plain.delimiter, columns);
    if (loaded !== undefined) {
      return {file, format: "csv", encoding: plain.encoding, bom: false, delimiter: plain.delimiter, columns, read: loaded, loaded, rejected: [], blankLines: 0, plain: true};
    }
  }
  let text;
  try {
    text = await normaliseText(file, normalised, {encoding: guess.encoding, delimiter: options.delimiter});
  } catch (error) {
    if (!(error instanceof EncodingMismatch) || options.encoding) throw error;
    text = await normaliseText(file, normalised, {encoding: "windows-1252", delimiter: options.delimiter});
  }
  if (text.headerLine === 0) throw new Error("the file is empty: no header line");
  const columns = uniqueNames(text.header);
  const read = await readLinedCsv(db, normalised, table, text.delimiter, columns);
  if (read.loaded + read.rejected.length !== text.records) {
    throw new Error(`${text.records} records were read but ${read.loaded} loaded and ${read.rejected.length} rejected: rows unaccounted for`);
  }
  const rejected = [...text.rejected, ...read.rejected].sort((a, b) => a.line - b.line);
  const loaded = read.loaded;
  return {
    file,
    format: "csv",
    encoding: text.encoding,
    bom: text.bom,
    delimiter: text.delimiter,
    columns,
    read: loaded + rejected.length,
    loaded,
    rejected,
    blankLines: text.blankLines,
    plain: false
  };
}

let plainCounter = 0;

/**
 * DuckDB's read of a plain file into `plainDataTable(table)` and the view
 * `table` with `__line`; undefined (and nothing left behind) when DuckDB
 * rejects a row, for the first pass to find every line's reason.
 */
async function readPlainCsv(db: Db, path: string, table: string, delimiter: string, columns: readonly string[]): Promise<number | undefined> {
  const id = ++plainCounter;
  const data = plainDataTable(table);
  const types = columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(", ");
  const rejectsTable = `__plain_rejects_${id}`;
  const rejectsScan = `__plain_rejects_scan_${id}`;
  // the table keeps the file's order (insertion order is preserved), so rowid is the record's position.
  // DuckDB's own line limit (2 MB) stays: a larger one makes every read slower (5.0 s against 3.6 s for 10M
  // order lines at 16 MB), and a longer line is rejected, which sends the file through the first pass
  await db.exec(`CREATE OR REPLACE TABLE ${ident(data)} AS SELECT * FROM read_csv(${literal(path)},
    auto_detect = false, header = true, delim = ${literal(delimiter)}, quote = '"', escape = '"',
    columns = {${types}}, store_rejects = true, rejects_table = ${literal(rejectsTable)},
    rejects_scan = ${literal(rejectsScan)})`);
  const rejected = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(rejectsTable)}`))!.n;
  await db.exec(`DROP TABLE IF EXISTS ${ident(rejectsTable)}; DROP TABLE IF EXISTS ${ident(rejectsScan)}`);
  if (rejected > 0) {
    await db.exec(`DROP TABLE ${ident(data)}`);
    return undefined;
  }
  await db.exec(`CREATE OR REPLACE VIEW ${ident(table)} AS SELECT rowid + 2 AS __line, * FROM ${ident(data)}`);
  return (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(data)}`))!.n;
}

