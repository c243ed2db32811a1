// The audit's matching step on the bundled sample, against the sample
// generator's ground truth (data/sample/truth/entities.csv).
import {after, before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {loadConfig} from "../../../loaders/config/load.ts";
import {runAudit} from "../../../loaders/audit/run.ts";
import {runMatchingStep, type MatchingStepResult} from "../../../loaders/audit/steps/matching.ts";
import type {MatchingSiteData} from "../../../loaders/matching/publish.ts";
import {literal} from "../../../loaders/db/sql.ts";
import {tempDir} from "../../support/temp.ts";
import {SAMPLE, quietProgress, sampleConfig as writeSampleConfig} from "../../support/sample-config.ts";

const TRUTH = join(SAMPLE, "truth", "entities.csv");
const quiet = quietProgress;

function sampleConfig(dir: string, mode: "published" | "consultant"): string {
  return writeSampleConfig(dir, {mode}, `audit-${mode}.json`);
}

const fmt = (s: {precision: number; recall: number; f1: number}) =>
  `precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)}, F1 ${s.f1.toFixed(4)}`;

describe("audit step matching on the sample", () => {
  let db: Db;
  let result: MatchingStepResult;
  let outDir: string;
  const dir = tempDir("assay-matching-step-");
  before(async () => {
    db = await openDb({threads: 2});
    const loaded = loadConfig(sampleConfig(dir, "published"));
    outDir = loaded.outDir;
    const ctx = await runAudit(loaded, quiet, {db, steps: []});
    result = await runMatchingStep(ctx, {truth: {file: TRUTH}});
  });
  after(async () => db.close());

  it("reaches pairwise F1 ≥ 0.95 within sources and across sources against the generator's truth", () => {
    const by = result.accuracyBySource!;
    console.log(`sample: all ${fmt(result.summary.accuracy!)}; within sources ${fmt(by.within)}; across sources ${fmt(by.across)}; ` +
      `blocking recall ${result.summary.blocking.recall!.toFixed(4)}, ${result.summary.blocking.pairs} candidate pairs, ms ${JSON.stringify(result.summary.timings)}`);
    assert.ok(by.within.f1 >= 0.95, `within F1 ${by.within.f1}`);
    assert.ok(by.across.f1 >= 0.95, `across F1 ${by.across.f1}`);
  });

  it("leaves a clusters table with every customer record once, and the same rows in clusters.csv", async () => {
    const counts = (await db.one<{rows: number; keys: number; truth: number; nulls: number}>(`SELECT
      (SELECT count(*) FROM clusters) AS rows,
      (SELECT count(*) FROM (SELECT DISTINCT source, record_id FROM clusters)) AS keys,
      (SELECT count(*) FROM read_csv(${literal(TRUTH)}, all_varchar = true)) AS truth,
      (SELECT count(*) FROM clusters WHERE cluster_id IS NULL) AS nulls`))!;
    assert.equal(counts.rows, counts.truth, "one row per record of the sources");
    assert.equal(counts.keys, counts.rows, "no record twice");
    assert.equal(counts.nulls, 0);
    const types = await db.all<{column_name: string; column_type: string}>("SELECT column_name, column_type FROM (DESCRIBE clusters)");
    assert.deepEqual(types.map((t) => `${t.column_name} ${t.column_type}`), ["source VARCHAR", "record_id VARCHAR", "cluster_id VARCHAR"]);
    const differ = (await db.one<{n: number}>(`SELECT count(*) AS n FROM (
      SELECT source, record_id, cluster_id FROM clusters
      EXCEPT SELECT source, record_id, cluster_id FROM read_csv(${literal(join(outDir, "clusters.csv"))}, all_varchar = true))`))!;
    assert.equal(differ.n, 0, "clusters.csv holds the clusters table");
    assert.ok(existsSync(join(outDir, "golden.csv")) && existsSync(join(outDir, "pairs.parquet")));
    const golden = (await db.one<{n: number}>(`SELECT count(*) AS n FROM read_csv(${literal(join(outDir, "golden.csv"))}, all_varchar = true)`))!;
    assert.equal(golden.n, result.summary.customers, "one golden row per customer");
  });

  it("writes site/matching.json masked for published mode, every example with its per-field explanation", async () => {
    const site = JSON.parse(readFileSync(join(outDir, "site", "matching.json"), "utf8")) as MatchingSiteData;
    const text = JSON.stringify(site);
    // No raw email, phone or last name of the examples' records.
    const raw = await db.all<{email: string | null; last_name: string | null}>(`SELECT email, last_name FROM match_input WHERE email IS NOT NULL LIMIT 2000`);
    for (const r of raw) {
      if (r.email) assert.ok(!text.includes(r.email), "raw email in matching.json");
      if (r.last_name && r.last_name.length > 3) assert.ok(!text.includes(`"${r.last_name}"`), "raw last name in matching.json");
    }
    for (const row of site.overlap) if (row.customers !== null) assert.ok(row.customers >= site.minCount);
    for (const row of site.clusterSizes) if (row.clusters !== null) assert.ok(row.clusters >= site.minCount);
    for (const row of site.matrix) if (row.customers !== null) assert.ok(row.customers >= site.minCount);
    assert.ok(site.examples.some((e) => e.linked), "linked examples");
    for (const e of site.examples) {
      assert.equal(e.left.recordId, undefined, "no record id in published mode");
      const sum = e.prior + e.contributions.reduce((s, c) => s + c.weight, 0);
      assert.ok(Math.abs(sum - e.weight) < 1e-6, "prior + contributions = weight");
      assert.ok(e.contributions.length > 0 && e.contributions.every((c) => c.level.length > 0));
    }
    assert.equal(site.customers, result.summary.customers);
    assert.equal(site.sources.reduce((s, x) => s + x.records, 0), site.records);
  });
});
