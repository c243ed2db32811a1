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
 *
 * Tables of more than `exactRows` rows (default 250,000) get what fast
 * profilers do instead of one hash aggregation per column, and say so in
 * `estimated`: rows, missing, filled, lengths, min/max and the type stay
 * exact, from vectorised aggregates over every row (all columns in one
 * scan); the count of distinct values is a HyperLogLog estimate
 * (`approx_count_distinct`); the top values are the most frequent of a
 * sample (the rows whose row number hashes under a threshold: the same
 * rows every run), each then counted exactly over every row; patterns and
 * the histogram are the sample's, scaled to the table. See `profileLarge`.
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
  /** present on tables of more than `exactRows` rows: which figures are not exact */
  estimated?: Estimated;
}

/** The figures of a large table's column that are not exact; every other figure is. */
export interface Estimated {
  /** the count of distinct values is a HyperLogLog estimate over every row */
  distinct: true;
  /** the top values are the most frequent of the sample; the count shown of each is exact, over every row */
  topFromSample: true;
  /** patterns and histogram: counted on the sample, scaled to the table */
  patterns: true;
  histogram: true;
  /** rows in the sample */
  sampleRows: number;
}

export interface ProfileOptions {
  /** how many top values and patterns; default 10 */
  top?: number;
  /** histogram bins; default 20 */
  bins?: number;
  /** tables of more rows get estimated distinct counts, patterns and histograms; default 250,000 */
  exactRows?: number;
  /** rows sampled from such a table (about); default 100,000 */
  sampleRows?: number;
}

export const EXACT_ROWS = 250_000;
export const SAMPLE_ROWS = 100_000;

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
  if (rows > (options.exactRows ?? EXACT_ROWS)) return profileLarge(db, table, described, wanted, rows, options);
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

/** What a present text value `v` must be to count as each type (over `trim(v)`). */
function typeTests(v: string) {
  const trimmed = `trim(${v})`;
  const leadingZero = `regexp_matches(${trimmed}, '^[+-]?0[0-9]')`;
  return {
    BIGINT: `TRY_CAST(${trimmed} AS BIGINT) IS NOT NULL AND regexp_full_match(${trimmed}, '[+-]?[0-9]+') AND NOT ${leadingZero}`,
    DOUBLE: `TRY_CAST(${trimmed} AS DOUBLE) IS NOT NULL AND NOT ${leadingZero} AND NOT regexp_matches(lower(${trimmed}), '(inf|nan)')`,
    BOOLEAN: `lower(${trimmed}) IN ('true', 'false')`,
    DATE: `regexp_matches(${trimmed}, '^(\\d{8}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T].*)?)$') AND ${parseDateSql(v)} IS NOT NULL`,
    /** of a date: whether it has a time (then the column is a TIMESTAMP) */
    time: `regexp_matches(${trimmed}, '\\d{1,2}:\\d{2}')`
  };
}
const TYPE_TESTS = typeTests(V);
/** The types a text column is tried for, narrowest first. */
const LADDER = ["BIGINT", "DOUBLE", "BOOLEAN", "DATE"] as const;

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
async function ladder(db: Db, from: string, start: number): Promise<string> {
  const every = async (test: string) => (await db.one(`SELECT 1 AS x FROM ${from} WHERE ${PRESENT} AND NOT coalesce(${test}, false) LIMIT 1`)) === undefined;
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
function measureSql(v: string, columnType: string, type: string): {typed: string | null; kind: "value" | "length"; measure: string} {
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
async function profileLarge(
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

    // every column's value counts in the sample, in one query whose branches run side by side (a table of
    // 100,000 rows is one row group: a query over it alone keeps one thread), each column seen through its view
    const allCounts = `${sample}_counts`;
    temporary.push(allCounts);
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(allCounts)} AS ${wanted
      .map((c, i) => `SELECT ${i} AS k, v AS ${ident(`v${i}`)}, n, ${PRESENT_SQL} AS p FROM (SELECT ${ident(c.column_name)} AS v, count(*) AS n FROM ${ident(sample)} GROUP BY ALL)`)
      .join(" UNION ALL BY NAME ")}`);
    for (const i of wanted.keys()) {
      views.push(`${sample}_${i}`);
      await db.exec(`CREATE OR REPLACE TEMP VIEW ${ident(`${sample}_${i}`)} AS SELECT ${ident(`v${i}`)} AS v, n, p FROM ${ident(allCounts)} WHERE k = ${i}`);
    }
    const seenRows = await db.all<{k: number; seen: number; filled: number | null}>(
      `SELECT k, count(*) FILTER (WHERE ${wanted.map((_, i) => `${ident(`v${i}`)} IS NOT NULL`).join(" OR ")}) AS seen, sum(n) FILTER (WHERE p) AS filled
       FROM ${ident(allCounts)} GROUP BY k`
    );
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
    // the candidates for the top values and the patterns of those columns, one query each for all of them
    const ranked = async (value: string, keep: number) => {
      if (columns.length === 0) return new Map<number, Count[]>();
      const rows = await db.all<Count & {k: number}>(
        `SELECT k, value, count FROM (${columns
          .map((c) => `SELECT ${c.i} AS k, ${value} AS value, sum(n) AS count FROM ${ident(c.counts)} WHERE ${PRESENT} GROUP BY 1, 2`)
          .join(" UNION ALL ")}) QUALIFY row_number() OVER (PARTITION BY k ORDER BY count DESC, value) <= ${keep} ORDER BY k, count DESC, value`
      );
      const byColumn = new Map<number, Count[]>();
      for (const {k, value: v, count} of rows) byColumn.set(Number(k), [...(byColumn.get(Number(k)) ?? []), {value: v, count}]);
      return byColumn;
    };
    const candidates = await ranked(TEXT, CANDIDATES * limit);
    const patterns = await ranked(shapeSql(TEXT), limit);
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

/** HyperLogLog: 2^14 registers, a relative standard error of 1.04 / √16384 ≈ 0.8 %. */
const HLL_BITS = 14;
const HLL_REGISTERS = 2 ** HLL_BITS;

/**
 * The number of distinct non-NULL values of each column, estimated by
 * HyperLogLog over every row: a value's 64-bit hash picks one of 2^14
 * registers (its low bits) and offers it the position of the lowest set
 * bit of the rest; the harmonic mean of 2^register estimates the count,
 * and while registers are left empty, linear counting (their share) does.
 * DuckDB's `approx_count_distinct` keeps too few registers (it is 20 % off
 * on 20,000 values); these registers are a grouping on a small integer,
 * all columns in one query.
 */
async function distinctEstimates(db: Db, from: string, columns: readonly string[]): Promise<number[]> {
  const m = HLL_REGISTERS;
  const branches = columns.map((c, k) => {
    const col = ident(c);
    // 63 bits of the hash, as a signed integer: register from the low bits, rank from the others
    return `SELECT ${k} AS k, CAST(h & ${m - 1} AS SMALLINT) AS r, CAST(bit_count(((h >> ${HLL_BITS}) & -(h >> ${HLL_BITS})) - 1) + 1 AS TINYINT) AS z
      FROM (SELECT CAST(hash(${col}) >> 1 AS BIGINT) AS h FROM ${from} WHERE ${col} IS NOT NULL)`;
  });
  const registers = await db.all<{k: number; s: number; n: number}>(
    `SELECT k, sum(pow(2, -z)) AS s, count(*) AS n FROM (SELECT k, r, max(z) AS z FROM (${branches.join(" UNION ALL ")}) GROUP BY k, r) GROUP BY k`
  );
  const byColumn = new Map(registers.map((x) => [Number(x.k), x]));
  const alpha = 0.7213 / (1 + 1.079 / m);
  return columns.map((_, k) => {
    const x = byColumn.get(k);
    if (x === undefined) return 0;
    const empty = m - Number(x.n);
    const raw = (alpha * m * m) / (Number(x.s) + empty);
    return Math.round(raw <= 2.5 * m && empty > 0 ? m * Math.log(m / empty) : raw);
  });
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
 * aggregates, no hash table. The value's
 * present flag, length and typed value are computed once per row in the
 * inner projection.
 */
async function scanAll(db: Db, from: string, columns: readonly Scanned[]): Promise<ScanResult[]> {
  const inner: string[] = [];
  const outer: string[] = [];
  for (const [i, c] of columns.entries()) {
    const col = ident(c.name);
    const text = TEXT_TYPES.has(c.columnType);
    const {typed, kind} = measureSql(col, c.columnType, c.type);
    const [p, l, t] = [`p${i}`, `l${i}`, `t${i}`];
    inner.push(`${presentSql(col, c.columnType)} AS ${p}`, `length(${text ? col : `CAST(${col} AS VARCHAR)`}) AS ${l}`, `${typed ?? `CAST(${col} AS VARCHAR)`} AS ${t}`);
    const tests = typeTests(col);
    if (c.verify) inner.push(`coalesce(${tests[c.type === "TIMESTAMP" ? "DATE" : (c.type as (typeof LADDER)[number])]}, false) AS ok${i}`);
    // a time needs a colon: the regular expression only where there is one
    if (c.findTime) inner.push(`(contains(${col}, ':') AND ${tests.time}) AS h${i}`);
    const lo = kind === "length" ? `min(${l}) FILTER (WHERE ${p})` : TEMPORAL.test(c.type) ? `CAST(min(${t}) FILTER (WHERE ${p}) AS DATE)` : `CAST(min(${t}) FILTER (WHERE ${p}) AS DOUBLE)`;
    const hi = kind === "length" ? `max(${l}) FILTER (WHERE ${p})` : TEMPORAL.test(c.type) ? `CAST(max(${t}) FILTER (WHERE ${p}) AS DATE)` : `CAST(max(${t}) FILTER (WHERE ${p}) AS DOUBLE)`;
    outer.push(
      `count(*) FILTER (WHERE NOT ${p}) AS missing${i}`,
      `min(${l}) AS lmin${i}`,
      `max(${l}) AS lmax${i}`,
      `sum(${l}) AS lsum${i}`,
      `count(${l}) AS lcount${i}`,
      `CAST(min(${t}) FILTER (WHERE ${p}) AS VARCHAR) AS min${i}`,
      `CAST(max(${t}) FILTER (WHERE ${p}) AS VARCHAR) AS max${i}`,
      `${lo} AS lo${i}`,
      `${hi} AS hi${i}`,
      `${c.verify ? `count(*) FILTER (WHERE ${p} AND NOT ok${i})` : "0"} AS fails${i}`,
      `${c.findTime ? `count(*) FILTER (WHERE ${p} AND h${i})` : "0"} AS times${i}`
    );
  }
  const row = (await db.one<Record<string, unknown>>(`SELECT ${outer.join(", ")} FROM (SELECT ${inner.join(", ")} FROM ${from})`))!;
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
