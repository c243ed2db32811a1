import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {runValue} from "../../../loaders/value/index.ts";
import {checkWindows} from "../../../loaders/value/lifecycle.ts";

const AS_OF = "2024-07-01";

// Customer records: id and NPS answer (raw text).
const CUSTOMERS: [string, string | null][] = [
  ["p1", "10"], // no order: prospect, promoter (not an ambassador: not active)
  ["n1", "9"], // one order 30 days ago: new, promoter
  ["n2", null], // one order 200 days ago: past the new window, within the active one: active
  ["a1", "10"], // two orders, last 100 days ago: active promoter = ambassador
  ["a2", "abc"], // two orders, last exactly 365 days ago: active; no valid score
  ["d1", "3"], // last order 400 days ago: dormant, detractor
  ["d2", "11"], // last order exactly 730 days ago: dormant; 11 is no score
  ["l1", "7"], // last order 731 days ago: lost, passive
  [" 42.0", "8,0"] // id written as a number, orders under "42": one order 10 days ago: new, passive
];
// Orders: customer and days before asOf. "o1" is in no customer record: it still counts.
const ORDERS: [string, number][] = [
  ["n1", 30], ["n2", 200], ["a1", 300], ["a1", 100], ["a2", 500], ["a2", 365],
  ["d1", 400], ["d2", 730], ["l1", 731], ["42", 10], ["o1", 5], ["o1", 3]
];

describe("runValue(db, {orders, customers, asOf}) lifecycle and NPS", () => {
  let db: Db;
  before(async () => {
    db = await openDb({threads: 1});
    await db.exec(`CREATE TABLE customers_crm (source VARCHAR, row_number BIGINT, record_id VARCHAR, nps VARCHAR)`);
    for (const [i, [id, nps]] of CUSTOMERS.entries()) await db.all(`INSERT INTO customers_crm VALUES ('crm', ?, ?, ?)`, [i + 1, id, nps]);
    await db.exec(`CREATE TABLE order_days (customer_id VARCHAR, days INTEGER)`);
    for (const row of ORDERS) await db.all(`INSERT INTO order_days VALUES (?, ?)`, row);
    // Dates written day first, as French exports do.
    await db.exec(`CREATE VIEW orders_shop AS SELECT 'shop' AS source, row_number() OVER () AS row_number, customer_id,
      NULL::VARCHAR AS order_id, strftime(DATE '${AS_OF}' - CAST(days AS INTEGER), '%d/%m/%Y') AS order_date,
      '10' AS amount, NULL::VARCHAR AS quantity, NULL::VARCHAR AS unit_price, NULL::VARCHAR AS channel FROM order_days`);
  });
  after(() => db.close());

  it("puts every customer record in one stage", async () => {
    const summary = await runValue(db, {orders: "orders_shop", customers: "customers_crm", asOf: AS_OF});
    const stages = Object.fromEntries(
      (await db.all<{customer_id: string; lifecycle: string}>(`SELECT customer_id, lifecycle FROM value_customers`)).map((r) => [r.customer_id, r.lifecycle])
    );
    assert.deepEqual(stages, {
      p1: "prospect", n1: "new", n2: "active", a1: "active", a2: "active", d1: "dormant", d2: "dormant", l1: "lost", "42": "new", o1: "active"
    });
    assert.deepEqual(
      summary.lifecycle.map((s) => [s.stage, s.customers]),
      [["prospect", 1], ["new", 2], ["active", 4], ["dormant", 2], ["lost", 1]]
    );
    assert.deepEqual(summary.lifecycle.map((s) => s.revenue), [0, 20, 70, 20, 10]);
  });

  it("counts promoters, passives, detractors, ambassadors and the NPS", async () => {
    const {nps} = await runValue(db, {orders: "orders_shop", customers: "customers_crm", asOf: AS_OF});
    // scores: p1 10, n1 9, a1 10, d1 3, l1 7, 42 8 → 3 promoters, 2 passives, 1 detractor
    assert.deepEqual(nps, {respondents: 6, promoters: 3, passives: 2, detractors: 1, ambassadors: 1, nps: 33.3});
  });

  it("takes configured windows", async () => {
    const summary = await runValue(db, {
      orders: "orders_shop", customers: "customers_crm", asOf: AS_OF, lifecycle: {newDays: 365, activeDays: 400, dormantDays: 500}
    });
    // n2 becomes new, d1 active (400 days), d2 and l1 lost
    assert.deepEqual(summary.lifecycle.map((s) => [s.stage, s.customers]), [["prospect", 1], ["new", 3], ["active", 4], ["dormant", 0], ["lost", 2]]);
  });

  it("explains wrong windows", () => {
    assert.throws(() => checkWindows({activeDays: 800}), /newDays ≤ activeDays < dormantDays/);
    assert.throws(() => checkWindows({newDays: 0}), /newDays is 0/);
  });
});
