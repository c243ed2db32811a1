import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {cleanOrders} from "../../../loaders/value/orders.ts";
import {migrate} from "../../../loaders/value/migration.ts";
import {loadRetail} from "./retail.ts";

type Method = "rank" | "ntile";
const DAY = 86_400_000;

/** The default segment map of design/rfm.md, written as plain conditions. */
function segmentOf(r: number, f: number): string {
  if (r === 5 && f >= 4) return "champions";
  if (r >= 3 && f >= 4) return "loyal";
  if (r >= 4 && f >= 2) return "potential_loyalists";
  if (r === 5) return "new_customers";
  if (r === 4) return "promising";
  if (f === 3 && r === 3) return "need_attention";
  if (r === 3) return "about_to_sleep";
  if (f === 5) return "cant_lose";
  if (f >= 3) return "at_risk";
  return "hibernating";
}

/** 1–5 scores of `values` (higher value = higher score) by the rules of design/rfm.md, in plain JavaScript. */
function scores(values: {id: string; value: number}[], method: Method): Map<string, number> {
  const n = values.length;
  const out = new Map<string, number>();
  if (method === "rank") {
    const sorted = values.map((v) => v.value).sort((a, b) => a - b);
    for (const {id, value} of values) {
      let below = 0;
      while (below < n && sorted[below]! < value) below++;
      const percentRank = n > 1 ? below / (n - 1) : 0;
      out.set(id, Math.min(5, 1 + Math.floor(5 * percentRank)));
    }
  } else {
    const sorted = [...values].sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const size = Math.floor(n / 5);
    const bigger = n % 5; // the first `bigger` tiles hold one more row
    sorted.forEach(({id}, i) => {
      const tile = i < bigger * (size + 1) ? Math.floor(i / (size + 1)) : bigger + Math.floor((i - bigger * (size + 1)) / size);
      out.set(id, tile + 1);
    });
  }
  return out;
}

/** Segment of each customer with an order before `date`, from order lines, in plain JavaScript. */
function segmentsAt(lines: Line[], date: string, method: Method): Map<string, string> {
  const end = Date.parse(date);
  const customers = new Map<string, {last: number; orders: Set<string>}>();
  for (const line of lines) {
    if (line.day >= end) continue;
    const c = customers.get(line.customer) ?? {last: 0, orders: new Set<string>()};
    c.last = Math.max(c.last, line.day);
    c.orders.add(line.order);
    customers.set(line.customer, c);
  }
  // Recency is scored descending: score the negated recency ascending.
  const r = scores([...customers].map(([id, c]) => ({id, value: -(end - c.last) / DAY})), method);
  const f = scores([...customers].map(([id, c]) => ({id, value: c.orders.size})), method);
  return new Map([...customers.keys()].map((id) => [id, segmentOf(r.get(id)!, f.get(id)!)]));
}

function matrix(lines: Line[], d0: string, d1: string, method: Method): Map<string, number> {
  const before = segmentsAt(lines, d0, method);
  const after = segmentsAt(lines, d1, method);
  const counts = new Map<string, number>();
  for (const [id, to] of after) {
    const key = `${before.get(id) ?? "new"} → ${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

interface Line {
  customer: string;
  order: string;
  day: number;
}

describe("migrate(db, orders, {from, to, method})", () => {
  let db: Db;
  let lines: Line[];
  before(async () => {
    db = await openDb({threads: 2});
    await loadRetail(db);
    // The raw lines, cleaned in JavaScript: an id like 17850.0 is a number, dates are the first 10 characters.
    const raw = await db.all<{customer_id: string | null; order_id: string; order_date: string; quantity: string; unit_price: string}>(
      `SELECT customer_id, order_id, order_date, quantity, unit_price FROM orders_retail`
    );
    lines = raw
      .filter((l) => l.customer_id && Number(l.quantity) > 0 && Number(l.unit_price) > 0)
      .map((l) => ({customer: String(Number(l.customer_id)), order: l.order_id, day: Date.parse(l.order_date.slice(0, 10))}));
    await cleanOrders(db, "orders_retail", {asOf: "2011-03-01"});
  });
  after(() => db.close());

  for (const method of ["rank", "ntile"] as const) {
    it(`equals a plain JavaScript computation on the retail data, 2011-02-01 → 2011-03-01 (${method})`, async () => {
      const result = await migrate(db, "value_orders", {from: "2011-02-01", to: "2011-03-01", method});
      const want = matrix(lines, "2011-02-01", "2011-03-01", method);
      const got = new Map(result.cells.map((c) => [`${c.from} → ${c.to}`, c.customers]));
      assert.deepEqual(got, want);
      assert.equal(result.customers, 1682);
      assert.ok(want.get("new → new_customers")! > 0, "some customers are new since 2011-02-01");
      const flagged = result.cells.filter((c) => c.downgrade).map((c) => `${c.from} → ${c.to}`);
      assert.ok(flagged.includes("champions → loyal") || flagged.includes("loyal → at_risk"), flagged.join(", "));
      assert.ok(!flagged.some((key) => key.startsWith("new ")));
    });
  }

  it("defaults the first date to one year before the second and refuses dates out of order", async () => {
    const result = await migrate(db, "value_orders", {to: "2011-03-01"});
    assert.equal(result.from, "2010-03-01");
    assert.deepEqual([...new Set(result.cells.map((c) => c.from))], ["new"]);
    await assert.rejects(migrate(db, "value_orders", {from: "2011-03-01", to: "2011-02-01"}), /should be before/);
  });

  it("finds known moves on a hand-built case, with a custom map and its ladder", async () => {
    // d0 = 2024-01-01: a…e ordered on distinct days, oldest a → r = 1…5 (high: r ≥ 4).
    // d1 = 2024-07-01: a orders again in June, f is new in May → r: b 1, c 2, d 3, e 4, f 5, a 5.
    await db.exec(`CREATE TABLE hand AS SELECT customer_id, order_key, CAST(order_date AS DATE) AS order_date, 10.0 AS amount
      FROM (VALUES ('a', '1', '2023-01-01'), ('b', '2', '2023-02-01'), ('c', '3', '2023-03-01'), ('d', '4', '2023-04-01'),
        ('e', '5', '2023-05-01'), ('a', '6', '2024-06-01'), ('f', '7', '2024-05-01')) AS t(customer_id, order_key, order_date)`);
    const segments = [
      {name: "high", r: [4, 5], f: [1, 5]},
      {name: "low", r: [1, 3], f: [1, 5]}
    ] as const;
    const result = await migrate(db, "hand", {from: "2024-01-01", to: "2024-07-01", segments: segments.map((s) => ({...s}))});
    assert.deepEqual(result.ladder, ["high", "low", "other"]);
    assert.deepEqual(
      result.cells.map((c) => [c.from, c.to, c.customers, c.downgrade]),
      [
        ["new", "high", 1, false],
        ["high", "high", 1, false],
        ["high", "low", 1, true],
        ["low", "high", 1, false],
        ["low", "low", 2, false]
      ]
    );
    assert.equal(result.downgrades, 1);
    assert.deepEqual(result.cells.find((c) => c.from === "low" && c.to === "low")!.share, 2 / 3);
  });
});
