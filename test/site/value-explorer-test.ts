// The customer value page and the segment explorer, built from the sample and
// opened in Chromium: no console error, nothing asked of another host, and
// the explorer's filters, cross-tab, SQL box and download working on the
// customers of the audit.
import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3";
import {build, DIST, distData} from "../support/site.ts";
import {type OpenSite, type PageVisit, openSite, visit} from "../support/browser.ts";

interface ValueData {
  minCount: number;
  mode: string;
  sources: {value: {customers: number; lifecycle: {stage: string; customers: number | null}[]; segments: {segment: string; customers: number | null}[]}}[];
}

function clean(page: PageVisit, path: string) {
  assert.deepEqual(page.pageErrors, [], `${path}: uncaught errors`);
  assert.deepEqual(page.consoleErrors, [], `${path}: console errors`);
  assert.deepEqual(page.foreignRequests, [], `${path}: requests to other hosts`);
  assert.deepEqual(page.failedRequests, [], `${path}: failed requests`);
}

describe("customer value and segment explorer pages", () => {
  let site: OpenSite;
  let copy: string;
  let data: ValueData;
  before(async () => {
    build();
    // a copy of this build: other builds of the checkout may replace dist/ meanwhile
    copy = mkdtempSync(join(tmpdir(), "assay-site-"));
    cpSync(DIST, copy, {recursive: true});
    data = distData<ValueData>("data/value.json");
    site = await openSite(copy);
  });
  after(async () => {
    await site?.close();
    if (copy) rmSync(copy, {recursive: true, force: true});
  });

  it("renders the value page: heatmaps, segments, lifecycle, migration, with no error", async () => {
    const page = await visit(site.browser, site.origin, "/value");
    await page.page.locator("#value-segments").waitFor();
    const text = (await page.page.locator("main").textContent()) ?? "";
    const value = data.sources[0]!.value;
    assert.match(text, new RegExp(value.customers.toLocaleString("en-GB")));
    for (const id of ["#value-lifecycle", "#value-lines"]) assert.equal(await page.page.locator(id).count(), 1, id);
    assert.ok((await page.page.locator("[id^=value-rf-] svg").count()) === 2, "two R × F heatmaps");
    assert.ok((await page.page.locator("[id^=value-migration-] svg").count()) === 1, "a migration heatmap");
    const champions = value.segments.find((s) => s.segment === "champions")!;
    assert.match(text, /Champions/);
    if (champions.customers !== null) assert.match(text, new RegExp(champions.customers.toLocaleString("en-GB")));
    clean(page, "/value");
    await page.page.context().close();
  });

  it("explorer: filters change the counts, the cross-tab hides small groups, SQL answers, the selection downloads", async () => {
    const page = await visit(site.browser, site.origin, "/explorer");
    const p = page.page;
    const count = p.locator("#explorer-count[data-customers]");
    await count.waitFor({timeout: 60_000});
    const customers = async () => Number(await p.locator("#explorer-count").getAttribute("data-customers"));
    const changed = async (from: number) => {
      await p.waitForFunction((n) => document.querySelector("#explorer-count")?.getAttribute("data-customers") !== String(n), from);
      return customers();
    };
    const value = data.sources[0]!.value;
    const everyone = await customers();
    assert.equal(everyone, value.lifecycle.reduce((n, s) => n + (s.customers ?? 0), 0), "every customer of the lifecycle funnel");

    await p.selectOption("#explorer-filter-lifecycle", "=active");
    const active = await changed(everyone);
    assert.equal(active, value.lifecycle.find((s) => s.stage === "active")!.customers);
    await p.selectOption("#explorer-filter-segment", "=champions");
    const champions = await changed(active);
    assert.ok(champions > 0 && champions < active, `${champions} active champions of ${active}`);

    // cross-tab: no shown cell below k in published mode
    await p.selectOption("#explorer-filter-segment", "");
    await changed(champions);
    const cells = await p.locator("#explorer-crosstab td").allTextContents();
    assert.ok(cells.length > 0);
    if (data.mode === "published") {
      for (const cell of cells.filter((c) => /^\d/.test(c))) assert.ok(Number(cell.replace(/\D/g, "")) >= data.minCount, cell);
    }

    // SQL box: its own query (one row per segment of the selection), then ours; each row is a group of customers
    await p.click("#explorer-run");
    await p.locator("#explorer-sql-out[data-rows]").waitFor();
    assert.ok(Number(await p.locator("#explorer-sql-out").getAttribute("data-rows")) > 0, "the default query answers");
    assert.match((await p.locator("#explorer-sql-out").textContent()) ?? "", /^segment\tcustomers\trevenue/);
    await p.fill("#explorer-sql", "SELECT sum(customers) AS n FROM customer_groups WHERE lifecycle = 'active'");
    await p.click("#explorer-run");
    await p.locator("#explorer-sql-out[data-rows]").waitFor();
    assert.equal(await p.locator("#explorer-sql-out").getAttribute("data-rows"), "1");
    assert.match((await p.locator("#explorer-sql-out").textContent()) ?? "", new RegExp(`^n\\n${active}\\n`));
    await p.fill("#explorer-sql", "SELECT * FROM no_such_table");
    await p.click("#explorer-run");
    await p.waitForFunction(() => document.querySelector("#explorer-sql-out")?.getAttribute("data-rows") === "error");

    // download of the selection (the active customers): one line per group, with its count
    const [download] = await Promise.all([p.waitForEvent("download"), p.click("#explorer-download")]);
    const file = await download.path();
    const rows = csvParse(readFileSync(file!, "utf8"));
    assert.ok(rows.length > 0 && rows.length <= active);
    assert.ok(rows.columns.includes("customers") && rows.columns.includes("revenue") && rows.columns.includes("segment"));
    assert.ok(!rows.columns.includes("customer_key"));
    assert.equal(rows.reduce((n, r) => n + Number(r.customers), 0), active, "the groups count the customers shown");
    assert.ok(rows.every((r) => r.lifecycle === "active"));

    clean(page, "/explorer");
    await p.context().close();
  });
});
