// The audit's value step on the bundled sample, customers as ids and as
// matched people (a `clusters` table made from the sample's ground truth).
import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {loadConfig} from "../../../loaders/config/load.ts";
import {runAudit} from "../../../loaders/audit/run.ts";
import type {ValueSiteData, ValueStepResult} from "../../../loaders/audit/steps/value.ts";
import {literal} from "../../../loaders/db/sql.ts";
import {valueLadder} from "../../../src/lib/segments.ts";
import {tempDir} from "../../support/temp.ts";
import {SAMPLE, quietProgress, sampleConfig as writeSampleConfig} from "../../support/sample-config.ts";

const quiet = quietProgress;

function sampleConfig(dir: string, mode: "published" | "consultant"): string {
  return writeSampleConfig(dir, {mode});
}

/** Valid order lines of the sample read directly: customer ref, entity through the ground truth. */
const VALID_LINES = `SELECT trim(o.customer_ref) AS ref, e.entity_id
  FROM read_csv(${literal(join(SAMPLE, "orders.csv"))}, all_varchar = true) AS o
  LEFT JOIN (SELECT record_id, min(entity_id) AS entity_id FROM read_csv(${literal(join(SAMPLE, "truth", "entities.csv"))}, all_varchar = true) GROUP BY 1) AS e
    ON e.record_id = trim(o.customer_ref)
  WHERE coalesce(trim(o.customer_ref), '') <> '' AND CAST(o.quantity AS DOUBLE) > 0 AND CAST(o.unit_price AS DOUBLE) > 0
    AND CAST(o.order_date AS DATE) < DATE '2026-01-01'`;

async function runOn(db: Db, mode: "published" | "consultant", dir: string) {
  const loaded = loadConfig(sampleConfig(dir, mode));
  const ctx = await runAudit(loaded, quiet, {db, steps: ["value"]});
  const result = ctx.results.get("value") as ValueStepResult;
  const site = JSON.parse(readFileSync(join(loaded.outDir, "site", "value.json"), "utf8")) as ValueSiteData;
  return {loaded, result, site};
}

async function checkConsistent(db: Db, result: ValueStepResult, site: ValueSiteData) {
  const [source] = result.sources;
  assert.ok(source, "one orders source");
  const summary = source.summary;
  assert.ok(existsSync(source.csv), "rfm.csv written");
  const csv = `read_csv(${literal(source.csv)}, all_varchar = true)`;
  const header = readFileSync(source.csv, "utf8").split("\n")[0];
  assert.equal(header, "customer_id,recency,frequency,monetary,r,f,m,segment,lifecycle");
  const counts = (await db.one<{rows: number; scored: number; ids: number; revenue: number}>(
    `SELECT count(*) AS rows, count(r) AS scored, count(DISTINCT customer_id) AS ids, round(sum(CAST(monetary AS DOUBLE)), 2) AS revenue FROM ${csv}`
  ))!;
  assert.equal(counts.scored, summary.customers, "customers in rfm.csv = customers in the summary");
  assert.equal(counts.ids, counts.rows, "one row per customer");
  assert.ok(Math.abs(counts.revenue - summary.revenue) < 0.01 * counts.scored, `revenue ${counts.revenue} vs ${summary.revenue}`);
  // every scored customer has a segment of the ladder; segment sizes add up
  const ladder = valueLadder();
  const segments = await db.all<{segment: string | null; n: number}>(`SELECT segment, count(*) AS n FROM ${csv} WHERE r IS NOT NULL GROUP BY 1`);
  for (const s of segments) assert.ok(s.segment !== null && ladder.includes(s.segment), `segment ${s.segment}`);
  assert.equal(summary.segments.reduce((n, s) => n + s.customers, 0), summary.customers, "segments cover every scored customer");
  for (const s of segments) assert.equal(summary.segments.find((x) => x.segment === s.segment)?.customers, s.n, s.segment!);
  assert.equal(summary.rfMatrix.reduce((n, c) => n + c.customers, 0), summary.customers, "R × F cells cover every scored customer");
  assert.equal(summary.lifecycle.reduce((n, s) => n + s.customers, 0), counts.rows, "lifecycle stages cover every customer");
  const prospects = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${csv} WHERE r IS NULL`))!.n;
  assert.equal(summary.lifecycle.find((s) => s.stage === "prospect")!.customers, prospects);
  assert.equal(summary.lines.kept + Object.values(summary.lines.excluded).reduce((a, b) => a + b, 0), summary.lines.total);
  assert.equal(summary.migration!.customers, summary.customers);
  // the site's copy says the same where shown
  assert.equal(site.sources[0]!.value.customers, summary.customers);
  // the explorer's cube: groups of customers that count every customer, no personal column (value/explorer-test.ts checks the rest)
  const explorer = `read_parquet(${literal(result.explorer.path)})`;
  const ex = (await db.one<{customers: number; scored: number}>(
    `SELECT CAST(sum(customers) AS INTEGER) AS customers, CAST(sum(customers) FILTER (WHERE r IS NOT NULL) AS INTEGER) AS scored FROM ${explorer}`
  ))!;
  assert.deepEqual(ex, {customers: counts.rows, scored: summary.customers});
  for (const c of result.explorer.columns) assert.doesNotMatch(c, /email$|name|phone$|mobile|address|record_id|customer_id|birth_date|postcode|city/);
  const segmentsExplorer = await db.all<{segment: string; n: number}>(
    `SELECT segment, CAST(sum(customers) AS INTEGER) AS n FROM ${explorer} WHERE r IS NOT NULL GROUP BY 1 ORDER BY 1`
  );
  assert.deepEqual(segmentsExplorer, [...segments].sort((a, b) => a.segment!.localeCompare(b.segment!)).map((s) => ({segment: s.segment!, n: s.n})));
}

describe("the audit's value step on the sample", () => {
  let db: Db;
  before(async () => {
    db = await openDb({threads: 2});
  });
  after(async () => db?.close());

  it("without matching: a customer is a customer id; files and counts agree with each other and with the orders read directly", async () => {
    const {result, site} = await runOn(db, "consultant", tempDir());
    assert.equal(result.sources[0]!.identity, "records");
    await checkConsistent(db, result, site);
    const direct = (await db.one<{n: number}>(`SELECT count(DISTINCT ref) AS n FROM (${VALID_LINES})`))!.n;
    assert.equal(result.sources[0]!.summary.customers, direct);
  });

  it("with a clusters table: a customer is a person (cluster), and there are fewer of them", async () => {
    const before = (await db.one<{n: number}>(`SELECT count(DISTINCT ref) AS n FROM (${VALID_LINES})`))!.n;
    await db.exec(`CREATE OR REPLACE TABLE clusters AS SELECT source, record_id, entity_id AS cluster_id
      FROM read_csv(${literal(join(SAMPLE, "truth", "entities.csv"))}, all_varchar = true)`);
    try {
      const {result, site} = await runOn(db, "consultant", tempDir());
      assert.equal(result.sources[0]!.identity, "clusters");
      await checkConsistent(db, result, site);
      const direct = (await db.one<{n: number}>(`SELECT count(DISTINCT coalesce(entity_id, ref)) AS n FROM (${VALID_LINES})`))!.n;
      assert.equal(result.sources[0]!.summary.customers, direct);
      assert.ok(direct < before, `${direct} people < ${before} ids`);
      const csv = `read_csv(${literal(result.sources[0]!.csv)}, all_varchar = true)`;
      const unknown = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${csv} WHERE customer_id NOT IN (SELECT cluster_id FROM clusters)
        AND customer_id NOT IN (SELECT ref FROM (${VALID_LINES}))`))!.n;
      assert.equal(unknown, 0, "every customer is a cluster or an order's own id");
    } finally {
      await db.exec("DROP TABLE clusters");
    }
  });

  it("published mode: no shown count below minCount; the suppressed cells are those the consultant sees below it", async () => {
    const published = await runOn(db, "published", tempDir());
    const consultant = await runOn(db, "consultant", tempDir());
    const k = published.site.minCount;
    const p = published.site.sources[0]!.value;
    const c = consultant.site.sources[0]!.value;
    const pairs: [{customers: number | null; suppressed: boolean}, {customers: number | null}][] = [
      ...p.rfMatrix.map((x, i) => [x, c.rfMatrix[i]!] as [typeof x, (typeof c.rfMatrix)[number]]),
      ...p.segments.map((x, i) => [x, c.segments[i]!] as [typeof x, (typeof c.segments)[number]]),
      ...p.lifecycle.map((x, i) => [x, c.lifecycle[i]!] as [typeof x, (typeof c.lifecycle)[number]]),
      ...p.migration!.cells.map((x, i) => [x, c.migration!.cells[i]!] as [typeof x, NonNullable<typeof c.migration>["cells"][number]])
    ];
    let suppressed = 0;
    for (const [shown, full] of pairs) {
      const small = full.customers! > 0 && full.customers! < k;
      assert.equal(shown.suppressed, small);
      assert.equal(shown.customers, small ? null : full.customers);
      if (small) suppressed++;
    }
    assert.ok(suppressed > 0, "the sample has some small migration cells");
    const country = await db.all<{country: string; n: number}>(
      `SELECT country, CAST(sum(customers) AS INTEGER) AS n FROM read_parquet(${literal(published.result.explorer.path)}) WHERE country IS NOT NULL GROUP BY 1`
    );
    for (const row of country) assert.ok(row.country === "other" || row.n >= k, `${row.country}: ${row.n}`);
  });
});
