import {after, before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {blockPairs, blockingRule} from "../../../loaders/matching/blocking.ts";

describe("blocking limits", () => {
  let db: Db;
  // blocks on the email key: three of 2 records (1 pair each), two of 3 (3 pairs each), one of 5 (10 pairs)
  const sizes = [2, 2, 2, 3, 3, 5];
  before(async () => {
    db = await openDb();
    const rows: string[] = [];
    let rid = 0;
    sizes.forEach((size, block) => {
      for (let i = 0; i < size; i++) rows.push(`(${++rid}, 'key${block}')`);
    });
    rows.push(`(${++rid}, 'alone')`, `(${++rid}, NULL)`);
    await db.exec(`CREATE TABLE recs (rid INTEGER, email_key VARCHAR); INSERT INTO recs VALUES ${rows.join(", ")}`);
  });
  after(() => db.close());

  const run = (limits: {maxBlockSize?: number; maxRulePairs?: number}) => blockPairs(db, "recs", [blockingRule("email", ["email"])], {table: "pairs", ...limits});

  it("pairs every block within maxBlockSize and no budget", async () => {
    const report = await run({maxBlockSize: 50});
    assert.equal(report.pairs, 19);
    assert.deepEqual([report.rules[0]!.skippedKeys, report.rules[0]!.skippedRecords], [0, 0]);
  });

  it("skips the blocks larger than maxBlockSize", async () => {
    const report = await run({maxBlockSize: 4});
    assert.equal(report.pairs, 9);
    assert.deepEqual([report.rules[0]!.skippedKeys, report.rules[0]!.skippedRecords], [1, 5]);
  });

  it("keeps a rule's blocks from the smallest up while their pairs fit its budget", async () => {
    // sizes 2 hold 3 pairs, with the sizes 3 they hold 9, with the size 5 19
    let report = await run({maxBlockSize: 50, maxRulePairs: 9});
    assert.equal(report.pairs, 9);
    assert.deepEqual([report.rules[0]!.skippedKeys, report.rules[0]!.skippedRecords], [1, 5]);
    report = await run({maxBlockSize: 50, maxRulePairs: 8});
    assert.equal(report.pairs, 3);
    assert.deepEqual([report.rules[0]!.skippedKeys, report.rules[0]!.skippedRecords], [3, 11]);
    const kept = await db.all<{a: number; b: number}>(`SELECT a, b FROM pairs ORDER BY a`);
    assert.deepEqual(kept.map((p) => [p.a, p.b]), [[1, 2], [3, 4], [5, 6]]);
  });
});
