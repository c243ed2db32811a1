import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {memoryDb, customers} from "../helpers.ts";
import {runRules} from "../../../../loaders/rules/run.ts";

describe("duplicate.fuzzy", () => {
  it("fires on records that matching clustered with another record of the same source, and is skipped without clusters", async () => {
    const db = await memoryDb();
    try {
      await customers(db, "customers_t", [{email: "a"}, {email: "b"}, {email: "c"}, {email: "d"}]);
      await db.exec(`CREATE TABLE clusters AS SELECT * FROM (VALUES ('t', '1', 'K1'), ('t', '2', 'K1'), ('t', '3', 'K2'), ('u', '9', 'K2'), ('t', '4', 'K3'))
        AS c(source, record_id, cluster_id)`);
      const without = await runRules(db, {table: "customers_t", source: "t", asOf: "2025-06-30", rules: ["duplicate.fuzzy"]});
      assert.deepEqual(without.skipped, ["duplicate.fuzzy"]);
      const run = await runRules(db, {table: "customers_t", source: "t", asOf: "2025-06-30", rules: ["duplicate.fuzzy"], clusters: "clusters"});
      const rows = await db.all<{record_id: string; detail: string}>(`SELECT record_id, detail FROM findings ORDER BY record_id`);
      assert.deepEqual(rows, [{record_id: "1", detail: "K1"}, {record_id: "2", detail: "K1"}]);
      assert.deepEqual(run.counts, [{source: "t", rule: "duplicate.fuzzy", field: "record", failed: 2, applicable: 4}]);
    } finally {
      await db.close();
    }
  });
});
