import {describe, it, after} from "node:test";
import assert from "node:assert/strict";
import {WorkerPool} from "../../../loaders/parallel/worker-pool.ts";
import {addressScore} from "../../../loaders/matching/address-score.ts";
import {checkPhone} from "../../../loaders/rules/lookups/phone-check.ts";

describe("WorkerPool(entry, size)", () => {
  const pools: WorkerPool[] = [];
  after(() => Promise.all(pools.map((p) => p.close())));

  it("answers every row as the function does in this thread, in the rows' order", async () => {
    const pool = new WorkerPool(new URL("../../../loaders/matching/address-score-worker.ts", import.meta.url), 3);
    pools.push(pool);
    const streets = ["rue de la paix", "avenue victor hugo", "rue victor hugo", "chemin des lilas", "impasse du moulin"];
    const rows = Array.from({length: 1001}, (_, i) => [`${i % 97} ${streets[i % 5]}`, `${i % 89} ${streets[(i * 7) % 5]} appartement ${i % 3}`]);
    const answers = await pool.run(rows);
    assert.equal(answers.length, rows.length);
    assert.deepEqual(answers, rows.map(([x, y]) => [addressScore(x!, y!)]));
    // a second page through the same workers
    assert.deepEqual(await pool.run(rows.slice(0, 5)), rows.slice(0, 5).map(([x, y]) => [addressScore(x!, y!)]));
  });

  it("checks phone numbers on workers as the phone rules do", async () => {
    const pool = new WorkerPool(new URL("../../../loaders/rules/lookups/phone-worker.ts", import.meta.url), 2);
    pools.push(pool);
    const rows = [["0612345678", "FR"], ["+447911123456", "GB"], ["123", "FR"], ["0612345678", null]];
    const answers = await pool.run(rows);
    assert.deepEqual(answers, rows.map(([key, country]) => {
      const c = checkPhone(key!, country ?? null);
      return [c.e164, c.valid, c.type, c.reason];
    }));
  });
});
