// The single customer view and duplicates pages, built from the bundled sample
// (published mode), opened in Chromium.
import {after, before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {build, distData, distFiles, pages, DIST} from "../support/site.ts";
import {type OpenSite, openSite, visit} from "../support/browser.ts";
import {findPersonalValues, personalValues} from "../support/personal-values.ts";
import {SAMPLE_CONFIG} from "../../loaders/config/load.ts";
import type {MatchingSiteData} from "../../loaders/matching/publish.ts";
import {tempDir} from "../support/temp.ts";

describe("single customer view and duplicates pages", () => {
  let site: OpenSite;
  let data: MatchingSiteData;
  before(async () => {
    build();
    site = await openSite(DIST);
    data = distData<MatchingSiteData>("data/matching.json");
  });
  after(() => site?.close());

  it("are built and open without errors or requests to other hosts", async () => {
    for (const path of ["/customers", "/duplicates"]) {
      assert.ok(pages().includes(path), `${path} built`);
      const v = await visit(site.browser, site.origin, path);
      assert.deepEqual(v.pageErrors, [], `${path}: uncaught errors`);
      assert.deepEqual(v.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(v.foreignRequests, [], `${path}: requests to other hosts`);
      await v.page.context().close();
    }
  });

  it("show the distinct customers, the overlap chart and the source matrix", async () => {
    const v = await visit(site.browser, site.origin, "/customers");
    const text = (await v.page.locator("main").textContent()) ?? "";
    const format = new Intl.NumberFormat("en-GB");
    assert.ok(text.includes(format.format(data.customers)), "distinct customers shown");
    assert.ok((await v.page.locator(".assay-upset svg").count()) >= 2, "UpSet dots and bars");
    for (const s of data.sources) assert.ok(text.includes(s.source));
    await v.page.context().close();
  });

  it("explain every example pair with one waterfall and one row per field", async () => {
    assert.ok(data.examples.length > 0);
    const v = await visit(site.browser, site.origin, "/duplicates");
    const pairs = v.page.locator("section.assay-pair");
    assert.equal(await pairs.count(), data.examples.length);
    for (let i = 0; i < data.examples.length; i++) {
      const pair = pairs.nth(i);
      assert.equal(await pair.locator("svg").count() >= 1, true, "waterfall");
      assert.equal(await pair.locator("tbody tr").count(), data.examples[i]!.contributions.length, "one row per field");
    }
    await v.page.context().close();
  });

  it("publish no email, phone or last name of the sample in their data", async () => {
    const values = await personalValues(SAMPLE_CONFIG, tempDir());
    const file = distFiles().find((f) => f.startsWith(join("_file", "data", "matching.")))!;
    assert.deepEqual(findPersonalValues(readFileSync(join(DIST, file), "utf8"), values), []);
  });
});
