/**
 * Loads one delimited text file (CSV, TSV, semicolon, pipe) into a table of
 * text columns plus `__line`, the file line each row came from. Rows DuckDB
 * cannot read are rejected with their line and reason; the counts add up:
 * loaded + rejected = records read, or the load fails.
 */
import {join} from "node:path";
import type {Db} from "../db/connection.ts";
import {detectEncoding, type Encoding} from "./encoding.ts";
import {EncodingMismatch, normaliseText, type Rejected} from "./normalise-text.ts";
import {uniqueNames} from "./names.ts";
import {readLinedCsv} from "./lined-csv.ts";

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
  const guess = options.encoding ? {encoding: options.encoding, bom: false} : await detectEncoding(file);
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
    blankLines: text.blankLines
  };
}

