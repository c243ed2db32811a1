import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {foldSizes} from "../../../loaders/matching/publish.ts";

describe("foldSizes(sizes, minCount)", () => {
  const sizes = [{size: 1, clusters: 900}, {size: 2, clusters: 80}, {size: 3, clusters: 6}, {size: 4, clusters: 2}, {size: 9, clusters: 1}];

  it("folds every size from the first one under minCount into one 'n or more' row, started earlier until it reaches minCount", () => {
    assert.deepEqual(foldSizes(sizes, 5), [
      {size: 1, clusters: 900, records: 900, orMore: false},
      {size: 2, clusters: 80, records: 160, orMore: false},
      {size: 3, clusters: 9, records: 35, orMore: true}
    ]);
  });
  it("never shows a row under minCount, and hides everything only when all clusters together are fewer", () => {
    for (const k of [2, 3, 7, 10, 50, 100]) {
      const folded = foldSizes(sizes, k);
      assert.ok(folded.every((r) => r.clusters === null || r.clusters >= k), `k = ${k}`);
      assert.equal(folded.filter((r) => r.clusters !== null).reduce((s, r) => s + r.clusters!, 0), 989, `k = ${k}: every cluster counted once`);
    }
    assert.deepEqual(foldSizes([{size: 2, clusters: 3}], 5), [{size: 2, clusters: null, records: null, orMore: false}]);
  });
  it("keeps every size when nothing is masked, and the clusters add up", () => {
    const all = foldSizes(sizes, 1);
    assert.equal(all.length, sizes.length);
    assert.equal(all.reduce((s, r) => s + r.clusters!, 0), sizes.reduce((s, r) => s + r.clusters, 0));
  });
});
