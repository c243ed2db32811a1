import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {normaliseRecords} from "../../../loaders/matching/normalise.ts";

describe("normaliseRecords(db, input, options)", () => {
  let db: Db;
  let rows: Record<string, unknown>[];
  before(async () => {
    db = await openDb({threads: 1});
    await db.exec(`CREATE TABLE t AS SELECT * FROM (VALUES
      ('crm', '1', 'M. DUPONT Jean-Pierre', NULL, NULL, ' Jean.Pierre+promo@GoogleMail.com', '06 12 34 56 78', '12, r. St Honoré', 'Bât B', '7500', 'Paris Cedex 08', '12/03/1980'),
      ('crm', '2', NULL, 'Marie', 'Martin née de la Fontaine', 'marie+x@ex.fr', '+33 6 12 34 56 79', '3 bd de la Gare', NULL, '69001', 'Lyon', '1900-01-01'),
      ('web', '3', 'Rob Allen', NULL, NULL, 'not an email', '0033612345678', '6 tullaroop st', NULL, 'SW1A 1AA', 'St James', '19710624')
    ) AS v(source, record_id, full_name, first_name, last_name, email, phone, address1, address2, postcode, city, birth_date)`);
    await normaliseRecords(db, "t", {country: "FR", phonetic: "phonex"});
    rows = await db.all("SELECT * FROM match_records ORDER BY rid");
  });
  after(async () => db.close());

  it("keeps the raw values shown (trimmed, names as split from a full name) beside the keys", () => {
    assert.deepEqual([rows[0]!.first_raw, rows[0]!.last_raw], ["Jean-Pierre", "DUPONT"]);
    assert.equal(rows[0]!.email, "Jean.Pierre+promo@GoogleMail.com");
    assert.deepEqual([rows[0]!.address1, rows[0]!.address2, rows[0]!.postcode, rows[0]!.city], ["12, r. St Honoré", "Bât B", "7500", "Paris Cedex 08"]);
  });
  it("splits a full name by capitals, else first word first, and drops the civility", () => {
    assert.deepEqual([rows[0]!.first_name_n, rows[0]!.last_name_n], ["jeanpierre", "dupont"]);
    assert.deepEqual([rows[2]!.first_name_n, rows[2]!.last_name_n], ["rob", "allen"]);
  });
  it("splits née and drops particles", () => {
    assert.equal(rows[1]!.last_name_n, "martin");
    assert.deepEqual([...(rows[1]!.last_names as string[])].sort(), ["delafontaine", "martin"]);
  });
  it("keys emails: gmail dots and +tags dropped, other +tags dropped, invalid → NULL", () => {
    assert.equal(rows[0]!.email_key, "jeanpierre@gmail.com");
    assert.equal(rows[1]!.email_key, "marie@ex.fr");
    assert.equal(rows[2]!.email_n, null);
  });
  it("writes phones in E.164 whatever the national or international form", () => {
    assert.deepEqual(rows[0]!.phones, ["+33612345678"]);
    assert.deepEqual(rows[2]!.phones, rows[0]!.phones);
    assert.deepEqual(rows[1]!.phones, ["+33612345679"]);
  });
  it("expands address abbreviations and drops punctuation; canonical postcodes and cities", () => {
    assert.equal(rows[0]!.address_n, "12 rue saint honore batiment b");
    assert.equal(rows[1]!.address_n, "3 boulevard de la gare");
    assert.equal(rows[2]!.address_n, "6 tullaroop street");
    assert.equal(rows[0]!.postcode_n, "07500");
    assert.equal(rows[2]!.postcode_n, "SW1A1AA");
    assert.equal(rows[0]!.city_n, "paris");
    assert.equal(rows[2]!.city_n, "saint james");
  });
  it("parses birth dates and drops placeholder dates", () => {
    assert.equal(rows[0]!.birth_date_n, "1980-03-12");
    assert.equal(rows[1]!.birth_date_n, null);
    assert.equal(rows[2]!.birth_date_n, "1971-06-24");
  });
  it("gives nickname groups and phonetic keys", () => {
    assert.ok((rows[2]!.first_canons as string[]).includes("robert"));
    assert.ok(rows[0]!.last_phonetic);
  });
});
