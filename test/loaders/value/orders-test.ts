import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {cleanOrders} from "../../../loaders/value/orders.ts";
import {parseNumberSql} from "../../../loaders/value/numbers.ts";

// Raw order lines as ingestion leaves them: text, untrimmed.
const LINES = [
  // customer, order id, date, amount, quantity, unit price
  [" 17850.0 ", "A1", "2011-01-05 10:00:00", null, "2", "1,25"],
  ["17850", "A1", "2011-01-05 11:00:00", null, "2", "3.00"],
  ["17850", "A2", "2011-02-10 09:00:00", null, "1", "1 000,50"],
  ["B", null, "2011-01-05", null, "1", "4"],
  ["B", "", "2011-01-05", null, "1", "6"],
  ["B", null, "2011-01-06", null, "3", "2"],
  ["C", "X", "2011-01-07", "12,50", null, null],
  ["", "E1", "2011-01-07", null, "1", "1"],
  ["  ", "E2", "2011-01-07", null, "1", "1"],
  ["D", "C1", "2011-01-07", null, "-1", "2"],
  ["D", "Z", "2011-01-07", null, "1", "0"],
  ["D", "Y", "2011-01-07", "abc", null, null],
  ["D", "W", "not a date", null, "1", "1"],
  ["D", "V", "2011-03-05", null, "1", "1"]
];

describe("cleanOrders(db, orders, {asOf, identities})", () => {
  let db: Db;
  before(async () => {
    db = await openDb({threads: 1});
    await db.exec(`CREATE TABLE lines (customer_id VARCHAR, order_id VARCHAR, order_date VARCHAR, amount VARCHAR, quantity VARCHAR, unit_price VARCHAR)`);
    for (const line of LINES) await db.all(`INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?)`, line);
    await db.exec(`CREATE VIEW orders_x AS SELECT 'x' AS source, row_number() OVER () AS row_number, *, NULL::VARCHAR AS channel FROM lines`);
    await db.exec(`CREATE TABLE people AS SELECT * FROM (VALUES ('17850', 'P1'), ('B', 'P1')) AS t(record_id, customer_id)`);
  });
  after(() => db.close());

  const orders = () =>
    db.all<{customer_id: string; order_key: string; order_date: string; amount: number}>(
      `SELECT customer_id, order_key, order_date, round(amount, 2) AS amount FROM value_orders ORDER BY customer_id, order_date, order_key`
    );

  it("excludes lines by reason, and the counts add up", async () => {
    const clean = await cleanOrders(db, "orders_x", {asOf: "2011-03-01"});
    assert.deepEqual(clean.excluded, {no_customer_id: 2, non_positive: 2, no_amount: 1, invalid_date: 1, after_as_of: 1});
    assert.equal(clean.lines, LINES.length);
    assert.equal(clean.keptLines, 7);
    assert.equal(clean.asOf, "2011-03-01");
  });

  it("normalises ids, reads decimal commas, groups lines into orders, and dates stand in for missing order ids", async () => {
    await cleanOrders(db, "orders_x", {asOf: "2011-03-01"});
    assert.deepEqual(await orders(), [
      {customer_id: "17850", order_key: "A1", order_date: "2011-01-05", amount: 8.5},
      {customer_id: "17850", order_key: "A2", order_date: "2011-02-10", amount: 1000.5},
      {customer_id: "B", order_key: "2011-01-05", order_date: "2011-01-05", amount: 10},
      {customer_id: "B", order_key: "2011-01-06", order_date: "2011-01-06", amount: 6},
      {customer_id: "C", order_key: "X", order_date: "2011-01-07", amount: 12.5}
    ]);
  });

  it("defaults asOf to the day after the last valid order", async () => {
    const clean = await cleanOrders(db, "orders_x");
    assert.equal(clean.asOf, "2011-03-06");
    assert.equal(clean.excluded.after_as_of, 0);
    assert.equal(clean.orders, 6);
  });

  it("maps customer ids to people through an identities table", async () => {
    const clean = await cleanOrders(db, "orders_x", {asOf: "2011-03-01", identities: "people"});
    assert.equal(clean.customers, 2);
    const rows = await orders();
    assert.deepEqual([...new Set(rows.map((r) => r.customer_id))], ["C", "P1"]);
    assert.equal(rows.filter((r) => r.customer_id === "P1").length, 4);
  });

  it("reads day-first and month-first dates", async () => {
    await db.exec(`CREATE TABLE us AS SELECT 'u' AS source, 1 AS row_number, '1' AS customer_id, 'o' AS order_id,
      '12/31/2010' AS order_date, '5' AS amount, NULL AS quantity, NULL AS unit_price, NULL AS channel`);
    const clean = await cleanOrders(db, "us", {table: "us_orders"});
    assert.equal(clean.dayOrder, "mdy");
    assert.equal(clean.firstDate, "2010-12-31");
  });
});

describe("parseNumberSql(expr)", () => {
  it("reads decimal points, decimal commas, thousands separators and currency signs", async () => {
    const db = await openDb({threads: 1});
    try {
      const cases: [string, number | null][] = [
        ["12.5", 12.5], ["12,50", 12.5], ["1 234,5", 1234.5], ["1.234,50", 1234.5], ["1,234.50", 1234.5],
        [" 3 ", 3], ["12 €", 12], ["-4,5", -4.5], ["abc", null], ["", null]
      ];
      for (const [text, want] of cases) {
        const row = await db.one<{v: number | null}>(`SELECT ${parseNumberSql("$1")} AS v`, [text]);
        assert.equal(row!.v, want, text);
      }
    } finally {
      await db.close();
    }
  });
});
