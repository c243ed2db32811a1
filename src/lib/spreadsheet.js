// Cells that a spreadsheet opens safely. A text starting with = + - @ tab or
// carriage return would be read as a formula: it gets a leading apostrophe.
// Plain numbers ("-12.5") and phone numbers ("+33 6 12 34 56 78") stay as
// they are: they hold no formula and must stay usable. The same patterns
// serve the browser (explorer downloads) and the engine's SQL exports
// (loaders/db/spreadsheet.ts).

/** The characters a formula starts with. */
export const FORMULA_FIRST = ["=", "+", "-", "@", "\t", "\r"];
/** Starts like a formula. */
export const FORMULA_START = `^[${FORMULA_FIRST.map((c) => (c === "-" ? "\\-" : c)).join("")}]`;
/** A plain number: sign, digits, decimal point or comma, exponent. */
export const PLAIN_NUMBER = "^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?$";
/** A phone number: an optional +, then digits with spaces, dots, dashes or brackets, and at least 6 digits. */
export const PHONE_NUMBER = "^\\+?[0-9][0-9 .()\\-]{4,}[0-9]$";

const formula = new RegExp(FORMULA_START);
const plain = [new RegExp(PLAIN_NUMBER), new RegExp(PHONE_NUMBER)];

/** The text of a cell, made safe. */
export function safeCellText(text) {
  return formula.test(text) && !plain.some((p) => p.test(text)) ? `'${text}` : text;
}
