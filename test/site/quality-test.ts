// The quality pages as a reader gets them: built from the bundled sample
// (published mode), opened in Chromium, numbers read back against the data.
import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {build, distData, DIST} from "../support/site.ts";
import {type OpenSite, openSite, visit} from "../support/browser.ts";
import type {KpiDocument} from "../../loaders/kpis/index.ts";

const PAGES = ["/", "/completeness", "/validity", "/consistency", "/freshness", "/consent", "/methodology"];

interface RulesData {
  mode: string;
  minCount: number;
  rules: {id: string; examples: {value: string; count: number}[]; findings: unknown[]; counts: {source: string | null; failed: {numerator: number}}[]}[];
}

describe("the quality pages", () => {
  let site: OpenSite;
  before(async () => {
    build();
    site = await openSite(DIST);
  });
  after(() => site?.close());

  it("open without errors or foreign requests", async () => {
    for (const path of PAGES) {
      const page = await visit(site.browser, site.origin, path);
      await page.page.locator("h1").first().waitFor();
      assert.deepEqual(page.pageErrors, [], `${path}: uncaught errors`);
      assert.deepEqual(page.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(page.foreignRequests, [], `${path}: requests to other hosts`);
      await page.page.context().close();
    }
  });

  it("the overview shows each dimension's score of all sources, and a row per source", async () => {
    const quality = distData<KpiDocument>("data/quality.json");
    const all = quality.scorecards.find((c) => c.source === null)!;
    const page = await visit(site.browser, site.origin, "/");
    const tiles = page.page.locator("#quality-overall .assay-kpi");
    await tiles.first().waitFor();
    assert.equal(await tiles.count(), all.dimensions.length + 1);
    const shown = await tiles.locator(".value").allTextContents();
    assert.deepEqual(shown, [...all.dimensions.map((d) => (d.score === null ? "—" : d.score.toFixed(1))), all.overall.score!.toFixed(1)]);
    const rows = page.page.locator(".assay-scorecard tbody tr");
    assert.equal(await rows.count(), quality.sources.length + 1);
    await page.page.context().close();
  });

  it("the validity page lists every rule; published examples are masked and seen at least k times", async () => {
    const rules = distData<RulesData>("data/quality-rules.json");
    assert.equal(rules.mode, "published");
    const page = await visit(site.browser, site.origin, "/validity");
    for (const rule of rules.rules) {
      const section = page.page.locator(`#rule-${rule.id.replace(".", "-")}`);
      await section.waitFor();
      assert.ok((await section.textContent())!.includes(rule.id));
      assert.deepEqual(rule.findings, [], `${rule.id}: no record-level finding in published mode`);
      for (const e of rule.examples) assert.ok(e.count >= rules.minCount, `${rule.id}: ${e.count} < k`);
    }
    const emails = rules.rules.find((r) => r.id === "email.domain_typo")!.examples;
    for (const e of emails) assert.match(e.value, /^.?\*\*\*@.?\*\*\*(\.[^.]*)?$/);
    await page.page.context().close();
  });
});
