/**
 * Migration ("passage") matrix: how the same customers moved between segments
 * from a date D0 to a later date D1.
 *
 *   migrate(db, orders, {to, from?, method?, segments?}) → Promise<Migration>
 *
 * Both dates are scored with the same rules and method (scoreRfm), the quantile
 * positions recomputed at each date. The customers are those scored at D1 (an
 * order before D1). Rows: segment at D0, or `new` for customers with no order
 * before D0. Columns: segment at D1. Cells: customer counts, with the row
 * share. D0 defaults to D1 minus one year.
 *
 * Downgrades: a cell is flagged when its column sits lower than its row on the
 * value ladder (src/lib/segments.ts `valueLadder`): for the default map,
 *   champions > loyal > potential_loyalists > new_customers > promising >
 *   need_attention > about_to_sleep > at_risk > cant_lose > hibernating > other;
 * for a custom map, the order of its rules. The `new` row is never a downgrade.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {isDowngrade, NEW_ROW, valueLadder, DEFAULT_SEGMENTS, type SegmentRule} from "../../src/lib/segments.ts";
import {scoreRfm, type ScoreMethod} from "./rfm.ts";

export interface MigrationOptions {
  /** D1, yyyy-mm-dd. */
  to: string;
  /** D0, yyyy-mm-dd, before D1; default D1 minus one year. */
  from?: string;
  method?: ScoreMethod;
  segments?: readonly SegmentRule[];
  /** Name of the scored table at D1 when the caller already made it with the same options. */
  scoredTo?: string;
}

export interface MigrationCell {
  from: string;
  to: string;
  customers: number;
  /** customers / customers of the row. */
  share: number;
  downgrade: boolean;
}

export interface Migration {
  from: string;
  to: string;
  /** The value ladder, most valuable first. */
  ladder: string[];
  /** Row ids in display order: `new`, then the ladder. */
  rows: string[];
  columns: string[];
  /** Non-empty cells only. */
  cells: MigrationCell[];
  customers: number;
  downgrades: number;
}

export async function migrate(db: Db, orders: string, options: MigrationOptions): Promise<Migration> {
  const {to, method = "rank", segments = DEFAULT_SEGMENTS} = options;
  const from =
    options.from ?? (await db.one<{d: string}>(`SELECT CAST(CAST(DATE ${literal(to)} - INTERVAL 1 YEAR AS DATE) AS VARCHAR) AS d`))!.d;
  if (!(from < to)) throw new Error(`invalid migration dates: ${from} should be before ${to}`);
  const before = await scoreRfm(db, orders, {asOf: from, method, segments, table: "value_rfm_from"});
  const after = options.scoredTo ?? (await scoreRfm(db, orders, {asOf: to, method, segments, table: "value_rfm_to"}));
  const rows = await db.all<{from: string; to: string; customers: number}>(`
    SELECT coalesce(b.segment, ${literal(NEW_ROW)}) AS "from", a.segment AS "to", count(*) AS customers
    FROM ${ident(after)} AS a LEFT JOIN ${ident(before)} AS b ON b.customer_id = a.customer_id
    GROUP BY ALL`);
  const ladder = valueLadder(segments);
  const rank = (s: string) => (s === NEW_ROW ? -1 : ladder.indexOf(s));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.from, (totals.get(r.from) ?? 0) + r.customers);
  const cells = rows
    .map((r) => ({...r, share: r.customers / totals.get(r.from)!, downgrade: isDowngrade(r.from, r.to, ladder)}))
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  return {
    from,
    to,
    ladder,
    rows: [NEW_ROW, ...ladder],
    columns: ladder,
    cells,
    customers: cells.reduce((n, c) => n + c.customers, 0),
    downgrades: cells.reduce((n, c) => n + (c.downgrade ? c.customers : 0), 0)
  };
}
