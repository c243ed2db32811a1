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
 * (hyperloglog.ts); the top values are the most frequent of a
 * sample (the rows whose row number hashes under a threshold: the same
 * rows every run), each then counted exactly over every row; patterns and
 * the histogram are the sample's, scaled to the table. See `profileLarge`.
 */
import type {Db} from "../db/connection.ts";
import {ident} from "../db/sql.ts";
import {profileLarge} from "./large.ts";
import {PRESENT_SQL, profileColumn} from "./value-counts.ts";

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
