import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {literal} from "../../../loaders/db/sql.ts";
import {generateSample, type SampleSummary} from "../../../loaders/sample/generate.ts";
import {decodeWindows1252, loadSample, referenceLabels} from "./reference-rules.ts";

/** Rule ids of kpis.md (a contract). */
const RULES = [
  "email.syntax", "email.domain_typo", "email.disposable", "email.role", "phone.invalid", "phone.placeholder", "phone.not_mobile",
  "postcode.invalid", "postcode.city_mismatch", "name.placeholder", "civility.invalid", "civility.first_name_mismatch",
  "birth_date.implausible", "date.unparseable", "country.unknown", "record.stale", "record.future_date", "consent.unknown",
  "duplicate.exact", "duplicate.fuzzy"
];
const FILES = ["crm_clients.csv", "eshop_customers.csv", "loyalty_members.parquet", "orders.csv", "truth/entities.csv", "truth/defects.csv"];

const scratch = fileURLToPath(new URL("../../../tmp/sample/", import.meta.url));
mkdirSync(scratch, {recursive: true});
const root = mkdtempSync(join(scratch, "test-"));
after(() => rmSync(root, {recursive: true, force: true}));

const digest = (path: string) => createHash("sha256").update(new Uint8Array(readFileSync(path))).digest("hex");
const csvLines = (path: string) => readFileSync(path, "utf8").trimEnd().split("\n");

describe("generateSample({customers, seed, out}) determinism", () => {
  it("writes the same bytes for the same seed, other bytes for another seed", async () => {
    const a = join(root, "a");
    const b = join(root, "b");
    const c = join(root, "c");
    await generateSample({customers: 500, seed: 1, out: a});
    await generateSample({customers: 500, seed: 1, out: b});
    await generateSample({customers: 500, seed: 2, out: c});
    for (const file of FILES) {
      assert.ok(statSync(join(a, file)).size > 100, file);
      assert.equal(digest(join(a, file)), digest(join(b, file)), `${file} differs between two runs with the same seed`);
      assert.notEqual(digest(join(a, file)), digest(join(c, file)), `${file} is the same for seeds 1 and 2`);
    }
    assert.deepEqual(readdirSync(a).sort(), ["crm_clients.csv", "eshop_customers.csv", "loyalty_members.parquet", "orders.csv", "truth"]);
  });

  it("rejects options it cannot honour", async () => {
    await assert.rejects(generateSample({customers: 0, seed: 1, out: join(root, "x")}), /invalid customers/);
    await assert.rejects(generateSample({customers: 10, seed: 1, out: join(root, "x"), asOf: "01/01/2026"}), /invalid asOf/);
  });
});

describe("generateSample({part}) for data sets written in parts", () => {
  it("gives two parts no record id, order id, entity, email or phone in common", async () => {
    const parts = [join(root, "part-1"), join(root, "part-2")];
    await generateSample({customers: 800, seed: 7, out: parts[0]!, ordersPerCustomer: 4, part: {number: 1, first: 0}});
    await generateSample({customers: 800, seed: 7, out: parts[1]!, ordersPerCustomer: 4, part: {number: 2, first: 800}});
    const db = await openDb();
    try {
      const glob = (file: string) => literal(join(root, "part-*", file));
      const csv = (file: string) => `read_csv(${glob(file)}, all_varchar = true, filename = true)`;
      const shared = async (key: string, file: string, where = "true") =>
        (await db.one<{n: number}>(`SELECT count(*) AS n FROM (SELECT ${key} AS k FROM ${csv(file)} WHERE ${where} GROUP BY k HAVING count(DISTINCT filename) > 1)`))!.n;
      assert.equal(await shared("record_id", "truth/entities.csv"), 0, "record ids shared");
      assert.equal(await shared("entity_id", "truth/entities.csv"), 0, "entities shared");
      assert.equal(await shared("order_id", "orders.csv"), 0, "order ids shared");
      assert.equal(await shared("lower(email)", "eshop_customers.csv", "email <> ''"), 0, "emails shared");
      assert.equal(await shared("regexp_replace(phone, '\\D', '', 'g')[-8:]", "eshop_customers.csv", "length(phone) > 8 AND regexp_replace(phone, '\\D', '', 'g')[-8:] <> '00000000'"), 0, "phones shared"); // the placeholder 06 00 00 00 00 aside
      const rows = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${csv("truth/entities.csv")}`))!.n;
      assert.ok(rows > 1600, `${rows} records for 1,600 people`);
    } finally {
      await db.close();
    }
    await assert.rejects(generateSample({customers: 10, seed: 1, out: join(root, "x"), part: {number: 0, first: 0}}), /invalid part/);
  });
});

describe("generateSample output (2,000 customers)", () => {
  const out = join(root, "s");
  let summary: SampleSummary;
  let db: Db;
  before(async () => {
    summary = await generateSample({customers: 2000, seed: 42, out});
    db = await openDb({threads: 2, tempDirectory: join(root, "duckdb")});
    await loadSample(db, out, join(root, "scratch"));
  });
  after(async () => db?.close());

  it("encodes the CRM export in Windows-1252 with ; and CRLF, the e-shop export in UTF-8 without BOM with LF", () => {
    const crm = readFileSync(join(out, "crm_clients.csv"));
    assert.throws(() => new TextDecoder("utf-8", {fatal: true}).decode(crm), "the CRM file must not be valid UTF-8");
    const text = decodeWindows1252(new Uint8Array(crm));
    assert.ok(text.startsWith("Code client;Civilité;Prénom;Nom;E-mail;Tél fixe;Tél portable;"));
    assert.ok(crm.includes(Buffer.from([0xe9])), "é as the single byte 0xE9");
    assert.ok(crm.includes(Buffer.from([0x9c])) || crm.includes(Buffer.from([0x92])), "œ or ’ as Windows-1252 bytes (0x9C, 0x92)");
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) assert.ok(!crm.includes(Buffer.from([undefinedByte])));
    assert.equal(text.split("\r\n").length - 1, summary.files["crm_clients.csv"]! + 1);
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");

    const eshop = readFileSync(join(out, "eshop_customers.csv"));
    const utf8 = new TextDecoder("utf-8", {fatal: true}).decode(eshop);
    assert.notEqual(eshop[0], 0xef, "no BOM");
    assert.ok(!utf8.includes("\r"));
    assert.ok(/[éèàçô]/.test(utf8), "accents as UTF-8");
    assert.ok(utf8.startsWith("customer_id,email,first_name,last_name,phone,address_line1,address_line2,zip_code,city,country_code,"));
  });

  it("labels at least one defect of every rule of kpis.md", () => {
    for (const rule of RULES) assert.ok((summary.defects[rule] ?? 0) > 0, `no ${rule}`);
    assert.deepEqual(Object.keys(summary.defects).sort(), [...RULES].sort());
  });

  it("has ground truth consistent with the data, read back with DuckDB", async () => {
    const count = async (sql: string) => Number((await db.one<{n: number}>(sql))!.n);
    const records = {
      crm: await count("SELECT count(*) AS n FROM customers_crm"),
      eshop: await count("SELECT count(*) AS n FROM customers_eshop"),
      loyalty: await count("SELECT count(*) AS n FROM customers_loyalty")
    };
    assert.deepEqual(records, summary.records);
    const entities = `read_csv(${literal(join(out, "truth", "entities.csv"))}, all_varchar = true)`;
    const defects = `read_csv(${literal(join(out, "truth", "defects.csv"))}, all_varchar = true)`;
    assert.equal(await count(`SELECT count(*) AS n FROM ${entities}`), records.crm + records.eshop + records.loyalty);
    const all = "(SELECT source, record_id FROM customers_crm UNION ALL SELECT source, record_id FROM customers_eshop UNION ALL SELECT source, record_id FROM customers_loyalty)";
    assert.equal(await count(`SELECT count(*) AS n FROM ${all} FULL JOIN ${entities} AS e USING (source, record_id) WHERE e.entity_id IS NULL OR source IS NULL`), 0);
    assert.equal(await count(`SELECT count(*) AS n FROM (SELECT record_id FROM ${all} GROUP BY ALL HAVING count(*) > 1)`), 0, "record ids are unique");
    assert.equal(await count(`SELECT count(DISTINCT entity_id) AS n FROM ${entities}`), 2000);
    assert.equal(await count(`SELECT count(*) AS n FROM ${defects} AS d ANTI JOIN ${entities} AS e USING (source, record_id)`), 0);
    assert.equal(await count(`SELECT count(*) AS n FROM ${defects}`), summary.files["truth/defects.csv"]);
    assert.equal(await count(`SELECT count(*) AS n FROM (SELECT DISTINCT * FROM ${defects})`), summary.files["truth/defects.csv"], "no label twice");
    assert.equal(await count(`SELECT count(*) AS n FROM ${defects} WHERE field NOT IN ('record', 'civility', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'postcode', 'country', 'birthDate', 'createdAt', 'updatedAt', 'optinEmail', 'optinSms')`), 0);
    const sumDefects = Object.values(summary.defects).reduce((a, b) => a + b, 0);
    assert.equal(sumDefects, summary.files["truth/defects.csv"]);
  });

  it("writes orders over the two years before asOf that refer to existing records", async () => {
    const orders = `read_csv(${literal(join(out, "orders.csv"))}, all_varchar = true)`;
    const entities = `read_csv(${literal(join(out, "truth", "entities.csv"))}, all_varchar = true)`;
    const row = (await db.one<Record<string, number>>(`SELECT count(*) AS lines,
        count(*) FILTER (WHERE customer_ref IS NULL) AS anonymous,
        count(*) FILTER (WHERE CAST(quantity AS INTEGER) < 0) AS returns,
        count(*) FILTER (WHERE CAST(unit_price AS DECIMAL(10, 2)) = 0) AS free,
        min(CAST(order_date AS DATE) >= DATE '2024-01-01' AND CAST(order_date AS DATE) < DATE '2026-01-01')::INTEGER AS in_window,
        count(DISTINCT order_id) AS orders
      FROM ${orders}`))!;
    assert.equal(row.lines, summary.files["orders.csv"]);
    assert.ok(row.anonymous! > 0 && row.returns! > 0 && row.free! > 0 && row.orders! < row.lines!);
    assert.equal(row.in_window, 1);
    const perCustomer = (row.lines! - row.anonymous!) / 2000;
    assert.ok(perCustomer > 5 && perCustomer < 7, `mean lines per customer ${perCustomer}`);
    assert.equal(await count(db, `SELECT count(*) AS n FROM ${orders} AS o ANTI JOIN ${entities} AS e ON o.customer_ref = e.record_id WHERE customer_ref IS NOT NULL`), 0);
  });

  it("labels exactly what an independent reading of kpis.md finds (precision and recall ≥ 0.98 per rule)", async () => {
    const reference = await referenceLabels(db, join(out, "truth", "entities.csv"), "2026-01-01");
    const truth = csvLines(join(out, "truth", "defects.csv")).slice(1);
    const key = (l: {source: string; record_id: string; field: string; rule: string}) => `${l.source},${l.record_id},${l.field},${l.rule}`;
    const expected = new Set(truth);
    const found = new Set(reference.map(key));
    for (const rule of RULES) {
      const mine = truth.filter((t) => t.endsWith(`,${rule}`));
      const theirs = [...found].filter((t) => t.endsWith(`,${rule}`));
      const agree = theirs.filter((t) => expected.has(t)).length;
      assert.ok(agree >= 0.98 * theirs.length, `${rule} precision ${agree}/${theirs.length}: ${theirs.filter((t) => !expected.has(t)).slice(0, 3)}`);
      assert.ok(agree >= 0.98 * mine.length, `${rule} recall ${agree}/${mine.length}: ${mine.filter((t) => !found.has(t)).slice(0, 3)}`);
    }
  });

  it("keeps the parquet export's columns as the loyalty app names them", async () => {
    const columns = await db.all<{column_name: string; column_type: string}>(`DESCRIBE SELECT * FROM read_parquet(${literal(join(out, "loyalty_members.parquet"))})`);
    assert.deepEqual(columns.map((c) => c.column_name), ["member_no", "title", "firstname", "surname", "email", "mobile", "postcode", "city", "country", "birthdate", "enrolled_on", "last_update", "optin_email", "optin_sms", "nps_score"]);
    assert.equal(columns.find((c) => c.column_name === "nps_score")!.column_type, "INTEGER");
    assert.ok(statSync(join(out, "loyalty_members.parquet")).size > 1000);
  });
});

async function count(db: Db, sql: string): Promise<number> {
  return Number((await db.one<{n: number}>(sql))!.n);
}
