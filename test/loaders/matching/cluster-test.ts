import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {clusterRecords} from "../../../loaders/matching/cluster.ts";

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
