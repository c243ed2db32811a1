import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, writeFileSync, existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {assay, ROOT} from "../../support/cli.ts";
import {tempDir} from "../../support/temp.ts";
import {openDb} from "../../../loaders/db/connection.ts";

const CUSTOMERS = join(ROOT, "test/input/rules/customers.csv");
const ORDERS = join(ROOT, "data/sample/orders.csv");

function config(dir: string, name: string, thresholds: Record<string, number>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      title: "Hand-made audit",
      asOf: "2025-06-30",
      output: `out-${name}`,
      sources: [
        {name: "hand", kind: "customers", path: CUSTOMERS},
        {name: "orders", kind: "orders", path: ORDERS, columns: {customerId: "customer_ref", orderId: "order_id", orderDate: "order_date", quantity: "quantity", unitPrice: "unit_price"}}
      ],
      thresholds
    })
  );
  return file;
}

describe("assay audit and assay check", () => {
  const dir = tempDir();

  it("audit --json prints the KPIs it wrote, and a second run writes the same kpis.json", async () => {
    const file = config(dir, "a", {});
    const first = assay(["audit", "--config", file, "--json", "--quiet"]);
    assert.equal(first.code, 0, first.stderr);
    const printed = JSON.parse(first.stdout);
    const written = readFileSync(join(dir, "out-a", "kpis.json"), "utf8");
    assert.deepEqual(printed, JSON.parse(written));
    // the records, read here by DuckDB directly
    const db = await openDb();
    const rows = (await db.one<{n: number}>(`SELECT count(*) AS n FROM read_csv('${CUSTOMERS}', delim = ';', header = true, all_varchar = true)`))!.n;
    const emails = (await db.one<{n: number}>(`SELECT count(*) AS n FROM read_csv('${CUSTOMERS}', delim = ';', header = true, all_varchar = true) WHERE trim(email) <> ''`))!.n;
    await db.close();
    const hand = printed.scorecards.find((c: {source: string | null}) => c.source === "hand");
    assert.equal(hand.records, rows);
    const email = printed.fields.find((f: {source: string | null; field: string}) => f.source === "hand" && f.field === "email");
    assert.deepEqual([email.fill.numerator, email.fill.denominator], [emails, rows]);
    for (const d of hand.dimensions) assert.ok(d.score === null || (d.score >= 0 && d.score <= 100), d.dimension);
    // findings.csv: one row per finding
    const csv = readFileSync(join(dir, "out-a", "findings.csv"), "utf8").trim().split("\n");
    assert.equal(csv[0], "source,record_id,field,rule,value_masked,detail");
    const findings = printed.rules.filter((r: {source: string | null}) => r.source === "hand").reduce((a: number, r: {failed: {numerator: number}}) => a + r.failed.numerator, 0);
    assert.equal(csv.length - 1, findings);
    // a dated snapshot for trends
    const history = join(dir, "out-a", "history");
    assert.ok(existsSync(history) && readdirSync(history).length === 1);
    const again = assay(["audit", "--config", file, "--json", "--quiet", "--force"]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(join(dir, "out-a", "kpis.json"), "utf8"), written);
  });

  it("check exits 0 when every threshold is met and 1 when one is not", () => {
    const scores = JSON.parse(readFileSync(join(dir, "out-a", "kpis.json"), "utf8"));
    const all = scores.scorecards.find((c: {source: string | null}) => c.source === null);
    const validity = all.dimensions.find((d: {dimension: string}) => d.dimension === "validity").score;
    assert.ok(validity < 100, "the hand-made file has invalid values");
    const low = assay(["check", "--config", config(dir, "low", {validity: Math.floor(validity), overall: 0, completeness: 0, consistency: 0, uniqueness: 0, timeliness: 0, consent: 0}), "--json", "--quiet"]);
    assert.equal(low.code, 0, low.stderr);
    assert.equal(JSON.parse(low.stdout).passed, true);
    const high = assay(["check", "--config", config(dir, "high", {validity: Math.floor(validity) + 1, overall: 0, completeness: 0, consistency: 0, uniqueness: 0, timeliness: 0, consent: 0}), "--json", "--quiet"]);
    assert.equal(high.code, 1, high.stderr);
    const gates = JSON.parse(high.stdout).gates;
    assert.deepEqual(gates.filter((g: {passed: boolean}) => !g.passed).map((g: {score: string}) => g.score), ["validity"]);
  });
});
