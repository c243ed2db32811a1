import assert from "node:assert/strict";
import {randomLcg} from "d3";
import {after, before, describe, it} from "node:test";
import {parsePhoneNumberFromString} from "libphonenumber-js";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {fastE164Sql} from "../../../loaders/matching/keys.ts";

describe("fastE164Sql(clean, country)", () => {
  let db: Db;
  let rows: {value: string; fast: string | null}[];
  before(async () => {
    db = await openDb({threads: 1});
    const random = randomLcg(0.17);
    const digits = (n: number) => Array.from({length: n}, () => Math.floor(random() * 10)).join("");
    const forms = ["0", "+33", "0033", "+32", "00", "06", "+330"];
    const values = Array.from({length: 3000}, () => `${forms[Math.floor(random() * forms.length)]}${digits(8 + Math.floor(random() * 3))}`);
    await db.exec(`CREATE TABLE v AS SELECT unnest([${values.map((v) => `'${v}'`).join(", ")}]) AS value`);
    rows = await db.all(`SELECT value, ${fastE164Sql("value", "FR")} AS fast FROM v`);
  });
  after(async () => db.close());

  it("gives libphonenumber's E.164 number for every French number it settles (valid or not in the numbering plan: a key to compare, not a check)", () => {
    let settled = 0;
    let invalid = 0;
    for (const {value, fast} of rows) {
      if (fast === null) continue;
      settled++;
      const text = value.startsWith("00") ? `+${value.slice(2)}` : value;
      const phone = parsePhoneNumberFromString(text, "FR");
      assert.equal(phone?.number, fast, value);
      if (!phone?.isValid()) invalid++;
    }
    console.log(`${settled} of ${rows.length} settled in SQL, ${invalid} of them outside the numbering plan`);
    assert.ok(settled > 300, `${settled} settled in SQL`);
  });
  it("leaves other countries' and malformed numbers to libphonenumber", () => {
    for (const {value, fast} of rows) {
      if (!/^(0[1-9]\d{8}|\+33[1-9]\d{8}|0033[1-9]\d{8})$/.test(value)) assert.equal(fast, null, value);
    }
  });
});
