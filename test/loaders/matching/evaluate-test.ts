import assert from "node:assert/strict";
import {randomLcg} from "d3";
import {after, before, describe, it} from "node:test";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {evaluatePairs} from "../../../loaders/matching/evaluate.ts";

describe("evaluatePairs(db, clustersTable, truthColumn)", () => {
  let db: Db;
  before(async () => {
    db = await openDb({threads: 1});
  });
  after(async () => db.close());

  it("agrees with counting every pair of records one by one", async () => {
    const random = randomLcg(0.42);
    const rows = Array.from({length: 300}, () => [Math.floor(random() * 60), Math.floor(random() * 80)] as const);
    await db.exec(`CREATE TABLE c AS SELECT * FROM (VALUES ${rows.map(([c, t]) => `(${c}, '${t}')`).join(", ")}) AS v(cluster_id, truth)`);
    let tp = 0, predicted = 0, actual = 0;
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const same = rows[i]![0] === rows[j]![0];
        const truth = rows[i]![1] === rows[j]![1];
        if (same) predicted++;
        if (truth) actual++;
        if (same && truth) tp++;
      }
    }
    const s = await evaluatePairs(db, "c", "truth");
    assert.equal(s.truePositives, tp);
    assert.equal(s.predictedPairs, predicted);
    assert.equal(s.truePairs, actual);
    assert.ok(Math.abs(s.f1 - (2 * tp) / (predicted + actual)) < 1e-12);
  });
});
