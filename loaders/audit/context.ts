/**
 * What every audit step receives: the database, the configuration, the
 * sources as ingested, and where to write. Steps run in order (steps/index.ts);
 * each reads the tables earlier steps left and writes its own outputs.
 */
import {join} from "node:path";
import type {Db} from "../db/connection.ts";
import type {LoadedConfig} from "../config/load.ts";
import type {Progress} from "../cli/progress.ts";
import type {SourceLoad} from "../ingest/source.ts";
import {writeJson} from "./write.ts";

export interface AuditContext {
  db: Db;
  loaded: LoadedConfig;
  progress: Progress;
  /** temporary folder of this run, removed at the end */
  work: string;
  /** filled by the ingest step */
  sources: SourceLoad[];
  /** the audit date: the configuration's, else the day after the last order, else today (set by the ingest step) */
  asOf: string;
  /** results of earlier steps, by step name, for later steps and the CLI */
  results: Map<string, unknown>;
}

export interface AuditStep {
  name: string;
  run(ctx: AuditContext): Promise<unknown>;
}

/** Writes one file of what the site may show (already masked for the mode): outDir/site/<name>. */
export function writeSite(ctx: AuditContext, name: string, value: unknown): void {
  writeJson(join(ctx.loaded.outDir, "site", name), value);
}

/** Sources of a kind, as ingested. */
export function sourcesOf(ctx: AuditContext, kind: "customers" | "orders"): SourceLoad[] {
  return ctx.sources.filter((s) => s.kind === kind);
}
