/**
 * Matching, end to end: duplicates within and across sources, and the single
 * customer view. The one entry point of the engine's matching part.
 *
 *   runMatching(db, {table, country, settings?, truthColumn?, outDir?}) → Promise<MatchSummary>
 *
 * `table` is a view or table shaped like `customers` (source, row_number,
 * record_id and the customer role columns, raw text). Steps, each in SQL over
 * `db`: normalise → block → compare → estimate u (random pairs) and m (EM in
 * one session per blocking rule, the rule's own fields left out) → score →
 * cluster (chain guard; clusters over the guard size split at their weakest
 * links) → golden record. Tables left in the
 * database for later steps: `match_records`, `match_pairs` (scored candidate
 * pairs), `match_clusters` (rid, cluster_id, flagged), `match_golden`, and
 * `match_cluster_map` (source, record_id, cluster_id[, truth]).
 * With `outDir`, writes clusters.csv, golden.csv and pairs.parquet there.
 */
import type {Db} from "../db/connection.ts";
import {RULE_PAIRS_FLOOR, blockPairs, blockingRule, type BlockingReport} from "./blocking.ts";
import {clusterRecords, type ClusterReport} from "./cluster.ts";
import {comparePairs, defaultComparisons, type Comparison} from "./comparisons.ts";
import {levelShares, sampleRandomPairs, sessionEm} from "./estimate.ts";
import {evaluatePairs, type PairwiseScores} from "./evaluate.ts";
import {buildGolden} from "./golden.ts";
import {normaliseRecords} from "./normalise.ts";
import {writeMatchingOutputs} from "./outputs.ts";
import {buildTermFrequencies, levelWeights, priorWeight, scorePairs, thresholdWeight, type Model} from "./score.ts";
import {defaultPhonetic, KEY_FIELDS, matchingSettingsSchema, resolveSettings, type Field, type Settings} from "./settings.ts";
import {summarise, type MatchOverview} from "./summary.ts";

export interface MatchOptions {
  /** Customers table or view (default `customers`). */
  table?: string;
  /** Default country of phones and postcodes (ISO alpha-2); default FR. */
  country?: string;
  /** The configuration's `matching` block (validated here). */
  settings?: unknown;
  /** Column of `table` holding a ground-truth entity: adds blocking recall and pairwise accuracy. */
  truthColumn?: string;
  /** Folder for clusters.csv, golden.csv and pairs.parquet. */
  outDir?: string;
  /** Progress messages (default silent). */
  log?: (message: string) => void;
  /** Told after each step, with the share of a typical run's time done so far (0–1), for a time estimate. */
  onProgress?: (step: string, share: number) => void;
}

/** Each step's typical share of the time (seconds of the generator's 1M customers, bench/RESULTS.md), in order. */
const STEP_SHARES: Record<string, number> = {normalise: 12.6, block: 5.9, compare: 11.3, estimate: 1.3, score: 1.2, cluster: 3.7, golden: 5.3, summary: 8.2};
const SHARE_TOTAL = Object.values(STEP_SHARES).reduce((a, b) => a + b, 0);

export interface FieldModel {
  field: Field;
  levels: {label: string; m: number | null; u: number | null; weight: number}[];
}

export interface MatchSummary extends MatchOverview {
  settings: Settings;
  blocking: BlockingReport;
  model: {lambda: number; prior: number; threshold: number; thresholdWeight: number; emIterations: number; fields: FieldModel[]};
  clustering: ClusterReport;
  accuracy?: PairwiseScores;
  timings: Record<string, number>;
  files?: {clusters: string; golden: string; pairs: string};
}

const FUZZ = "match_fuzzy_addresses";
const TF_PREFIX = "match_tf_";

export async function runMatching(db: Db, options: MatchOptions = {}): Promise<MatchSummary> {
  const {table = "customers", truthColumn, outDir, log = () => {}, onProgress} = options;
  let shareDone = 0;
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = Math.round(now - clock);
    clock = now;
    log(`matching: ${step} ${timings[step]} ms`);
    shareDone += STEP_SHARES[step] ?? 0;
    onProgress?.(step, Math.min(1, shareDone / SHARE_TOTAL));
  };

  const early = matchingSettingsSchema.safeParse(options.settings ?? {});
  const country = (early.success ? early.data.country : undefined) ?? options.country ?? "FR";
  const phonetic = (early.success ? early.data.phonetic : undefined) ?? defaultPhonetic(country);
  const normalised = await normaliseRecords(db, table, {country, phonetic, truthColumn});
  const records = normalised.table;
  const settings = resolveSettings(options.settings, {filled: normalised.filled, country});
  lap("normalise");

  const rules = settings.blocking.map((rule) => blockingRule(rule.name, rule.keys));
  const blocking = await blockPairs(db, records, rules, {
    maxBlockSize: settings.maxBlockSize,
    maxRulePairs: Math.max(RULE_PAIRS_FLOOR, Math.round(settings.rulePairsPerRecord * normalised.rows)),
    table: "match_candidates",
    truth: !!truthColumn
  });
  lap("block");

  const comparisons = defaultComparisons(settings);
  await db.exec(`DROP TABLE IF EXISTS ${FUZZ}`);
  await buildTermFrequencies(db, records, comparisons, TF_PREFIX);
  const compare = (pairs: string, out: string, maxFuzzy: number) =>
    comparePairs(db, records, pairs, out, comparisons, {fuzzTable: FUZZ, maxFuzzy, tfPrefix: TF_PREFIX});
  await compare("match_candidates", "match_gammas", settings.maxFuzzyPairs);
  lap("compare");

  await sampleRandomPairs(db, records, settings.randomPairs, settings.seed, "match_random_pairs");
  await compare("match_random_pairs", "match_random_gammas", Math.min(settings.maxFuzzyPairs, 20_000));
  const u = await levelShares(db, "match_random_gammas", comparisons);
  await db.exec("DROP TABLE match_random_pairs; DROP TABLE match_random_gammas");
  const totalPairs = (normalised.rows * (normalised.rows - 1)) / 2;
  const sessions = settings.blocking.map((rule, i) => {
    const fields = new Set<Field>(rule.keys.flatMap((key) => KEY_FIELDS[key]));
    if (fields.has("firstName") || fields.has("lastName")) (["firstName", "lastName"] as Field[]).forEach((f) => fields.add(f));
    return {where: `rules & ${2 ** i} <> 0`, exclude: new Set(comparisons.flatMap((c, k) => (fields.has(c.field) ? [k] : [])))};
  });
  const em = await sessionEm(db, "match_gammas", comparisons, u, settings.emIterations, totalPairs, sessions);
  const model: Model = {comparisons, lambda: em.lambda, m: em.m, u};
  lap("estimate");

  await scorePairs(db, "match_gammas", "match_pairs", model);
  await db.exec("DROP TABLE match_gammas"); // all of it is in match_pairs
  lap("score");

  const linkWeight = thresholdWeight(settings.threshold);
  const clustering = await clusterRecords(db, {
    records,
    scored: "match_pairs",
    threshold: linkWeight,
    chainGap: settings.chainGap,
    out: "match_clusters",
    scoreInternal: async (pairs, out) => {
      await compare(pairs, `${out}_gammas`, settings.maxFuzzyPairs);
      await scorePairs(db, `${out}_gammas`, out, model);
      await db.exec(`DROP TABLE ${out}_gammas`);
    }
  });
  await db.exec(`CREATE OR REPLACE TABLE match_cluster_map AS
    SELECT r.source, r.record_id, c.cluster_id, c.flagged, r.truth FROM ${records} AS r JOIN match_clusters AS c USING (rid)`);
  lap("cluster");

  await buildGolden(db, records, "match_clusters", "match_golden");
  lap("golden");

  const overview = await summarise(db, {records, clusters: "match_clusters", pairs: "match_pairs", comparisons, linkWeight, examples: settings.examples});
  const accuracy = truthColumn ? await evaluatePairs(db, "match_cluster_map", "truth") : undefined;
  const files = outDir
    ? await writeMatchingOutputs(db, {records, clusters: "match_clusters", golden: "match_golden", pairs: "match_pairs"}, outDir)
    : undefined;
  lap("summary");

  const weights = levelWeights(em.m, u);
  return {
    ...overview,
    settings,
    blocking,
    model: {
      lambda: em.lambda,
      prior: priorWeight(em.lambda),
      threshold: settings.threshold,
      thresholdWeight: linkWeight,
      emIterations: em.iterations,
      fields: comparisons.map((c: Comparison, i) => ({
        field: c.field,
        levels: c.levels.map((level, k) => ({
          label: level.label,
          m: k === 0 ? null : em.m[i]![k]!,
          u: k === 0 ? null : u[i]![k]!,
          weight: weights[i]![k]!
        }))
      }))
    },
    clustering,
    ...(accuracy ? {accuracy} : {}),
    timings,
    ...(files ? {files} : {})
  };
}
