/** Step: read every source (see ingest/source.ts), and settle the audit date. */
import type {AuditStep} from "../context.ts";
import {ingestSource} from "../../ingest/source.ts";
import {parseDateSql} from "../../db/dates.ts";

export const ingestStep: AuditStep = {
  name: "ingest",
  async run(ctx) {
    const {config, baseDir} = ctx.loaded;
    for (const source of config.sources) {
      ctx.progress.step(`Reading ${source.name}`);
      const load = await ingestSource(ctx.db, source, {baseDir, tempDir: ctx.work});
      ctx.sources.push(load);
      ctx.progress.done(`${load.loaded.toLocaleString("en-US")} rows loaded, ${load.rejected.toLocaleString("en-US")} rejected`);
    }
    ctx.asOf = config.asOf ?? (await dayAfterLastOrder(ctx)) ?? new Date().toISOString().slice(0, 10);
    return ctx.sources;
  }
};

async function dayAfterLastOrder(ctx: Parameters<AuditStep["run"]>[0]): Promise<string | undefined> {
  const orders = ctx.sources.filter((s) => s.kind === "orders");
  if (orders.length === 0) return undefined;
  const union = orders.map((s) => `SELECT max(${parseDateSql("order_date")}) AS d FROM ${s.view}`).join(" UNION ALL ");
  const row = await ctx.db.one<{d: string | null}>(`SELECT CAST(max(d) + 1 AS VARCHAR) AS d FROM (${union})`);
  return row?.d ?? undefined;
}
