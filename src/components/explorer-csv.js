// CSV of explorer rows that a spreadsheet opens safely (lib/spreadsheet.js).
import {safeCellText} from "../lib/spreadsheet.js";

/** One cell, neutralised and quoted as CSV needs. */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  let text = typeof value === "bigint" ? value.toString() : String(value);
  if (typeof value === "string") text = safeCellText(text);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: a header line, then one line per row; CRLF line ends. */
export function toCsv(columns, rows) {
  return [columns.map(csvCell).join(","), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(","))].join("\r\n") + "\r\n";
}
