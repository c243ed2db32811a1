/**
 * The profile of every column of a table: type, fill, distinct values, top
 * values, value patterns (`Aa9` masks), lengths, min/max and a histogram.
 * Text columns get their type from their values: the narrowest of BIGINT,
 * DOUBLE, BOOLEAN, DATE, TIMESTAMP that every non-missing value casts to.
 */
import type {Db} from "../db/connection.ts";
import {ident} from "../db/sql.ts";
import {parseDateSql} from "../db/dates.ts";

export interface Count {
  value: string;
  count: number;
}

export interface Bin {
  /** lower bound, as text (a number or a date) */
  x0: string;
  x1: string;
  count: number;
}

export interface ColumnProfile {
  name: string;
  /** DuckDB type: the file's own, or the one inferred from text */
  type: string;
  rows: number;
  /** NULL, empty or only white space */
  missing: number;
  filled: number;
  distinct: number;
  /** most frequent values, most frequent first */
  top: Count[];
  /** most frequent value shapes: upper-case letters → A, lower-case → a, digits → 9 */
  patterns: Count[];
  length: {min: number | null; max: number | null; mean: number | null};
  min: string | null;
  max: string | null;
  /** over values (numbers, dates), else over lengths */
  histogram: {of: "value" | "length"; bins: Bin[]};
}

export interface ProfileOptions {
  /** how many top values and patterns; default 10 */
  top?: number;
  /** histogram bins; default 20 */
  bins?: number;
}

/** Letters (with the accented ones of Western European languages) and digits, for value shapes. */
const LOWER = "abcdefghijklmnopqrstuvwxyzàâäáãåæçéèêëíìîïñóòôöõøœúùûüýÿß";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÁÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÚÙÛÜÝŸ";
const SHAPE_FROM = LOWER + UPPER + "0123456789";
const SHAPE_TO = "a".repeat([...LOWER].length) + "A".repeat([...UPPER].length) + "9".repeat(10);

const TEXT_TYPES = new Set(["VARCHAR"]);
const NUMERIC = /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|DECIMAL.*)$/;
const TEMPORAL = /^(DATE|TIMESTAMP.*)$/;

export async function profileTable(db: Db, table: string, columns?: readonly string[], options: ProfileOptions = {}): Promise<ColumnProfile[]> {
  const described = await db.all<{column_name: string; column_type: string}>(`SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`);
  const wanted = described.filter((c) => (columns ? columns.includes(c.column_name) : !c.column_name.startsWith("__")));
  if (wanted.length === 0) return [];
  const first = await db.one<Record<string, number | null>>(
    `SELECT count(*) AS rows, ${wanted.map((c, i) => summarySql(c.column_name, c.column_type, i)).join(", ")} FROM ${ident(table)}`
  );
  const profiles: ColumnProfile[] = [];
  for (const [i, c] of wanted.entries()) {
    const get = (k: string) => Number(first![`c${i}_${k}`] ?? 0);
    const rows = Number(first!.rows);
    const missing = get("missing");
    const filled = rows - missing;
    const type = TEXT_TYPES.has(c.column_type) ? inferType(filled, (k) => get(k)) : c.column_type;
    profiles.push({
      name: c.column_name,
      type,
      rows,
      missing,
      filled,
      distinct: get("distinct"),
      length: {
        min: first![`c${i}_lmin`] ?? null,
        max: first![`c${i}_lmax`] ?? null,
        mean: first![`c${i}_lmean`] === null ? null : Math.round(Number(first![`c${i}_lmean`]) * 10) / 10
      },
      ...(await details(db, table, c.column_name, c.column_type, type, options))
    });
  }
  return profiles;
}

/** Aggregates of one column for the single pass over the table. */
function summarySql(name: string, columnType: string, i: number): string {
  const c = ident(name);
  const text = `CAST(${c} AS VARCHAR)`;
  const present = `(${c} IS NOT NULL AND trim(${text}) <> '')`;
  const parts = [
    `count(*) FILTER (WHERE NOT ${present}) AS c${i}_missing`,
    `count(DISTINCT ${c}) AS c${i}_distinct`,
    `min(length(${text})) AS c${i}_lmin`,
    `max(length(${text})) AS c${i}_lmax`,
    `avg(length(${text})) AS c${i}_lmean`
  ];
  if (TEXT_TYPES.has(columnType)) {
    const v = `trim(${c})`;
    const leadingZero = `regexp_matches(${v}, '^[+-]?0[0-9]')`;
    parts.push(
      `count(*) FILTER (WHERE ${present} AND TRY_CAST(${v} AS BIGINT) IS NOT NULL AND regexp_full_match(${v}, '[+-]?[0-9]+') AND NOT ${leadingZero}) AS c${i}_bigint`,
      `count(*) FILTER (WHERE ${present} AND TRY_CAST(${v} AS DOUBLE) IS NOT NULL AND NOT ${leadingZero} AND NOT regexp_matches(lower(${v}), '(inf|nan)')) AS c${i}_double`,
      `count(*) FILTER (WHERE ${present} AND lower(${v}) IN ('true', 'false')) AS c${i}_boolean`,
      `count(*) FILTER (WHERE ${present} AND regexp_matches(${v}, '^(\\d{8}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T].*)?)$') AND ${parseDateSql(c)} IS NOT NULL) AS c${i}_date`,
      `count(*) FILTER (WHERE ${present} AND regexp_matches(${v}, '\\d{1,2}:\\d{2}')) AS c${i}_time`
    );
  }
  return parts.join(", ");
}

function inferType(filled: number, get: (k: string) => number): string {
  if (filled === 0) return "VARCHAR";
  if (get("bigint") === filled) return "BIGINT";
  if (get("double") === filled) return "DOUBLE";
  if (get("boolean") === filled) return "BOOLEAN";
  if (get("date") === filled) return get("time") > 0 ? "TIMESTAMP" : "DATE";
  return "VARCHAR";
}

/** Top values, patterns, min/max and histogram: one query each. */
async function details(db: Db, table: string, name: string, columnType: string, type: string, options: ProfileOptions) {
  const limit = options.top ?? 10;
  const nbins = options.bins ?? 20;
  const c = ident(name);
  const present = `${c} IS NOT NULL AND trim(CAST(${c} AS VARCHAR)) <> ''`;
  const top = await db.all<Count>(
    `SELECT CAST(${c} AS VARCHAR) AS value, count(*) AS count FROM ${ident(table)} WHERE ${present} GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`
  );
  const shape = `left(translate(CAST(${c} AS VARCHAR), '${SHAPE_FROM}', '${SHAPE_TO}'), 40)`;
  const patterns = await db.all<Count>(
    `SELECT ${shape} AS value, count(*) AS count FROM ${ident(table)} WHERE ${present} GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`
  );
  // the value histogram is over numbers or dates; text gets a length histogram
  const typed = TEXT_TYPES.has(columnType) ? typedSql(c, type) : NUMERIC.test(type) || TEMPORAL.test(type) ? c : null;
  const kind = typed === null ? "length" : "value";
  const measure = typed === null ? `length(CAST(${c} AS VARCHAR))` : TEMPORAL.test(type) ? `CAST(${typed} AS DATE)` : `CAST(${typed} AS DOUBLE)`;
  const range = await db.one<{lo: string | number | null; hi: string | number | null; min: string | null; max: string | null}>(
    `SELECT min(m) AS lo, max(m) AS hi, CAST(min(v) AS VARCHAR) AS min, CAST(max(v) AS VARCHAR) AS max
     FROM (SELECT ${measure} AS m, ${typed ?? `CAST(${c} AS VARCHAR)`} AS v FROM ${ident(table)} WHERE ${present})`
  );
  const bins = range?.lo === null || range === undefined ? [] : await histogram(db, table, measure, present, range.lo!, range.hi!, TEMPORAL.test(type) && kind === "value", nbins);
  return {top, patterns, min: range?.min ?? null, max: range?.max ?? null, histogram: {of: kind, bins} as ColumnProfile["histogram"]};
}

function typedSql(c: string, type: string): string | null {
  switch (type) {
    case "BIGINT":
    case "DOUBLE":
      return `TRY_CAST(trim(${c}) AS ${type})`;
    case "DATE":
    case "TIMESTAMP":
      return parseDateSql(c);
    default:
      return null;
  }
}

async function histogram(db: Db, table: string, measure: string, present: string, lo: string | number, hi: string | number, dates: boolean, n: number): Promise<Bin[]> {
  const x = dates ? `epoch_ms(CAST(m AS TIMESTAMP)) / 86400000.0` : `CAST(m AS DOUBLE)`;
  const min = dates ? Date.parse(String(lo)) / 86400000 : Number(lo);
  const max = dates ? Date.parse(String(hi)) / 86400000 : Number(hi);
  const width = max > min ? (max - min) / n : 1;
  const rows = await db.all<{bin: number; count: number}>(
    `SELECT least(${n - 1}, CAST(floor((${x} - ${min}) / ${width}) AS INTEGER)) AS bin, count(*) AS count
     FROM (SELECT ${measure} AS m FROM ${ident(table)} WHERE ${present}) WHERE m IS NOT NULL GROUP BY 1 ORDER BY 1`
  );
  const label = (v: number) => (dates ? new Date(Math.round(v) * 86400000).toISOString().slice(0, 10) : String(Math.round(v * 1e6) / 1e6));
  const bins = max > min ? n : 1;
  const counts = new Map(rows.map((r) => [r.bin, r.count]));
  return Array.from({length: bins}, (_, i) => ({x0: label(min + i * width), x1: label(min + (i + 1) * width), count: counts.get(i) ?? 0}));
}
