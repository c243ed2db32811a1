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
 *   comparePairs(db, records, pairs, out, comparisons, {fuzzTable, maxFuzzy, tfPrefix}) → creates `out` (a, b, …, address_score, gamma_*, tf_*)
 *   scoreAddressPairs(db, todo, fuzzTable, maxPairs) → address pairs scored by token_set_ratio
 */
import type {Db} from "../db/connection.ts";
import {mapDistinct} from "../db/map-distinct.ts";
import {poolWorthIt, WorkerPool} from "../parallel/worker-pool.ts";
import {addressScore} from "./address-score.ts";
import type {Field, Settings} from "./settings.ts";

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
  /**
   * A costly value (an edit distance) that several levels test: levels write it DISTANCE, and it is
   * computed once per pair, when the pair reaches the first of them, instead of once per level.
   */
  distance?: string;
}

/** Placeholder of a comparison's `distance` in its levels' SQL. */
export const DISTANCE = "{distance}";

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
      // Day and month swapped counts as one typo: 0 then, else the edits (NULL when far apart).
      distance: `(CASE WHEN year(l.birth_date_n) = year(r.birth_date_n) AND month(l.birth_date_n) = day(r.birth_date_n)
        AND day(l.birth_date_n) = month(r.birth_date_n) THEN 0 ELSE ${edits("l.birth_text", "r.birth_text", 0.8)} END)`,
      levels: [
        {label: "null", sql: bothNull("birth_date_n")},
        {label: "exact", sql: "l.birth_date_n = r.birth_date_n"},
        {label: "one typo, or day and month swapped", sql: `${DISTANCE} <= 1`},
        {label: "two typos", sql: `${DISTANCE} <= 2`},
        {label: "different", sql: "TRUE"}
      ]
    }),
    email: () => ({
      field: "email",
      distance: EMAIL_EDITS,
      levels: [
        {label: "null", sql: bothNull("email_n")},
        {label: "exact", sql: "l.email_n = r.email_n"},
        {label: "same address once dots and +tags are dropped", sql: "l.email_key = r.email_key"},
        {label: "one edit", sql: `${DISTANCE} <= 1`},
        {label: "two edits", sql: `${DISTANCE} <= 2`},
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
  const last = comparison.levels.length - 1;
  const cases = comparison.levels.slice(0, -1).map((level, i) => `WHEN ${level.sql} THEN ${i}`);
  const unknown = comparison.unknown ? `WHEN ${comparison.unknown} THEN -1 ` : "";
  const shared = comparison.distance ? comparison.levels.findIndex((level) => level.sql.includes(DISTANCE)) : -1;
  if (shared <= 0) return `(CASE ${cases[0]} ${unknown}${cases.slice(1).join(" ")} ELSE ${last} END)::TINYINT`;
  // The levels from the first that tests the distance on, inside a lambda that gets it computed once.
  const inner = comparison.levels
    .slice(shared, -1)
    .map((level, k) => `WHEN ${level.sql.replaceAll(DISTANCE, "distance_")} THEN ${shared + k}`)
    .join(" ");
  const tail = `list_transform([${comparison.distance}], distance_ -> CASE ${inner} ELSE ${last} END)[1]`;
  return `(CASE ${cases[0]} ${unknown}${cases.slice(1, shared).join(" ")} ELSE ${tail} END)::TINYINT`;
}

/** The term-frequency column of a comparison, if a level has one. */
export function tfLevel(comparison: Comparison): {level: number; column: string} | undefined {
  const level = comparison.levels.findIndex((l) => l.tf);
  return level < 0 ? undefined : {level, column: comparison.levels[level]!.tf!};
}

/** Record columns that the levels read (`l.x`, `r.x`). */
function recordColumns(comparisons: readonly Comparison[]): string[] {
  const columns = new Set<string>();
  for (const c of comparisons) {
    for (const sql of [...c.levels.map((level) => level.sql), c.unknown ?? "", c.distance ?? ""]) {
      for (const match of sql.matchAll(/\b[lr]\.(\w+)/g)) columns.add(match[1]!);
    }
  }
  return [...columns];
}

export interface CompareOptions {
  /** Cache of fuzzball scores (x, y, score) kept from one call to the next. */
  fuzzTable: string;
  /** Most new distinct address pairs scored in JavaScript in this call. */
  maxFuzzy: number;
  /** Name prefix of the term-frequency tables (score.ts, buildTermFrequencies), built before. */
  tfPrefix: string;
}

/**
 * Creates `out` with, for each pair of `pairs` (a, b, …), its `address_score`, the level of every
 * comparison and the term frequency of the left record's value of each field that has one (a
 * number: the records look theirs up once, the pairs carry no names). The records are first cut to
 * the columns the levels read. Addresses get an integer id each; the token-set score is worked out
 * once per distinct pair of ids: 100 when one address holds all the other's words, 0 when they
 * share none, else token_set_ratio (cached in `fuzzTable`, at most `maxFuzzy` new pairs, taken in
 * address order; a pair beyond that has no score and its address level is not computed).
 */
export async function comparePairs(
  db: Db,
  records: string,
  pairs: string,
  out: string,
  comparisons: readonly Comparison[],
  {fuzzTable, maxFuzzy, tfPrefix}: CompareOptions
): Promise<void> {
  const gammas = comparisons.map((c) => `${gammaSql(c)} AS ${gammaColumn(c.field)}`);
  const tfColumns = [...new Set(comparisons.flatMap((c) => tfLevel(c)?.column ?? []))];
  const tfs = comparisons.flatMap((c) => {
    const tf = tfLevel(c);
    return tf ? [`l.${tf.column}_tf AS ${tfColumn(c.field)}`] : [];
  });
  // each record's term frequencies, beside its columns
  const tfSelect = tfColumns.map((column, k) => `, tf${k}.tf AS ${column}_tf`).join("");
  const tfJoin = tfColumns.map((column, k) => ` LEFT JOIN ${tfPrefix}${column} AS tf${k} ON tf${k}.value = r.${column}`).join("");
  const needsAddress = comparisons.some((c) => c.field === "address");
  const columns = recordColumns(comparisons).filter((c) => c !== "rid");
  // A few pairs (random pairs, a cluster's internal pairs): only their records, not the whole table.
  const sizes = await db.one<{pairs: number; records: number}>(`SELECT (SELECT count(*) FROM ${pairs}) AS pairs, (SELECT count(*) FROM ${records}) AS records`);
  const few = 2 * (sizes?.pairs ?? 0) < (sizes?.records ?? 0);
  const source = few ? `(SELECT * FROM ${records} WHERE rid IN (SELECT a FROM ${pairs} UNION ALL SELECT b FROM ${pairs}))` : records;
  if (!needsAddress) {
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_records AS
      SELECT r.rid, ${columns.map((c) => `r.${c}`).join(", ")}${tfSelect} FROM ${source} AS r${tfJoin}`);
    await db.exec(`CREATE OR REPLACE TABLE ${out} AS
      SELECT p.*, NULL::DOUBLE AS address_score, ${[...gammas, ...tfs].join(", ")}
      FROM ${pairs} AS p JOIN ${out}_records AS l ON l.rid = p.a JOIN ${out}_records AS r ON r.rid = p.b`);
    await db.exec(`DROP TABLE ${out}_records`);
    return;
  }
  // Ids in address order, so that the smaller id of a pair is the smaller address.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_addresses AS
    SELECT row_number() OVER (ORDER BY address_n)::INTEGER AS id, address_n, tokens
    FROM (SELECT address_n, any_value(address_tokens) AS tokens FROM ${source} WHERE address_n IS NOT NULL GROUP BY address_n)`);
  // The levels test addresses through their ids (equal ids, equal addresses; NULL id, no address): an integer per record instead of the text.
  const byId = (sql: string) => sql.replace(/\b([lr])\.address_n\b/g, "$1.address_id");
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_records AS
    SELECT r.rid, a.id AS address_id, ${columns.filter((c) => c !== "address_n").map((c) => `r.${c}`).join(", ")}${tfSelect}
    FROM ${source} AS r LEFT JOIN ${out}_addresses AS a USING (address_n)${tfJoin}`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_address_pairs AS
    WITH ids AS (
      SELECT DISTINCT least(l.address_id, r.address_id) AS i, greatest(l.address_id, r.address_id) AS j
      FROM ${pairs} AS q JOIN ${out}_records AS l ON l.rid = q.a JOIN ${out}_records AS r ON r.rid = q.b
      WHERE l.address_id <> r.address_id
    )
    SELECT i, j, x.address_n AS x, y.address_n AS y,
      CASE WHEN list_has_all(x.tokens, y.tokens) OR list_has_all(y.tokens, x.tokens) THEN 100
        WHEN NOT list_has_any(x.tokens, y.tokens) THEN 0 END AS settled
    FROM ids JOIN ${out}_addresses AS x ON x.id = ids.i JOIN ${out}_addresses AS y ON y.id = ids.j`);
  await scoreAddressPairs(db, `(SELECT x, y FROM ${out}_address_pairs WHERE settled IS NULL)`, fuzzTable, maxFuzzy);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_scores AS
    SELECT p.i, p.j, coalesce(p.settled, f.score) AS score FROM ${out}_address_pairs AS p LEFT JOIN ${fuzzTable} AS f USING (x, y)`);
  // One join of the pairs with the records: the levels read the pair's address score as an expression.
  const score = `(CASE WHEN l.address_id IS NULL OR r.address_id IS NULL THEN NULL WHEN l.address_id = r.address_id THEN 100 ELSE s.score END)`;
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    SELECT q.*, ${score} AS address_score, ${[...gammas, ...tfs].map((sql) => byId(sql.replaceAll("p.address_score", score))).join(", ")}
    FROM ${pairs} AS q JOIN ${out}_records AS l ON l.rid = q.a JOIN ${out}_records AS r ON r.rid = q.b
    LEFT JOIN ${out}_scores AS s ON s.i = least(l.address_id, r.address_id) AND s.j = greatest(l.address_id, r.address_id)`);
  for (const t of ["addresses", "records", "address_pairs", "scores"]) await db.exec(`DROP TABLE ${out}_${t}`);
}

/**
 * Scores with fuzzball's token_set_ratio (address-score.ts) the distinct address
 * pairs (x < y) of `todo` that `fuzzTable` does not hold yet, at most `maxPairs` of them in
 * address order, and adds them to `fuzzTable` (x, y, score). Many pairs are scored on worker threads.
 */
export async function scoreAddressPairs(db: Db, todo: string, fuzzTable: string, maxPairs: number): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${fuzzTable} (x VARCHAR, y VARCHAR, score DOUBLE)`);
  const sql = `SELECT x, y FROM ${todo} AS t ANTI JOIN ${fuzzTable} AS f USING (x, y) ORDER BY x, y LIMIT ${maxPairs}`;
  const count = (await db.one<{n: number}>(`SELECT count(*) AS n FROM (${sql})`))?.n ?? 0;
  const pool = poolWorthIt(count, PARALLEL_FROM) ? new WorkerPool(new URL("./address-score-worker.ts", import.meta.url)) : null;
  const n = await mapDistinct(db, {
    table: `${fuzzTable}_new`,
    sql,
    outputs: [{name: "score", type: "DOUBLE"}],
    fn: ([x, y]) => [addressScore(x ?? null, y ?? null)],
    page: pool ? (rows) => pool.run(rows) : undefined
  }).finally(() => pool?.close());
  await db.exec(`INSERT INTO ${fuzzTable} SELECT * FROM ${fuzzTable}_new; DROP TABLE ${fuzzTable}_new`);
  return n;
}

/** Below this many address pairs, worker threads cost more than they save. */
const PARALLEL_FROM = 20_000;
