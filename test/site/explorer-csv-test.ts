// The explorer's CSV download: cells a spreadsheet would run as formulas are neutralised, numbers stay numbers.
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvCell, toCsv} from "../../src/components/explorer-csv.js";
import {csvParse} from "d3";
import {ROOT} from "../support/cli.ts";

describe("explorer CSV", () => {
  it("prefixes text that starts like a formula with an apostrophe, except plain numbers and phone numbers", () => {
    for (const text of ["=1+1", "+cmd|' /C calc'!A0", "-cmd", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"]) {
      const cell = csvCell(text);
      assert.ok(cell.startsWith("'") || cell.startsWith("\"'"), `${JSON.stringify(text)} → ${JSON.stringify(cell)}`);
    }
    for (const text of ["-12.5", "+3", "-0.5e3", "abc", "champions", "", "+33 6 12 34 56 78"]) assert.equal(csvCell(text), text);
    assert.equal(csvCell(-12.5), "-12.5");
    assert.equal(csvCell(null), "");
    assert.equal(csvCell(true), "true");
    assert.equal(csvCell(12n), "12");
  });

  it("round-trips through d3's RFC 4180 reader, the hostile strings included", () => {
    const hostile = (JSON.parse(readFileSync(join(ROOT, "..", "shared", "data", "hostile", "blns.json"), "utf8")) as string[]).filter((s) => !s.includes("\u0000"));
    // rows as the download writes them: a group's dimensions, then its count
    const rows = hostile.map((s, i) => ({segment: s, customers: i + 1}));
    const read = csvParse(toCsv(["segment", "customers"], rows));
    assert.deepEqual(read.columns, ["segment", "customers"]);
    assert.equal(read.length, rows.length);
    for (const [i, row] of read.entries()) {
      const original = hostile[i]!;
      const expected = /^[=+\-@\t\r]/.test(original) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(original) ? `'${original}` : original;
      assert.equal(row.customers, String(i + 1));
      assert.equal(row.segment, expected, `row ${i + 1}`);
    }
  });
});
