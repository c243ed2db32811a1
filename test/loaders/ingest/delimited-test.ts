import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {loadDelimited} from "../../../loaders/ingest/delimited.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();
let db: Db;
before(async () => (db = await openDb({tempDirectory: join(dir, "duckdb")})));
after(() => db.close());

function windows1252(text: string): Buffer {
  // the Windows-1252 bytes of œ Œ ’ € (the rest of the text is Latin-1)
  const special: Record<string, number> = {"œ": 0x9c, "Œ": 0x8c, "’": 0x92, "€": 0x80};
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

describe("loadDelimited(db, file, table, options)", () => {
  it("reads a Windows-1252 semicolon file with accents intact", async () => {
    const file = join(dir, "crm.csv");
    writeFileSync(file, windows1252("Code client;Prénom;Nom;Ville\r\nC1;Zoé;Lœtitia;Besançon\r\nC2;Anaïs;D’Arc;Orléans\r\nC3;\"Jean;Luc\";Müller;Saint-Étienne\r\nC4;Œdipe;Prix 10€;Nîmes\r\n"));
    const load = await loadDelimited(db, file, "crm", {tempDir: dir});
    assert.equal(load.encoding, "windows-1252");
    assert.equal(load.delimiter, ";");
    assert.deepEqual(load.columns, ["Code client", "Prénom", "Nom", "Ville"]);
    assert.equal(load.loaded, 4);
    assert.equal(load.rejected.length, 0);
    const rows = await db.all<Record<string, string>>(`SELECT "Prénom" AS p, "Nom" AS n, "Ville" AS v FROM crm ORDER BY __line`);
    assert.deepEqual(rows.map((r) => [r.p, r.n, r.v]), [
      ["Zoé", "Lœtitia", "Besançon"],
      ["Anaïs", "D’Arc", "Orléans"],
      ["Jean;Luc", "Müller", "Saint-Étienne"],
      ["Œdipe", "Prix 10€", "Nîmes"]
    ]);
  });

  it("reads UTF-8 with a BOM: the first header is clean", async () => {
    const file = join(dir, "bom.csv");
    writeFileSync(file, "\uFEFFe-mail,prénom\njosé@exemple.fr,José\nzoë@exemple.fr,Zoë\n");
    const load = await loadDelimited(db, file, "bom", {tempDir: dir});
    assert.equal(load.encoding, "utf-8");
    assert.equal(load.bom, true);
    assert.deepEqual(load.columns, ["e-mail", "prénom"]);
    const rows = await db.all<{p: string}>(`SELECT "prénom" AS p FROM bom ORDER BY __line`);
    assert.deepEqual(rows.map((r) => r.p), ["José", "Zoë"]);
  });

  it("rejects ragged rows and stray quotes with their line and reason; loaded + rejected = rows", async () => {
    const file = join(dir, "bad.csv");
    const lines = [
      "id,name,city", // 1
      "1,Zoé,Paris", // 2
      '2,"Bob",Lyon', // 3
      "3,Ann,Nice,extra", // 4: too many fields
      "4,Jo", // 5: too few fields
      '5,"Unclosed,Brest', // 6: stray quote
      "6,Al,Metz", // 7
      '7,"multi', // 8: a quoted value over two lines…
      'line",Caen', // 9: …that closes here
      '8,Eve,Nan"tes', // 10: quote inside an unquoted value
      "", // 11: blank
      "9,Max,Pau" // 12
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const load = await loadDelimited(db, file, "bad", {tempDir: dir});
    assert.deepEqual(
      load.rejected.map((r) => [r.line, r.reason.split(":")[0]]),
      [
        [4, "too many fields"],
        [5, "too few fields"],
        [6, "a quoted value is never closed (stray quote)"],
        [10, "a quote inside an unquoted value (field 3)"]
      ]
    );
    assert.equal(load.rejected[0]!.reason, "too many fields: 4 where the header has 3");
    assert.equal(load.loaded, 5);
    assert.equal(load.blankLines, 1);
    // 10 data records: 9 physical data lines, one record over two lines, one blank line
    assert.equal(load.read, 9);
    assert.equal(load.loaded + load.rejected.length, load.read);
    const rows = await db.all<{__line: number; id: string; name: string}>(`SELECT __line, id, name FROM bad ORDER BY __line`);
    assert.deepEqual(rows.map((r) => [r.__line, r.id]), [[2, "1"], [3, "2"], [7, "6"], [8, "7"], [12, "9"]]);
    assert.equal(rows[3]!.name, "multi\nline");
  });

  it("detects tab and pipe separators", async () => {
    for (const [name, sep] of [["tab", "\t"], ["pipe", "|"]] as const) {
      const file = join(dir, `${name}.txt`);
      writeFileSync(file, ["a", "b", "c"].join(sep) + "\n" + ["1", "x,y", "3"].join(sep) + "\n");
      const load = await loadDelimited(db, file, name, {tempDir: dir});
      assert.equal(load.delimiter, sep);
      assert.deepEqual(load.columns, ["a", "b", "c"]);
      assert.equal(load.loaded, 1);
    }
  });

  it("fails with a clear message on a file without a header", async () => {
    const file = join(dir, "empty.csv");
    writeFileSync(file, "\n\n");
    await assert.rejects(loadDelimited(db, file, "empty", {tempDir: dir}), /empty: no header line/);
  });
});
