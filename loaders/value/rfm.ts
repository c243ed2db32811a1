/**
 * RFM scores and segments as of a date.
 *
 *   scoreRfm(db, orders, {asOf, method?, segments?, table?}) → Promise<string>
 *
 * `orders` is a table of one row per order (`customer_id, order_key,
 * order_date DATE, amount DOUBLE`, see orders.ts). Only orders strictly before
 * `asOf` count. Creates `table` (default `value_rfm`), one row per customer
 * with at least one such order, and returns its name:
 *   customer_id, first_order, last_order (DATE),
 *   recency   days from the last order date to asOf,
 *   frequency number of distinct orders,
 *   monetary  sum of amounts rounded to cents,
 *   r, f, m   scores 1–5, segment (segment-map.ts).
 * Methods (design/rfm.md):
 *   rank   min(5, 1 + floor(5 × PERCENT_RANK)); recency descending, so the most
 *          recent customers get 5; ties share a score;
 *   ntile  NTILE(5) over the same order, ties broken by customer id ascending.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import type {SegmentRule} from "../../src/lib/segments.ts";
import {segmentSql} from "./segment-map.ts";

export const SCORE_METHODS = ["rank", "ntile"] as const;
export type ScoreMethod = (typeof SCORE_METHODS)[number];

export interface ScoreOptions {
  asOf: string;
  /** Default `rank`. */
  method?: ScoreMethod;
  /** Default the standard map. */
  segments?: readonly SegmentRule[];
  /** Default `value_rfm`. */
  table?: string;
}

/** SQL window expression: the 1–5 score of `value` (ordered `direction`) by `method`. */
export function scoreSql(value: string, direction: "ASC" | "DESC", method: ScoreMethod): string {
  switch (method) {
    case "rank":
      return `CAST(least(5, 1 + floor(5 * percent_rank() OVER (ORDER BY ${value} ${direction}))) AS INTEGER)`;
    case "ntile":
      return `CAST(ntile(5) OVER (ORDER BY ${value} ${direction}, customer_id ASC) AS INTEGER)`;
    default:
      throw new Error(`invalid method: ${method as string} (write "rank" or "ntile")`);
  }
}

export async function scoreRfm(db: Db, orders: string, options: ScoreOptions): Promise<string> {
  const {asOf, method = "rank", segments, table = "value_rfm"} = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`invalid asOf: ${asOf} (write yyyy-mm-dd)`);
  const date = `DATE ${literal(asOf)}`;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS
    WITH customer AS (
      SELECT customer_id, min(order_date) AS first_order, max(order_date) AS last_order,
        CAST(${date} - max(order_date) AS INTEGER) AS recency,
        CAST(count(*) AS INTEGER) AS frequency,
        round(sum(amount), 2) AS monetary
      FROM ${ident(orders)} WHERE order_date < ${date}
      GROUP BY customer_id
    ), scored AS (
      SELECT *,
        ${scoreSql("recency", "DESC", method)} AS r,
        ${scoreSql("frequency", "ASC", method)} AS f,
        ${scoreSql("monetary", "ASC", method)} AS m
      FROM customer
    )
    SELECT *, ${segmentSql("r", "f", segments)} AS segment FROM scored`);
  return table;
}
