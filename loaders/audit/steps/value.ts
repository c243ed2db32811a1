/**
 * Step: customer value (loaders/value) for each orders source.
 *
 * Customers are the records of the customer sources the orders point to (the
 * orders source's `customers`, default every customer source). When a
 * `clusters (source, record_id, cluster_id)` table exists (matching ran
 * before), a customer is a person: a cluster, its id the cluster id; else a
 * customer is a record id (records of several sources that share an id are one
 * customer: the orders cannot tell them apart).
 *
 * Writes into the output folder `rfm.csv` (`rfm_<source>.csv` for each source
 * when there are several orders sources), `site/value.json` (masked for the
 * mode, see value/publish.ts) and `site/explorer.parquet` (value/explorer.ts: the
 * segment explorer's cube, one row per group of customers).
 * Returns the `ValueStepResult`.
 */
import {join} from "node:path";
import {mkdirSync, renameSync} from "node:fs";
import type {AuditContext, AuditStep} from "../context.ts";
import {sourcesOf, writeSite} from "../context.ts";
import type {Db} from "../../db/connection.ts";
import {ident, literal} from "../../db/sql.ts";
import {runValue, type ValueSummary} from "../../value/index.ts";
import {publishValue, type PublishedValue} from "../../value/publish.ts";
import {explorerRows, writeExplorerParquet} from "../../value/explorer.ts";
import {writeRfmCsv} from "../../value/csv.ts";
import type {ScoreMethod} from "../../value/rfm.ts";

/** Tables that may hold the identity mapping, in order of preference. */
export const IDENTITY_TABLES = ["clusters"] as const;

export interface ValueSourceResult {
  source: string;
  customerSources: string[];
  identity: "clusters" | "records";
  summary: ValueSummary;
  csv: string;
}

export interface ValueStepResult {
  asOf: string;
  sources: ValueSourceResult[];
  /** The explorer's cube: its groups (rows), the customers they count, its columns. */
  explorer: {path: string; rows: number; customers: number; columns: string[]};
}

export interface ValueSiteData {
  asOf: string;
  mode: "published" | "consultant";
  minCount: number;
  sources: {source: string; customerSources: string[]; identity: "clusters" | "records"; value: PublishedValue}[];
  /** Columns of explorer.parquet (dimensions, then the measures). */
  explorerColumns: string[];
}

/** Options a caller (the CLI) may set over the configuration. */
export interface ValueOverrides {
  method?: ScoreMethod;
}

async function identityTable(db: Db): Promise<string | undefined> {
  for (const name of IDENTITY_TABLES) {
    const row = await db.one<{n: number}>(
      `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = ${literal(name)} AND column_name IN ('source', 'record_id', 'cluster_id')`
    );
    if ((row?.n ?? 0) === 3) return name;
  }
  return undefined;
}

export async function runValueStep(ctx: AuditContext, overrides: ValueOverrides = {}): Promise<ValueStepResult> {
  const {config, outDir} = ctx.loaded;
  const {db} = ctx;
  const rfm = config.rfm;
  const customerLoads = sourcesOf(ctx, "customers");
  const orderLoads = sourcesOf(ctx, "orders");
  const clusters = await identityTable(db);
  const results: ValueSourceResult[] = [];
  const explorerTables: string[] = [];
  mkdirSync(join(outDir, "site"), {recursive: true});
  for (const load of orderLoads) {
    ctx.progress.step(`Customer value of ${load.name}`);
    const sourceConfig = config.sources.find((s) => s.name === load.name);
    const wanted = sourceConfig?.kind === "orders" && sourceConfig.customers ? sourceConfig.customers : customerLoads.map((c) => c.name);
    const linked = customerLoads.filter((c) => wanted.includes(c.name));
    const suffix = load.name;
    let customers: string | undefined;
    if (linked.length > 0) {
      customers = `value_records_${suffix}`;
      await db.exec(`CREATE OR REPLACE TEMP VIEW ${ident(customers)} AS
        ${linked.map((c) => `SELECT source, record_id, nps FROM ${ident(c.view)}`).join(" UNION ALL ")}`);
    }
    let identities: string | undefined;
    if (clusters && linked.length > 0) {
      identities = `value_identities_${suffix}`;
      await db.exec(`CREATE OR REPLACE TEMP VIEW ${ident(identities)} AS
        SELECT CAST(record_id AS VARCHAR) AS record_id, CAST(cluster_id AS VARCHAR) AS customer_id FROM ${ident(clusters)}
        WHERE source IN (${linked.map((c) => literal(c.name)).join(", ")})`);
    }
    const summary = await runValue(db, {
      orders: load.view,
      customers,
      identities,
      asOf: ctx.asOf,
      method: overrides.method ?? rfm.method,
      segments: rfm.segments,
      lifecycle: rfm.lifecycle,
      compareTo: rfm.compareTo
    });
    let csv = await writeRfmCsv(db, "value_customers", orderLoads.length === 1 ? outDir : join(ctx.work, `rfm-${suffix}`));
    if (orderLoads.length > 1) {
      const named = join(outDir, `rfm_${suffix}.csv`);
      renameSync(csv, named);
      csv = named;
    }
    summary.csv = csv;
    const table = await explorerRows(db, {
      records: linked.map((c) => ({name: c.name, view: c.view, country: config.sources.find((s) => s.name === c.name)?.country ?? config.country})),
      identities,
      asOf: summary.asOf,
      ordersSource: load.name,
      table: `value_explorer_${suffix}`
    });
    explorerTables.push(table);
    results.push({source: load.name, customerSources: linked.map((c) => c.name), identity: identities ? "clusters" : "records", summary, csv});
    ctx.progress.done(`${summary.customers.toLocaleString("en-US")} customers with an order, ${summary.orders.toLocaleString("en-US")} orders`);
  }
  const path = join(outDir, "site", "explorer.parquet");
  const explorer = {path, ...(await writeExplorerParquet(db, explorerTables, path, {mode: config.mode, minCount: config.minCount}))};
  const site: ValueSiteData = {
    asOf: ctx.asOf,
    mode: config.mode,
    minCount: config.minCount,
    sources: results.map((r) => ({
      source: r.source,
      customerSources: r.customerSources,
      identity: r.identity,
      value: publishValue(r.summary, {mode: config.mode, minCount: config.minCount})
    })),
    explorerColumns: explorer.columns
  };
  writeSite(ctx, "value.json", site);
  return {asOf: ctx.asOf, sources: results, explorer};
}

export const valueStep: AuditStep = {
  name: "value",
  run: (ctx) => runValueStep(ctx)
};
