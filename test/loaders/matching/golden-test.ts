import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {buildGolden} from "../../../loaders/matching/golden.ts";

interface Rec {
  rid: number;
  cluster: number;
  source: string;
  recency: string | null;
  email?: string;
  city?: string;
  address1?: string;
  address2?: string;
}

// Each cluster tests one survivorship rule; the comments say which record must win.
const RECORDS: Rec[] = [
  // 1: the most recent record's value; on the same day, the first record's
  {rid: 1, cluster: 1, source: "crm", recency: "2024-01-01", email: "a@x.fr"},
  {rid: 2, cluster: 1, source: "eshop", recency: "2025-01-01", email: "b@x.fr"},
  {rid: 3, cluster: 1, source: "crm", recency: "2025-01-01", email: "c@x.fr"},
  // 2: on the same day, the value most frequent in the cluster, from its first record
  {rid: 4, cluster: 2, source: "crm", recency: "2025-03-01", city: "Lyon"},
  {rid: 5, cluster: 2, source: "crm", recency: "2025-03-01", city: "Paris"},
  {rid: 6, cluster: 2, source: "eshop", recency: "2025-03-01", city: "Paris"},
  // 3: recency before frequency
  {rid: 7, cluster: 3, source: "crm", recency: "2025-06-01", city: "Nice"},
  {rid: 8, cluster: 3, source: "crm", recency: "2024-06-01", city: "Nantes"},
  {rid: 9, cluster: 3, source: "crm", recency: "2024-06-01", city: "Nantes"},
  // 4: an invalid value is never chosen (email "bad" has no normalised key); a record without a date is the oldest
  {rid: 10, cluster: 4, source: "crm", recency: "2025-01-01", email: "bad"},
  {rid: 11, cluster: 4, source: "eshop", recency: null, email: "d@x.fr"},
  // 5: a missing address line is not a value, though the record's address is valid
  {rid: 12, cluster: 5, source: "crm", recency: "2025-01-01", address2: "Appt 12"},
  {rid: 13, cluster: 5, source: "eshop", recency: "2020-01-01", address1: "1 rue Nationale"},
  // 6: a record alone
  {rid: 14, cluster: 6, source: "loyalty", recency: "2023-01-01", email: "e@x.fr", address2: "Bât. B"},
  // 7: two records of the same day: the first record's value; a field neither has stays empty
  {rid: 16, cluster: 7, source: "eshop", recency: "2025-02-01", email: "g@x.fr"},
  {rid: 15, cluster: 7, source: "loyalty", recency: "2025-02-01", email: "f@x.fr"},
  // 8: two records with the same value: it comes from the more recent; neither dated: the first record's
  {rid: 17, cluster: 8, source: "crm", recency: "2021-01-01", email: "h@x.fr", city: "Brest"},
  {rid: 18, cluster: 8, source: "crm", recency: "2022-01-01", email: "h@x.fr", city: "Rennes"},
  {rid: 19, cluster: 9, source: "eshop", recency: null, city: "Metz"},
  {rid: 20, cluster: 9, source: "crm", recency: null, city: "Laval"}
];

describe("buildGolden(db, records, clusters, out)", () => {
  let db: Db;
  let golden: Map<number, Record<string, unknown>>;
  before(async () => {
    db = await openDb({threads: 2});
    const text = (v: string | undefined | null) => (v === undefined || v === null ? "NULL" : `'${v}'`);
    await db.exec(`CREATE TABLE recs AS SELECT * FROM (VALUES ${RECORDS.map(
      (r) => `(${r.rid}, ${text(r.source)}, 'R${r.rid}', ${r.recency ? `DATE '${r.recency}'` : "NULL::DATE"}, ${text(r.email)}, ${text(r.city)}, ${text(r.address1)}, ${text(r.address2)})`
    ).join(", ")}) AS t(rid, source, record_id, recency, email, city, address1, address2)`);
    await db.exec(`CREATE TABLE records AS SELECT rid::INTEGER AS rid, source, record_id, recency,
        NULL::VARCHAR AS civility, NULL::VARCHAR AS first_raw, NULL::VARCHAR AS first_name_n, NULL::VARCHAR AS last_raw, NULL::VARCHAR AS last_name_n,
        CASE WHEN contains(email, '@') THEN email END AS email_n, []::VARCHAR[] AS phones,
        address1, address2, CASE WHEN address1 IS NOT NULL OR address2 IS NOT NULL THEN lower(concat_ws(' ', address1, address2)) END AS address_n,
        NULL::VARCHAR AS postcode, NULL::VARCHAR AS postcode_n, city, lower(city) AS city_n, NULL::VARCHAR AS country, NULL::DATE AS birth_date_n
      FROM recs`);
    await db.exec(`CREATE TABLE clusters AS SELECT * FROM (VALUES ${RECORDS.map((r) => `(${r.rid}, ${r.cluster})`).join(", ")}) AS t(rid, cluster_id)`);
    await buildGolden(db, "records", "clusters", "golden");
    golden = new Map((await db.all<Record<string, unknown>>("SELECT * FROM golden")).map((row) => [Number(row.cluster_id), row]));
  });
  after(async () => db.close());

  const pick = (cluster: number, field: string) => {
    const row = golden.get(cluster)!;
    return {value: row[field], source: row[`${field}_source`], record: row[`${field}_record_id`]};
  };

  it("has one row per cluster, with its records, sources and last date", () => {
    assert.equal(golden.size, 9);
    assert.deepEqual(
      [...golden.values()].map((r) => [r.cluster_id, r.records, r.sources, r.last_seen]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [1, 3, "crm|eshop", "2025-01-01"],
        [2, 3, "crm|eshop", "2025-03-01"],
        [3, 3, "crm", "2025-06-01"],
        [4, 2, "crm|eshop", "2025-01-01"],
        [5, 2, "crm|eshop", "2025-01-01"],
        [6, 1, "loyalty", "2023-01-01"],
        [7, 2, "eshop|loyalty", "2025-02-01"],
        [8, 2, "crm", "2022-01-01"],
        [9, 2, "crm|eshop", null]
      ]
    );
  });

  it("takes the most recent record's value, then on the same day the first record's", () => {
    assert.deepEqual(pick(1, "email"), {value: "b@x.fr", source: "eshop", record: "R2"});
  });

  it("on the same day, takes the value most frequent in the cluster, from the first record holding it", () => {
    assert.deepEqual(pick(2, "city"), {value: "Paris", source: "crm", record: "R5"});
  });

  it("puts recency before frequency", () => {
    assert.deepEqual(pick(3, "city"), {value: "Nice", source: "crm", record: "R7"});
  });

  it("never takes an invalid value, even from the most recent record", () => {
    assert.deepEqual(pick(4, "email"), {value: "d@x.fr", source: "eshop", record: "R11"});
  });

  it("takes each address line from a record that has it", () => {
    assert.deepEqual(pick(5, "address1"), {value: "1 rue Nationale", source: "eshop", record: "R13"});
    assert.deepEqual(pick(5, "address2"), {value: "Appt 12", source: "crm", record: "R12"});
  });

  it("in a cluster of two, takes the more recent record's value, else the first record's", () => {
    assert.deepEqual(pick(7, "email"), {value: "f@x.fr", source: "loyalty", record: "R15"});
    assert.deepEqual(pick(7, "city"), {value: null, source: null, record: null});
    assert.deepEqual(pick(8, "email"), {value: "h@x.fr", source: "crm", record: "R18"});
    assert.deepEqual(pick(8, "city"), {value: "Rennes", source: "crm", record: "R18"});
    assert.deepEqual(pick(9, "city"), {value: "Metz", source: "eshop", record: "R19"});
  });

  it("gives a record alone its own valid values, and no source for a value it lacks", () => {
    assert.deepEqual(pick(6, "email"), {value: "e@x.fr", source: "loyalty", record: "R14"});
    assert.deepEqual(pick(6, "address2"), {value: "Bât. B", source: "loyalty", record: "R14"});
    assert.deepEqual(pick(6, "address1"), {value: null, source: null, record: null});
    assert.deepEqual(pick(6, "city"), {value: null, source: null, record: null});
  });
});
