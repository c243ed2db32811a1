import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {join} from "node:path";
import {randomLcg} from "d3";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {ident, literal} from "../../../loaders/db/sql.ts";
import {profileTable} from "../../../loaders/profile/profile.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();
let db: Db;
before(async () => (db = await openDb({tempDirectory: join(dir, "duckdb")})));
after(() => db.close());

const LOWER = "abcdefghijklmnopqrstuvwxyzàâäáãåæçéèêëíìîïñóòôöõøœúùûüýÿß";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÁÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÚÙÛÜÝŸ";

/** Text that tries the shapes: letters in and out of the lists, combining marks, emoji, control characters, over 40 characters. */
const ODD = [
  "e\u0301cole 12",
  "👍🏽 Zoë",
  "ĀāŚś Øø Œœ Ÿ ß",
  "\u00e9\u0300x",
  "tab\there",
  "line\nbreak",
  "Xy9é".repeat(15),
  "ÆØÅ æøå 0123456789",
  "ǅ ǈ ﬁ Ⅻ ² ½ ٣",
  "  padded  ",
  "İstanbul ı",
  "ß".repeat(50)
];

/** The value shape as DuckDB's translate writes it, evaluated on every row. */
function referenceShape(text: string): string {
  return `translate(left(${text}, 40), ${literal(LOWER + UPPER + "0123456789")}, ${literal("a".repeat([...LOWER].length) + "A".repeat([...UPPER].length) + "9".repeat(10))})`;
}

describe("profileTable(db, table)", () => {
  it("gives the figures and value shapes of queries over every row", async () => {
    const random = randomLcg(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const rows: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const text = random() < 0.1 ? null : random() < 0.3 ? pick(ODD) : `${pick(["Jean", "ÉLODIE", "zoé", "O'Brien", "  ", ""])}${Math.floor(random() * 300)}`;
      const amount = random() < 0.1 ? "" : (random() * 1000).toFixed(random() < 0.5 ? 0 : 2);
      rows.push(`(${text === null ? "NULL" : literal(text)}, ${literal(amount)}, ${Math.floor(random() * 50)})`);
    }
    await db.exec(`CREATE OR REPLACE TABLE odd (label VARCHAR, amount VARCHAR, score INTEGER)`);
    await db.exec(`INSERT INTO odd VALUES ${rows.join(", ")}`);
    const profiles = await profileTable(db, "odd");
    assert.deepEqual(profiles.map((p) => [p.name, p.type]), [["label", "VARCHAR"], ["amount", "DOUBLE"], ["score", "INTEGER"]]);
    for (const p of profiles) {
      const c = ident(p.name);
      const text = `CAST(${c} AS VARCHAR)`;
      const present = `${c} IS NOT NULL AND trim(${text}) <> ''`;
      const expected = (await db.one<{rows: number; missing: number; distinct: number; lmin: number; lmax: number}>(
        `SELECT count(*) AS rows, count(*) FILTER (WHERE NOT (${present})) AS missing, count(DISTINCT ${c}) AS distinct,
         min(length(${text})) AS lmin, max(length(${text})) AS lmax FROM odd`
      ))!;
      assert.deepEqual([p.rows, p.missing, p.distinct, p.length.min, p.length.max], [expected.rows, expected.missing, expected.distinct, expected.lmin, expected.lmax], p.name);
      const top = await db.all(`SELECT ${text} AS value, count(*) AS count FROM odd WHERE ${present} GROUP BY 1 ORDER BY count DESC, value LIMIT 10`);
      assert.deepEqual(p.top, top, `top values of ${p.name}`);
      const patterns = await db.all(`SELECT ${referenceShape(text)} AS value, count(*) AS count FROM odd WHERE ${present} GROUP BY 1 ORDER BY count DESC, value LIMIT 10`);
      assert.deepEqual(p.patterns, patterns, `patterns of ${p.name}`);
    }
    // every odd text, one pattern each: the shapes of all of them, not only the most frequent
    await db.exec(`CREATE OR REPLACE TABLE shapes AS SELECT * FROM (VALUES ${ODD.map((t, i) => `(${literal(t)}, ${i})`).join(", ")}) AS t(label, n)`);
    await db.exec(`CREATE OR REPLACE TABLE shapes_rows AS SELECT label FROM shapes, range(100 - n)`);
    const [profile] = await profileTable(db, "shapes_rows", undefined, {top: ODD.length});
    const expected = await db.all(`SELECT ${referenceShape("label")} AS value, count(*) AS count FROM shapes_rows WHERE trim(label) <> '' GROUP BY 1 ORDER BY count DESC, value`);
    assert.deepEqual(profile!.patterns, expected);
  });

  it("types text by the narrowest type every present value passes, the one value that fails it last in the file", async () => {
    const n = 400;
    const last = (values: (i: number) => string, odd: string) => Array.from({length: n}, (_, i) => (i === n - 1 ? odd : values(i)));
    const date = (i: number) => `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const columns: Record<string, {values: string[]; type: string}> = {
      ints: {values: last((i) => (i % 7 === 0 ? " " : String(i + 1)), "-12"), type: "BIGINT"},
      intsThenText: {values: last((i) => String(i + 1), "n/a"), type: "VARCHAR"},
      code: {values: last((i) => String(i + 1), "007"), type: "VARCHAR"},
      decimals: {values: last((i) => `${i}.5`, "1e3"), type: "DOUBLE"},
      decimalsThenInf: {values: last((i) => `${i}.5`, "inf"), type: "VARCHAR"},
      flags: {values: last((i) => (i % 2 ? "true" : "FALSE"), ""), type: "BOOLEAN"},
      dates: {values: last(date, "20240229"), type: "DATE"},
      datesThenTime: {values: last(date, "2024-02-03 10:15"), type: "TIMESTAMP"},
      datesThenText: {values: last(date, "soon"), type: "VARCHAR"},
      names: {values: last((i) => `Name ${i}`, "42"), type: "VARCHAR"}
    };
    const names = Object.keys(columns);
    await db.exec(`CREATE OR REPLACE TABLE typed (${names.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
    await db.exec(`INSERT INTO typed VALUES ${Array.from({length: n}, (_, i) => `(${names.map((c) => literal(columns[c]!.values[i]!)).join(", ")})`).join(", ")}`);
    const profiles = await profileTable(db, "typed");
    assert.deepEqual(Object.fromEntries(profiles.map((p) => [p.name, p.type])), Object.fromEntries(names.map((c) => [c, columns[c]!.type])));
  });
});
