/**
 * From an orders view (standard columns, raw text) to clean orders.
 *
 *   cleanOrders(db, orders, {asOf?, identities?, table?}) → Promise<CleanOrders>
 *
 * Each line is kept, or excluded for the first reason that applies, in this order:
 *   no_customer_id  customer id empty;
 *   non_positive    amount, quantity or unit price ≤ 0 (returns, cancellations);
 *   no_amount       no amount and no quantity × unit price that reads as a number;
 *   invalid_date    order date empty or not a date;
 *   after_as_of     order date on or after the as-of date (only orders strictly
 *                   before it count).
 * Customer ids are trimmed, and a numeric id written `17850.0` becomes `17850`;
 * with `identities` (a table of `record_id, customer_id`, e.g. matching clusters)
 * an id found there becomes its customer_id, so that orders count per person.
 * Amount = the amount role, else quantity × unit price. An order is an order id
 * of a customer; without an order id, each distinct order date of a customer is
 * one order. The order date is the earliest line date of the order.
 *
 * Result: table `table` (default `value_orders`) with one row per order:
 * `customer_id VARCHAR, order_key VARCHAR, order_date DATE, amount DOUBLE`.
 */
import type {Db} from "../db/connection.ts";
import {dayOrderSql, parseDateSql, type DayOrder} from "../db/dates.ts";
import {ident, literal} from "../db/sql.ts";
import {parseNumberSql} from "./numbers.ts";
import {normalizeIdSql} from "./ids.ts";

export const EXCLUSION_REASONS = ["no_customer_id", "non_positive", "no_amount", "invalid_date", "after_as_of"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface CleanOrdersOptions {
  /** As-of date yyyy-mm-dd; default the day after the last valid order date. */
  asOf?: string;
  /** Table or view `record_id, customer_id` mapping order customer ids to customers. */
  identities?: string;
  /** Name of the table to create; default `value_orders`. */
  table?: string;
}

export interface CleanOrders {
  table: string;
  asOf: string;
  dayOrder: DayOrder;
  /** Lines read, lines kept. */
  lines: number;
  keptLines: number;
  excluded: Record<ExclusionReason, number>;
  orders: number;
  customers: number;
  revenue: number;
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * SQL expression: the DATE of an order date text, as `parseDateSql` reads it,
 * with a fast path for text that starts like an ISO date (a plain cast; the
 * calendar day written is kept, time zones dropped, as `parseDateSql` does).
 */
export function orderDateSql(expr: string, order: DayOrder): string {
  const fast = `CASE WHEN ${expr} LIKE '____-__-__%' THEN CAST(TRY_CAST(${expr} AS TIMESTAMP) AS DATE) END`;
  return `coalesce(${fast}, ${parseDateSql(expr, order)})`;
}

/** The rows whose order date may be day- or month-first, for `dayOrderSql`: a cheap prefix test skips ISO dates. */
function dayFirstCandidates(source: string): string {
  return `(SELECT order_date FROM ${source} WHERE regexp_matches(order_date, '^\\s*\\d{1,2}[/.-]'))`;
}

export async function cleanOrders(db: Db, orders: string, options: CleanOrdersOptions = {}): Promise<CleanOrders> {
  const {asOf, identities, table = "value_orders"} = options;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`invalid asOf: ${asOf} (write yyyy-mm-dd)`);
  const source = ident(orders);
  const lines = ident(`${table}_lines`);
  const dayOrder = ((await db.one<{day_order: DayOrder}>(dayOrderSql("order_date", dayFirstCandidates(source))))?.day_order ??
    "dmy") as DayOrder;
  const id = normalizeIdSql("o.customer_id");
  const customer = identities ? `coalesce(i.customer_id, ${id})` : id;
  const join = identities
    ? `LEFT JOIN (SELECT ${normalizeIdSql("record_id")} AS record_id, min(${normalizeIdSql("customer_id")}) AS customer_id
        FROM ${ident(identities)} GROUP BY 1) AS i ON i.record_id = ${id}`
    : "";
  // One pass over the lines: valid lines grouped by customer, order and day;
  // excluded lines grouped by reason only.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${lines} AS
    WITH parsed AS (
      SELECT ${customer} AS customer_id,
        nullif(trim(o.order_id), '') AS order_id,
        ${orderDateSql("o.order_date", dayOrder)} AS order_date,
        ${parseNumberSql("o.amount")} AS amount_value,
        ${parseNumberSql("o.quantity")} AS quantity,
        ${parseNumberSql("o.unit_price")} AS unit_price
      FROM ${source} AS o ${join}
    ), valued AS (
      SELECT *, coalesce(amount_value, quantity * unit_price) AS amount FROM parsed
    ), judged AS (
      SELECT customer_id, coalesce(order_id, CAST(order_date AS VARCHAR)) AS order_key, order_date, amount,
        CASE
          WHEN customer_id IS NULL THEN 'no_customer_id'
          WHEN amount_value <= 0 OR quantity <= 0 OR unit_price <= 0 THEN 'non_positive'
          WHEN amount IS NULL OR NOT isfinite(amount) THEN 'no_amount'
          WHEN order_date IS NULL THEN 'invalid_date'
        END AS reason
      FROM valued
    )
    SELECT reason,
      CASE WHEN reason IS NULL THEN customer_id END AS customer_id,
      CASE WHEN reason IS NULL THEN order_key END AS order_key,
      CASE WHEN reason IS NULL THEN order_date END AS order_date,
      count(*) AS lines, sum(CASE WHEN reason IS NULL THEN amount END) AS amount
    FROM judged GROUP BY ALL`);
  const last = await db.one<{last: string | null}>(`SELECT CAST(max(order_date) + 1 AS VARCHAR) AS last FROM ${lines} WHERE reason IS NULL`);
  const asOfDate = asOf ?? last?.last ?? new Date().toISOString().slice(0, 10);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS
    SELECT customer_id, order_key, min(order_date) AS order_date, sum(amount) AS amount
    FROM ${lines} WHERE reason IS NULL AND order_date < DATE ${literal(asOfDate)}
    GROUP BY customer_id, order_key`);
  const counts = await db.all<{reason: string | null; n: number}>(`SELECT
      CASE WHEN reason IS NULL AND order_date >= DATE ${literal(asOfDate)} THEN 'after_as_of' ELSE reason END AS reason,
      sum(lines) AS n
    FROM ${lines} GROUP BY 1`);
  await db.exec(`DROP TABLE ${lines}`);
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  let total = 0;
  let kept = 0;
  for (const {reason, n} of counts) {
    total += n;
    if (reason === null) kept += n;
    else excluded[reason as ExclusionReason] = n;
  }
  const totals = await db.one<{orders: number; customers: number; revenue: number | null; first: string | null; last: string | null}>(
    `SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers, round(sum(amount), 2) AS revenue,
      CAST(min(order_date) AS VARCHAR) AS first, CAST(max(order_date) AS VARCHAR) AS last FROM ${ident(table)}`
  );
  return {
    table,
    asOf: asOfDate,
    dayOrder,
    lines: total,
    keptLines: kept,
    excluded,
    orders: totals?.orders ?? 0,
    customers: totals?.customers ?? 0,
    revenue: totals?.revenue ?? 0,
    firstDate: totals?.first ?? null,
    lastDate: totals?.last ?? null
  };
}
