/**
 * One delimited record, read quote-aware (RFC 4180: a field is quoted when
 * it starts with `"`, and `""` inside it is a quote). Used on header lines
 * and on the few lines that hold a quote; plain lines never come here.
 */

export type RecordStatus =
  /** a complete record */
  | "complete"
  /** a quoted field is still open at the end: the record may go on on the next line */
  | "open"
  /** a quote where none may stand: inside an unquoted value, or text after a closing quote */
  | "stray";

export interface ParsedRecord {
  status: RecordStatus;
  /** number of fields seen (complete records only are meaningful) */
  count: number;
  /** the field values, unquoted (complete records only, when asked for) */
  fields: string[];
  /** 1-based field where a stray quote stands */
  strayField?: number;
}

export function parseRecord(text: string, delimiter: string, keepFields = false): ParsedRecord {
  const fields: string[] = [];
  let count = 1;
  let i = 0;
  let value = "";
  const n = text.length;
  const push = (v: string) => keepFields && fields.push(v);
  while (i <= n) {
    if (text[i] === '"') {
      // quoted field
      value = "";
      let from = i + 1;
      for (;;) {
        const j = text.indexOf('"', from);
        if (j < 0) return {status: "open", count, fields};
        value += text.slice(from, j);
        if (text[j + 1] === '"') {
          value += '"';
          from = j + 2;
          continue;
        }
        i = j + 1;
        break;
      }
      if (i < n && !text.startsWith(delimiter, i)) return {status: "stray", count, fields, strayField: count};
      push(value);
    } else {
      const end = text.indexOf(delimiter, i);
      const stop = end < 0 ? n : end;
      const quote = text.indexOf('"', i);
      if (quote >= 0 && quote < stop) return {status: "stray", count, fields, strayField: count};
      push(text.slice(i, stop));
      i = stop;
    }
    if (i >= n) break;
    // at a delimiter
    i += delimiter.length;
    count++;
    if (i === n) {
      push("");
      break;
    }
  }
  return {status: "complete", count, fields};
}
