/**
 * The profile of every column of a table: type, fill, distinct values, top
 * values, value patterns (`Aa9` masks), lengths, min/max and a histogram.
 * Text columns get their type from their values: the narrowest of BIGINT,
 * DOUBLE, BOOLEAN, DATE, TIMESTAMP that every non-missing value casts to.
 *
 * One scan of the table per column: its distinct values and how often each
 * occurs (`GROUP BY`) go to a temporary table, and every figure is computed
 * from it, each value once, weighted by its count. The figures are exactly
 * those of the same queries over every row (a count of distinct values is
 * the number of groups; an average is a weighted sum over the count), at
 * the cost of one hash aggregation per column instead of evaluating casts,
 * date parsing and value shapes on every row.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
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

const TEXT_TYPES = new Set(["VARCHAR"]);
const NUMERIC = /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|DECIMAL.*)$/;
const TEMPORAL = /^(DATE|TIMESTAMP.*)$/;

export async function profileTable(db: Db, table: string, columns?: readonly string[], options: ProfileOptions = {}): Promise<ColumnProfile[]> {
  const described = await db.all<{column_name: string; column_type: string}>(`SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`);
  const wanted = described.filter((c) => (columns ? columns.includes(c.column_name) : !c.column_name.startsWith("__")));
  if (wanted.length === 0) return [];
  const rows = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(table)}`))!.n;
  const profiles: ColumnProfile[] = [];
  const counts = `__profile_counts_${++counter}`;
  try {
    for (const c of wanted) {
      await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(counts)} AS SELECT v, n, ${PRESENT_SQL} AS p
        FROM (SELECT ${ident(c.column_name)} AS v, count(*) AS n FROM ${ident(table)} GROUP BY ALL)`);
      profiles.push(await profileColumn(db, counts, c.column_name, c.column_type, rows, options));
    }
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${ident(counts)}`);
  }
  return profiles;
}

let counter = 0;

/** The profile of one column from its value counts: a table (v, n, p) with one row per distinct value, NULL included, and whether it is present. */
async function profileColumn(db: Db, counts: string, name: string, columnType: string, rows: number, options: ProfileOptions): Promise<ColumnProfile> {
  const first = (await db.one<Record<string, number | null>>(`SELECT ${summarySql()} FROM ${ident(counts)}`))!;
  const missing = Number(first.missing ?? 0);
  const filled = rows - missing;
  const type = TEXT_TYPES.has(columnType) ? await inferType(db, counts, filled) : columnType;
  return {
    name,
    type,
    rows,
    missing,
    filled,
    distinct: Number(first.distinct ?? 0),
    length: {
      min: first.lmin ?? null,
      max: first.lmax ?? null,
      mean: first.lmean === null || first.lmean === undefined ? null : Math.round(Number(first.lmean) * 10) / 10
    },
    ...(await details(db, counts, columnType, type, options))
  };
}

/** The column's value, its text, and whether it is present (not NULL, empty or white space), in the counts table. */
const V = ident("v");
const TEXT = `CAST(${V} AS VARCHAR)`;
/** Computed once per value, into the counts table's column `p`. */
const PRESENT_SQL = `(${V} IS NOT NULL AND trim(${TEXT}) <> '')`;
const PRESENT = ident("p");

/** Aggregates of one column over its value counts. */
function summarySql(): string {
  return [
    `coalesce(sum(n) FILTER (WHERE NOT ${PRESENT}), 0) AS missing`,
    `count(*) FILTER (WHERE ${V} IS NOT NULL) AS distinct`,
    `min(length(${TEXT})) AS lmin`,
    `max(length(${TEXT})) AS lmax`,
    `CAST(sum(length(${TEXT}) * n) AS DOUBLE) / sum(n) FILTER (WHERE ${V} IS NOT NULL) AS lmean`
  ].join(", ");
}

/** What a present text value must be to count as each type (over `trim(v)`). */
const TRIMMED = `trim(${V})`;
const LEADING_ZERO = `regexp_matches(${TRIMMED}, '^[+-]?0[0-9]')`;
const TYPE_TESTS = {
  bigint: `TRY_CAST(${TRIMMED} AS BIGINT) IS NOT NULL AND regexp_full_match(${TRIMMED}, '[+-]?[0-9]+') AND NOT ${LEADING_ZERO}`,
  double: `TRY_CAST(${TRIMMED} AS DOUBLE) IS NOT NULL AND NOT ${LEADING_ZERO} AND NOT regexp_matches(lower(${TRIMMED}), '(inf|nan)')`,
  boolean: `lower(${TRIMMED}) IN ('true', 'false')`,
  date: `regexp_matches(${TRIMMED}, '^(\\d{8}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T].*)?)$') AND ${parseDateSql(V)} IS NOT NULL`,
  time: `regexp_matches(${TRIMMED}, '\\d{1,2}:\\d{2}')`
};

/**
 * The narrowest type every present value passes. A type is ruled out by
 * one value that fails it, so free text is settled by the first values
 * looked at rather than by testing every value against every type.
 */
async function inferType(db: Db, counts: string, filled: number): Promise<string> {
  if (filled === 0) return "VARCHAR";
  const from = ident(counts);
  const every = async (test: string) => (await db.one(`SELECT 1 AS x FROM ${from} WHERE ${PRESENT} AND NOT coalesce(${test}, false) LIMIT 1`)) === undefined;
  if (await every(TYPE_TESTS.bigint)) return "BIGINT";
  if (await every(TYPE_TESTS.double)) return "DOUBLE";
  if (await every(TYPE_TESTS.boolean)) return "BOOLEAN";
  if (await every(TYPE_TESTS.date)) return (await db.one(`SELECT 1 AS x FROM ${from} WHERE ${PRESENT} AND ${TYPE_TESTS.time} LIMIT 1`)) ? "TIMESTAMP" : "DATE";
  return "VARCHAR";
}

/** Top values, patterns, min/max and histogram: one query each, over the value counts. */
async function details(db: Db, counts: string, columnType: string, type: string, options: ProfileOptions) {
  const limit = options.top ?? 10;
  const nbins = options.bins ?? 20;
  const from = ident(counts);
  // a text column's values are its groups already; another type's text may join two (as 0.0 and -0.0 may)
  const top = TEXT_TYPES.has(columnType)
    ? await db.all<Count>(`SELECT ${V} AS value, n AS count FROM ${from} WHERE ${PRESENT} ORDER BY count DESC, value LIMIT ${limit}`)
    : await db.all<Count>(`SELECT ${TEXT} AS value, sum(n) AS count FROM ${from} WHERE ${PRESENT} GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`);
  const patterns = await db.all<Count>(`SELECT ${shapeSql(TEXT)} AS value, sum(n) AS count FROM ${from} WHERE ${PRESENT} GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`);
  // the value histogram is over numbers or dates; text gets a length histogram
  const typed = TEXT_TYPES.has(columnType) ? typedSql(V, type) : NUMERIC.test(type) || TEMPORAL.test(type) ? V : null;
  const kind = typed === null ? "length" : "value";
  const measure = typed === null ? `length(${TEXT})` : TEMPORAL.test(type) ? `CAST(${typed} AS DATE)` : `CAST(${typed} AS DOUBLE)`;
  const range = await db.one<{lo: string | number | null; hi: string | number | null; min: string | null; max: string | null}>(
    `SELECT min(m) AS lo, max(m) AS hi, CAST(min(t) AS VARCHAR) AS min, CAST(max(t) AS VARCHAR) AS max
     FROM (SELECT ${measure} AS m, ${typed ?? TEXT} AS t FROM ${from} WHERE ${PRESENT})`
  );
  const bins = range?.lo === null || range === undefined ? [] : await histogram(db, counts, measure, range.lo!, range.hi!, TEMPORAL.test(type) && kind === "value", nbins);
  return {top, patterns, min: range?.min ?? null, max: range?.max ?? null, histogram: {of: kind, bins} as ColumnProfile["histogram"]};
}

/**
 * The value's shape, on its first 40 characters: each letter of LOWER
 * replaced by a, of UPPER by A, each digit by 9, any other character kept.
 * The text is split into its characters (code points) and each is mapped
 * on its own, ASCII by range first: the same as `translate` over those
 * letters or a `regexp_replace` per class, which DuckDB runs several times
 * slower (a map built, or a regular expression run, for every value).
 */
function shapeSql(text: string): string {
  const letter = (c: string) =>
    `CASE WHEN ${c} BETWEEN 'a' AND 'z' THEN 'a' WHEN ${c} BETWEEN 'A' AND 'Z' THEN 'A' WHEN ${c} BETWEEN '0' AND '9' THEN '9' WHEN ${c} < chr(128) THEN ${c}
      WHEN contains(${literal(LOWER.slice(26))}, ${c}) THEN 'a' WHEN contains(${literal(UPPER.slice(26))}, ${c}) THEN 'A' ELSE ${c} END`;
  return `array_to_string(list_transform(string_split(left(${text}, 40), ''), c -> ${letter("c")}), '')`;
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

async function histogram(db: Db, counts: string, measure: string, lo: string | number, hi: string | number, dates: boolean, n: number): Promise<Bin[]> {
  const x = dates ? `epoch_ms(CAST(m AS TIMESTAMP)) / 86400000.0` : `CAST(m AS DOUBLE)`;
  const min = dates ? Date.parse(String(lo)) / 86400000 : Number(lo);
  const max = dates ? Date.parse(String(hi)) / 86400000 : Number(hi);
  const width = max > min ? (max - min) / n : 1;
  const rows = await db.all<{bin: number; count: number}>(
    `SELECT least(${n - 1}, CAST(floor((${x} - ${min}) / ${width}) AS INTEGER)) AS bin, sum(n) AS count
     FROM (SELECT ${measure} AS m, n FROM ${ident(counts)} WHERE ${PRESENT}) WHERE m IS NOT NULL GROUP BY 1 ORDER BY 1`
  );
  const label = (v: number) => (dates ? new Date(Math.round(v) * 86400000).toISOString().slice(0, 10) : String(Math.round(v * 1e6) / 1e6));
  const bins = max > min ? n : 1;
  const byBin = new Map(rows.map((r) => [r.bin, r.count]));
  return Array.from({length: bins}, (_, i) => ({x0: label(min + i * width), x1: label(min + (i + 1) * width), count: byBin.get(i) ?? 0}));
}
