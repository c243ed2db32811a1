// The segment explorer's cube on the audit of a generated sample: one row per
// group of customers, the same totals as the per-customer rows it groups, as
// rfm.csv and as the value page, and a compact Parquet file.
import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {loadConfig} from "../../../loaders/config/load.ts";
import {runAudit} from "../../../loaders/audit/run.ts";
import type {ValueSiteData, ValueStepResult} from "../../../loaders/audit/steps/value.ts";
import {literal} from "../../../loaders/db/sql.ts";
import {generateSample} from "../../../loaders/sample/generate.ts";
import {EXPLORER_DIMENSIONS, EXPLORER_MEASURES, explorerCustomersSql, writeExplorerParquet} from "../../../loaders/value/explorer.ts";
import {tempDir} from "../../support/temp.ts";
import {ROOT} from "../../support/cli.ts";
import {quietProgress} from "../../support/sample-config.ts";

const dir = tempDir();

/** The bundled sample's configuration over the generated data, in consultant mode (nothing merged). */
function config(): string {
  const sample = JSON.parse(readFileSync(join(ROOT, "data", "sample-audit.json"), "utf8"));
  delete sample.$schema;
  for (const source of sample.sources) source.path = join(dir, "data", source.path.replace(/^sample\//, ""));
  const file = join(dir, "audit.json");
  writeFileSync(file, JSON.stringify({...sample, mode: "consultant", output: join(dir, "out")}));
  return file;
}

interface Totals {
  key: string | null;
  customers: number;
  revenue: number | null;
  orders: number | null;
  recency_days: number | null;
}

describe("writeExplorerParquet(db, tables, path, {mode, minCount}) on the audit of a generated sample", () => {
  let db: Db;
  let result: ValueStepResult;
  let site: ValueSiteData;
  let cube: string;
  let perCustomer: string;
  before(async () => {
    await generateSample({customers: 1500, seed: 11, out: join(dir, "data")});
    db = await openDb({threads: 2});
    const loaded = loadConfig(config());
    const ctx = await runAudit(loaded, quietProgress, {db, steps: ["matching", "quality", "value"]});
    result = ctx.results.get("value") as ValueStepResult;
    site = JSON.parse(readFileSync(join(loaded.outDir, "site", "value.json"), "utf8")) as ValueSiteData;
    cube = `read_parquet(${literal(result.explorer.path)})`;
    // the rows the cube groups, from the tables the audit left (one orders source, customers as people)
    assert.equal(result.sources[0]!.identity, "clusters");
    const {sql} = await explorerCustomersSql(db, {
      records: ctx.sources.filter((s) => s.kind === "customers").map((s) => ({name: s.name, view: s.view, country: loaded.config.country})),
      identities: "value_identities_orders",
      asOf: result.sources[0]!.summary.asOf,
      ordersSource: "orders"
    });
    perCustomer = `(${sql})`;
  });
  after(async () => db?.close());

  const totals = (from: string, key: string, customers: string, revenue: string, orders: string, recency: string) =>
    db.all<Totals>(`SELECT CAST(${key} AS VARCHAR) AS key, CAST(${customers} AS INTEGER) AS customers, CAST(sum(${revenue}) AS DOUBLE) AS revenue,
      CAST(sum(${orders}) AS INTEGER) AS orders, CAST(sum(${recency}) AS INTEGER) AS recency_days
      FROM ${from} GROUP BY 1 ORDER BY 1 NULLS FIRST`);
  const ofCube = (key: string) => totals(cube, key, "sum(customers)", "revenue", "orders", "recency_days");
  const ofCustomers = (key: string) => totals(perCustomer, key, "count(*)", "CAST(monetary AS DECIMAL(18, 2))", "frequency", "recency");

  it("holds one row per group: dimensions then measures, no customer id, no two rows alike, every customer counted", async () => {
    const columns = result.explorer.columns;
    const dimensions = columns.filter((c) => !(EXPLORER_MEASURES as readonly string[]).includes(c));
    assert.deepEqual(columns.slice(-EXPLORER_MEASURES.length), [...EXPLORER_MEASURES]);
    assert.deepEqual(dimensions, [...EXPLORER_DIMENSIONS, "in_crm", "in_eshop", "in_loyalty"]);
    for (const c of columns) assert.doesNotMatch(c, /key|_id$|email$|name|phone$|mobile|address|birth|postcode|city/);
    const shape = (await db.one<{rows: number; groups: number; customers: number; smallest: number}>(
      `SELECT count(*) AS rows, count(DISTINCT (${dimensions.join(", ")})) AS groups, CAST(sum(customers) AS INTEGER) AS customers, min(customers) AS smallest FROM ${cube}`
    ))!;
    const everyone = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${perCustomer}`))!.n;
    assert.deepEqual(shape, {rows: result.explorer.rows, groups: result.explorer.rows, customers: everyone, smallest: 1});
    assert.equal(result.explorer.customers, everyone);
    assert.ok(shape.rows < everyone / 1.2, `${shape.rows} groups for ${everyone} customers`);
  });

  it("gives per segment, lifecycle stage, country and every other dimension the totals of the per-customer rows", async () => {
    for (const d of [...result.explorer.columns.filter((c) => !(EXPLORER_MEASURES as readonly string[]).includes(c))]) {
      assert.deepEqual(await ofCube(d), await ofCustomers(d), d);
    }
    const countries = await ofCube("country");
    assert.ok(countries.length > 3, "the sample has foreign customers");
  });

  it("gives the value page's figures and rfm.csv's", async () => {
    const value = site.sources[0]!.value;
    const rfm = `read_csv(${literal(result.sources[0]!.csv)}, all_varchar = true)`;
    const segments = await db.all<{segment: string; customers: number; revenue: number; recency: number; frequency: number; monetary: number}>(
      `SELECT segment, CAST(sum(customers) AS INTEGER) AS customers, CAST(sum(revenue) AS DOUBLE) AS revenue,
        round(sum(recency_days) / sum(customers), 1) AS recency, round(sum(orders) / sum(customers), 2) AS frequency,
        round(CAST(sum(revenue) AS DOUBLE) / sum(customers), 2) AS monetary
      FROM ${cube} WHERE r IS NOT NULL GROUP BY 1 ORDER BY 1`
    );
    const shown = value.segments.filter((s) => s.customers).sort((a, b) => a.segment.localeCompare(b.segment));
    assert.deepEqual(segments, shown.map((s) => ({segment: s.segment, customers: s.customers, revenue: s.revenue, recency: s.recency, frequency: s.frequency, monetary: s.monetary})));
    const stages = await db.all<{stage: string; customers: number; revenue: number}>(
      `SELECT lifecycle AS stage, CAST(sum(customers) AS INTEGER) AS customers, coalesce(CAST(sum(revenue) AS DOUBLE), 0) AS revenue FROM ${cube} GROUP BY 1 ORDER BY 1`
    );
    const funnel = value.lifecycle.filter((s) => s.customers).sort((a, b) => a.stage.localeCompare(b.stage));
    assert.deepEqual(stages, funnel.map((s) => ({stage: s.stage, customers: s.customers, revenue: s.revenue})));
    assert.equal(value.customers, (await db.one<{n: number}>(`SELECT CAST(sum(customers) AS INTEGER) AS n FROM ${cube} WHERE r IS NOT NULL`))!.n);
    const csvTotals = (key: string) => totals(rfm, key, "count(*)", "CAST(monetary AS DECIMAL(18, 2))", "CAST(frequency AS INTEGER)", "CAST(recency AS INTEGER)");
    assert.deepEqual(await ofCube("lifecycle"), await csvTotals("lifecycle"));
    assert.deepEqual(await ofCube("nullif(segment, 'none')"), await csvTotals("segment"));
  });

  it("published: countries of fewer than minCount customers become `other`, their groups merged, every other total the same", async () => {
    const path = join(dir, "published.parquet");
    const minCount = 20;
    const written = await writeExplorerParquet(db, ["value_explorer_orders"], path, {mode: "published", minCount});
    const published = `read_parquet(${literal(path)})`;
    const countries = await db.all<{key: string | null; customers: number}>(
      `SELECT country AS key, CAST(sum(customers) AS INTEGER) AS customers FROM ${published} GROUP BY 1 ORDER BY 1 NULLS FIRST`
    );
    const full = await ofCustomers("country");
    const rare = full.filter((c) => c.key !== null && c.customers < minCount);
    assert.ok(rare.length > 0, "some countries are rare at this minCount");
    const expected = [...full.filter((c) => !rare.includes(c)).map((c) => ({key: c.key, customers: c.customers})), {key: "other", customers: rare.reduce((n, c) => n + c.customers, 0)}];
    assert.deepEqual(countries, expected.sort((a, b) => (a.key === null ? -1 : b.key === null ? 1 : a.key.localeCompare(b.key))));
    assert.ok(written.rows < result.explorer.rows, "merged groups");
    assert.equal(written.customers, result.explorer.customers);
    for (const d of ["segment", "lifecycle", "age_band", "in_crm"]) {
      assert.deepEqual(await totals(published, d, "sum(customers)", "revenue", "orders", "recency_days"), await ofCube(d), d);
    }
  });

  it("writes compact Parquet: sorted by the dimensions, small integers, dictionary-encoded text, SNAPPY pages", async () => {
    const meta = await db.all<{column: string; type: string; encodings: string; compression: string}>(
      `SELECT path_in_schema AS column, type, encodings, compression FROM parquet_metadata(${literal(result.explorer.path)})`
    );
    for (const m of meta) assert.equal(m.compression, "SNAPPY", m.column);
    for (const m of meta.filter((x) => x.type === "BYTE_ARRAY")) assert.match(m.encodings, /DICTIONARY/, m.column);
    const types = new Map((await db.all<{column_name: string; column_type: string}>(`DESCRIBE SELECT * FROM ${cube}`)).map((c) => [c.column_name, c.column_type]));
    assert.deepEqual(["r", "f", "m", "customers", "revenue"].map((c) => types.get(c)), ["UTINYINT", "UTINYINT", "UTINYINT", "INTEGER", "DECIMAL(18,2)"]);
    const dimensions = result.explorer.columns.filter((c) => !(EXPLORER_MEASURES as readonly string[]).includes(c)).join(", ");
    const unsorted = (await db.one<{n: number}>(
      `SELECT count(*) AS n FROM (SELECT row_number() OVER () AS i, row_number() OVER (ORDER BY ${dimensions}) AS j FROM ${cube}) WHERE i <> j`
    ))!.n;
    assert.equal(unsorted, 0, "rows in the order of their dimensions");
    assert.ok(statSync(result.explorer.path).size < 16 * result.explorer.rows + 4096, `${statSync(result.explorer.path).size} bytes for ${result.explorer.rows} rows`);
  });
});

describe("explorerCustomersSql(db, options): a customer's country", () => {
  it("is the most frequent known country of their records, the greatest code on a tie, the source's own when a record leaves it empty", async () => {
    const db = await openDb({threads: 2});
    try {
      const records = (rows: [string, string][]) =>
        rows.map(([id, country]) => `(${literal(id)}, ${literal(country)}, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR)`).join(", ");
      const columns = "record_id, country, birth_date, email, mobile, phone";
      await db.exec(`CREATE TABLE crm AS SELECT * FROM (VALUES ${records([["c1", "France"], ["c2", "FR"], ["c3", "BE"], ["c4", ""], ["c5", "Atlantis"]])}) AS t(${columns})`);
      await db.exec(`CREATE TABLE eshop AS SELECT * FROM (VALUES ${records([["e1", "BE"], ["e2", "DE"], ["e3", "ES"], ["e4", "CH"]])}) AS t(${columns})`);
      // customer a: FR twice, BE once; b: BE and DE; c: an empty country (crm's own, FR); d: unknown and ES; e: CH
      await db.exec(`CREATE TABLE ids AS SELECT * FROM (VALUES ('c1', 'a'), ('c2', 'a'), ('e1', 'a'), ('c3', 'b'), ('e2', 'b'), ('c4', 'c'), ('c5', 'd'), ('e3', 'd'), ('e4', 'e')) AS t(record_id, customer_id)`);
      await db.exec(`CREATE TABLE value_customers AS SELECT customer_id, 'champions' AS segment, 'active' AS lifecycle, 5 AS r, 5 AS f, 5 AS m, NULL AS nps_group,
        1 AS recency, 1 AS frequency, CAST(monetary AS DECIMAL(18, 2)) AS monetary
        FROM (VALUES ('a', 1), ('b', 2), ('c', 3), ('d', 4), ('e', 5)) AS t(customer_id, monetary)`);
      const {sql} = await explorerCustomersSql(db, {
        records: [{name: "crm", view: "crm", country: "FR"}, {name: "eshop", view: "eshop", country: "CH"}],
        identities: "ids",
        asOf: "2026-01-01",
        ordersSource: "orders"
      });
      const rows = await db.all<{monetary: number; country: string | null; in_crm: boolean; in_eshop: boolean}>(
        `SELECT CAST(monetary AS INTEGER) AS monetary, country, in_crm, in_eshop FROM (${sql}) ORDER BY monetary`
      );
      assert.deepEqual(rows, [
        {monetary: 1, country: "FR", in_crm: true, in_eshop: true},
        {monetary: 2, country: "DE", in_crm: true, in_eshop: true},
        {monetary: 3, country: "FR", in_crm: true, in_eshop: false},
        {monetary: 4, country: "ES", in_crm: true, in_eshop: true},
        {monetary: 5, country: "CH", in_crm: false, in_eshop: true}
      ]);
    } finally {
      await db.close();
    }
  });
});
