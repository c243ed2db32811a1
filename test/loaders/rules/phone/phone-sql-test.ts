import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {randomLcg, randomInt} from "d3";
import {memoryDb} from "../helpers.ts";
import {appendRows} from "../../../../loaders/rules/lookups/append-rows.ts";
import {checkPhone} from "../../../../loaders/rules/lookups/phone-check.ts";
import {decidableSql, decidedPhonesSql, simplePlan} from "../../../../loaders/rules/lookups/phone-sql.ts";

/** Numbers of every French shape and prefix, read with a French or another country. */
function numbers(n: number): [string, string][] {
  const random = randomLcg(7);
  const digit = randomInt.source(random)(0, 10);
  const lead = randomInt.source(random)(1, 10);
  const digits = (k: number) => Array.from({length: k}, () => digit()).join("");
  const rows: [string, string][] = [];
  for (let i = 0; i < n; i++) {
    const nsn = `${lead()}${digits(8)}`;
    const country = i % 5 === 0 ? "BE" : "FR";
    rows.push([i % 2 === 0 ? `0${nsn}` : `+33${nsn}`, country]);
  }
  // shapes left to libphonenumber: trunk zero after the code, wrong lengths, other codes
  rows.push(["+330612345678", "FR"], ["061234567", "FR"], ["06123456789", "FR"], ["+3261234567", "FR"], ["0612345678", "BE"], ["0033612345678", "FR"]);
  return rows;
}

describe("phone shapes decided in SQL", () => {
  it("has a simple plan for France and none where the calling code is shared", () => {
    assert.equal(simplePlan("FR")?.callingCode, "33");
    assert.equal(simplePlan("GB"), null); // +44 is also GG, IM, JE
    assert.equal(simplePlan("US"), null); // +1 is many countries
  });

  it("gives what libphonenumber-js gives, number by number", async () => {
    const db = await memoryDb();
    try {
      const rows = numbers(20_000);
      await appendRows(db, "phones", ["key", "country"], rows);
      const plans = [simplePlan("FR")!];
      const decided = await db.all<{key: string; country: string; e164: string | null; valid: boolean; type: string | null; reason: string | null}>(
        `${decidedPhonesSql(plans, "SELECT DISTINCT key, country FROM phones")}`
      );
      const flagged = await db.all<{key: string; country: string; d: boolean}>(`SELECT key, country, ${decidableSql(plans, "key", "country")} AS d FROM phones`);
      const byKey = new Map(decided.map((d) => [`${d.key}|${d.country}`, d]));
      for (const f of flagged) assert.equal(byKey.has(`${f.key}|${f.country}`), f.d, `${f.key} ${f.country}`);
      assert.ok(decided.length > 17_000, `${decided.length} decided in SQL`); // all but the national shapes read in Belgium
      for (const key of ["+330612345678|FR", "061234567|FR", "06123456789|FR", "+3261234567|FR", "0612345678|BE", "0033612345678|FR"]) assert.ok(!byKey.has(key), key);
      const types = new Set<string>();
      let valid = 0;
      for (const d of decided) {
        const expected = checkPhone(d.key, d.country);
        assert.deepEqual({e164: d.e164, valid: d.valid, type: d.type, reason: d.reason}, expected, `${d.key} read in ${d.country}`);
        if (d.type) types.add(d.type);
        if (d.valid) valid++;
      }
      assert.ok(valid > 1000 && valid < decided.length, "both valid and invalid numbers");
      assert.ok(types.has("MOBILE") && types.has("FIXED_LINE") && types.has("VOIP") && types.has("TOLL_FREE"), [...types].join(", "));
    } finally {
      await db.close();
    }
  });
});
