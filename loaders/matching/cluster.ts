/**
 * Clustering: connected components of the pairs linked above the threshold,
 * by union-find over the linked pairs read in chunks (an array of one
 * integer per record; each component labelled by its smallest record id;
 * label propagation in SQL took a query per round, and a dozen rounds on
 * long chains of generated names), and a guard
 * against chains: in every cluster of three or more records, all internal pairs
 * are scored; a cluster whose weakest internal pair is more than `chainGap`
 * bits below the threshold is flagged, and when its internal pairs are on
 * average below the threshold too (a chain of records that mostly do not
 * match) it is split by raising the threshold inside it, step by step.
 * Clusters larger than `maxGuardSize` (whose internal pairs are too many to
 * score) are split first by dropping their weakest links, 2 bits at a time,
 * until every part is at most that size; any still larger is flagged.
 *
 *   connectedComponents(db, edges, out) → creates `out` (rid, label) for records in an edge (a, b: record ids)
 *   clusterRecords(db, options) → ClusterReport; creates `out` (rid, cluster_id, flagged)
 */
import {DuckDBDataChunk, INTEGER} from "@duckdb/node-api";
import type {Db} from "../db/connection.ts";

export async function connectedComponents(db: Db, edges: string, out: string): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${out} (rid INTEGER, label INTEGER)`);
  const top = (await db.one<{m: number | null}>(`SELECT max(greatest(a, b)) AS m FROM ${edges}`))?.m;
  if (top === null || top === undefined) return;
  // union-find over the record ids: -1 for a record in no edge, else its parent; a root is its
  // component's smallest id (the larger root joins the smaller), so the label is the smallest rid
  const parent = new Int32Array(top + 1).fill(-1);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const result = await db.duckdb.stream(`SELECT a::INTEGER AS a, b::INTEGER AS b FROM ${edges}`);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const as = chunk.getColumnValues(0) as number[];
    const bs = chunk.getColumnValues(1) as number[];
    for (let i = 0; i < as.length; i++) {
      const a = as[i]!;
      const b = bs[i]!;
      if (parent[a]! < 0) parent[a] = a;
      if (parent[b]! < 0) parent[b] = b;
      const ra = find(a);
      const rb = find(b);
      if (ra < rb) parent[rb] = ra;
      else if (rb < ra) parent[ra] = rb;
    }
  }
  // written in rid order, a vector's worth of rows at a time
  const appender = await db.duckdb.createAppender(out);
  const rids: number[] = [];
  const labels: number[] = [];
  const flush = () => {
    if (rids.length === 0) return;
    const chunk = DuckDBDataChunk.create([INTEGER, INTEGER], rids.length);
    chunk.setColumnValues(0, rids);
    chunk.setColumnValues(1, labels);
    appender.appendDataChunk(chunk);
    rids.length = 0;
    labels.length = 0;
  };
  for (let x = 0; x <= top; x++) {
    if (parent[x]! < 0) continue;
    rids.push(x);
    labels.push(find(x));
    if (rids.length === CHUNK_ROWS) flush();
  }
  flush();
  appender.closeSync();
}

/** Rows of a DuckDB vector. */
const CHUNK_ROWS = 2048;

export interface ClusterOptions {
  records: string;
  /** Scored candidate pairs (a, b, weight). */
  scored: string;
  /** Link weight threshold. */
  threshold: number;
  chainGap: number;
  /** Scores the pairs of `pairs` (a, b) into `out` (a, b, weight). */
  scoreInternal: (pairs: string, out: string) => Promise<void>;
  out: string;
  /** Largest cluster whose internal pairs are all scored; larger ones are flagged. */
  maxGuardSize?: number;
}

export interface ClusterReport {
  clusters: number;
  /** Clusters split by the chain guard, and clusters still flagged. */
  split: number;
  flagged: number;
}

export async function clusterRecords(db: Db, options: ClusterOptions): Promise<ClusterReport> {
  const {records, scored, threshold, chainGap, out} = options;
  const maxGuardSize = options.maxGuardSize ?? 100;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_edges AS SELECT a, b FROM ${scored} WHERE weight >= ${threshold}`);
  await connectedComponents(db, `${out}_edges`, `${out}_labels`);

  // Clusters too large to score every internal pair: their weakest links are dropped, a few bits
  // at a time, until each part is small enough (a person does not have hundreds of records).
  let large = 0;
  for (let step = 1; step <= 12; step++) {
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_large AS
      SELECT label FROM ${out}_labels GROUP BY label HAVING count(*) > ${maxGuardSize}`);
    const n = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${out}_large`))?.n ?? 0;
    if (n === 0) break;
    if (step === 1) large = n;
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_sub_edges AS
      SELECT p.a, p.b FROM ${scored} AS p JOIN ${out}_labels AS x ON x.rid = p.a JOIN ${out}_labels AS y ON y.rid = p.b
      WHERE x.label = y.label AND x.label IN (SELECT label FROM ${out}_large) AND p.weight >= ${threshold + 2 * step}`);
    await connectedComponents(db, `${out}_sub_edges`, `${out}_sub`);
    await db.exec(`UPDATE ${out}_labels AS l SET label = coalesce((SELECT s.label FROM ${out}_sub AS s WHERE s.rid = l.rid), l.rid)
      WHERE l.label IN (SELECT label FROM ${out}_large)`);
  }

  // Every internal pair of the clusters of 3 or more records, scored.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_sizes AS SELECT label, count(*) AS n FROM ${out}_labels GROUP BY label`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_todo AS
    WITH members AS (
      SELECT l.rid, l.label FROM ${out}_labels AS l JOIN ${out}_sizes AS s USING (label) WHERE s.n BETWEEN 3 AND ${maxGuardSize}
    )
    SELECT x.rid AS a, y.rid AS b FROM members AS x JOIN members AS y ON x.label = y.label AND x.rid < y.rid
    ANTI JOIN ${scored} AS p ON p.a = x.rid AND p.b = y.rid`);
  await options.scoreInternal(`${out}_todo`, `${out}_extra`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_internal AS
    SELECT p.a, p.b, p.weight FROM ${scored} AS p
      JOIN ${out}_labels AS x ON x.rid = p.a JOIN ${out}_labels AS y ON y.rid = p.b WHERE x.label = y.label
    UNION ALL SELECT a, b, weight FROM ${out}_extra`);

  const weakest = `SELECT x.label, min(i.weight) AS weakest, avg(i.weight) AS average FROM ${out}_internal AS i
      JOIN ${out}_labels AS x ON x.rid = i.a JOIN ${out}_labels AS y ON y.rid = i.b WHERE x.label = y.label GROUP BY x.label`;
  const floor = threshold - chainGap;
  let split = 0;
  for (let step = 1; step <= 4; step++) {
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_flagged AS
      SELECT label FROM (${weakest}) WHERE weakest < ${floor} AND average < ${threshold}`);
    const flagged = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${out}_flagged`))?.n ?? 0;
    if (flagged === 0) break;
    if (step === 1) split = flagged;
    const raised = threshold + (step * Math.max(chainGap, 1)) / 2;
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_sub_edges AS
      SELECT i.a, i.b FROM ${out}_internal AS i JOIN ${out}_labels AS x ON x.rid = i.a JOIN ${out}_labels AS y ON y.rid = i.b
      WHERE x.label = y.label AND x.label IN (SELECT label FROM ${out}_flagged) AND i.weight >= ${raised}`);
    await connectedComponents(db, `${out}_sub_edges`, `${out}_sub`);
    await db.exec(`UPDATE ${out}_labels AS l SET label = coalesce((SELECT s.label FROM ${out}_sub AS s WHERE s.rid = l.rid), l.rid)
      WHERE l.label IN (SELECT label FROM ${out}_flagged)`);
  }
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_flagged AS
    SELECT label FROM (${weakest}) WHERE weakest < ${floor}
    UNION SELECT label FROM (SELECT label, count(*) AS n FROM ${out}_labels GROUP BY label) WHERE n > ${maxGuardSize}`);
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    SELECT r.rid, coalesce(l.label, r.rid) AS cluster_id, coalesce(l.label IN (SELECT label FROM ${out}_flagged), false) AS flagged
    FROM ${records} AS r LEFT JOIN ${out}_labels AS l USING (rid)`);
  const report = await db.one<{clusters: number; flagged: number}>(
    `SELECT count(DISTINCT cluster_id) AS clusters, count(DISTINCT cluster_id) FILTER (WHERE flagged) AS flagged FROM ${out}`
  );
  for (const t of ["edges", "labels", "sizes", "todo", "extra", "internal", "flagged", "sub_edges", "sub", "large"]) {
    await db.exec(`DROP TABLE IF EXISTS ${out}_${t}`);
  }
  return {clusters: report?.clusters ?? 0, split: split + large, flagged: report?.flagged ?? 0};
}
