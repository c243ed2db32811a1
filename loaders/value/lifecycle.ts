/**
 * Lifecycle stages and NPS groups of every customer, including those with no order.
 *
 *   classifyCustomers(db, {rfm, asOf, customers?, identities?, windows?, table?}) → Promise<string>
 *
 * Customers are the union of the scored customers (`rfm`, see rfm.ts) and the
 * ids of the optional `customers` table (its `record_id` column, normalised
 * like order customer ids and mapped through `identities` when given). Creates
 * `table` (default `value_customers`): every column of `rfm` (NULL for
 * prospects) plus
 *   lifecycle  prospect  no order before asOf;
 *              lost      last order more than `dormantDays` (730) days before asOf;
 *              dormant   last order more than `activeDays` (365) and at most `dormantDays` days before;
 *              new       one order only, at most `newDays` (90) days before;
 *              active    every other customer: last order at most `activeDays` days
 *                        before, and more than one order or a single order past the
 *                        new window;
 *   nps        the 0–10 score of the `nps` column where one exists (several
 *              records of one customer: their mean, rounded), else NULL;
 *   nps_group  promoter (9–10), passive (7–8), detractor (0–6), or NULL;
 *   ambassador an active promoter.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {normalizeIdSql} from "./ids.ts";

export interface LifecycleWindows {
  /** Days within which a one-order customer is new; default 90. */
  newDays: number;
  /** Days within which a customer is active; default 365. */
  activeDays: number;
  /** Days within which a customer is dormant, beyond which lost; default 730. */
  dormantDays: number;
}

export const DEFAULT_WINDOWS: LifecycleWindows = {newDays: 90, activeDays: 365, dormantDays: 730};

export interface ClassifyOptions {
  rfm: string;
  asOf: string;
  customers?: string;
  identities?: string;
  windows?: Partial<LifecycleWindows>;
  table?: string;
}

export function checkWindows(windows: Partial<LifecycleWindows> = {}): LifecycleWindows {
  const w = {...DEFAULT_WINDOWS, ...windows};
  for (const [name, days] of Object.entries(w)) {
    if (!Number.isInteger(days) || days < 1) throw new Error(`invalid lifecycle window: ${name} is ${days}; write a whole number of days ≥ 1`);
  }
  if (!(w.newDays <= w.activeDays && w.activeDays < w.dormantDays)) {
    throw new Error(`invalid lifecycle windows: need newDays ≤ activeDays < dormantDays, got ${w.newDays}, ${w.activeDays}, ${w.dormantDays}`);
  }
  return w;
}

/** SQL expression: the 0–10 NPS score that `expr` (text) holds, or NULL. */
export function parseNpsSql(expr: string): string {
  const value = `TRY_CAST(replace(trim(${expr}), ',', '.') AS DOUBLE)`;
  return `(CASE WHEN ${value} BETWEEN 0 AND 10 AND ${value} = floor(${value}) THEN CAST(${value} AS INTEGER) END)`;
}

async function columnsOf(db: Db, table: string): Promise<Set<string>> {
  const rows = await db.all<{column_name: string}>(`DESCRIBE SELECT * FROM ${ident(table)}`);
  return new Set(rows.map((r) => r.column_name));
}

export async function classifyCustomers(db: Db, options: ClassifyOptions): Promise<string> {
  const {rfm, asOf, customers, identities, table = "value_customers"} = options;
  const w = checkWindows(options.windows);
  let known = `SELECT NULL::VARCHAR AS customer_id, NULL::INTEGER AS nps WHERE false`;
  if (customers) {
    const hasNps = (await columnsOf(db, customers)).has("nps");
    const id = normalizeIdSql("c.record_id");
    const mapped = identities ? `coalesce(i.customer_id, ${id})` : id;
    const join = identities
      ? `LEFT JOIN (SELECT ${normalizeIdSql("record_id")} AS record_id, min(${normalizeIdSql("customer_id")}) AS customer_id
          FROM ${ident(identities)} GROUP BY 1) AS i ON i.record_id = ${id}`
      : "";
    known = `SELECT customer_id, CAST(round(avg(nps)) AS INTEGER) AS nps FROM (
        SELECT ${mapped} AS customer_id, ${hasNps ? parseNpsSql("c.nps") : "NULL::INTEGER"} AS nps
        FROM ${ident(customers)} AS c ${join}
      ) WHERE customer_id IS NOT NULL GROUP BY customer_id`;
  }
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS
    WITH known AS (${known}),
    everyone AS (
      SELECT coalesce(r.customer_id, k.customer_id) AS customer_id, r.* EXCLUDE (customer_id), k.nps
      FROM ${ident(rfm)} AS r FULL JOIN known AS k ON k.customer_id = r.customer_id
    ), staged AS (
      SELECT *, CASE
          WHEN recency IS NULL THEN 'prospect'
          WHEN recency > ${w.dormantDays} THEN 'lost'
          WHEN recency > ${w.activeDays} THEN 'dormant'
          WHEN frequency = 1 AND DATE ${literal(asOf)} - first_order <= ${w.newDays} THEN 'new'
          ELSE 'active' END AS lifecycle
      FROM everyone
    )
    SELECT *,
      CASE WHEN nps >= 9 THEN 'promoter' WHEN nps >= 7 THEN 'passive' WHEN nps >= 0 THEN 'detractor' END AS nps_group,
      coalesce(nps >= 9 AND lifecycle = 'active', false) AS ambassador
    FROM staged`);
  return table;
}
