// CSV of explorer rows that a spreadsheet opens safely: a text cell starting
// with = + - @ tab or carriage return would be read as a formula, so it gets
// a leading apostrophe; plain numbers ("-12.5") stay numbers.

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One cell, neutralised and quoted as CSV needs. */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  let text = typeof value === "bigint" ? value.toString() : String(value);
  if (typeof value === "string" && FORMULA.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: a header line, then one line per row; CRLF line ends. */
export function toCsv(columns, rows) {
  return [columns.map(csvCell).join(","), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(","))].join("\r\n") + "\r\n";
}
