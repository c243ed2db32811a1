/**
 * The JSON-able overview of a matching run: distinct customers, duplicate rate
 * within each source, overlap between sources (which combinations of sources
 * customers are found in), cluster sizes, and example pairs with the weight each
 * field contributed (a waterfall). Examples name records by source and id only.
 *
 *   summarise(db, options) → MatchOverview
 */
import type {Db} from "../db/connection.ts";
import {gammaColumn, type Comparison} from "./comparisons.ts";
import {weightColumn} from "./score.ts";

export interface MatchOverview {
  records: number;
  customers: number;
  /** 1 − customers / records. */
  duplicateRate: number;
  sources: {source: string; records: number; customers: number; duplicateRate: number}[];
  overlap: {sources: string[]; customers: number}[];
  clusterSizes: {size: number; clusters: number}[];
  examples: ExamplePair[];
}

export interface ExamplePair {
  left: {source: string; recordId: string};
  right: {source: string; recordId: string};
  weight: number;
  probability: number;
  linked: boolean;
  prior: number;
  contributions: {field: string; level: string; weight: number}[];
}

export interface SummaryOptions {
  records: string;
  clusters: string;
  pairs: string;
  comparisons: readonly Comparison[];
  linkWeight: number;
  examples: number;
}

export async function summarise(db: Db, o: SummaryOptions): Promise<MatchOverview> {
  const joined = `${o.records} AS r JOIN ${o.clusters} AS c USING (rid)`;
  const totals = await db.one<{records: number; customers: number}>(
    `SELECT count(*) AS records, count(DISTINCT c.cluster_id) AS customers FROM ${joined}`
  );
  const sources = await db.all<{source: string; records: number; customers: number}>(
    `SELECT r.source, count(*) AS records, count(DISTINCT c.cluster_id) AS customers FROM ${joined} GROUP BY 1 ORDER BY 1`
  );
  const overlap = await db.all<{sources: string[]; customers: number}>(`SELECT sources, count(*) AS customers FROM (
      SELECT c.cluster_id, list(DISTINCT r.source ORDER BY r.source) AS sources FROM ${joined} GROUP BY 1
    ) GROUP BY sources ORDER BY customers DESC`);
  const sizes = await db.all<{size: number; clusters: number}>(`SELECT size, count(*) AS clusters FROM (
      SELECT count(*) AS size FROM ${o.clusters} GROUP BY cluster_id) GROUP BY size ORDER BY size`);
  const half = Math.ceil(o.examples / 2);
  const columns = o.comparisons.map((c) => `${gammaColumn(c.field)}, ${weightColumn(c.field)}`).join(", ");
  const examples = await db.all<Record<string, unknown>>(`
    WITH linked AS (SELECT * FROM ${o.pairs} WHERE weight >= ${o.linkWeight} ORDER BY hash(a, b) LIMIT ${half}),
    borderline AS (SELECT * FROM ${o.pairs} ANTI JOIN linked USING (a, b) ORDER BY abs(weight - ${o.linkWeight}), a, b LIMIT ${o.examples - half})
    SELECT la.source AS ls, la.record_id AS lr, lb.source AS rs, lb.record_id AS rr, p.weight, p.probability, ${columns}
    FROM (SELECT * FROM linked UNION ALL SELECT * FROM borderline) AS p
    JOIN ${o.records} AS la ON la.rid = p.a JOIN ${o.records} AS lb ON lb.rid = p.b ORDER BY p.weight DESC, p.a, p.b`);
  const records = totals?.records ?? 0;
  const customers = totals?.customers ?? 0;
  const weight = Number(examples[0]?.weight ?? 0);
  const contributionSum = (row: Record<string, unknown>) => o.comparisons.reduce((s, c) => s + Number(row[weightColumn(c.field)] ?? 0), 0);
  return {
    records,
    customers,
    duplicateRate: records === 0 ? 0 : 1 - customers / records,
    sources: sources.map((s) => ({...s, duplicateRate: s.records === 0 ? 0 : 1 - s.customers / s.records})),
    overlap,
    clusterSizes: sizes,
    examples: examples.map((row) => ({
      left: {source: String(row.ls), recordId: String(row.lr)},
      right: {source: String(row.rs), recordId: String(row.rr)},
      weight: Number(row.weight),
      probability: Number(row.probability),
      linked: Number(row.weight) >= o.linkWeight,
      prior: Number(row.weight) - contributionSum(row),
      contributions: o.comparisons.map((c) => ({
        field: c.field,
        level: c.levels[Math.max(0, Number(row[gammaColumn(c.field)]))]!.label,
        weight: Number(row[weightColumn(c.field)])
      }))
    })).filter(() => Number.isFinite(weight))
  };
}
