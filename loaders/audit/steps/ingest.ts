/** Step: read every source (see ingest/source.ts), and settle the audit date. */
import type {AuditStep} from "../context.ts";
import {ensureRejectsTable, ingestSource} from "../../ingest/source.ts";
import {inSessions, SOURCE_SESSIONS} from "../../db/sessions.ts";
import {parseDateSql} from "../../db/dates.ts";

export const ingestStep: AuditStep = {
  name: "ingest",
  async run(ctx) {
    const {config, baseDir} = ctx.loaded;
    // sources side by side, each in a session of its own: one's checks and copies in JavaScript (a text file's
    // first pass, Windows-1252 to UTF-8) run while the engine reads another
    ctx.progress.step(`Reading ${config.sources.map((s) => s.name).join(", ")}`);
    await ensureRejectsTable(ctx.db);
    let done = 0;
    const loads = await inSessions(ctx.db, config.sources, SOURCE_SESSIONS, async (session, source) => {
      const started = performance.now();
      const load = await ingestSource(session, source, {baseDir, tempDir: ctx.work});
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      ctx.progress.note(`  ${source.name}: ${load.loaded.toLocaleString("en-US")} rows loaded, ${load.rejected.toLocaleString("en-US")} rejected, in ${seconds} s`);
      ctx.progress.update(++done, config.sources.length);
      return load;
    });
    ctx.sources.push(...loads);
    const loaded = loads.reduce((n, l) => n + l.loaded, 0);
    const rejected = loads.reduce((n, l) => n + l.rejected, 0);
    ctx.progress.done(`${loaded.toLocaleString("en-US")} rows loaded, ${rejected.toLocaleString("en-US")} rejected`);
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
