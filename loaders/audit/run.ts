/**
 * The audit: its steps (steps/index.ts) in order over one DuckDB database.
 * Outputs go into the output folder; `site/*.json` holds what the report may
 * show, already masked for the configured mode.
 */
import {mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../db/connection.ts";
import type {LoadedConfig} from "../config/load.ts";
import type {Progress} from "../cli/progress.ts";
import type {AuditContext} from "./context.ts";
import {STEPS} from "./steps/index.ts";
import {auditStorage} from "./storage.ts";

export async function runAudit(loaded: LoadedConfig, progress: Progress, options: {db?: Db; steps?: string[]} = {}): Promise<AuditContext> {
  const work = join(loaded.outDir, ".work");
  mkdirSync(work, {recursive: true});
  const {engine} = loaded.config;
  const db =
    options.db ??
    (await openDb({path: (await auditStorage(loaded, work)).path, tempDirectory: join(work, "duckdb"), memoryLimit: engine.memory, threads: engine.threads}));
  const ctx: AuditContext = {db, loaded, progress, work, sources: [], asOf: "", results: new Map()};
  try {
    for (const step of STEPS) {
      if (options.steps && step.name !== "ingest" && !options.steps.includes(step.name)) continue;
      ctx.results.set(step.name, await step.run(ctx));
    }
    return ctx;
  } finally {
    if (!options.db) await db.close();
    rmSync(work, {recursive: true, force: true});
  }
}
