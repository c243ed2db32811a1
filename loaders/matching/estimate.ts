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
 *   expectationMaximisation(db, gammas, comparisons, u, iterations, totalPairs, options?) → {lambda, m, iterations}
 *   sessionEm(db, gammas, comparisons, u, iterations, totalPairs, sessions) → the same, one session per blocking rule
 */
import type {Db} from "../db/connection.ts";
import {gammaColumn, type Comparison} from "./comparisons.ts";

/** Probabilities per comparison, per level (index 0, the null level, unused). */
export type LevelProbabilities = number[][];

/**
 * Random pairs for the u-probabilities: the records whose hash with the seed
 * comes first. A reservoir sample is repeatable on one thread only; this is
 * the same sample whatever the threads, so the same inputs give the same
 * weights and the same report.
 */
export async function sampleRandomPairs(db: Db, records: string, pairs: number, seed: number, out: string): Promise<number> {
  const size = Math.ceil(Math.sqrt(2 * pairs)) + 1;
  const repeatable = Math.abs(Math.round(seed * 1e6)) % 2 ** 31;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_records AS
    SELECT rid FROM ${records} ORDER BY hash(rid, ${repeatable}), rid LIMIT ${size}`);
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
  /** Expected matches among the pairs trained on. */
  matched: number;
}

/** Starting m: most matches agree exactly, fewer at each lower level. */
function initialM(levels: number): number[] {
  const raw = Array.from({length: levels}, (_, level) => (level === 0 ? 0 : 0.9 ** 0 * Math.pow(0.15, level - 1)));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x, level) => (level === 0 ? NaN : x / total));
}

export interface EmOptions {
  /** SQL filter of the pairs of `gammas` to train on (default all). */
  where?: string;
  /** Comparisons left out of the likelihood (their m is returned as NaN). */
  exclude?: ReadonlySet<number>;
  /** m held fixed: only λ is estimated. */
  fixedM?: LevelProbabilities;
}

export async function expectationMaximisation(
  db: Db,
  gammas: string,
  comparisons: readonly Comparison[],
  u: LevelProbabilities,
  maxIterations: number,
  totalPairs: number,
  options: EmOptions = {}
): Promise<EmResult> {
  const exclude = options.exclude ?? new Set<number>();
  const columns = comparisons.map((c, i) => (exclude.has(i) ? `0 AS g${i}` : `greatest(${gammaColumn(c.field)}, 0) AS g${i}`));
  const rows = await db.all<Record<string, number>>(
    // in a fixed order: sums of floating-point numbers depend on it, and the same inputs must give the same weights
    `SELECT ${columns.join(", ")}, count(*) AS n FROM ${gammas} ${options.where ? `WHERE ${options.where}` : ""} GROUP BY ALL ORDER BY ALL`
  );
  const patterns = rows.map((row) => ({n: row.n!, g: comparisons.map((_, i) => row[`g${i}`]!)}));
  const uRatio = patterns.map((p) => p.g.reduce((acc, level, i) => (level > 0 ? acc * u[i]![level]! : acc), 1));
  const candidates = patterns.reduce((a, p) => a + p.n, 0);
  let lambda = Math.min(0.5, (0.5 * candidates) / totalPairs);
  let m = options.fixedM ?? comparisons.map((c) => initialM(c.levels.length));
  let iterations = 0;
  let matched = 0;
  for (; iterations < maxIterations; iterations++) {
    const sums = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
    matched = 0;
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
    const next = options.fixedM
      ? m
      : sums.map((levels) => {
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
  if (exclude.size > 0) m = m.map((levels, i) => (exclude.has(i) ? levels.map(() => NaN) : levels));
  return {lambda, m, iterations, patterns: patterns.length, matched};
}

export interface Session {
  /** SQL filter of the candidate pairs (those a blocking rule found). */
  where: string;
  /** Comparisons of the fields the rule blocks on: agreement on them there is no evidence. */
  exclude: Set<number>;
}

/**
 * m by expectation–maximisation in sessions, one per blocking rule: the pairs
 * a rule found all agree on its keys, so those fields are left out of that
 * session's likelihood (else the pairs sharing a common surname pass for
 * matches and every other disagreement for normal). Each field's m is the
 * average over the sessions that estimate it, weighted by their expected
 * matches; λ is then estimated over every candidate pair with m held fixed.
 * Falls back to one session over every pair for a field no session estimates.
 */
export async function sessionEm(
  db: Db,
  gammas: string,
  comparisons: readonly Comparison[],
  u: LevelProbabilities,
  maxIterations: number,
  totalPairs: number,
  sessions: readonly Session[]
): Promise<EmResult> {
  const sums = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  const weights = comparisons.map(() => 0);
  let iterations = 0;
  for (const session of sessions) {
    if (session.exclude.size >= comparisons.length) continue;
    const r = await expectationMaximisation(db, gammas, comparisons, u, maxIterations, totalPairs, {where: session.where, exclude: session.exclude});
    iterations += r.iterations;
    if (!(r.matched > 0)) continue;
    r.m.forEach((levels, i) => {
      if (session.exclude.has(i)) return;
      levels.forEach((x, level) => {
        if (level > 0) sums[i]![level]! += r.matched * x;
      });
      weights[i]! += r.matched;
    });
  }
  let m: LevelProbabilities = sums.map((levels, i) => levels.map((x, level) => (level === 0 ? NaN : x / weights[i]!)));
  if (weights.some((w) => !(w > 0))) {
    const whole = await expectationMaximisation(db, gammas, comparisons, u, maxIterations, totalPairs);
    iterations += whole.iterations;
    m = m.map((levels, i) => (weights[i]! > 0 ? levels : whole.m[i]!));
  }
  const final = await expectationMaximisation(db, gammas, comparisons, u, maxIterations, totalPairs, {fixedM: m});
  return {...final, m, iterations: iterations + final.iterations};
}
