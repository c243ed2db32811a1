/**
 * Match weights. Each field contributes log2(m/u) of its level (0 at the null
 * level); at a level with a term-frequency adjustment, u is replaced by the
 * frequency of the pair's value, so agreeing on a rare surname counts for more
 * than agreeing on "martin". The pair's weight is the prior log-odds plus the
 * contributions, kept one column per field (`w_<field>`) for the waterfall.
 *
 *   buildTermFrequencies(db, records, comparisons, prefix) → tables <prefix><column>(value, tf), which comparePairs reads
 *   levelWeights(m, u) → weights per comparison and level
 *   scorePairs(db, gammas, out, model) → creates `out` (a, b, gamma_*, w_*, weight, probability)
 */
import type {Db} from "../db/connection.ts";
import {gammaColumn, tfColumn, tfLevel, type Comparison} from "./comparisons.ts";
import type {LevelProbabilities} from "./estimate.ts";
import type {Field} from "./settings.ts";

export interface Model {
  comparisons: readonly Comparison[];
  lambda: number;
  m: LevelProbabilities;
  u: LevelProbabilities;
}

export const weightColumn = (field: Field) => `w_${field}`;

/**
 * log2(m/u) per level; a partial-agreement level never weighs less than the
 * last ("different"): rare levels get noisy estimates, and a one-typo birth
 * date must not count as more evidence against than two unrelated dates.
 */
export function levelWeights(m: LevelProbabilities, u: LevelProbabilities): number[][] {
  return m.map((levels, i) => {
    const raw = levels.map((mi, level) => (level === 0 ? 0 : Math.log2(mi / u[i]![level]!)));
    const floor = raw[raw.length - 1]!;
    for (let level = 2; level < raw.length - 1; level++) raw[level] = Math.max(floor, raw[level]!);
    return raw;
  });
}

export const priorWeight = (lambda: number) => Math.log2(lambda / (1 - lambda));

/** Weight of a probability threshold. */
export const thresholdWeight = (probability: number) => Math.log2(probability / (1 - probability));

export async function buildTermFrequencies(db: Db, records: string, comparisons: readonly Comparison[], prefix: string): Promise<void> {
  for (const c of comparisons) {
    const tf = tfLevel(c);
    if (!tf) continue;
    await db.exec(`CREATE OR REPLACE TABLE ${prefix}${tf.column} AS
      SELECT ${tf.column} AS value, count(*) / sum(count(*)) OVER () AS tf
      FROM ${records} WHERE ${tf.column} IS NOT NULL GROUP BY 1`);
  }
}

/** A weight as an SQL DOUBLE literal (a bare 0.92… is a DECIMAL(21,11), whose sums DuckDB works out on 128 bits). */
const num = (x: number) => `${Number.isFinite(x) ? x.toPrecision(12) : "0"}::DOUBLE`;

export async function scorePairs(db: Db, gammas: string, out: string, model: Model): Promise<void> {
  const weights = levelWeights(model.m, model.u);
  const contributions = model.comparisons.map((c, i) => {
    const g = `p.${gammaColumn(c.field)}`;
    const cases = weights[i]!.map((w, level) => (level === 0 ? "" : `WHEN ${level} THEN ${num(w)}`)).join(" ");
    const plain = `CASE ${g} ${cases} ELSE 0 END`;
    const tf = tfLevel(c);
    if (!tf) return `${plain} AS ${weightColumn(c.field)}`;
    const adjusted = `log2(${num(model.m[i]![tf.level]!)} / greatest(coalesce(p.${tfColumn(c.field)}, ${num(model.u[i]![tf.level]!)}), 1e-9))`;
    return `CASE WHEN ${g} = ${tf.level} THEN ${adjusted} ELSE ${plain} END AS ${weightColumn(c.field)}`;
  });
  const sum = model.comparisons.map((c) => weightColumn(c.field)).join(" + ");
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    WITH contributions AS (
      SELECT p.*, ${contributions.join(",\n        ")}
      FROM ${gammas} AS p
    )
    SELECT *, ${num(priorWeight(model.lambda))} + ${sum || "0"} AS weight,
      1 / (1 + pow(2, -(${num(priorWeight(model.lambda))} + ${sum || "0"}))) AS probability
    FROM contributions`);
}
