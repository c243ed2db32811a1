/**
 * Loads the first (or a named) worksheet of an .xlsx workbook, streamed with
 * exceljs: rows are written to a UTF-8 text file with their sheet row number
 * as `__line`, then read by DuckDB like any other text file. Dates become
 * ISO text, formulas their cached result.
 */
import {createWriteStream} from "node:fs";
import {once} from "node:events";
import {join} from "node:path";
import ExcelJS from "exceljs";
import type {Db} from "../db/connection.ts";
import {uniqueNames} from "./names.ts";
import {readLinedCsv} from "./lined-csv.ts";
import type {Rejected} from "./normalise-text.ts";

export interface SheetLoad {
  file: string;
  format: "xlsx";
  sheet: string;
  columns: string[];
  read: number;
  loaded: number;
  rejected: Rejected[];
  blankLines: number;
}

let counter = 0;

export async function loadXlsx(db: Db, file: string, table: string, options: {sheet?: string; tempDir: string}): Promise<SheetLoad> {
  const path = join(options.tempDir, `sheet-${process.pid}-${++counter}.csv`);
  const out = createWriteStream(path, {encoding: "utf8"});
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore"
  });
  let header: string[] | undefined;
  let sheetName = "";
  let records = 0;
  let blankLines = 0;
  const rejected: Rejected[] = [];
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as {name?: string}).name ?? "";
      if (options.sheet !== undefined && name !== options.sheet) continue;
      sheetName = name;
      for await (const row of sheet) {
        const values = cellsOf(row.values as unknown[]);
        if (values.every((v) => v.trim() === "")) {
          blankLines++;
          continue;
        }
        if (!header) {
          header = uniqueNames(values);
          if (!out.write(["__line", ...header].map(quote).join(",") + "\n")) await once(out, "drain");
          continue;
        }
        if (values.length > header.length && values.slice(header.length).some((v) => v.trim() !== "")) {
          rejected.push({line: row.number, reason: `too many fields: ${values.length} where the header has ${header.length}`, text: values.join(" | ")});
          continue;
        }
        const cells = header.map((_, i) => values[i] ?? "");
        records++;
        if (!out.write([String(row.number), ...cells.map(quote)].join(",") + "\n")) await once(out, "drain");
      }
      break;
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  if (!header) {
    throw new Error(options.sheet ? `no worksheet named "${options.sheet}", or it is empty` : "the workbook's first worksheet is empty");
  }
  const read = await readLinedCsv(db, path, table, ",", header);
  if (read.loaded + read.rejected.length !== records) throw new Error(`${records} rows were read but ${read.loaded} loaded`);
  const all = [...rejected, ...read.rejected].sort((a, b) => a.line - b.line);
  return {file, format: "xlsx", sheet: sheetName, columns: header, read: read.loaded + all.length, loaded: read.loaded, rejected: all, blankLines};
}

function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** exceljs row values are 1-based, with holes; each cell becomes text. */
function cellsOf(values: unknown[]): string[] {
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
  }
  if (typeof value === "object") {
    const v = value as {result?: unknown; text?: unknown; richText?: {text: string}[]; error?: string};
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return String(v.error);
    return "";
  }
  return String(value);
}
