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

export interface SourceAccuracy {
  /** Pairs of records of one source. */
  within: PairwiseScores;
  /** Pairs of records of two different sources. */
  across: PairwiseScores;
  /** Within each source. */
  sources: ({source: string} & PairwiseScores)[];
}

function scores(tp: number, predicted: number, actual: number): PairwiseScores {
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = actual === 0 ? 1 : tp / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {precision, recall, f1, truePositives: tp, predictedPairs: predicted, truePairs: actual};
}

/**
 * Pairwise accuracy split by where the two records come from: both from one
 * source (duplicates within a file) or from two sources (reconciliation).
 * `clustersTable` has `source`, the cluster and the truth columns.
 */
export async function evaluateBySource(db: Db, clustersTable: string, truthColumn: string, clusterColumn = "cluster_id"): Promise<SourceAccuracy> {
  const truth = ident(truthColumn);
  const cluster = ident(clusterColumn);
  const rows = await db.all<{source: string | null; tp: number; predicted: number; actual: number}>(`
    WITH labelled AS (SELECT source, ${cluster} AS c, ${truth} AS t FROM ${clustersTable} WHERE ${truth} IS NOT NULL),
    counted AS (
      SELECT source, 'tp' AS kind, count(*) AS n FROM labelled GROUP BY GROUPING SETS ((source, c, t), (c, t))
      UNION ALL SELECT source, 'predicted', count(*) FROM labelled GROUP BY GROUPING SETS ((source, c), (c))
      UNION ALL SELECT source, 'actual', count(*) FROM labelled GROUP BY GROUPING SETS ((source, t), (t))
    )
    PIVOT (SELECT source, kind, sum(n * (n - 1) / 2) AS pairs FROM counted GROUP BY ALL) ON kind IN ('tp', 'predicted', 'actual') USING first(pairs)`);
  const all = rows.find((r) => r.source === null);
  const per = rows.filter((r) => r.source !== null).sort((a, b) => String(a.source).localeCompare(String(b.source)));
  const sum = (key: "tp" | "predicted" | "actual") => per.reduce((s, r) => s + Number(r[key] ?? 0), 0);
  const within = scores(sum("tp"), sum("predicted"), sum("actual"));
  const across = scores(
    Number(all?.tp ?? 0) - within.truePositives,
    Number(all?.predicted ?? 0) - within.predictedPairs,
    Number(all?.actual ?? 0) - within.truePairs
  );
  return {
    within,
    across,
    sources: per.map((r) => ({source: String(r.source), ...scores(Number(r.tp ?? 0), Number(r.predicted ?? 0), Number(r.actual ?? 0))}))
  };
}
