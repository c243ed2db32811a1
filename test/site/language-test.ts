// The report in French carries no English UI text, and its pages read in French.
import {describe, it, before} from "node:test";
import assert from "node:assert/strict";
import {build} from "../support/site.ts";
import {foreignUiText, sourceColumns} from "../support/ui-text.ts";
import {tempDir} from "../support/temp.ts";
import {sampleConfig} from "../support/sample-config.ts";
import {openSite, visit} from "../support/browser.ts";
import {DIST, pages} from "../support/site.ts";

describe("the sample report in French", () => {
  before(() => {
    build(sampleConfig(tempDir(), {language: "fr"}));
  });

  it("holds no English UI text", () => {
    assert.deepEqual(foreignUiText("en", sourceColumns()).slice(0, 20), []);
  });

  it("renders every page in French, numbers formatted the French way", async () => {
    const site = await openSite(DIST);
    try {
      for (const path of pages()) {
        const page = await visit(site.browser, site.origin, path);
        assert.deepEqual([...page.pageErrors, ...page.consoleErrors], [], path);
        assert.equal(await page.page.evaluate(() => document.documentElement.lang), "fr", `${path}: <html lang>`);
        await page.page.context().close();
      }
      const sources = await visit(site.browser, site.origin, "/sources");
      const text = (await sources.page.locator("main").textContent()) ?? "";
      assert.match(text, /chargées \+ \d+ rejetées = [\d\u202f]+ lignes lues/);
    } finally {
      await site.close();
    }
  });
});
