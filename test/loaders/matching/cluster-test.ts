import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {clusterRecords, connectedComponents} from "../../../loaders/matching/cluster.ts";

// 300 records in 100 groups of 3 (strong links inside each group), every group
// bridged to the next by one link just above the threshold: one chain of 300.
describe("clusterRecords(db, options) on a chain of groups bridged by weak links", () => {
  let db: Db;
  let sizes: {label: number; n: number}[];
  let report: Awaited<ReturnType<typeof clusterRecords>>;
  before(async () => {
    db = await openDb({threads: 1});
    await db.exec(`CREATE TABLE recs AS SELECT range::INTEGER AS rid, (range // 3)::INTEGER AS grp FROM range(300)`);
    await db.exec(`CREATE TABLE scored AS
      SELECT x.rid AS a, y.rid AS b, 20.0 AS weight FROM recs x JOIN recs y ON x.grp = y.grp AND x.rid < y.rid
      UNION ALL SELECT rid, rid + 1, 1.5 FROM recs WHERE rid % 3 = 2 AND rid < 299`);
    report = await clusterRecords(db, {
      records: "recs",
      scored: "scored",
      threshold: 1,
      chainGap: 8,
      out: "clusters",
      // Pairs not scored before: two records of different groups, strongly against.
      scoreInternal: async (pairs, out) => {
        await db.exec(`CREATE TABLE ${out} AS SELECT p.a, p.b, CASE WHEN x.grp = y.grp THEN 20.0 ELSE -30.0 END AS weight
          FROM ${pairs} AS p JOIN recs x ON x.rid = p.a JOIN recs y ON y.rid = p.b`);
      }
    });
    sizes = await db.all("SELECT cluster_id AS label, count(*) AS n FROM clusters GROUP BY 1");
  });
  after(async () => db.close());

  it("splits the chain: no cluster over the guard size, every group whole and alone", async () => {
    assert.ok(Math.max(...sizes.map((s) => s.n)) <= 100);
    const mixed = await db.one<{groups_split: number; clusters_mixed: number}>(`SELECT
      (SELECT count(*) FROM (SELECT grp FROM recs JOIN clusters USING (rid) GROUP BY grp HAVING count(DISTINCT cluster_id) > 1)) AS groups_split,
      (SELECT count(*) FROM (SELECT cluster_id FROM recs JOIN clusters USING (rid) GROUP BY cluster_id HAVING count(DISTINCT grp) > 1)) AS clusters_mixed`);
    assert.deepEqual(mixed, {groups_split: 0, clusters_mixed: 0});
    assert.equal(report.clusters, 100);
    assert.ok(report.split >= 1);
  });
  it("covers every record once", async () => {
    assert.equal(sizes.reduce((s, x) => s + x.n, 0), 300);
  });
});

describe("connectedComponents(db, edges, out)", () => {
  let db: Db;
  before(async () => (db = await openDb({threads: 2})));
  after(async () => db.close());

  const components = async (edges: [number, number][]) => {
    await db.exec(`CREATE OR REPLACE TABLE edges AS SELECT * FROM (VALUES ${edges.map(([a, b]) => `(${a}, ${b})`).join(", ")}) AS t(a, b)`);
    await connectedComponents(db, "edges", "components");
    return db.all<{rid: number; label: number}>("SELECT rid, label FROM components ORDER BY rid");
  };

  it("labels each record in an edge with its component's smallest record id", async () => {
    assert.deepEqual(await components([[5, 9], [9, 2], [7, 8], [3, 3]]), [
      {rid: 2, label: 2},
      {rid: 3, label: 3},
      {rid: 5, label: 2},
      {rid: 7, label: 7},
      {rid: 8, label: 7},
      {rid: 9, label: 2}
    ]);
  });

  it("gives the components of the edges of each call, into the same table (the chain guard calls it again and again)", async () => {
    await components([[1, 2], [2, 3], [3, 4]]);
    assert.deepEqual(await components([[10, 11], [2, 3]]), [
      {rid: 2, label: 2},
      {rid: 3, label: 2},
      {rid: 10, label: 10},
      {rid: 11, label: 10}
    ]);
  });

  it("joins a long chain whatever the order of its edges", async () => {
    const n = 5000;
    const chain: [number, number][] = Array.from({length: n - 1}, (_, i) => [i + 1, i + 2]);
    chain.sort((x, y) => ((x[0] * 7919) % n) - ((y[0] * 7919) % n));
    const labels = await components(chain);
    assert.equal(labels.length, n);
    assert.ok(labels.every((l) => l.label === 1));
  });
});
