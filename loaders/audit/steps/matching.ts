/**
 * Step: duplicates and the single customer view (loaders/matching) over every
 * customer source at once.
 *
 * Leaves the table `clusters (source VARCHAR, record_id VARCHAR, cluster_id
 * VARCHAR)` with one row per customer record (singletons too) for the later
 * steps; writes `clusters.csv`, `golden.csv` and `pairs.parquet` (every scored
 * candidate pair with its per-field weights) into the output folder, and
 * `site/matching.json` for the pages, masked for the mode (matching/publish.ts).
 *
 *   runMatchingStep(ctx, options?) → MatchingStepResult
 *     options.truth: {column} (a column of the sources) or {file} (CSV source,record_id,entity_id)
 *     adds blocking recall and pairwise accuracy, overall, within and across sources
 *   matchingStep: the AuditStep
 */
import {isAbsolute, resolve} from "node:path";
import type {AuditContext, AuditStep} from "../context.ts";
import {sourcesOf, writeSite} from "../context.ts";
import {ident, literal} from "../../db/sql.ts";
import {runMatching, type MatchSummary} from "../../matching/run.ts";
import {evaluateBySource, type SourceAccuracy} from "../../matching/evaluate.ts";
import {publishMatching, type MatchingSiteData} from "../../matching/publish.ts";

export interface TruthOption {
  /** A column of the customer sources holding the true entity. */
  column?: string;
  /** A CSV file with columns source, record_id, entity_id. */
  file?: string;
}

export interface MatchingStepResult {
  summary: MatchSummary;
  /** With truth: pairs within one source and across sources, apart. */
  accuracyBySource?: SourceAccuracy;
  site: MatchingSiteData;
}

const INPUT = "match_input";

export async function runMatchingStep(ctx: AuditContext, options: {truth?: TruthOption} = {}): Promise<MatchingStepResult> {
  const {db, loaded} = ctx;
  const {config, outDir} = loaded;
  const loads = sourcesOf(ctx, "customers");
  ctx.progress.step("Matching customers");
  // The loaded sources are compressed now, once (a checkpoint; openDb turns off the automatic ones of
  // an in-memory database), for the memory: at 1M customers 6–11 s, the inputs from 1.5 GB to 0.24 GB,
  // matching's peak resident 4.0 GB instead of 5.3 GB. Its effect on time is within this machine's
  // noise (bench/RESULTS.md): matching 63.8 s with it and 61.5 s without, the value step 16.2 s and 17.0 s.
  await db.exec("CHECKPOINT");
  const truth = options.truth;
  const truthSql = (load: (typeof loads)[number]) => {
    if (!truth?.column) return "";
    if (!load.columns.includes(truth.column)) return ", CAST(NULL AS VARCHAR) AS match_truth";
    return `, (SELECT CAST(t.${ident(truth.column)} AS VARCHAR) FROM ${ident(load.table)} AS t WHERE t.__row = v.row_number) AS match_truth`;
  };
  // the sources' records, read through a view: normalisation reads them once into its own table (a
  // copy here cost 1.6 s at 1M customers); a truth file is joined to them first
  const union = `${INPUT}_union`;
  const input = loads.length === 0 || truth?.file ? INPUT : union;
  if (loads.length === 0) {
    await db.exec(`CREATE OR REPLACE TABLE ${INPUT} (source VARCHAR, row_number BIGINT, record_id VARCHAR)`);
  } else {
    await db.exec(`CREATE OR REPLACE TEMP VIEW ${union} AS
      ${loads.map((load) => `SELECT v.*${truthSql(load)} FROM ${ident(load.view)} AS v`).join("\nUNION ALL BY NAME\n")}`);
    if (truth?.file) {
      const path = isAbsolute(truth.file) ? truth.file : resolve(truth.file);
      await db.exec(`CREATE OR REPLACE TABLE ${INPUT} AS
        SELECT u.*, t.entity_id AS match_truth FROM ${union} AS u
        LEFT JOIN (SELECT DISTINCT source, record_id, entity_id FROM read_csv(${literal(path)}, all_varchar = true, header = true)) AS t
          USING (source, record_id)`);
    }
  }
  const truthColumn = truth?.column || truth?.file ? "match_truth" : undefined;
  const summary = await runMatching(db, {
    table: input,
    country: config.country,
    settings: config.matching,
    truthColumn,
    outDir,
    // a long step on large files: the share of a typical run done, for the progress line's time estimate
    onProgress: (_step, share) => ctx.progress.update(Math.round(share * 100), 100)
  });
  await db.exec(`CREATE OR REPLACE TABLE clusters AS
    SELECT source, record_id, CAST(cluster_id AS VARCHAR) AS cluster_id FROM match_cluster_map`);
  const accuracyBySource = truthColumn ? await evaluateBySource(db, "match_cluster_map", "truth") : undefined;
  const site = await publishMatching(db, summary, {mode: config.mode, minCount: config.minCount, records: "match_records"});
  writeSite(ctx, "matching.json", site);
  ctx.progress.done(
    `${summary.records.toLocaleString("en-US")} records, ${summary.customers.toLocaleString("en-US")} customers, ${summary.blocking.pairs.toLocaleString("en-US")} pairs compared`
  );
  return {summary, ...(accuracyBySource ? {accuracyBySource} : {}), site};
}

export const matchingStep: AuditStep = {
  name: "matching",
  run: (ctx) => runMatchingStep(ctx)
};
