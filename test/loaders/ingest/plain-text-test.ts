import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {plainText} from "../../../loaders/ingest/plain-text.ts";
import {loadDelimited} from "../../../loaders/ingest/delimited.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();
let db: Db;
before(async () => (db = await openDb({tempDirectory: join(dir, "duckdb")})));
after(() => db.close());

/** Windows-1252 bytes 0x80–0x9F as Unicode (WHATWG), written independently of the module's table. */
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

describe("plainText(input, output, options)", () => {
  it("copies Windows-1252 to UTF-8, every byte 0x80–0xFF as Windows-1252 reads it", async () => {
    const bytes = Buffer.concat([Buffer.from("id;text\r\n1;", "latin1"), Buffer.from(Array.from({length: 128}, (_, i) => 0x80 + i).filter((b) => b !== 0x22)), Buffer.from("\r\n2;b\r\n", "latin1")]);
    const file = join(dir, "high.csv");
    writeFileSync(file, bytes);
    const plain = await plainText(file, join(dir, "high.out.csv"), {encoding: "windows-1252"});
    assert.ok(plain);
    assert.equal(plain.delimiter, ";");
    assert.deepEqual(plain.header, ["id", "text"]);
    const latin = Array.from({length: 0x60}, (_, i) => String.fromCharCode(0xa0 + i)).join("");
    assert.equal(readFileSync(plain.path, "utf8"), `id;text\r\n1;${HIGH}${latin}\r\n2;b\r\n`);
  });

  it("leaves to the first pass quotes, blank lines, lone CRs, a BOM, invalid UTF-8 and one-column files", async () => {
    const cases: Record<string, string | Buffer> = {
      quote: 'a,b\n1,"x"\n',
      blank: "a,b\n1,2\n\n3,4\n",
      blankCrlf: "a,b\r\n1,2\r\n\r\n3,4\r\n",
      firstBlank: "\na,b\n1,2\n",
      loneCr: "a,b\n1,x\ry\n",
      mixedEnds: "a,b\r\n1,2\n",
      bom: "\uFEFFa,b\n1,2\n",
      invalid: Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]),
      oneColumn: "a\n1\n"
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, content);
      assert.equal(await plainText(file, join(dir, `${name}.out.csv`), {encoding: "utf-8"}), undefined, name);
    }
    const ok = join(dir, "ok.csv");
    writeFileSync(ok, "a,b\n1,2\n3,4");
    assert.ok(await plainText(ok, join(dir, "ok.out.csv"), {encoding: "utf-8"}));
  });
});

describe("plainText over files larger than its buffer", () => {
  it("copies a Windows-1252 file of many chunks byte for byte as a whole-file decoding does", async () => {
    const line = (i: number) => Buffer.concat([Buffer.from(`${i};Zoë `, "latin1"), Buffer.from([0x80, 0x92, 0x9c, 0xe9]), Buffer.from(` ${"x".repeat(i % 97)}\r\n`, "latin1")]);
    const bytes = Buffer.concat([Buffer.from("id;nom\r\n", "latin1"), ...Array.from({length: 400_000}, (_, i) => line(i))]);
    assert.ok(bytes.length > 20 << 20, "the file spans several chunks");
    const file = join(dir, "many-chunks.csv");
    writeFileSync(file, bytes);
    const plain = await plainText(file, join(dir, "many-chunks.out.csv"), {encoding: "windows-1252"});
    assert.ok(plain);
    assert.deepEqual(plain.header, ["id", "nom"]);
    const expected = new TextDecoder("windows-1252").decode(bytes, {stream: true});
    assert.ok(expected.includes("Zoë €’œé"));
    assert.equal(readFileSync(plain.path, "utf8"), expected);
  });

  it("reads a line longer than its buffer, and the rows after it", async () => {
    const file = join(dir, "long-line.csv");
    writeFileSync(file, `id,text\n1,${"y".repeat(9 << 20)}\n2,z\n`);
    const plain = await plainText(file, join(dir, "long-line.out.csv"), {encoding: "utf-8"});
    assert.deepEqual(plain?.header, ["id", "text"]);
    const load = await loadDelimited(db, file, "long_line", {tempDir: dir});
    assert.equal(load.plain, false, "DuckDB refuses the line, so the first pass reads the file");
    assert.equal(load.read, 2);
    assert.equal(load.loaded, 2);
    assert.deepEqual(await db.all(`SELECT id, length(text) AS n, __line FROM long_line ORDER BY id`), [
      {id: "1", n: 9 << 20, __line: 2},
      {id: "2", n: 1, __line: 3}
    ]);
  });
});

describe("loadDelimited on plain files", () => {
  it("numbers rows from their position, as the first pass numbers lines", async () => {
    const file = join(dir, "plain.csv");
    writeFileSync(file, `id,name\n${Array.from({length: 300_000}, (_, i) => `${i + 1},n${i}`).join("\n")}\n`);
    const load = await loadDelimited(db, file, "plain", {tempDir: dir});
    assert.equal(load.plain, true);
    assert.equal(load.loaded, 300_000);
    const wrong = await db.one<{n: number}>(`SELECT count(*) AS n FROM plain WHERE __line <> CAST(id AS BIGINT) + 1 OR name <> 'n' || (CAST(id AS BIGINT) - 1)`);
    assert.equal(wrong!.n, 0);
  });

  it("takes the first pass when DuckDB rejects a row, with its line", async () => {
    const file = join(dir, "ragged.csv");
    writeFileSync(file, "id,name\n1,a\n2,b,extra\n3,c\n");
    const load = await loadDelimited(db, file, "ragged", {tempDir: dir});
    assert.equal(load.plain, false);
    assert.equal(load.loaded, 2);
    assert.deepEqual(load.rejected.map((r) => r.line), [3]);
    assert.deepEqual((await db.all<{__line: number}>(`SELECT __line FROM ragged ORDER BY __line`)).map((r) => r.__line), [2, 4]);
  });
});
