/**
 * Customer value: RFM scores, segments, lifecycle, NPS and the migration matrix.
 *
 *   runValue(db, options: ValueOptions) → Promise<ValueSummary>
 *
 * options:
 *   orders      orders table or view (standard columns, raw text: customer_id,
 *               order_id, order_date, amount, quantity, unit_price);
 *   customers?  customers table or view (`record_id`, optional `nps`): adds the
 *               customers with no order (prospects) and NPS scores;
 *   identities? table `record_id, customer_id` (e.g. matching clusters): counts
 *               people rather than ids;
 *   asOf?       yyyy-mm-dd; default the day after the last order;
 *   method?     "rank" (default) or "ntile";
 *   segments?   custom segment map [{name, r: [lo, hi], f: [lo, hi]}], first = most valuable;
 *   lifecycle?  {newDays, activeDays, dormantDays}, default 90, 365, 730;
 *   compareTo?  first date of the migration matrix; default asOf minus one year;
 *   outDir?     when given, writes outDir/rfm.csv.
 * Tables left in the database for later steps: `value_orders` (one row per
 * order), `value_rfm` (scored customers), `value_customers` (every customer
 * with scores, segment, lifecycle, NPS group).
 *
 * The summary is small and JSON-able: the R × F matrix, segments, lifecycle
 * funnel, NPS, migration matrix and the counts of excluded order lines. It holds
 * no customer id.
 */
import type {Db} from "../db/connection.ts";
import {DEFAULT_SEGMENTS, LIFECYCLE_STAGES, valueLadder, type LifecycleStage, type SegmentRule} from "../../src/lib/segments.ts";
import {cleanOrders, type ExclusionReason} from "./orders.ts";
import {scoreRfm, type ScoreMethod} from "./rfm.ts";
import {checkWindows, classifyCustomers, type LifecycleWindows} from "./lifecycle.ts";
import {migrate, type Migration} from "./migration.ts";
import {writeRfmCsv} from "./csv.ts";
import {checkSegments} from "./segment-map.ts";

export interface ValueOptions {
  orders: string;
  customers?: string;
  identities?: string;
  asOf?: string;
  method?: ScoreMethod;
  segments?: readonly SegmentRule[];
  lifecycle?: Partial<LifecycleWindows>;
  compareTo?: string;
  outDir?: string;
}

export interface ValueSummary {
  asOf: string;
  method: ScoreMethod;
  windows: LifecycleWindows;
  lines: {total: number; kept: number; excluded: Record<ExclusionReason, number>};
  orders: number;
  /** Customers with at least one order before asOf. */
  customers: number;
  revenue: number;
  /** 25 cells, r and f from 1 to 5. */
  rfMatrix: {r: number; f: number; customers: number; revenue: number}[];
  /** In ladder order, empty segments included. */
  segments: {segment: string; customers: number; revenue: number; recency: number | null; frequency: number | null; monetary: number | null}[];
  /** In funnel order: prospect, new, active, dormant, lost. */
  lifecycle: {stage: LifecycleStage; customers: number; revenue: number}[];
  nps: {respondents: number; promoters: number; passives: number; detractors: number; ambassadors: number; nps: number | null};
  migration: Migration | null;
  /** Path of rfm.csv when written. */
  csv: string | null;
}

export async function runValue(db: Db, options: ValueOptions): Promise<ValueSummary> {
  const {orders, customers, identities, method = "rank", outDir} = options;
  const segments = checkSegments(options.segments ?? DEFAULT_SEGMENTS);
  const windows = checkWindows(options.lifecycle);
  const clean = await cleanOrders(db, orders, {asOf: options.asOf, identities});
  const asOf = clean.asOf;
  const rfm = await scoreRfm(db, clean.table, {asOf, method, segments});
  const table = await classifyCustomers(db, {rfm, asOf, customers, identities, windows});
  let migration: Migration | null = null;
  if (clean.orders > 0) migration = await migrate(db, clean.table, {to: asOf, from: options.compareTo, method, segments, scoredTo: rfm});
  const csv = outDir ? await writeRfmCsv(db, table, outDir) : null;

  const rf = await db.all<{r: number; f: number; customers: number; revenue: number}>(`
    SELECT g.r, g.f, count(c.r) AS customers, coalesce(round(sum(c.monetary), 2), 0) AS revenue
    FROM (SELECT * FROM range(1, 6) AS a(r), range(1, 6) AS b(f)) AS g
    LEFT JOIN ${rfm} AS c ON c.r = g.r AND c.f = g.f
    GROUP BY g.r, g.f ORDER BY g.r, g.f`);
  const bySegment = new Map(
    (
      await db.all<ValueSummary["segments"][number]>(`SELECT segment, count(*) AS customers, round(sum(monetary), 2) AS revenue,
        round(avg(recency), 1) AS recency, round(avg(frequency), 2) AS frequency, round(avg(monetary), 2) AS monetary
        FROM ${rfm} GROUP BY segment`)
    ).map((s) => [s.segment, s])
  );
  const ladder = valueLadder(segments);
  const segmentRows = ladder.map((segment) => bySegment.get(segment) ?? {segment, customers: 0, revenue: 0, recency: null, frequency: null, monetary: null});
  const byStage = new Map(
    (await db.all<{stage: LifecycleStage; customers: number; revenue: number}>(`SELECT lifecycle AS stage, count(*) AS customers,
      coalesce(round(sum(monetary), 2), 0) AS revenue FROM ${table} GROUP BY lifecycle`)).map((s) => [s.stage, s])
  );
  const nps = (await db.one<ValueSummary["nps"]>(`SELECT count(nps) AS respondents,
      count(*) FILTER (WHERE nps_group = 'promoter') AS promoters,
      count(*) FILTER (WHERE nps_group = 'passive') AS passives,
      count(*) FILTER (WHERE nps_group = 'detractor') AS detractors,
      count(*) FILTER (WHERE ambassador) AS ambassadors,
      round(100.0 * (count(*) FILTER (WHERE nps_group = 'promoter') - count(*) FILTER (WHERE nps_group = 'detractor')) / nullif(count(nps), 0), 1) AS nps
    FROM ${table}`))!;
  return {
    asOf,
    method,
    windows,
    lines: {total: clean.lines, kept: clean.keptLines, excluded: clean.excluded},
    orders: clean.orders,
    customers: clean.customers,
    revenue: clean.revenue,
    rfMatrix: rf,
    segments: segmentRows,
    lifecycle: LIFECYCLE_STAGES.map((stage) => byStage.get(stage) ?? {stage, customers: 0, revenue: 0}),
    nps,
    migration,
    csv
  };
}
