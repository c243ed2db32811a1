import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {randomLcg} from "d3";
import {openDb} from "../../../loaders/db/connection.ts";
import {assay} from "../../support/cli.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();

/** A CSV of n rows with gaps, white space, repeats and mixed types. */
function writeRandomCsv(path: string, n: number, seed: number) {
  const random = randomLcg(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const lines = ["id,email,city,amount,signup,note"];
  for (let i = 1; i <= n; i++) {
    lines.push(
      [
        i,
        random() < 0.1 ? "" : `user${Math.floor(random() * n * 0.8)}@example.${pick(["fr", "com"])}`,
        pick(["Paris", "Lyon", "", "  ", "Saint-Étienne", "Orléans"]),
        random() < 0.05 ? "" : (random() * 1000).toFixed(2),
        random() < 0.1 ? "" : `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        random() < 0.5 ? "" : `"${pick(["a, b", "quoted \"\"x\"\"", "plain"])}"`
      ].join(",")
    );
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

describe("assay profile <file> --json", () => {
  it("prints one JSON document whose figures agree with DuckDB run directly on the file", async () => {
    const file = join(dir, "unseen.csv");
    writeRandomCsv(file, 3000, 7);
    const run = assay(["profile", file, "--json", "--quiet"]);
    assert.equal(run.code, 0, run.stderr);
    const document = JSON.parse(run.stdout);
    assert.equal(document.sources.length, 1);
    const source = document.sources[0];
    const db = await openDb({tempDirectory: join(dir, "duckdb")});
    try {
      const direct = `read_csv('${file}', all_varchar = true)`;
      const {rows} = (await db.one<{rows: number}>(`SELECT count(*) AS rows FROM ${direct}`))!;
      assert.equal(source.rows, rows);
      assert.equal(source.rejected, 0);
      const names = (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${direct})`)).map((c) => c.column_name);
      assert.deepEqual(source.columns.map((c: {name: string}) => c.name), names);
      for (const column of source.columns) {
        const c = `"${column.name}"`;
        const expected = (await db.one<{missing: number; distinct: number}>(
          `SELECT count(*) FILTER (WHERE ${c} IS NULL OR trim(${c}) = '') AS missing, count(DISTINCT ${c}) AS distinct FROM ${direct}`
        ))!;
        assert.equal(column.missing, expected.missing, `missing of ${column.name}`);
        assert.equal(column.distinct, expected.distinct, `distinct of ${column.name}`);
        assert.ok(typeof column.type === "string" && column.type.length > 0);
      }
      const types = Object.fromEntries(source.columns.map((c: {name: string; type: string}) => [c.name, c.type]));
      assert.deepEqual(types, {id: "BIGINT", email: "VARCHAR", city: "VARCHAR", amount: "DOUBLE", signup: "DATE", note: "VARCHAR"});
    } finally {
      await db.close();
    }
  });

  it("flags the estimated figures of a file of more than --exact-rows rows, and only then", () => {
    const file = join(dir, "larger.csv");
    writeRandomCsv(file, 3000, 8);
    const exact = JSON.parse(assay(["profile", file, "--json", "--quiet"]).stdout).sources[0];
    assert.ok(exact.columns.every((c: {estimated?: unknown}) => c.estimated === undefined));
    const run = assay(["profile", file, "--json", "--quiet", "--exact-rows", "1000"]);
    assert.equal(run.code, 0, run.stderr);
    const source = JSON.parse(run.stdout).sources[0];
    const flagged = source.columns.filter((c: {estimated?: unknown}) => c.estimated).map((c: {name: string}) => c.name);
    assert.ok(flagged.includes("id") && flagged.includes("email"), `flagged: ${flagged}`);
    for (const [i, column] of source.columns.entries()) {
      const reference = exact.columns[i];
      for (const key of ["name", "type", "rows", "missing", "filled", "length", "min", "max"]) assert.deepEqual(column[key], reference[key], `${key} of ${column.name}`);
      if (column.estimated) assert.ok(column.estimated.distinct && column.estimated.sampleRows > 0, column.name);
      else assert.deepEqual(column, reference, column.name);
    }
  });

  it("reports rejected rows with their line, and the counts add up", () => {
    const file = join(dir, "ragged.csv");
    writeFileSync(file, "a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12\n");
    const run = assay(["profile", file, "--json", "--quiet"]);
    assert.equal(run.code, 0, run.stderr);
    const [source] = JSON.parse(run.stdout).sources;
    assert.deepEqual([source.read, source.rows, source.rejected], [4, 2, 2]);
    assert.deepEqual(source.rejects.map((r: {line: number}) => r.line), [3, 4]);
  });

  it("fails with a message naming the file when it cannot be read", () => {
    const run = assay(["profile", join(dir, "nothing.csv"), "--quiet"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /file not found: .*nothing\.csv/);
    assert.equal(run.stdout, "");
  });

  it("explains its usage", () => {
    const help = assay(["profile", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: assay profile/);
    const unknown = assay(["profile", "--nope"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--nope'/);
  });
});
