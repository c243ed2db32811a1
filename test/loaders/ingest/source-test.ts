import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {ingestSource} from "../../../loaders/ingest/source.ts";
import type {SourceConfig} from "../../../loaders/config/schema.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();
let db: Db;
before(async () => (db = await openDb({tempDirectory: join(dir, "duckdb")})));
after(() => db.close());

const options = {baseDir: dir, tempDir: dir};
const customers = (name: string, path: string, columns: Record<string, string> = {}) =>
  ({name, kind: "customers", path, columns}) as SourceConfig;

describe("ingestSource(db, source, options)", () => {
  it("loads every file of a glob into one source, with the data row of each record", async () => {
    writeFileSync(join(dir, "shop_1.csv"), "customer_id,email,first_name\nW1,a@x.fr,Ana\nW2,b@x.fr,Bo\n");
    writeFileSync(join(dir, "shop_2.csv"), "customer_id,email,first_name\nW3,c@x.fr,Cy\nW4,d@x.fr\nW5,e@x.fr,Ed\n");
    const load = await ingestSource(db, customers("shop", "shop_*.csv"), options);
    assert.equal(load.files.length, 2);
    assert.deepEqual([load.read, load.loaded, load.rejected], [5, 4, 1]);
    assert.deepEqual(load.roles, {id: "customer_id", email: "email", firstName: "first_name"});
    const rows = await db.all<{record_id: string; row_number: number; email: string}>(`SELECT record_id, row_number, email FROM customers_shop ORDER BY row_number`);
    assert.deepEqual(rows.map((r) => [r.record_id, r.row_number]), [["W1", 1], ["W2", 2], ["W3", 3], ["W5", 5]]);
    const rejects = await db.all<{file: string; line: number}>(`SELECT file, line FROM rejects WHERE source = 'shop'`);
    assert.deepEqual(rejects, [{file: "shop_2.csv", line: 3}]);
  });

  it("uses the row number as record id when the source has no id column", async () => {
    writeFileSync(join(dir, "noid.csv"), "nom;ville\nDupont;Paris\nMartin;Lyon\n");
    await ingestSource(db, customers("noid", "noid.csv"), options);
    const rows = await db.all<{record_id: string; last_name: string; city: string}>(`SELECT record_id, last_name, city FROM customers_noid ORDER BY row_number`);
    assert.deepEqual(rows, [{record_id: "1", last_name: "Dupont", city: "Paris"}, {record_id: "2", last_name: "Martin", city: "Lyon"}]);
  });

  it("reads .xlsx with dates as ISO text, Parquet and JSON", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Clients");
    sheet.addRow(["N° client", "Prénom", "Date de naissance", "Code postal"]);
    sheet.addRow(["X1", "Zoé", new Date(Date.UTC(1980, 4, 12)), "01000"]);
    sheet.addRow([]);
    sheet.addRow(["X2", "Noël", new Date(Date.UTC(1975, 11, 25)), 75011]);
    await workbook.xlsx.writeFile(join(dir, "clients.xlsx"));
    const xlsx = await ingestSource(db, customers("xl", "clients.xlsx", {id: "N° client"}), options);
    assert.deepEqual([xlsx.read, xlsx.loaded, xlsx.rejected], [2, 2, 0]);
    // sheet rows keep their number: the empty row 3 is skipped
    assert.deepEqual((await db.all<{__line: number}>(`SELECT __line FROM raw_xl ORDER BY __line`)).map((r) => r.__line), [2, 4]);
    const xl = await db.all(`SELECT record_id, first_name, birth_date, postcode FROM customers_xl ORDER BY row_number`);
    assert.deepEqual(xl, [
      {record_id: "X1", first_name: "Zoé", birth_date: "1980-05-12", postcode: "01000"},
      {record_id: "X2", first_name: "Noël", birth_date: "1975-12-25", postcode: "75011"}
    ]);

    await db.exec(`COPY (SELECT 'L' || i AS member_no, 'membre' || i || '@exemple.fr' AS email, i % 11 AS nps_score FROM range(1, 101) t(i)) TO '${join(dir, "loyalty.parquet")}' (FORMAT parquet)`);
    const parquet = await ingestSource(db, customers("loyalty", "loyalty.parquet"), options);
    assert.deepEqual([parquet.read, parquet.loaded, parquet.rejected], [100, 100, 0]);
    assert.deepEqual(await db.one(`SELECT record_id, email, nps FROM customers_loyalty WHERE row_number = 12`), {record_id: "L12", email: "membre12@exemple.fr", nps: "1"});

    writeFileSync(join(dir, "app.json"), JSON.stringify([{id: "A1", email: "x@y.fr"}, {id: "A2", email: "<script>alert(1)</script>"}]));
    const json = await ingestSource(db, customers("app", "app.json"), options);
    assert.equal(json.loaded, 2);
    assert.equal((await db.one<{email: string}>(`SELECT email FROM customers_app WHERE record_id = 'A2'`))!.email, "<script>alert(1)</script>");
  });

  it("loads a source again in the same database whether its rows are the file itself or a copy of several files", async () => {
    writeFileSync(join(dir, "again_1.csv"), "id,email\nR1,a@x.fr\nR2,b@x.fr\n");
    writeFileSync(join(dir, "again_2.csv"), "id,email\nR3,c@x.fr\n");
    await db.exec(`COPY (SELECT 'P' || i AS id, i AS n FROM range(1, 4) t(i)) TO '${join(dir, "again_3.parquet")}' (FORMAT parquet)`);
    const rows = async () => (await db.all<{__file: string; __row: number; __line: number; id: string}>(`SELECT __file, __row, __line, id FROM raw_again ORDER BY __row`)).map((r) => [r.__file, r.__row, r.__line, r.id]);
    for (const [path, expected] of [
      ["again_1.csv", [["again_1.csv", 1, 2, "R1"], ["again_1.csv", 2, 3, "R2"]]],
      ["again_*.csv", [["again_1.csv", 1, 2, "R1"], ["again_1.csv", 2, 3, "R2"], ["again_2.csv", 3, 2, "R3"]]],
      ["again_3.parquet", [["again_3.parquet", 1, 1, "P1"], ["again_3.parquet", 2, 2, "P2"], ["again_3.parquet", 3, 3, "P3"]]],
      ["again_1.csv", [["again_1.csv", 1, 2, "R1"], ["again_1.csv", 2, 3, "R2"]]]
    ] as const) {
      const load = await ingestSource(db, customers("again", path), options);
      assert.deepEqual(await rows(), expected, path);
      assert.deepEqual(await db.all(`SELECT record_id, row_number FROM customers_again ORDER BY row_number`), expected.map((r) => ({record_id: r[3], row_number: r[1]})));
      assert.equal(load.loaded, expected.length);
    }
  });

  it("says what is wrong and where: missing file, mapped column absent, wrong content, empty file", async () => {
    await assert.rejects(ingestSource(db, customers("nofile", "absent.csv"), options), /source "nofile".*file not found: .*absent\.csv/);
    writeFileSync(join(dir, "cols.csv"), "id,mail\n1,a@b.fr\n");
    await assert.rejects(ingestSource(db, customers("cols", "cols.csv", {email: "E-mail"}), options), (error: Error) => {
      assert.match(error.message, /source "cols", columns\.email: column "E-mail" mapped to email is not in the file; its columns are: "id", "mail"/);
      return true;
    });
    writeFileSync(join(dir, "fake.xlsx"), "id,email\n1,a@b.fr\n");
    await assert.rejects(ingestSource(db, customers("fake", "fake.xlsx"), options), /fake\.xlsx: the file is named \.xlsx but its content is text/);
    writeFileSync(join(dir, "zero.csv"), "");
    await assert.rejects(ingestSource(db, customers("zero", "zero.csv"), options), /zero\.csv: the file is empty/);
    writeFileSync(join(dir, "header.csv"), "id;email;nom\r\n");
    await assert.rejects(ingestSource(db, customers("header", "header.csv"), options), /source "header", header\.csv: the file has a header but no data row/);
  });
});
