import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, readFileSync} from "node:fs";
import {memoryDb} from "./helpers.ts";
import {runRules} from "../../../loaders/rules/run.ts";
import {writeFindingsCsv} from "../../../loaders/rules/findings-csv.ts";
import {RULES} from "../../../loaders/rules/registry.ts";

const INPUT = "test/input/rules/customers.csv";

/**
 * The defects written into test/input/rules/customers.csv, one per record
 * (see the file: records 2–28 carry the defect their row was written with,
 * 1 and 25–27 are clean, C01–C21 are the Camille group that must not fire).
 */
const EXPECTED: Record<string, {failed: string[]; applicable: number}> = {
  "email.syntax/email": {failed: ["2"], applicable: 49},
  "email.domain_typo/email": {failed: ["3"], applicable: 49},
  "email.disposable/email": {failed: ["4"], applicable: 49},
  "email.role/email": {failed: ["5"], applicable: 49},
  "phone.invalid/phone": {failed: ["6"], applicable: 48},
  "phone.invalid/mobile": {failed: [], applicable: 49},
  "phone.placeholder/phone": {failed: [], applicable: 48},
  "phone.placeholder/mobile": {failed: ["7", "22", "23"], applicable: 49},
  "phone.not_mobile/mobile": {failed: ["8"], applicable: 49},
  "postcode.invalid/postcode": {failed: ["9", "28"], applicable: 49},
  "postcode.city_mismatch/postcode": {failed: ["10"], applicable: 47},
  "name.placeholder/firstName": {failed: ["24"], applicable: 49},
  "name.placeholder/lastName": {failed: ["11"], applicable: 49},
  "civility.invalid/civility": {failed: ["12"], applicable: 49},
  "civility.first_name_mismatch/civility": {failed: ["13"], applicable: 48},
  "birth_date.implausible/birthDate": {failed: ["14"], applicable: 48},
  "date.unparseable/birthDate": {failed: ["15"], applicable: 49},
  "date.unparseable/createdAt": {failed: [], applicable: 49},
  "date.unparseable/updatedAt": {failed: [], applicable: 49},
  "country.unknown/country": {failed: ["16"], applicable: 49},
  "record.stale/record": {failed: ["17"], applicable: 49},
  "record.future_date/createdAt": {failed: ["18"], applicable: 49},
  "record.future_date/updatedAt": {failed: [], applicable: 49},
  "consent.unknown/optinEmail": {failed: ["19"], applicable: 49},
  "consent.unknown/optinSms": {failed: ["19"], applicable: 49},
  "duplicate.exact/record": {failed: ["20", "21"], applicable: 49}
};

async function loadHandFile() {
  const db = await memoryDb();
  await db.exec(`CREATE TABLE customers_hand AS
    SELECT 'hand' AS source, row_number() OVER () AS row_number, *
    FROM read_csv('${INPUT}', delim = ';', header = true, all_varchar = true)`);
  return db;
}

describe("runRules(db, {table, source, country, asOf, freshnessMonths})", () => {
  it("counts exactly the defects written into the hand-made customer file", async () => {
    const db = await loadHandFile();
    try {
      const result = await runRules(db, {table: "customers_hand", source: "hand", country: "FR", asOf: "2025-06-30", freshnessMonths: 12});
      assert.deepEqual(result.skipped, ["duplicate.fuzzy"]);
      const found = await db.all<{rule: string; field: string; ids: string[]}>(
        `SELECT rule, field, list(record_id ORDER BY record_id) AS ids FROM findings GROUP BY rule, field`
      );
      const actual: Record<string, {failed: string[]; applicable: number}> = {};
      for (const c of result.counts) actual[`${c.rule}/${c.field}`] = {failed: [], applicable: c.applicable};
      for (const f of found) actual[`${f.rule}/${f.field}`]!.failed = [...f.ids].sort((a, b) => Number(a) - Number(b));
      for (const c of result.counts) {
        console.log(`${c.rule.padEnd(30)} ${c.field.padEnd(11)} ${String(c.failed).padStart(3)} / ${c.applicable}`);
        assert.equal(c.failed, actual[`${c.rule}/${c.field}`]!.failed.length);
      }
      assert.deepEqual(actual, EXPECTED);
    } finally {
      await db.close();
    }
  });

  it("replaces a source's findings when run again, and keeps other sources'", async () => {
    const db = await loadHandFile();
    try {
      const options = {table: "customers_hand", asOf: "2025-06-30", rules: ["email.syntax", "record.stale"]};
      await runRules(db, {...options, source: "a"});
      await runRules(db, {...options, source: "b"});
      const second = await runRules(db, {...options, source: "a"});
      const rows = await db.all<{source: string; n: number}>(`SELECT source, count(*) AS n FROM findings GROUP BY source ORDER BY source`);
      assert.deepEqual(rows, [
        {source: "a", n: 2},
        {source: "b", n: 2}
      ]);
      assert.equal(second.findings, 2);
      // a shorter window makes more records stale
      const strict = await runRules(db, {...options, source: "a", freshnessMonths: 3});
      assert.ok(strict.counts.find((c) => c.rule === "record.stale")!.failed > 1);
    } finally {
      await db.close();
    }
  });

  it("leaves no helper table behind", async () => {
    const db = await loadHandFile();
    try {
      await runRules(db, {table: "customers_hand", source: "hand", asOf: "2025-06-30"});
      const tables = (await db.all<{name: string}>(`SHOW TABLES`)).map((t) => t.name).sort();
      assert.deepEqual(tables, ["customers_hand", "findings", "rule_counts"]);
    } finally {
      await db.close();
    }
  });

  it("runs a registry whose every rule has both explanations and a known dimension", () => {
    assert.equal(RULES.length, 20);
    for (const rule of RULES) {
      assert.ok(rule.explain.fr.length > 20 && rule.explain.en.length > 20, rule.id);
    }
  });

  it("rejects an unknown rule id, naming the known ones", async () => {
    const db = await loadHandFile();
    try {
      await assert.rejects(runRules(db, {table: "customers_hand", source: "hand", asOf: "2025-06-30", rules: ["email.sintax"]}), /unknown rule: email\.sintax \(known rules: email\.syntax/);
    } finally {
      await db.close();
    }
  });
});

describe("writeFindingsCsv(db, path)", () => {
  it("writes source,record_id,field,rule,value_masked,detail with personal values masked", async () => {
    const db = await loadHandFile();
    try {
      await runRules(db, {table: "customers_hand", source: "hand", asOf: "2025-06-30"});
      mkdirSync("tmp/rules", {recursive: true});
      const n = await writeFindingsCsv(db, "tmp/rules/findings.csv");
      const lines = readFileSync("tmp/rules/findings.csv", "utf8").trim().split("\n");
      assert.equal(lines[0], "source,record_id,field,rule,value_masked,detail");
      assert.equal(lines.length, n + 1);
      const text = lines.join("\n");
      assert.match(text, /hand,3,email,email.domain_typo,m\*\*\*@g\*\*\*\.com,gmail\.com/);
      assert.match(text, /hand,7,mobile,phone.placeholder,06 \*\* \*\* \*\* 00,dummy/);
      assert.match(text, /hand,11,lastName,name.placeholder,x\*\*\*,filler/);
      assert.match(text, /hand,15,birthDate,date.unparseable,\*\*\/\*\*\/\*\*\*\*,/);
      for (const raw of ["marie.durand", "gmial.com", "06 00 00 00 00", "xxx", "31/02/1985"]) assert.ok(!text.includes(raw), raw);
    } finally {
      await db.close();
    }
  });

  it("keeps a spreadsheet from reading any cell as a formula", async () => {
    const db = await memoryDb();
    try {
      await db.exec(`CREATE TABLE customers_f AS SELECT * FROM (VALUES ('=1+1', 'Chef', '=HYPERLINK(1)'), ('@x', '+cmd', '-2')) AS t(record_id, civility, country)`);
      await runRules(db, {table: "customers_f", source: "f", asOf: "2025-06-30", rules: ["civility.invalid", "country.unknown"]});
      mkdirSync("tmp/rules", {recursive: true});
      await writeFindingsCsv(db, "tmp/rules/formula.csv");
      const cells = readFileSync("tmp/rules/formula.csv", "utf8").trim().split("\n").slice(1).flatMap((l) => l.split(","));
      assert.ok(cells.length >= 18);
      // formulas are neutralised; a plain number such as -2 stays a number (src/lib/spreadsheet.js)
      for (const cell of cells.map((c) => c.replace(/^"/, ""))) assert.ok(!/^[=+\-@]/.test(cell) || /^-?\d+$/.test(cell), cell);
      assert.ok(cells.includes("'=1+1") && cells.includes("'+cmd") && cells.includes("-2"), cells.join(" | "));
    } finally {
      await db.close();
    }
  });
});
