/**
 * The profile of a table of more than `exactRows` rows (see profileLarge):
 * exact figures from vectorised aggregates over every row, distinct counts
 * by HyperLogLog, top-value candidates, patterns and histograms from a fixed
 * sample of about `sampleRows` rows.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import type {ColumnProfile, Count, ProfileOptions} from "./profile.ts";
import {distinctEstimates} from "./hyperloglog.ts";
import {LADDER, NUMERIC, PRESENT, PRESENT_SQL, TEMPORAL, TEXT, TEXT_TYPES, V, histogram, ladder, measureSql, profileColumn, shapeSql, typeTests} from "./value-counts.ts";

/** Rows sampled from a large table (about), unless the options say otherwise. */
export const SAMPLE_ROWS = 100_000;

let counter = 0;

/** A large table's column as the scan over every row computes it. */
interface Scanned {
  name: string;
  columnType: string;
  /** the type the scan assumes: the column's own, or the narrowest every present value of the sample passes */
  type: string;
  /** a text column: whether the scan counts the present values that fail `type` (a counter-example outside the sample) */
  verify: boolean;
  /** a DATE being verified: whether the scan looks for a time in every value (the sample found none) */
  findTime: boolean;
}

interface ScanResult {
  missing: number;
  lmin: number | null;
  lmax: number | null;
  lsum: number | null;
  lcount: number;
  min: string | null;
  max: string | null;
  lo: string | number | null;
  hi: string | number | null;
  fails: number;
  times: number;
}

/**
 * The profile of a table of more than `exactRows` rows. Exact over every
 * row: rows, missing, filled, lengths, min/max and the type. The type is
 * the one the sample settles on (the types before it each have a
 * counter-example in the sample, hence in the table), checked on every
 * row in the scan; a column with a counter-example outside the sample is
 * tried for the next types over every row, as small tables are, and
 * scanned again. Estimated: the count of distinct values (HyperLogLog,
 * over every row), the choice of the top values (the sample's most
 * frequent, each counted exactly over every row: a value that fills 1 row
 * in 10,000 is in a sample of 100,000 rows about ten times), patterns and
 * the histogram (the sample's, scaled to the table's filled rows; the
 * histogram's bins span the exact min and max).
 */
export async function profileLarge(
  db: Db,
  table: string,
  described: readonly {column_name: string; column_type: string}[],
  wanted: readonly {column_name: string; column_type: string}[],
  rows: number,
  options: ProfileOptions
): Promise<ColumnProfile[]> {
  const limit = options.top ?? 10;
  const nbins = options.bins ?? 20;
  const id = ++counter;
  const sample = `__profile_sample_${id}`;
  const from = ident(table);
  const temporary = [sample];
  const views: string[] = [];
  try {
    // the sample: rows whose number hashes under the threshold, the same rows every run
    const threshold = Math.ceil((SAMPLE_SCALE * (options.sampleRows ?? SAMPLE_ROWS)) / rows);
    const list = wanted.map((c) => ident(c.column_name)).join(", ");
    const numbered = described.some((c) => c.column_name === "__row")
      ? `SELECT ${list}, ${ident("__row")} AS __n FROM ${from}`
      : (await isTable(db, table))
        ? `SELECT ${list}, rowid AS __n FROM ${from}`
        : `SELECT ${list}, row_number() OVER () AS __n FROM ${from}`;
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(sample)} AS SELECT ${list} FROM (${numbered}) WHERE hash(__n) % ${SAMPLE_SCALE} < ${threshold}`);
    const sampleRows = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(sample)}`))!.n;

    // every column's value counts in the sample: one long table (k, v, n, p) per column type, each in one query
    // whose branches run side by side (a table of 100,000 rows is one row group: a query over it alone keeps
    // one thread); one wide table with a value column per column costed three times as much. Each column is
    // seen through its view.
    const byType = new Map<string, number[]>();
    for (const [i, c] of wanted.entries()) byType.set(c.column_type, [...(byType.get(c.column_type) ?? []), i]);
    const seenRows: {k: number; seen: number; filled: number | null}[] = [];
    for (const [t, members] of [...byType.values()].entries()) {
      const counts = `${sample}_counts_${t}`;
      temporary.push(counts);
      await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(counts)} AS ${members
        .map((i) => `SELECT ${i} AS k, v, n, ${PRESENT_SQL} AS p FROM (SELECT ${ident(wanted[i]!.column_name)} AS v, count(*) AS n FROM ${ident(sample)} GROUP BY ALL)`)
        .join(" UNION ALL ")}`);
      for (const i of members) {
        views.push(`${sample}_${i}`);
        await db.exec(`CREATE OR REPLACE TEMP VIEW ${ident(`${sample}_${i}`)} AS SELECT v, n, p FROM ${ident(counts)} WHERE k = ${i}`);
      }
      seenRows.push(...(await db.all<{k: number; seen: number; filled: number | null}>(`SELECT k, count(v) AS seen, sum(n) FILTER (WHERE p) AS filled FROM ${ident(counts)} GROUP BY k`)));
    }
    const seenOf = new Map(seenRows.map((r) => [Number(r.k), r]));

    // per column, from the sample's value counts: few distinct values (a category, a date, an amount) are
    // grouped over every row and profiled exactly, as small tables are; the others (identifiers, e-mails,
    // phones) get the type to check, the candidates for the top values and the patterns
    const grouped: {i: number; name: string; columnType: string}[] = [];
    const columns: {i: number; scan: Scanned; counts: string; sampleFilled: number; seen: number; candidates: Count[]; patterns: Count[]}[] = [];
    for (const [i, c] of wanted.entries()) {
      const counts = `${sample}_${i}`;
      const seen = Number(seenOf.get(i)?.seen ?? 0);
      if (seen <= sampleRows / GROUPED_SHARE) {
        grouped.push({i, name: c.column_name, columnType: c.column_type});
        continue;
      }
      const sampleFilled = Number(seenOf.get(i)?.filled ?? 0);
      const text = TEXT_TYPES.has(c.column_type);
      const type = !text ? c.column_type : sampleFilled === 0 ? LADDER[0] : await ladder(db, ident(counts), 0);
      const scan: Scanned = {name: c.column_name, columnType: c.column_type, type, verify: text && type !== "VARCHAR", findTime: type === "DATE"};
      columns.push({i, scan, counts, sampleFilled, seen, candidates: [], patterns: []});
    }
    // the candidates for the top values and the patterns of those columns, one query each for all of them.
    // The `keep` most frequent of each column, ties by value, as `min_by`'s bounded list (a heap per column):
    // a window over every distinct value of the sample sorted them all, at eight times the cost. `value` gives
    // the SQL of what is ranked, or null for a text column's own value, whose counts are one row per value
    // already; a shape, or another type's text, may join several rows, which are added up.
    const ranked = async (value: (c: (typeof columns)[number]) => string | null, keep: number) => {
      if (columns.length === 0) return new Map<number, Count[]>();
      const rows = await db.all<Count & {k: number}>(
        `SELECT k, t.value, t.count FROM (SELECT k, unnest(min_by({'value': value, 'count': count}, {'a': -count, 'b': value}, ${keep})) AS t
         FROM (${columns
           .map((c) => {
             const v = value(c);
             return v === null
               ? `SELECT ${c.i} AS k, ${V} AS value, n AS count FROM ${ident(c.counts)} WHERE ${PRESENT}`
               : `SELECT ${c.i} AS k, ${v} AS value, sum(n) AS count FROM ${ident(c.counts)} WHERE ${PRESENT} GROUP BY 1, 2`;
           })
           .join(" UNION ALL ")}) GROUP BY k) ORDER BY k, t.count DESC, t.value`
      );
      const byColumn = new Map<number, Count[]>();
      for (const {k, value: v, count} of rows) byColumn.set(Number(k), [...(byColumn.get(Number(k)) ?? []), {value: v, count}]);
      return byColumn;
    };
    const candidates = await ranked((c) => (TEXT_TYPES.has(c.scan.columnType) ? null : TEXT), CANDIDATES * limit);
    const patterns = await ranked(() => shapeSql(TEXT), limit);
    for (const c of columns) {
      c.candidates = candidates.get(c.i) ?? [];
      c.patterns = patterns.get(c.i) ?? [];
    }

    const profiles: ColumnProfile[] = new Array(wanted.length);
    for (const g of grouped) {
      const counts = `${sample}_${g.i}_all`;
      temporary.push(counts);
      await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(counts)} AS SELECT v, n, ${PRESENT_SQL} AS p
        FROM (SELECT ${ident(g.name)} AS v, count(*) AS n FROM ${from} GROUP BY ALL)`);
      profiles[g.i] = await profileColumn(db, counts, g.name, g.columnType, rows, options);
    }
    if (columns.length === 0) return profiles;

    // every row: one scan for every other column; then the columns whose type failed on a row outside the sample
    const results = await scanAll(db, from, columns.map((c) => c.scan));
    const distinct = await distinctEstimates(db, from, columns.map((c) => c.scan.name));
    for (const [j, c] of columns.entries()) {
      const r = results[j]!;
      if (!c.scan.verify || r.fails === 0) {
        if (c.scan.findTime && r.times > 0) c.scan.type = "TIMESTAMP";
        continue;
      }
      const col = ident(c.scan.name);
      const relation = `(SELECT ${col} AS v, ${presentSql(col, c.scan.columnType)} AS p FROM ${from})`;
      const start = LADDER.indexOf(c.scan.type === "TIMESTAMP" ? "DATE" : (c.scan.type as (typeof LADDER)[number])) + 1;
      c.scan.type = await ladder(db, relation, start);
      c.scan.verify = false;
      c.scan.findTime = false;
      results[j] = (await scanAll(db, from, [c.scan]))[0]!;
    }

    for (const [j, c] of columns.entries()) {
      const r = results[j]!;
      const filled = rows - r.missing;
      const type = TEXT_TYPES.has(c.scan.columnType) && filled === 0 ? "VARCHAR" : c.scan.type;
      const col = ident(c.scan.name);
      const textOf = TEXT_TYPES.has(c.scan.columnType) ? col : `CAST(${col} AS VARCHAR)`;
      // exact counts of the candidates, over every row
      const top =
        c.candidates.length === 0
          ? []
          : await db.all<Count>(
              `SELECT ${textOf} AS value, count(*) AS count FROM ${from} WHERE ${textOf} IN (${c.candidates.map((v) => literal(v.value)).join(", ")})
               GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`
            );
      // the sample's present values stand for the table's
      const scale = c.sampleFilled === 0 ? 0 : filled / c.sampleFilled;
      const scaled = <T extends {count: number}>(list: T[]): T[] => list.map((x) => ({...x, count: Math.round(Number(x.count) * scale)}));
      const {kind, measure} = measureSql(V, c.scan.columnType, type);
      const bins = r.lo === null || filled === 0 ? [] : await histogram(db, c.counts, measure, r.lo, r.hi!, TEMPORAL.test(type) && kind === "value", nbins);
      profiles[c.i] = {
        name: c.scan.name,
        type,
        rows,
        missing: r.missing,
        filled,
        // the estimate cannot be under the distinct values seen in the sample, nor over the values
        distinct: Math.max(c.seen, Math.min(distinct[j]!, r.lcount)),
        top,
        patterns: scaled(c.patterns),
        length: {min: r.lmin, max: r.lmax, mean: r.lcount === 0 ? null : Math.round((Number(r.lsum) / r.lcount) * 10) / 10},
        min: r.min,
        max: r.max,
        histogram: {of: kind, bins: scaled(bins)},
        estimated: {distinct: true, topFromSample: true, patterns: true, histogram: true, sampleRows}
      };
    }
    return profiles;
  } finally {
    for (const v of views) await db.exec(`DROP VIEW IF EXISTS ${ident(v)}`);
    for (const t of temporary) await db.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  }
}

/** Sample: rows whose row number hashes to under threshold in this many. */
const SAMPLE_SCALE = 1_000_000;
/** Columns with at most one distinct value in this many rows of the sample are grouped over every row. */
const GROUPED_SHARE = 10;
/** Candidates for the top values: this many times as many as are shown. */
const CANDIDATES = 4;

async function isTable(db: Db, table: string): Promise<boolean> {
  return (await db.one(`SELECT 1 AS x FROM duckdb_tables() WHERE table_name = ${literal(table)}`)) !== undefined;
}

/** Whether a value is present: as `PRESENT_SQL`, where a number, date or boolean is present unless NULL (its text is never blank). */
function presentSql(col: string, columnType: string): string {
  if (NUMERIC.test(columnType) || TEMPORAL.test(columnType) || columnType === "BOOLEAN") return `(${col} IS NOT NULL)`;
  // trim removes the space and Unicode's other spaces (U+00A0, U+1680, U+2000…U+3000), whose UTF-8 starts
  // with 0x20 or 0xC2…0xE3: text whose first byte is from "!" (0x21) to 0xC1 is present without trimming it.
  // CASE, not OR: DuckDB evaluates both sides of an OR on every row, and the trim is what costs (1.3 s to 0.5 s per 10M values)
  const text = TEXT_TYPES.has(columnType) ? col : `CAST(${col} AS VARCHAR)`;
  return `(${col} IS NOT NULL AND CASE WHEN ${text} >= '!' AND ${text} < chr(128) THEN true ELSE trim(${text}) <> '' END)`;
}

/**
 * Every column's exact figures in one scan of every row: vectorised
 * aggregates, no hash table. The value's present flag, length and typed
 * value are computed once per row in the inner projection; the values the
 * figures of present values read (`CASE WHEN p THEN … END`) in the middle
 * one, so that the aggregates skip NULLs rather than filter: an aggregate's
 * `FILTER (WHERE p)` costs about twice as much (0.17 s against 0.09 s for
 * eight columns of 500,000 rows).
 */
async function scanAll(db: Db, from: string, columns: readonly Scanned[]): Promise<ScanResult[]> {
  const inner: string[] = [];
  const typedOfPresent: string[] = [];
  const lengthOfPresent: string[] = [];
  const outer: string[] = [];
  for (const [i, c] of columns.entries()) {
    const col = ident(c.name);
    const text = TEXT_TYPES.has(c.columnType);
    const {typed, kind} = measureSql(col, c.columnType, c.type);
    const [p, l, t] = [`p${i}`, `l${i}`, `t${i}`];
    inner.push(`${presentSql(col, c.columnType)} AS ${p}`, `length(${text ? col : `CAST(${col} AS VARCHAR)`}) AS ${l}`, `${typed ?? `CAST(${col} AS VARCHAR)`} AS ${t}`);
    // of present values only: the typed value (in its place) and the length
    typedOfPresent.push(`CASE WHEN ${p} THEN ${t} END AS ${t}`);
    lengthOfPresent.push(`CASE WHEN ${p} THEN ${l} END AS lp${i}`);
    const tests = typeTests(col);
    if (c.verify) inner.push(`coalesce(${tests[c.type === "TIMESTAMP" ? "DATE" : (c.type as (typeof LADDER)[number])]}, false) AS ok${i}`);
    // a time needs a colon: the regular expression only where there is one
    if (c.findTime) inner.push(`(contains(${col}, ':') AND ${tests.time}) AS h${i}`);
    const lo = kind === "length" ? `min(lp${i})` : TEMPORAL.test(c.type) ? `CAST(min(${t}) AS DATE)` : `CAST(min(${t}) AS DOUBLE)`;
    const hi = kind === "length" ? `max(lp${i})` : TEMPORAL.test(c.type) ? `CAST(max(${t}) AS DATE)` : `CAST(max(${t}) AS DOUBLE)`;
    outer.push(
      `count_if(NOT ${p}) AS missing${i}`,
      `min(${l}) AS lmin${i}`,
      `max(${l}) AS lmax${i}`,
      `sum(${l}) AS lsum${i}`,
      `count(${l}) AS lcount${i}`,
      `CAST(min(${t}) AS VARCHAR) AS min${i}`,
      `CAST(max(${t}) AS VARCHAR) AS max${i}`,
      `${lo} AS lo${i}`,
      `${hi} AS hi${i}`,
      `${c.verify ? `count_if(${p} AND NOT ok${i})` : "0"} AS fails${i}`,
      `${c.findTime ? `count_if(${p} AND h${i})` : "0"} AS times${i}`
    );
  }
  const row = (await db.one<Record<string, unknown>>(`SELECT ${outer.join(", ")} FROM (SELECT * REPLACE (${typedOfPresent.join(", ")}), ${lengthOfPresent.join(", ")} FROM (SELECT ${inner.join(", ")} FROM ${from}))`))!;
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  return columns.map((_, i) => ({
    missing: Number(row[`missing${i}`] ?? 0),
    lmin: num(row[`lmin${i}`]),
    lmax: num(row[`lmax${i}`]),
    lsum: num(row[`lsum${i}`]),
    lcount: Number(row[`lcount${i}`] ?? 0),
    min: (row[`min${i}`] as string | null) ?? null,
    max: (row[`max${i}`] as string | null) ?? null,
    lo: (row[`lo${i}`] as string | number | null) ?? null,
    hi: (row[`hi${i}`] as string | number | null) ?? null,
    fails: Number(row[`fails${i}`] ?? 0),
    times: Number(row[`times${i}`] ?? 0)
  }));
}
