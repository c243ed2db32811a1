/**
 * Fellegi–Sunter parameters. u (how often two different people agree at each
 * level) from random record pairs; m (how often two records of one person do)
 * and λ (the probability that two records drawn at random match) by
 * expectation–maximisation over the candidate pairs' level patterns, without
 * labels, u held fixed. λ is a share of all N(N−1)/2 pairs, the pairs that no
 * blocking rule joins counting as non-matches, so that λ and u, both taken over
 * all pairs, give consistent posterior odds.
 * The patterns are aggregated in SQL (a few thousand rows at most); EM runs on
 * those counts.
 *
 *   sampleRandomPairs(db, records, pairs, seed, out) → number of pairs
 *   levelShares(db, gammas, comparisons) → u (or any level distribution)
 *   expectationMaximisation(db, gammas, comparisons, u, iterations, totalPairs) → {lambda, m, iterations}
 */
import type {Db} from "../db/connection.ts";
import {gammaColumn, type Comparison} from "./comparisons.ts";

/** Probabilities per comparison, per level (index 0, the null level, unused). */
export type LevelProbabilities = number[][];

export async function sampleRandomPairs(db: Db, records: string, pairs: number, seed: number, out: string): Promise<number> {
  const size = Math.ceil(Math.sqrt(2 * pairs)) + 1;
  const repeatable = Math.abs(Math.round(seed * 1e6)) % 2 ** 31;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_records AS
    SELECT rid FROM ${records} USING SAMPLE reservoir(${size} ROWS) REPEATABLE (${repeatable})`);
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    SELECT l.rid AS a, r.rid AS b FROM ${out}_records AS l JOIN ${out}_records AS r ON l.rid < r.rid`);
  await db.exec(`DROP TABLE ${out}_records`);
  return (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${out}`))?.n ?? 0;
}

/** Share of each non-null level among the pairs of `gammas` (levels not computed, -1, left out), smoothed so none is 0. */
export async function levelShares(db: Db, gammas: string, comparisons: readonly Comparison[]): Promise<LevelProbabilities> {
  const result: LevelProbabilities = [];
  for (const c of comparisons) {
    const rows = await db.all<{level: number; n: number}>(
      `SELECT ${gammaColumn(c.field)} AS level, count(*) AS n FROM ${gammas} WHERE ${gammaColumn(c.field)} > 0 GROUP BY 1`
    );
    const counts = c.levels.map((_, level) => rows.find((r) => r.level === level)?.n ?? 0);
    const total = counts.slice(1).reduce((a, b) => a + b, 0);
    const smoothing = 0.5;
    result.push(counts.map((n, level) => (level === 0 ? NaN : (n + smoothing) / (total + smoothing * (c.levels.length - 1)))));
  }
  return result;
}

export interface EmResult {
  lambda: number;
  m: LevelProbabilities;
  iterations: number;
  patterns: number;
}

/** Starting m: most matches agree exactly, fewer at each lower level. */
function initialM(levels: number): number[] {
  const raw = Array.from({length: levels}, (_, level) => (level === 0 ? 0 : 0.9 ** 0 * Math.pow(0.15, level - 1)));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x, level) => (level === 0 ? NaN : x / total));
}

export async function expectationMaximisation(
  db: Db,
  gammas: string,
  comparisons: readonly Comparison[],
  u: LevelProbabilities,
  maxIterations: number,
  totalPairs: number
): Promise<EmResult> {
  const columns = comparisons.map((c) => `greatest(${gammaColumn(c.field)}, 0) AS g${comparisons.indexOf(c)}`);
  const rows = await db.all<Record<string, number>>(`SELECT ${columns.join(", ")}, count(*) AS n FROM ${gammas} GROUP BY ALL`);
  const patterns = rows.map((row) => ({n: row.n!, g: comparisons.map((_, i) => row[`g${i}`]!)}));
  const uRatio = patterns.map((p) => p.g.reduce((acc, level, i) => (level > 0 ? acc * u[i]![level]! : acc), 1));
  const candidates = patterns.reduce((a, p) => a + p.n, 0);
  let lambda = Math.min(0.5, (0.5 * candidates) / totalPairs);
  let m = comparisons.map((c) => initialM(c.levels.length));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const sums = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
    let matched = 0;
    let total = 0;
    patterns.forEach((p, k) => {
      const pm = lambda * p.g.reduce((acc, level, i) => (level > 0 ? acc * m[i]![level]! : acc), 1);
      const pu = (1 - lambda) * uRatio[k]!;
      const posterior = pm / (pm + pu);
      matched += p.n * posterior;
      total += p.n;
      p.g.forEach((level, i) => {
        if (level > 0) sums[i]![level]! += p.n * posterior;
      });
    });
    const next = sums.map((levels) => {
      const sum = levels.slice(1).reduce((a, b) => a + b, 0);
      return levels.map((x, level) => (level === 0 ? NaN : (x + 1e-3) / (sum + 1e-3 * (levels.length - 1))));
    });
    const nextLambda = Math.min(Math.max(matched / Math.max(total, totalPairs), 1e-12), 0.5);
    const change = Math.max(
      Math.abs(nextLambda - lambda),
      ...next.flatMap((levels, i) => levels.slice(1).map((x, level) => Math.abs(x - m[i]![level + 1]!)))
    );
    lambda = nextLambda;
    m = next;
    if (change < 1e-6) break;
  }
  return {lambda, m, iterations, patterns: patterns.length};
}
