import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {runMatching, type MatchSummary} from "../../../loaders/matching/run.ts";
import {loadFake1000, loadFebrl} from "./datasets.ts";

function report(name: string, s: MatchSummary): void {
  const a = s.accuracy!;
  console.log(
    `${name}: records ${s.records}, customers ${s.customers}, candidate pairs ${s.blocking.pairs}, blocking recall ${s.blocking.recall!.toFixed(4)}, ` +
      `precision ${a.precision.toFixed(4)}, recall ${a.recall.toFixed(4)}, F1 ${a.f1.toFixed(4)}, λ ${s.model.lambda.toExponential(2)}, ` +
      `clusters flagged ${s.clustering.flagged}, split ${s.clustering.split}, ms ${JSON.stringify(s.timings)}`
  );
}

describe("runMatching(db, {table, country, truthColumn}) with default settings and a column mapping only", () => {
  let db: Db;
  before(async () => {
    db = await openDb({threads: 2});
  });
  after(async () => db.close());

  it("FEBRL 1: pairwise F1 ≥ 0.99", async () => {
    await loadFebrl(db, "febrl1");
    const s = await runMatching(db, {table: "febrl1", country: "AU", truthColumn: "entity"});
    report("febrl1", s);
    assert.ok(s.accuracy!.f1 >= 0.99, `F1 ${s.accuracy!.f1}`);
  });

  it("FEBRL 2: pairwise F1 ≥ 0.99", async () => {
    await loadFebrl(db, "febrl2");
    const s = await runMatching(db, {table: "febrl2", country: "AU", truthColumn: "entity"});
    report("febrl2", s);
    assert.ok(s.accuracy!.f1 >= 0.99, `F1 ${s.accuracy!.f1}`);
  });

  it("fake_1000: pairwise F1 ≥ 0.85 without labels", async () => {
    await loadFake1000(db);
    const s = await runMatching(db, {table: "fake_1000", country: "GB", truthColumn: "entity"});
    report("fake_1000", s);
    assert.ok(s.accuracy!.f1 >= 0.85, `F1 ${s.accuracy!.f1}`);
    // Every field's model: exact agreement is evidence for, a catch-all disagreement against.
    for (const field of s.model.fields) {
      assert.ok(field.levels[1]!.weight > 0, `${field.field} exact weight`);
      assert.ok(field.levels.at(-1)!.weight < 0, `${field.field} different weight`);
    }
    // Examples explain themselves: prior plus contributions make the weight.
    for (const example of s.examples) {
      const sum = example.prior + example.contributions.reduce((acc, c) => acc + c.weight, 0);
      assert.ok(Math.abs(sum - example.weight) < 1e-6);
    }
  });
});
