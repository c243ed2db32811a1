// `npm run pdf`: the whole report as one PDF whose pages render.
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {assay} from "../support/cli.ts";
import {SITE_LOCK, pages} from "../support/site.ts";
import {tempDir} from "../support/temp.ts";

describe("assay pdf", () => {
  it("prints every page of the sample report into one PDF that renders", () => {
    const dir = tempDir();
    const pdf = join(dir, "report.pdf");
    const run = assay(["pdf", "--out", pdf, "--quiet"], {lock: SITE_LOCK});
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    const bytes = readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    const info = execFileSync("pdfinfo", [pdf], {encoding: "utf8"});
    const sheets = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(sheets >= pages().length, `${sheets} sheets for ${pages().length} pages`);
    execFileSync("pdftoppm", ["-r", "20", "-png", "-f", "1", "-l", "3", pdf, join(dir, "sheet")]);
    const images = readdirSync(dir).filter((f) => f.startsWith("sheet") && f.endsWith(".png"));
    assert.equal(images.length, Math.min(3, sheets));
    for (const image of images) assert.ok(statSync(join(dir, image)).size > 1000, `${image} has content`);
  });
});
