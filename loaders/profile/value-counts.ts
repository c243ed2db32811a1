/**
 * A column's figures from its value counts: a table (v, n, p) with one row
 * per distinct value (NULL included), how often it occurs, and whether it is
 * present (not NULL, empty or white space). Every figure is computed from it,
 * each value once, weighted by its count: the type (the narrowest of BIGINT,
 * DOUBLE, BOOLEAN, DATE, TIMESTAMP that every present text value casts to),
 * top values, value shapes, lengths, min/max and the histogram. Used by the
 * exact profile (profile.ts) and by the large-table profile (large.ts), over
 * the counts of every row or of a sample.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {parseDateSql} from "../db/dates.ts";
import type {Bin, ColumnProfile, Count, ProfileOptions} from "./profile.ts";

/** Letters (with the accented ones of Western European languages) and digits, for value shapes. */
const LOWER = "abcdefghijklmnopqrstuvwxyzàâäáãåæçéèêëíìîïñóòôöõøœúùûüýÿß";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÁÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÚÙÛÜÝŸ";

export const TEXT_TYPES = new Set(["VARCHAR"]);
export const NUMERIC = /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|DECIMAL.*)$/;
export const TEMPORAL = /^(DATE|TIMESTAMP.*)$/;

/** The profile of one column from its value counts: a table (v, n, p) with one row per distinct value, NULL included, and whether it is present. */
export async function profileColumn(db: Db, counts: string, name: string, columnType: string, rows: number, options: ProfileOptions): Promise<ColumnProfile> {
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
export const V = ident("v");
export const TEXT = `CAST(${V} AS VARCHAR)`;
/** Computed once per value, into the counts table's column `p`. */
export const PRESENT_SQL = `(${V} IS NOT NULL AND trim(${TEXT}) <> '')`;
export const PRESENT = ident("p");

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

/** What a present text value `v` must be to count as each type (over `trim(v)`). */
export function typeTests(v: string) {
  const trimmed = `trim(${v})`;
  const leadingZero = `regexp_matches(${trimmed}, '^[+-]?0[0-9]')`;
  const looks = looksLike(v);
  return {
    BIGINT: `TRY_CAST(${trimmed} AS BIGINT) IS NOT NULL AND ${looks.BIGINT} AND NOT ${leadingZero}`,
    DOUBLE: `${looks.DOUBLE} AND NOT ${leadingZero} AND NOT regexp_matches(lower(${trimmed}), '(inf|nan)')`,
    BOOLEAN: looks.BOOLEAN,
    DATE: `${looks.DATE} AND ${parseDateSql(v)} IS NOT NULL`,
    /** of a date: whether it has a time (then the column is a TIMESTAMP) */
    time: `regexp_matches(${trimmed}, '\\d{1,2}:\\d{2}')`
  };
}

/**
 * Of each type's test, a part that every value passing the test passes,
 * and quick to plan: a query with the date's whole test (a date parsed in
 * every format it may take) took 2.8 ms when its first value failed, one
 * with the boolean's 0.8 ms, an empty query 0.5 ms.
 */
function looksLike(v: string) {
  const trimmed = `trim(${v})`;
  return {
    BIGINT: `regexp_full_match(${trimmed}, '[+-]?[0-9]+')`,
    DOUBLE: `TRY_CAST(${trimmed} AS DOUBLE) IS NOT NULL`,
    BOOLEAN: `lower(${trimmed}) IN ('true', 'false')`,
    DATE: `regexp_matches(${trimmed}, '^(\\d{8}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T].*)?)$')`
  };
}
const TYPE_TESTS = typeTests(V);
const LOOKS_LIKE = looksLike(V);
/** Values a column of text is first looked at for one that looks like no type. */
const FIRST_VALUES = 100;
/** The types a text column is tried for, narrowest first. */
export const LADDER = ["BIGINT", "DOUBLE", "BOOLEAN", "DATE"] as const;

/**
 * The narrowest type every present value passes. A type is ruled out by
 * one value that fails it, so free text is settled by the first values
 * looked at rather than by testing every value against every type.
 */
async function inferType(db: Db, counts: string, filled: number): Promise<string> {
  if (filled === 0) return "VARCHAR";
  return ladder(db, ident(counts), 0);
}

/** The first type of the ladder from `start` that every present value of `from` (a relation of `v` and `p`, present) passes, else VARCHAR. */
export async function ladder(db: Db, from: string, start: number): Promise<string> {
  const every = async (test: string) => (await db.one(`SELECT 1 AS x FROM ${from} WHERE ${PRESENT} AND NOT coalesce(${test}, false) LIMIT 1`)) === undefined;
  // free text shows a value that looks like none of the types among its first: one short query instead of one
  // per type. Only among the first, for a column of numbers or dates would be looked at in full twice.
  const looks = LADDER.slice(start).map((type) => LOOKS_LIKE[type]).join(" OR ");
  if (await db.one(`SELECT 1 AS x FROM (SELECT ${V} FROM ${from} WHERE ${PRESENT} LIMIT ${FIRST_VALUES}) WHERE NOT coalesce(${looks}, false) LIMIT 1`)) return "VARCHAR";
  for (const type of LADDER.slice(start)) {
    if (!(await every(TYPE_TESTS[type]))) continue;
    if (type !== "DATE") return type;
    return (await db.one(`SELECT 1 AS x FROM ${from} WHERE ${PRESENT} AND ${TYPE_TESTS.time} LIMIT 1`)) ? "TIMESTAMP" : "DATE";
  }
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
  const {typed, kind, measure} = measureSql(V, columnType, type);
  const range = await db.one<{lo: string | number | null; hi: string | number | null; min: string | null; max: string | null}>(
    `SELECT min(m) AS lo, max(m) AS hi, CAST(min(t) AS VARCHAR) AS min, CAST(max(t) AS VARCHAR) AS max
     FROM (SELECT ${measure} AS m, ${typed ?? TEXT} AS t FROM ${from} WHERE ${PRESENT})`
  );
  const bins = range?.lo === null || range === undefined ? [] : await histogram(db, counts, measure, range.lo!, range.hi!, TEMPORAL.test(type) && kind === "value", nbins);
  return {top, patterns, min: range?.min ?? null, max: range?.max ?? null, histogram: {of: kind, bins} as ColumnProfile["histogram"]};
}

/** The value histogram is over numbers or dates (`typed`, the column's value as its type); text gets a length histogram. */
export function measureSql(v: string, columnType: string, type: string): {typed: string | null; kind: "value" | "length"; measure: string} {
  const typed = TEXT_TYPES.has(columnType) ? typedSql(v, type) : NUMERIC.test(type) || TEMPORAL.test(type) ? v : null;
  const kind = typed === null ? "length" : "value";
  const measure = typed === null ? `length(CAST(${v} AS VARCHAR))` : TEMPORAL.test(type) ? `CAST(${typed} AS DATE)` : `CAST(${typed} AS DOUBLE)`;
  return {typed, kind, measure};
}

/**
 * The value's shape, on its first 40 characters: each letter of LOWER
 * replaced by a, of UPPER by A, each digit by 9, any other character kept.
 * The text is split into its characters (code points) and each is mapped
 * on its own, ASCII by range first: the same as `translate` over those
 * letters or a `regexp_replace` per class, which DuckDB runs several times
 * slower (a map built, or a regular expression run, for every value).
 */
export function shapeSql(text: string): string {
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

export async function histogram(db: Db, counts: string, measure: string, lo: string | number, hi: string | number, dates: boolean, n: number): Promise<Bin[]> {
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
