// The site as a user gets it: built from the sample with the README's
// command, opened in Chromium page by page, and rebuilt when an input changes.
import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {cpSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build, distData, distFiles, pages, DIST} from "../support/site.ts";
import {foreignUiText, sourceColumns} from "../support/ui-text.ts";
import {findPersonalValues, personalValues} from "../support/personal-values.ts";
import {SAMPLE_CONFIG} from "../../loaders/config/load.ts";
import {type OpenSite, openSite, renderedTitle, visit} from "../support/browser.ts";
import {ROOT} from "../support/cli.ts";
import {tempDir} from "../support/temp.ts";

interface SourcesData {
  sources: {name: string; read: number; loaded: number; rejected: number}[];
}

describe("the report site", () => {
  describe("built from the bundled sample", () => {
    let site: OpenSite;
    before(async () => {
      build();
      site = await openSite(DIST);
    });
    after(() => site?.close());

    it("has the overview and the sources pages, with every source's counts", () => {
      const list = pages();
      assert.ok(list.includes("/") && list.includes("/sources"), list.join(", "));
      const data = distData<SourcesData>("data/sources.json");
      assert.deepEqual(data.sources.map((s) => s.name), ["crm", "eshop", "loyalty", "orders"]);
      for (const s of data.sources) {
        assert.ok(s.loaded > 0, `${s.name} loaded rows`);
        assert.equal(s.loaded + s.rejected, s.read, `${s.name}: loaded + rejected = read`);
      }
    });

    it("opens every page in Chromium with no console error and no request to another host", async () => {
      for (const path of pages()) {
        const page = await visit(site.browser, site.origin, path);
        assert.ok((await renderedTitle(page.page)).trim().length > 0, `${path} has a title`);
        assert.deepEqual(page.pageErrors, [], `${path}: uncaught errors`);
        assert.deepEqual(page.consoleErrors, [], `${path}: console errors`);
        assert.deepEqual(page.foreignRequests, [], `${path}: requests to other hosts`);
        assert.deepEqual(page.failedRequests, [], `${path}: failed requests`);
        await page.page.context().close();
      }
    });

    it("publishes no email, phone number or last name of the input (published mode)", async () => {
      const values = await personalValues(SAMPLE_CONFIG, tempDir());
      assert.ok(values.emails.size > 1000 && values.phones.size > 1000 && values.lastNames.size > 100, "the scan has values to look for");
      const hits: string[] = [];
      // libraries copied from node_modules (_node, _npm, Framework's _observablehq) hold no input
      for (const file of distFiles().filter((f) => !/^_(node|npm|observablehq)\//.test(f))) {
        for (const hit of findPersonalValues(readFileSync(join(DIST, file)).toString("utf8"), values)) hits.push(`${file}: ${hit}`);
      }
      assert.deepEqual(hits.slice(0, 20), [], `${hits.length} personal values in dist/`);
    });

    it("holds no French UI text (the English report)", () => {
      assert.deepEqual(foreignUiText("fr", sourceColumns()).slice(0, 20), []);
    });

    it("shows the sources page's tables, rendered from the data", async () => {
      const page = await visit(site.browser, site.origin, "/sources");
      const data = distData<SourcesData>("data/sources.json");
      for (const s of data.sources) {
        const section = page.page.locator(`#source-${s.name}`);
        await section.waitFor();
        const text = (await section.textContent()) ?? "";
        assert.match(text, new RegExp(`${s.loaded.toLocaleString("en-GB")} loaded`));
      }
      await page.page.context().close();
    });
  });

  it("changes the row counts when half of the CRM file is deleted and the site is built again", () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data", "sample"), join(dir, "sample"), {recursive: true});
    const config = JSON.parse(readFileSync(join(ROOT, "data", "sample-audit.json"), "utf8"));
    config.output = "out";
    writeFileSync(join(dir, "audit.json"), JSON.stringify(config));
    build(join(dir, "audit.json"));
    const before = distData<SourcesData>("data/sources.json").sources.find((s) => s.name === "crm")!;

    const crm = join(dir, "sample", "crm_clients.csv");
    const lines = readFileSync(crm, "latin1").split("\r\n").filter((l) => l !== "");
    const kept = lines.slice(0, 1 + Math.floor((lines.length - 1) / 2));
    writeFileSync(crm, `${kept.join("\r\n")}\r\n`, "latin1");
    build(join(dir, "audit.json"));
    const after = distData<SourcesData>("data/sources.json").sources.find((s) => s.name === "crm")!;

    assert.equal(after.read, kept.length - 1);
    assert.ok(after.read < before.read, `${after.read} rows after, ${before.read} before`);
  });
});
