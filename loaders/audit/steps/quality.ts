/**
 * Step: data quality. Runs the rule catalogue over every customer source
 * (with matching's clusters when that step left them, so duplicate.fuzzy
 * fires and contactability counts people), measures the KPIs on the same
 * prepared input, and writes into the output folder:
 *   findings.csv     one row per finding, masked (rules/findings-csv.ts)
 *   kpis.json        the KpiDocument (kpis/summary.ts): no timestamp, the
 *                    same inputs give the same file
 *   history/<key>/<asOf>.json   the scores of this audit date, for trends
 *   site/quality.json, site/quality-rules.json   what the pages show, masked
 * Returns the KpiDocument.
 */
import {join} from "node:path";
import type {AuditContext, AuditStep} from "../context.ts";
import {sourcesOf, writeSite} from "../context.ts";
import type {Db} from "../../db/connection.ts";
import {literal} from "../../db/sql.ts";
import {writeJson} from "../write.ts";
import {ensureFindingTables, runRules, writeFindingsCsv} from "../../rules/index.ts";
import {inSessions, SOURCE_SESSIONS} from "../../db/sessions.ts";
import {ensureKpiTables} from "../../kpis/measure.ts";
import {configKey, measureSource, qualitySettings, readHistory, snapshotOf, summariseKpis, trendOf, writeSnapshot, type KpiDocument} from "../../kpis/index.ts";
import {publishQuality, publishRules} from "../../kpis/publish.ts";

/** The matching step's table of (source, record_id, cluster_id), when it ran. */
export async function clustersTable(db: Db, name = "clusters"): Promise<string | undefined> {
  const row = await db.one<{n: number}>(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = ${literal(name)} AND column_name IN ('source', 'record_id', 'cluster_id')`
  );
  return (row?.n ?? 0) === 3 ? name : undefined;
}

export async function runQualityStep(ctx: AuditContext): Promise<KpiDocument> {
  const {config, outDir, file} = ctx.loaded;
  const {db} = ctx;
  const settings = qualitySettings(config);
  const clusters = await clustersTable(db);
  await ensureFindingTables(db);
  await ensureKpiTables(db);
  const skipped = new Set<string>();
  const customers = sourcesOf(ctx, "customers");
  // sources side by side, each in a session of its own: a rule's many small statements keep a thread each
  ctx.progress.step(`Checking ${customers.map((s) => s.name).join(", ")}`);
  let done = 0;
  await inSessions(db, customers, SOURCE_SESSIONS, async (session, load) => {
    const started = performance.now();
    const source = config.sources.find((s) => s.name === load.name);
    const result = await runRules(session, {
      table: load.view,
      source: load.name,
      country: source?.country ?? config.country,
      asOf: ctx.asOf,
      freshnessMonths: settings.freshnessMonths,
      clusters,
      afterRules: (rules) => measureSource(rules, {mapped: new Set(Object.keys(load.roles))})
    });
    for (const id of result.skipped) skipped.add(id);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    ctx.progress.note(`  ${load.name}: ${result.findings.toLocaleString("en-US")} findings, in ${seconds} s`);
    ctx.progress.update(++done, customers.length);
  });
  ctx.progress.done();
  ctx.progress.step("Scoring quality");
  const names = customers.map((s) => s.name);
  const kpis = await summariseKpis(db, {asOf: ctx.asOf, sources: names, settings, clusters, skipped: [...skipped]});
  await writeFindingsCsv(db, join(outDir, "findings.csv"), {sources: names});
  writeJson(join(outDir, "kpis.json"), kpis);
  const key = configKey(file);
  const snapshot = snapshotOf(kpis);
  const history = readHistory(outDir, key, {before: kpis.asOf});
  writeSnapshot(outDir, key, snapshot);
  const trend = trendOf(history, snapshot);
  writeSite(ctx, "quality.json", publishQuality(kpis, {mode: config.mode, minCount: config.minCount, trend, history: [...history, snapshot]}));
  writeSite(ctx, "quality-rules.json", await publishRules(db, kpis, {mode: config.mode, minCount: config.minCount}));
  ctx.progress.done();
  return kpis;
}

export const qualityStep: AuditStep = {name: "quality", run: runQualityStep};
