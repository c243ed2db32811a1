import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {join} from "node:path";
import {randomLcg} from "d3";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {ident, literal} from "../../../loaders/db/sql.ts";
import {profileTable, type ColumnProfile} from "../../../loaders/profile/profile.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();
let db: Db;
before(async () => (db = await openDb({tempDirectory: join(dir, "duckdb")})));
after(() => db.close());

const ROWS = 20_000;
const PLACEHOLDER = "noreply@example.com";

/**
 * 20,000 customers: identifiers, e-mails (a placeholder on 1 % of rows),
 * phones, amounts (one "n/a" among them), dates, timestamps, cities, and
 * typed columns; blanks, white space and NULLs here and there.
 */
async function createCustomers() {
  const random = randomLcg(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const blank = () => (random() < 0.05 ? pick([null, "", "  ", "\u00a0"]) : undefined);
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const rows: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const email = i % 100 === 7 ? PLACEHOLDER : blank() ?? `${pick(["jean", "élodie", "Zoé", "o'brien"])}.${Math.floor(random() * 50_000)}@${pick(["mail.fr", "example.com"])}`;
    const phone = blank() ?? `0${1 + Math.floor(random() * 7)} ${pad(Math.floor(random() * 100), 2)} ${pad(Math.floor(random() * 100), 2)} ${pad(Math.floor(random() * 10_000), 4)}`;
    const amount = i === 12_345 ? "n/a" : blank() ?? (random() * 10_000).toFixed(2);
    const born = blank() ?? `${pad(1 + Math.floor(random() * 28), 2)}/${pad(1 + Math.floor(random() * 12), 2)}/${1940 + Math.floor(random() * 60)}`;
    const seen = blank() ?? `2024-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)} ${pad(Math.floor(random() * 24), 2)}:${pad(Math.floor(random() * 60), 2)}:${pad(Math.floor(random() * 60), 2)}`;
    const city = blank() ?? pick(["Paris", "Lyon", "Saint-Étienne", "Orléans", " Nice"]);
    const text = (v: string | null) => (v === null ? "NULL" : literal(v));
    rows.push(`(${literal(`C${pad(i, 6)}`)}, ${text(email)}, ${text(phone)}, ${text(amount)}, ${text(born)}, ${text(seen)}, ${text(city)}, ${random() < 0.1 ? "NULL" : i * 7}, ${(random() * 1000).toFixed(3)})`);
  }
  await db.exec(`CREATE OR REPLACE TABLE customers (id VARCHAR, email VARCHAR, phone VARCHAR, amount VARCHAR, born VARCHAR, seen VARCHAR, city VARCHAR, points INTEGER, score DOUBLE)`);
  for (let i = 0; i < rows.length; i += 5000) await db.exec(`INSERT INTO customers VALUES ${rows.slice(i, i + 5000).join(", ")}`);
}

/** The figures that stay exact on a large table. */
const exactPart = (p: ColumnProfile) => ({name: p.name, type: p.type, rows: p.rows, missing: p.missing, filled: p.filled, length: p.length, min: p.min, max: p.max, of: p.histogram.of});

describe("profileTable(db, table) on a table of more than exactRows rows", () => {
  let exact: ColumnProfile[];
  let large: ColumnProfile[];
  before(async () => {
    await createCustomers();
    exact = await profileTable(db, "customers");
    large = await profileTable(db, "customers", undefined, {exactRows: 1000, sampleRows: 2000});
  });

  it("keeps rows, missing, filled, lengths, min/max and the type exact", () => {
    assert.deepEqual(large.map(exactPart), exact.map(exactPart));
    // the one "n/a" makes the amounts text, whether or not the sample holds it
    assert.equal(large.find((p) => p.name === "amount")!.type, "VARCHAR");
    assert.deepEqual(Object.fromEntries(large.map((p) => [p.name, p.type])), {
      id: "VARCHAR", email: "VARCHAR", phone: "VARCHAR", amount: "VARCHAR", born: "DATE", seen: "TIMESTAMP", city: "VARCHAR", points: "INTEGER", score: "DOUBLE"
    });
  });

  it("flags the estimated figures of columns of many distinct values, with the sample's size", () => {
    const flagged = large.filter((p) => p.estimated).map((p) => p.name);
    assert.deepEqual(flagged, ["id", "email", "phone", "amount", "born", "seen", "points", "score"]);
    for (const p of large.filter((x) => x.estimated)) {
      assert.equal(p.estimated!.distinct, true);
      assert.equal(p.estimated!.patterns, true);
      assert.equal(p.estimated!.histogram, true);
      assert.equal(p.estimated!.topFromSample, true);
      assert.ok(p.estimated!.sampleRows > 1500 && p.estimated!.sampleRows < 2500, `sample of ${p.estimated!.sampleRows} rows`);
    }
    // a column of few values is grouped over every row: its whole profile is the exact one
    assert.deepEqual(large.find((p) => p.name === "city"), exact.find((p) => p.name === "city"));
  });

  it("estimates the distinct values within 5 %", () => {
    for (const p of large.filter((x) => x.estimated)) {
      const truth = exact.find((x) => x.name === p.name)!.distinct;
      assert.ok(Math.abs(p.distinct - truth) <= 0.05 * truth, `${p.name}: ${p.distinct} for ${truth} distinct values`);
    }
  });

  it("shows top values with their exact counts, the planted placeholder among them", async () => {
    for (const p of large.filter((x) => x.estimated)) {
      assert.ok(p.top.length > 0, p.name);
      const text = `CAST(${ident(p.name)} AS VARCHAR)`;
      for (const t of p.top) {
        const {n} = (await db.one<{n: number}>(`SELECT count(*) AS n FROM customers WHERE ${text} = ${literal(t.value)}`))!;
        assert.equal(t.count, n, `${p.name} = ${t.value}`);
      }
    }
    const email = large.find((p) => p.name === "email")!;
    assert.deepEqual(email.top[0], {value: PLACEHOLDER, count: ROWS / 100});
  });

  it("scales the sample's patterns and histogram to the table", () => {
    for (const p of large.filter((x) => x.estimated)) {
      const reference = exact.find((x) => x.name === p.name)!;
      assert.equal(p.histogram.bins.length, reference.histogram.bins.length, p.name);
      const total = p.histogram.bins.reduce((s, b) => s + b.count, 0);
      assert.ok(Math.abs(total - p.filled) <= p.histogram.bins.length, `${p.name}: histogram of ${total} for ${p.filled} filled`);
      // the most frequent shape, within 10 % of its count over every row
      const [shape] = reference.patterns;
      const found = p.patterns.find((x) => x.value === shape!.value);
      assert.ok(found && Math.abs(found.count - shape!.count) <= 0.1 * shape!.count, `${p.name}: ${JSON.stringify(found)} for ${JSON.stringify(shape)}`);
    }
  });

  it("is the same from run to run", async () => {
    assert.deepEqual(await profileTable(db, "customers", undefined, {exactRows: 1000, sampleRows: 2000}), large);
  });

  it("flags nothing at or under the threshold", async () => {
    const atThreshold = await profileTable(db, "customers", undefined, {exactRows: ROWS, sampleRows: 2000});
    assert.ok(atThreshold.every((p) => p.estimated === undefined));
    assert.deepEqual(atThreshold, exact);
  });
});
