import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {memoryDb, customers, findingsOf, ids} from "../helpers.ts";
import {runRules} from "../../../../loaders/rules/run.ts";
import {sharedData} from "../../../support/shared-data.ts";

const ISEMAIL = sharedData("email", "isemail-tests.json");

/** Lone surrogates (isemail's errMalformedUnicode cases) as U+FFFD, the way a UTF-8 file would hold them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

describe("email.syntax", () => {
  it("flags every address isemail diagnoses err…, and passes at least 90% of the valid ones", async () => {
    const cases = (JSON.parse(readFileSync(ISEMAIL, "utf8")) as [string, string][]).map(([address, diagnosis], i) => ({
      record_id: String(i + 1),
      email: wellFormed(address),
      diagnosis
    }));
    const db = await memoryDb();
    try {
      await customers(db, "customers_isemail", cases.map(({record_id, email}) => ({record_id, email})));
      await runRules(db, {table: "customers_isemail", source: "isemail", asOf: "2025-06-30", rules: ["email.syntax"]});
      const flagged = new Set((await db.all<{record_id: string}>(`SELECT record_id FROM findings`)).map((r) => r.record_id));
      // blank is missing, not invalid (kpis.md): isemail's '' and '\r' are left to completeness
      const blank = cases.filter((c) => c.diagnosis.startsWith("err") && c.email.trim() === "");
      const errors = cases.filter((c) => c.diagnosis.startsWith("err") && c.email.trim() !== "");
      const valid = cases.filter((c) => c.diagnosis === "valid");
      const missed = errors.filter((c) => !flagged.has(c.record_id));
      const passed = valid.filter((c) => !flagged.has(c.record_id));
      assert.equal(blank.length, 2);
      console.log(`isemail: err… flagged ${errors.length - missed.length}/${errors.length} (+${blank.length} blank, missing); valid passed ${passed.length}/${valid.length} (${((100 * passed.length) / valid.length).toFixed(1)}%)`);
      console.log(`isemail: valid flagged: ${valid.filter((c) => flagged.has(c.record_id)).map((c) => JSON.stringify(c.email)).join(", ")}`);
      assert.deepEqual(missed.map((c) => c.email), []);
      assert.ok(passed.length / valid.length >= 0.9);
    } finally {
      await db.close();
    }
  });

  it("reads usable addresses as usable, whatever their case or surrounding spaces", async () => {
    const found = await findingsOf(
      [
        {email: "Jean.Dupont@Orange.FR"},
        {email: "  marie+promo@gmail.com "},
        {email: "o'neil@example.co.uk"},
        {email: "élodie@laposte.net"},
        {email: "a@b.xn--p1ai"}
      ],
      ["email.syntax"]
    );
    assert.deepEqual(found, []);
  });

  it("flags broken addresses and leaves missing ones to completeness", async () => {
    const found = await findingsOf(
      [
        {email: "jean.dupont@gmail"},
        {email: "jean dupont@gmail.com"},
        {email: "jean@@gmail.com"},
        {email: "jean.@gmail.com"},
        {email: "jean..d@gmail.com"},
        {email: "jean@gmail.c"},
        {email: "jean@gmail.123"},
        {email: "jean@-gmail.com"},
        {email: "jean\u00a0d@gmail.com"},
        {email: "jean@gmail.com\n"},
        {email: "jean,dupont@gmail.com"},
        {email: "   "},
        {email: ""},
        {email: null}
      ],
      ["email.syntax"]
    );
    assert.deepEqual(ids(found), ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    assert.equal(found[0]!.value, "jean.dupont@gmail");
  });
});
