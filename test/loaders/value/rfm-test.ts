import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {tmpdir} from "node:os";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {runValue} from "../../../loaders/value/index.ts";
import {scoreRfm, scoreSql} from "../../../loaders/value/rfm.ts";
import {EXPECTED, loadRetail, parseCsv} from "./retail.ts";

describe("runValue(db, {orders, asOf, method}) on the retail reference data", () => {
  let db: Db;
  let dir: string;
  before(async () => {
    db = await openDb({threads: 2});
    await loadRetail(db);
    dir = mkdtempSync(join(tmpdir(), "assay-value-"));
  });
  after(async () => {
    await db.close();
    rmSync(dir, {recursive: true, force: true});
  });

  const expected = parseCsv(readFileSync(EXPECTED, "utf8"));

  for (const method of ["rank", "ntile"] as const) {
    it(`writes rfm.csv equal to the expected results, customer by customer (${method})`, async () => {
      const out = join(dir, method);
      const summary = await runValue(db, {orders: "orders_retail", asOf: "2011-03-01", method, outDir: out});
      assert.equal(summary.customers, 1682);
      assert.equal(summary.orders, 3384);
      assert.equal(summary.revenue, 1589296.28);
      const actual = new Map(parseCsv(readFileSync(join(out, "rfm.csv"), "utf8")).map((row) => [row.customer_id, row]));
      assert.equal(actual.size, expected.length);
      for (const want of expected) {
        const got = actual.get(want.customer_id!);
        assert.ok(got, `customer ${want.customer_id} missing`);
        assert.deepEqual(
          [Number(got.recency), Number(got.frequency), Number(got.monetary), Number(got.r), Number(got.f), Number(got.m), got.segment],
          [Number(want.recency), Number(want.frequency), Number(want.monetary), Number(want[`r_${method}`]), Number(want[`f_${method}`]), Number(want[`m_${method}`]), want[`segment_${method}`]],
          `customer ${want.customer_id}`
        );
      }
      assert.equal(summary.rfMatrix.reduce((n, c) => n + c.customers, 0), 1682);
      assert.equal(summary.segments.reduce((n, s) => n + s.customers, 0), 1682);
    });
  }

  it("counts excluded lines by reason, and the counts add up", async () => {
    const summary = await runValue(db, {orders: "orders_retail", asOf: "2011-02-01"});
    const {total, kept, excluded} = summary.lines;
    const raw = await db.one<{n: number; anonymous: number}>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE customer_id IS NULL) AS anonymous FROM orders_retail`
    );
    assert.equal(total, raw!.n);
    assert.equal(excluded.no_customer_id, raw!.anonymous);
    assert.ok(excluded.non_positive > 0 && excluded.after_as_of > 0);
    assert.equal(kept + Object.values(excluded).reduce((a, b) => a + b, 0), total);
  });
});

describe("scoreRfm(db, orders, {asOf, method})", () => {
  it("gives customers with the same behaviour the same rank score, and ntile breaks ties by id", async () => {
    const db = await openDb({threads: 1});
    try {
      // Six customers; b, c and d bought the same day for the same amount.
      await db.exec(`CREATE TABLE o AS SELECT * FROM (VALUES
        ('a', '1', DATE '2024-01-01', 10.0), ('b', '2', DATE '2024-02-01', 20.0), ('c', '3', DATE '2024-02-01', 20.0),
        ('d', '4', DATE '2024-02-01', 20.0), ('e', '5', DATE '2024-03-01', 30.0), ('e', '6', DATE '2024-03-02', 30.0),
        ('f', '7', DATE '2024-04-01', 50.0)) AS t(customer_id, order_key, order_date, amount)`);
      await scoreRfm(db, "o", {asOf: "2024-05-01", method: "rank"});
      const rank = await db.all<{customer_id: string; r: number; f: number; m: number; recency: number}>(
        `SELECT customer_id, recency, r, f, m FROM value_rfm ORDER BY customer_id`
      );
      assert.deepEqual(rank.map((x) => x.recency), [121, 90, 90, 90, 60, 30]);
      // percent ranks of recency descending: a 0, b–d 0.2, e 0.8, f 1 → 1, 2, 2, 2, 5, 5
      assert.deepEqual(rank.map((x) => x.r), [1, 2, 2, 2, 5, 5]);
      assert.deepEqual(rank.map((x) => x.f), [1, 1, 1, 1, 5, 1]);
      await scoreRfm(db, "o", {asOf: "2024-05-01", method: "ntile"});
      const ntile = await db.all<{r: number}>(`SELECT r FROM value_rfm ORDER BY customer_id`);
      // six rows in five tiles of 2, 1, 1, 1, 1 in the order a, b, c, d, e, f (recency desc, then id)
      assert.deepEqual(ntile.map((x) => x.r), [1, 1, 2, 3, 4, 5]);
    } finally {
      await db.close();
    }
  });

  it("rejects an unknown method", () => {
    assert.throws(() => scoreSql("recency", "DESC", "median" as never), /invalid method: median/);
  });
});
