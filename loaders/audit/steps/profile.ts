/** Step: profile every column of every source; writes site/sources.json. */
import type {AuditStep} from "../context.ts";
import {writeSite} from "../context.ts";
import type {Role} from "../../config/roles.ts";
import {literal} from "../../db/sql.ts";
import {spreadsheetSafeSql} from "../../db/spreadsheet.ts";
import {REJECTS_TABLE, type SourceLoad} from "../../ingest/source.ts";
import type {Db} from "../../db/connection.ts";
import {inSessions, SOURCE_SESSIONS} from "../../db/sessions.ts";
import {profileTable} from "../../profile/profile.ts";
import {publishProfile, type PublishedProfile} from "../../profile/publish.ts";

/** Rejects listed per source on the site; all of them go to rejects.csv. */
const REJECTS_SHOWN = 200;

export interface RejectShown {
  file: string;
  line: number;
  reason: string;
  /** the raw line: consultant mode only */
  text?: string;
}

export const profileStep: AuditStep = {
  name: "profile",
  async run(ctx) {
    const {config, outDir} = ctx.loaded;
    const consultant = config.mode === "consultant";
    const profileSource = async (db: Db, load: SourceLoad) => {
      const profiles = await profileTable(db, load.table, load.columns, {exactRows: config.profile.exactRows});
      const roleOf = new Map<string, Role>(Object.entries(load.roles).map(([role, column]) => [column as string, role as Role]));
      const rejects = await db.all<RejectShown>(
        `SELECT file, line, reason${consultant ? ", text" : ""} FROM ${REJECTS_TABLE}
         WHERE source = ${literal(load.name)} ORDER BY file, line LIMIT ${REJECTS_SHOWN}`
      );
      const {view: _view, table: _table, ...report} = load;
      const columnsProfile: PublishedProfile[] = profiles.map((p) => publishProfile(p, roleOf.get(p.name) ?? null, {mode: config.mode, minCount: config.minCount}));
      return {...report, columnsProfile, rejects};
    };
    // sources side by side, each in a session of its own, the largest first: much of a profile is small
    // queries over a sample, which keep one thread each
    ctx.progress.step(`Profiling ${ctx.sources.map((s) => s.name).join(", ")}`);
    const order = [...ctx.sources.keys()].sort((a, b) => ctx.sources[b]!.read - ctx.sources[a]!.read);
    let done = 0;
    const profiled = await inSessions(ctx.db, order, SOURCE_SESSIONS, async (session, i) => {
      const started = performance.now();
      const source = await profileSource(session, ctx.sources[i]!);
      ctx.progress.note(`  ${source.name} profiled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      ctx.progress.update(++done, order.length);
      return source;
    });
    const sources = ctx.sources.map((_, i) => profiled[order.indexOf(i)]!);
    ctx.progress.done();
    const text = consultant ? `, ${spreadsheetSafeSql("text")} AS text` : "";
    await ctx.db.exec(`COPY (SELECT source, ${spreadsheetSafeSql("file")} AS file, line, reason${text} FROM ${REJECTS_TABLE} ORDER BY source, file, line)
      TO ${literal(`${outDir}/rejects.csv`)} (HEADER, DELIMITER ',')`);
    writeSite(ctx, "sources.json", {title: config.title, language: config.language, mode: config.mode, asOf: ctx.asOf, sources});
    return sources;
  }
};
