/**
 * Comparisons: for each field, an ordered list of levels, from "null" (one side
 * missing: no evidence) through "exact" and similarity levels to "different".
 * Each level renders its own SQL condition over the two records `l` and `r` and
 * carries its own label for charts; a pair falls in the first level whose
 * condition holds. Levels marked `tf` get a term-frequency adjustment on the
 * named column (rare exact values weigh more).
 *
 *   defaultComparisons(settings) → Comparison[]
 *   gammaSql(comparison) → SQL of the level index (0 = null … n-1 = different; -1 = not computed)
 *   comparePairs(db, records, pairs, out, comparisons, fuzzTable) → creates `out` (a, b, gamma_*, tf_*)
 *   scoreAddressPairs(db, records, pairs, fuzzTable, maxPairs) → address pairs scored by fuzzball
 */
import type {Db} from "../db/connection.ts";
import {mapDistinct} from "./distinct-map.ts";
import type {Field, Settings} from "./settings.ts";
import {tokenSetRatio} from "./token-set.ts";

export interface Level {
  label: string;
  /** Condition over `l` and `r` (the two records) and `p` (the pair, with `address_score`). */
  sql: string;
  /** Record column whose frequency adjusts this level's weight. */
  tf?: string;
}

export interface Comparison {
  field: Field;
  /** Levels in order; the first is the null level, the last the catch-all "different". */
  levels: Level[];
  /** SQL that is true when the level cannot be computed (counted nowhere); default never. */
  unknown?: string;
}

const jw = (a: string, b: string) => `jaro_winkler_similarity(${a}, ${b})`;
const bothNull = (column: string) => `l.${column} IS NULL OR r.${column} IS NULL`;
const SWAPPED = "(l.first_name_n = r.last_name_n AND l.last_name_n = r.first_name_n)";
const percent = (x: number) => Math.round(x * 100);
/**
 * Damerau-Levenshtein edits between two texts (slow, quadratic), computed only
 * when Jaro-Winkler (fast) is at least `gate`: two texts of n characters two
 * edits apart have a Jaro similarity of at least (2(n−2)/n + 1)/3, 0.83 for 8
 * characters, 0.73 for 5; NULL (no level) otherwise.
 */
const edits = (a: string, b: string, gate: number) => `(CASE WHEN ${jw(a, b)} >= ${gate} THEN damerau_levenshtein(${a}, ${b}) END)`;
/** Edits between two email keys: Levenshtein (a swap of two letters counts two), four times faster than Damerau on long texts. */
const EMAIL_EDITS = `(CASE WHEN ${jw("l.email_key", "r.email_key")} >= 0.8 THEN levenshtein(l.email_key, r.email_key) END)`;

export function defaultComparisons(settings: Settings): Comparison[] {
  const all: Record<Field, (high: number, low: number) => Comparison> = {
    firstName: (high, low) => ({
      field: "firstName",
      levels: [
        {label: "null", sql: bothNull("first_name_n")},
        {label: "exact (or first and last name swapped)", sql: `l.first_name_n = r.first_name_n OR ${SWAPPED}`, tf: "first_name_n"},
        {
          label: "nickname or initial",
          sql: `list_has_any(l.first_canons, r.first_canons)
            OR (least(length(l.first_name_n), length(r.first_name_n)) = 1 AND l.first_initial = r.first_initial)`
        },
        {label: `Jaro-Winkler ≥ ${high}`, sql: `${jw("l.first_name_n", "r.first_name_n")} >= ${high}`},
        {label: `Jaro-Winkler ≥ ${low}`, sql: `${jw("l.first_name_n", "r.first_name_n")} >= ${low}`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    lastName: (high, low) => ({
      field: "lastName",
      levels: [
        {label: "null", sql: bothNull("last_name_n")},
        {label: "exact (or first and last name swapped)", sql: `l.last_name_n = r.last_name_n OR ${SWAPPED}`, tf: "last_name_n"},
        {label: "maiden or married name, or without particles", sql: "list_has_any(l.last_names, r.last_names)"},
        {label: `Jaro-Winkler ≥ ${high}`, sql: `${jw("l.last_name_n", "r.last_name_n")} >= ${high}`},
        {label: `Jaro-Winkler ≥ ${low}`, sql: `${jw("l.last_name_n", "r.last_name_n")} >= ${low}`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    birthDate: () => ({
      field: "birthDate",
      levels: [
        {label: "null", sql: bothNull("birth_date_n")},
        {label: "exact", sql: "l.birth_date_n = r.birth_date_n"},
        {
          label: "one typo, or day and month swapped",
          sql: `${edits("l.birth_text", "r.birth_text", 0.8)} <= 1
            OR (year(l.birth_date_n) = year(r.birth_date_n) AND month(l.birth_date_n) = day(r.birth_date_n)
              AND day(l.birth_date_n) = month(r.birth_date_n))`
        },
        {label: "two typos", sql: `${edits("l.birth_text", "r.birth_text", 0.8)} <= 2`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    email: () => ({
      field: "email",
      levels: [
        {label: "null", sql: bothNull("email_n")},
        {label: "exact", sql: "l.email_n = r.email_n"},
        {label: "same address once dots and +tags are dropped", sql: "l.email_key = r.email_key"},
        {label: "one edit", sql: `${EMAIL_EDITS} <= 1`},
        {label: "two edits", sql: `${EMAIL_EDITS} <= 2`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    phone: () => ({
      field: "phone",
      levels: [
        {label: "null", sql: "len(l.phones) = 0 OR len(r.phones) = 0"},
        {label: "a number in common", sql: "list_has_any(l.phones, r.phones)"},
        {label: "one digit off", sql: `${edits("l.phones[1]", "r.phones[1]", 0.85)} <= 1`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    address: (high, low) => ({
      field: "address",
      unknown: "p.address_score IS NULL AND l.address_n IS NOT NULL AND r.address_n IS NOT NULL",
      levels: [
        {label: "null", sql: bothNull("address_n")},
        {label: "exact", sql: "l.address_n = r.address_n"},
        {label: `token set ratio ≥ ${percent(high)}`, sql: `p.address_score >= ${percent(high)}`},
        {label: `token set ratio ≥ ${percent(low)}`, sql: `p.address_score >= ${percent(low)}`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    postcode: () => ({
      field: "postcode",
      levels: [
        {label: "null", sql: bothNull("postcode_n")},
        {label: "exact", sql: "l.postcode_n = r.postcode_n"},
        {label: "one character off", sql: `${edits("l.postcode_n", "r.postcode_n", 0.7)} <= 1`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    city: (high) => ({
      field: "city",
      levels: [
        {label: "null", sql: bothNull("city_n")},
        {label: "exact", sql: "l.city_n = r.city_n", tf: "city_n"},
        {label: `Jaro-Winkler ≥ ${high}`, sql: `${jw("l.city_n", "r.city_n")} >= ${high}`},
        {label: "different", sql: "TRUE"}
      ]
    })
  };
  return (Object.keys(all) as Field[])
    .filter((field) => settings.fields[field].enabled)
    .map((field) => {
      const comparison = all[field](...settings.fields[field].similarity);
      if (!settings.fields[field].termFrequency) comparison.levels = comparison.levels.map(({tf: _tf, ...level}) => level);
      return comparison;
    });
}

/** Column name of a field's level index and term-frequency value. */
export const gammaColumn = (field: Field) => `gamma_${field}`;
export const tfColumn = (field: Field) => `tf_${field}`;

export function gammaSql(comparison: Comparison): string {
  const cases = comparison.levels.slice(0, -1).map((level, i) => `WHEN ${level.sql} THEN ${i}`);
  const unknown = comparison.unknown ? `WHEN ${comparison.unknown} THEN -1 ` : "";
  return `(CASE ${cases[0]} ${unknown}${cases.slice(1).join(" ")} ELSE ${comparison.levels.length - 1} END)::TINYINT`;
}

/** The term-frequency column of a comparison, if a level has one. */
export function tfLevel(comparison: Comparison): {level: number; column: string} | undefined {
  const level = comparison.levels.findIndex((l) => l.tf);
  return level < 0 ? undefined : {level, column: comparison.levels[level]!.tf!};
}

/** Token-set score of the two addresses of a pair: 100 when one holds all the other's words, 0 when none in common, else `fuzzy` (fuzzball's score). */
export function addressScoreSql(fuzzy: string): string {
  const tl = "l.address_tokens";
  const tr = "r.address_tokens";
  return `CASE WHEN l.address_n IS NULL OR r.address_n IS NULL THEN NULL
    WHEN list_has_all(${tl}, ${tr}) OR list_has_all(${tr}, ${tl}) THEN 100
    WHEN NOT list_has_any(${tl}, ${tr}) THEN 0
    ELSE ${fuzzy} END`;
}

/** Creates `out` with, for each pair of `pairs` (a, b, …), the level of every comparison and the term-frequency values. */
export async function comparePairs(
  db: Db,
  records: string,
  pairs: string,
  out: string,
  comparisons: readonly Comparison[],
  fuzzTable: string
): Promise<void> {
  const gammas = comparisons.map((c) => `${gammaSql(c)} AS ${gammaColumn(c.field)}`);
  const tfs = comparisons.flatMap((c) => {
    const tf = tfLevel(c);
    return tf ? [`l.${tf.column} AS ${tfColumn(c.field)}`] : [];
  });
  const needsAddress = comparisons.some((c) => c.field === "address");
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    WITH scored AS (
      SELECT q.*, ${needsAddress ? addressScoreSql("f.score") : "NULL::DOUBLE"} AS address_score
      FROM ${pairs} AS q JOIN ${records} AS l ON l.rid = q.a JOIN ${records} AS r ON r.rid = q.b
      ${needsAddress ? `LEFT JOIN ${fuzzTable} AS f ON f.x = least(l.address_n, r.address_n) AND f.y = greatest(l.address_n, r.address_n)` : ""}
    )
    SELECT p.*, ${[...gammas, ...tfs].join(", ")}
    FROM scored AS p JOIN ${records} AS l ON l.rid = p.a JOIN ${records} AS r ON r.rid = p.b`);
}

/**
 * Scores with fuzzball's token_set_ratio (its exact twin, tokenSetRatio) the distinct address pairs of `pairs`
 * that SQL cannot settle (some words in common, neither holding all the
 * other's), at most `maxPairs` new ones, and adds them to `fuzzTable` (x, y, score).
 */
export async function scoreAddressPairs(db: Db, records: string, pairs: string, fuzzTable: string, maxPairs: number): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${fuzzTable} (x VARCHAR, y VARCHAR, score DOUBLE)`);
  // Materialised first: filtering on both sides' values in the join lets the planner pair every record with every other.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${fuzzTable}_joined AS
    SELECT l.address_n AS la, r.address_n AS ra, l.address_tokens AS tl, r.address_tokens AS tr
    FROM ${pairs} AS q JOIN ${records} AS l ON l.rid = q.a JOIN ${records} AS r ON r.rid = q.b
    WHERE l.address_n IS NOT NULL AND r.address_n IS NOT NULL`);
  const n = await mapDistinct(
    db,
    `${fuzzTable}_new`,
    `WITH todo AS (
      SELECT DISTINCT least(la, ra) AS x, greatest(la, ra) AS y FROM ${fuzzTable}_joined
      WHERE la <> ra AND list_has_any(tl, tr) AND NOT list_has_all(tl, tr) AND NOT list_has_all(tr, tl)
    )
    SELECT x, y FROM todo ANTI JOIN ${fuzzTable} AS f USING (x, y) LIMIT ${maxPairs}`,
    [{name: "score", type: "DOUBLE"}],
    (x, y) => [tokenSetRatio(x ?? "", y ?? "")]
  );
  await db.exec(`INSERT INTO ${fuzzTable} SELECT * FROM ${fuzzTable}_new; DROP TABLE ${fuzzTable}_new; DROP TABLE ${fuzzTable}_joined`);
  return n;
}
