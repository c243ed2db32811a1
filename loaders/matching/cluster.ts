/**
 * Clustering: connected components of the pairs linked above the threshold,
 * by label propagation with pointer jumping in SQL (each record takes the
 * smallest label among its neighbours, then its label's label), and a guard
 * against chains: in every cluster of three or more records, all internal pairs
 * are scored; a cluster whose weakest internal pair is more than `chainGap`
 * bits below the threshold is flagged, and when its internal pairs are on
 * average below the threshold too (a chain of records that mostly do not
 * match) it is split by raising the threshold inside it, step by step.
 * Clusters larger than `maxGuardSize` (whose internal pairs are too many to
 * score) are split first by dropping their weakest links, 2 bits at a time,
 * until every part is at most that size; any still larger is flagged.
 *
 *   connectedComponents(db, edges, out) → creates `out` (rid, label) for records in an edge
 *   clusterRecords(db, options) → ClusterReport; creates `out` (rid, cluster_id, flagged)
 */
import type {Db} from "../db/connection.ts";

export async function connectedComponents(db: Db, edges: string, out: string): Promise<number> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_edges AS SELECT a, b FROM ${edges} UNION ALL SELECT b, a FROM ${edges}`);
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS SELECT DISTINCT a AS rid, a AS label FROM ${out}_edges`);
  let rounds = 0;
  for (; rounds < 200; rounds++) {
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_next AS
      WITH neighbours AS (
        SELECT e.a AS rid, min(l.label) AS label FROM ${out}_edges AS e JOIN ${out} AS l ON l.rid = e.b GROUP BY e.a
      ),
      stepped AS (
        SELECT l.rid, least(l.label, n.label) AS label FROM ${out} AS l JOIN neighbours AS n USING (rid)
      )
      SELECT s.rid, least(s.label, j.label) AS label FROM stepped AS s JOIN stepped AS j ON j.rid = s.label`);
    const changed = await db.one<{n: number}>(
      `SELECT count(*) AS n FROM ${out} AS l JOIN ${out}_next AS x USING (rid) WHERE x.label <> l.label`
    );
    await db.exec(`DROP TABLE ${out}; ALTER TABLE ${out}_next RENAME TO ${out}`);
    if (!changed?.n) break;
  }
  await db.exec(`DROP TABLE ${out}_edges`);
  return rounds + 1;
}

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
  rounds: number;
}

export async function clusterRecords(db: Db, options: ClusterOptions): Promise<ClusterReport> {
  const {records, scored, threshold, chainGap, out} = options;
  const maxGuardSize = options.maxGuardSize ?? 100;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_edges AS SELECT a, b FROM ${scored} WHERE weight >= ${threshold}`);
  const rounds = await connectedComponents(db, `${out}_edges`, `${out}_labels`);

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
  return {clusters: report?.clusters ?? 0, split: split + large, flagged: report?.flagged ?? 0, rounds};
}
