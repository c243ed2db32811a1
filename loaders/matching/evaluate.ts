/**
 * Accuracy against a ground truth: pairwise precision, recall and F1 over all
 * record pairs the clusters imply, counted from group sizes (no pair is
 * materialised). Records with no truth value are left out.
 *
 *   evaluatePairs(db, clustersTable, truthColumn, clusterColumn?) → PairwiseScores
 */
import type {Db} from "../db/connection.ts";
import {ident} from "../db/sql.ts";

export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
}

export async function evaluatePairs(db: Db, clustersTable: string, truthColumn: string, clusterColumn = "cluster_id"): Promise<PairwiseScores> {
  const truth = ident(truthColumn);
  const cluster = ident(clusterColumn);
  const pairs = (group: string) =>
    `(SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM labelled GROUP BY ${group}))`;
  const row = await db.one<{tp: number; predicted: number; actual: number}>(`
    WITH labelled AS (SELECT ${cluster} AS c, ${truth} AS t FROM ${clustersTable} WHERE ${truth} IS NOT NULL)
    SELECT ${pairs("c, t")} AS tp, ${pairs("c")} AS predicted, ${pairs("t")} AS actual`);
  const tp = Number(row?.tp ?? 0);
  const predicted = Number(row?.predicted ?? 0);
  const actual = Number(row?.actual ?? 0);
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = actual === 0 ? 1 : tp / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {precision, recall, f1, truePositives: tp, predictedPairs: predicted, truePairs: actual};
}
