// Every string of the Big List of Naughty Strings in the name, city and
// email fields of a source: the audit and the site build succeed, and every
// page renders in Chromium without a dialog, a script run or a console error.
import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build, pages, DIST} from "../support/site.ts";
import {type OpenSite, openSite, renderedTitle, visit} from "../support/browser.ts";
import {tempDir} from "../support/temp.ts";
import {sharedData} from "../support/shared-data.ts";

const BLNS: string[] = JSON.parse(readFileSync(sharedData("hostile", "blns.json"), "utf8"));

function csvCell(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

describe("a source full of hostile strings", () => {
  let site: OpenSite;
  const dir = tempDir();

  before(async () => {
    const rows = BLNS.map((s, i) => [`H${i + 1}`, s, s, s, s, "75011", "Paris"].map(csvCell).join(","));
    writeFileSync(join(dir, "hostile.csv"), `id,first_name,last_name,city,email,postcode,ville\n${rows.join("\n")}\n`);
    writeFileSync(join(dir, "orders.csv"), `order_id,customer_id,order_date,amount\n${BLNS.slice(0, 100).map((s, i) => [`O${i}`, `H${i + 1}`, "2025-03-01", "10.5"].map(csvCell).join(",")).join("\n")}\n`);
    writeFileSync(
      join(dir, "audit.json"),
      JSON.stringify({
        title: `<script>alert("title")</script> & <img src=x onerror=alert(1)>`,
        language: "en",
        mode: "consultant",
        asOf: "2025-06-30",
        output: "out",
        minCount: 1,
        sources: [
          {name: "hostile", kind: "customers", path: "hostile.csv", columns: {city: "city"}},
          {name: "orders", kind: "orders", path: "orders.csv"}
        ]
      })
    );
    build(join(dir, "audit.json"));
    site = await openSite(DIST);
  });
  after(() => site?.close());

  it("renders every page as text: no dialog, no script, no console error", async () => {
    const list = pages();
    assert.ok(list.length >= 2, list.join(", "));
    for (const path of list) {
      const page = await visit(site.browser, site.origin, path);
      assert.ok((await renderedTitle(page.page)).length > 0, `${path} renders its title`);
      await page.page.waitForTimeout(300);
      const injected = await page.page.evaluate(() => document.querySelectorAll("main img[src='x'], main script:not([type]), main iframe").length);
      assert.equal(injected, 0, `${path}: elements injected from data`);
      assert.deepEqual(page.dialogs, [], `${path}: dialogs`);
      assert.deepEqual(page.pageErrors, [], `${path}: uncaught errors`);
      assert.deepEqual(page.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(page.foreignRequests, [], `${path}: requests to other hosts`);
      await page.page.context().close();
    }
  });

  it("shows a hostile value as the text it is", async () => {
    const page = await visit(site.browser, site.origin, "/");
    const title = await renderedTitle(page.page);
    assert.equal(title, `<script>alert("title")</script> & <img src=x onerror=alert(1)>`);
    await page.page.context().close();
  });
});
