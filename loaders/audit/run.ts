/**
 * The audit, step by step, over one DuckDB database: ingest every source,
 * profile every column, then the later steps. Writes the outputs into the
 * output folder; `site/*.json` holds what the report may show, already
 * masked for the configured mode.
 */
import {mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../db/connection.ts";
import type {LoadedConfig} from "../config/load.ts";
import type {Role} from "../config/roles.ts";
import {ingestSource, REJECTS_TABLE, type SourceLoad} from "../ingest/source.ts";
import {profileTable} from "../profile/profile.ts";
import {publishProfile, type PublishedProfile} from "../profile/publish.ts";
import type {Progress} from "../cli/progress.ts";
import {literal} from "../db/sql.ts";
import {writeJson} from "./write.ts";

export interface RejectShown {
  line: number;
  reason: string;
  /** the raw line: consultant mode only */
  text?: string;
}

export interface SourceReport extends Omit<SourceLoad, "view" | "table"> {
  columnsProfile: PublishedProfile[];
  /** first rejects of each file, by line */
  rejects: (RejectShown & {file: string})[];
}

export interface AuditResult {
  title: string;
  language: "fr" | "en";
  mode: "published" | "consultant";
  asOf: string | null;
  sources: SourceReport[];
}

/** Rejects listed per source on the site; all of them go to rejects.csv. */
const REJECTS_SHOWN = 200;

export async function runAudit(loaded: LoadedConfig, progress: Progress, options: {db?: Db} = {}): Promise<AuditResult> {
  const {config, outDir} = loaded;
  const work = join(outDir, ".work");
  mkdirSync(work, {recursive: true});
  const db = options.db ?? (await openDb({tempDirectory: join(work, "duckdb")}));
  try {
    const sources: SourceReport[] = [];
    for (const source of config.sources) {
      progress.step(`Reading ${source.name}`);
      const load = await ingestSource(db, source, {baseDir: loaded.baseDir, tempDir: work});
      progress.done(`${load.loaded.toLocaleString("en-US")} rows loaded, ${load.rejected.toLocaleString("en-US")} rejected`);
      progress.step(`Profiling ${source.name}`);
      const profiles = await profileTable(db, load.table, load.columns);
      const roleOf = new Map<string, Role>(Object.entries(load.roles).map(([role, column]) => [column as string, role as Role]));
      const rejects = await db.all<RejectShown & {file: string}>(
        `SELECT file, line, reason${config.mode === "consultant" ? ", text" : ""} FROM ${REJECTS_TABLE}
         WHERE source = ${literal(source.name)} ORDER BY file, line LIMIT ${REJECTS_SHOWN}`
      );
      const {view: _view, table: _table, ...report} = load;
      sources.push({
        ...report,
        columnsProfile: profiles.map((p) => publishProfile(p, roleOf.get(p.name) ?? null, {mode: config.mode, minCount: config.minCount})),
        rejects
      });
      progress.done();
    }
    mkdirSync(outDir, {recursive: true});
    await db.exec(`COPY (SELECT source, file, line, reason${config.mode === "consultant" ? ", text" : ""} FROM ${REJECTS_TABLE} ORDER BY source, file, line)
      TO ${literal(join(outDir, "rejects.csv"))} (HEADER, DELIMITER ',')`);
    const result: AuditResult = {title: config.title, language: config.language, mode: config.mode, asOf: config.asOf ?? null, sources};
    writeJson(join(outDir, "site", "sources.json"), {title: result.title, language: result.language, mode: result.mode, sources});
    return result;
  } finally {
    if (!options.db) await db.close();
    rmSync(work, {recursive: true, force: true});
  }
}
