import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {memoryDb, customers} from "../rules/helpers.ts";
import type {Db} from "../../../loaders/db/connection.ts";
import {runRules} from "../../../loaders/rules/run.ts";
import {measureSource, qualitySettings, summariseKpis, gatesOf, type KpiDocument} from "../../../loaders/kpis/index.ts";

/** Five customers; what each channel should make of them is written beside each row. */
const ROWS: Record<string, string | null>[] = [
  // reachable by email, phone, SMS and post
  {civility: "M.", first_name: "Jean", last_name: "Dupont", email: "jean.dupont@gmail.com", phone: "01 42 68 53 00", mobile: "06 41 27 93 58",
    address1: "1 rue de la Paix", postcode: "75002", city: "Paris", optin_email: "oui", updated_at: "2025-01-10"},
  // no email; phone too short (invalid); a mobile in E.164: phone and SMS by mobile; post
  {civility: "Mme", first_name: "Marie", last_name: "Curie", email: "", phone: "01 23 45", mobile: "+33672841935",
    address1: "2 rue Cuvier", postcode: "75005", city: "PARIS", optin_email: "", updated_at: "2019-03-01"},
  // email with a domain typo; no post (postcode missing)
  {civility: "M.", first_name: "Paul", last_name: "Martin", email: "paul.martin@gmial.com", phone: null, mobile: "07 81 46 29 53",
    address1: "3 place Bellecour", postcode: null, city: "Lyon", optin_email: "non", updated_at: "2024-12-01"},
  // same email as record 1: a duplicate, still reachable by email (its opt-in is yes)
  {civility: "M.", first_name: "Jean", last_name: "Dupont", email: "jean.dupont@gmail.com", phone: null, mobile: null,
    address1: null, postcode: null, city: null, optin_email: "1", updated_at: "not a date"},
  // opt-in no: email not usable; mobile placeholder
  {civility: "Mme", first_name: "Anne", last_name: "Bernard", email: "anne.bernard@orange.fr", phone: null, mobile: "0600000000",
    address1: "5 rue Victor Hugo", postcode: "69002", city: "Lyon", optin_email: "NON", updated_at: "2025-06-01"}
];

const COLUMNS = ["civility", "first_name", "last_name", "email", "phone", "mobile", "address1", "postcode", "city", "optin_email", "updated_at"];
const ROLE: Record<string, string> = {first_name: "firstName", last_name: "lastName", optin_email: "optinEmail", updated_at: "updatedAt"};
const roleOf = (c: string) => ROLE[c] ?? c;
const filled = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== "";

async function audit(db: Db, clusters?: string): Promise<KpiDocument> {
  await customers(db, "customers_t", ROWS.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? null]))));
  const settings = qualitySettings({weights: {}, thresholds: {}, freshness: {months: 12}});
  const result = await runRules(db, {
    table: "customers_t", source: "t", asOf: "2025-06-30", clusters,
    afterRules: (ctx) => measureSource(ctx, {mapped: new Set(COLUMNS.map(roleOf))})
  });
  return summariseKpis(db, {asOf: "2025-06-30", sources: ["t"], settings, clusters, skipped: result.skipped});
}

describe("KPIs of a hand-made source", () => {
  it("counts fill and usable rates with numerator and denominator, for the source and all sources", async () => {
    const db = await memoryDb();
    try {
      const kpis = await audit(db);
      for (const column of COLUMNS) {
        const f = kpis.fields.find((x) => x.source === "t" && x.field === roleOf(column))!;
        const n = ROWS.filter((r) => filled(r[column])).length;
        assert.deepEqual([f.fill.numerator, f.fill.denominator], [n, ROWS.length], column);
        const all = kpis.fields.find((x) => x.source === null && x.field === roleOf(column))!;
        assert.deepEqual(all.fill, f.fill);
      }
      // a field the source has no column for is reported, not scored
      const birth = kpis.fields.find((x) => x.source === "t" && x.field === "birthDate")!;
      assert.equal(birth.mapped, false);
      // usable emails: filled and no validity finding (record 3 has a domain typo)
      assert.equal(kpis.fields.find((x) => x.source === "t" && x.field === "email")!.usable.numerator, 3);
      // the phone field: record 2's number is invalid, so 1 usable of 2 filled
      assert.equal(kpis.fields.find((x) => x.source === "t" && x.field === "phone")!.usable.numerator, 1);
    } finally {
      await db.close();
    }
  });

  it("scores each dimension as passed checks over applicable checks", async () => {
    const db = await memoryDb();
    try {
      const kpis = await audit(db);
      const card = kpis.scorecards.find((c) => c.source === "t")!;
      const dim = (d: string) => card.dimensions.find((x) => x.dimension === d)!;
      const cells = COLUMNS.length * ROWS.length;
      const filledCells = COLUMNS.reduce((a, c) => a + ROWS.filter((r) => filled(r[c])).length, 0);
      assert.deepEqual([dim("completeness").passed, dim("completeness").checks], [filledCells, cells]);
      const counts = await db.all<{rule: string; failed: number; applicable: number}>(`SELECT rule, failed, applicable FROM rule_counts`);
      const validity = counts.filter((c) => c.rule.startsWith("email.") || c.rule.startsWith("phone.") || c.rule.startsWith("postcode.invalid") || c.rule.startsWith("name.") || c.rule === "civility.invalid" || c.rule === "birth_date.implausible" || c.rule === "date.unparseable" || c.rule === "country.unknown").filter((c) => c.rule !== "email.role");
      const applicable = validity.reduce((a, c) => a + c.applicable, 0);
      const failed = validity.reduce((a, c) => a + c.failed, 0);
      assert.deepEqual([dim("validity").passed, dim("validity").checks], [applicable - failed, applicable]);
      assert.ok(failed >= 4, "typo, invalid phone, placeholder mobile, unparseable date");
      // uniqueness: records 1 and 4 share an email
      assert.deepEqual([dim("uniqueness").checks - dim("uniqueness").passed, dim("uniqueness").checks], [2, 5]);
      // overall: the weighted mean of the scores
      const w = card.dimensions.filter((d) => d.score !== null);
      const mean = w.reduce((a, d) => a + d.weight * d.score!, 0) / w.reduce((a, d) => a + d.weight, 0);
      assert.ok(Math.abs(card.overall.score! - mean) < 0.01);
      // consistency: the city is Capitalised in 3 of 4, PARIS in capitals once
      const city = kpis.consistency.find((c) => c.source === "t" && c.field === "city")!;
      assert.deepEqual([city.dominant, city.standard.numerator, city.standard.denominator], ["capitalised", 3, 4]);
      // freshness: 2019-03-01 is older than 12 months; "not a date" is undated
      const fresh = kpis.freshness.find((f) => f.source === "t")!;
      assert.deepEqual([fresh.older.numerator, fresh.older.denominator], [1, 4]);
      assert.equal(fresh.bands.find((b) => b.band === "undated")!.n, 1);
      // gates: the all-sources scores against the thresholds
      const gates = gatesOf(kpis);
      assert.ok(gates.every((g) => g.source === null && g.passed === g.value >= g.threshold));
    } finally {
      await db.close();
    }
  });

  it("counts contactability on records without clusters", async () => {
    const db = await memoryDb();
    try {
      const kpis = await audit(db);
      const c = kpis.contactability.find((x) => x.source === "t")!;
      assert.equal(kpis.identity, "records");
      assert.equal(c.customers, 5);
      assert.equal(c.email.numerator, 2); // 1 and 4; 3 has a typo, 5 said no
      assert.equal(c.phone.numerator, 3); // 1, 2 (mobile) and 3; 5 is a placeholder
      assert.equal(c.sms.numerator, 3);
      assert.equal(c.post.numerator, 3); // 1, 2 and 5
      assert.equal(c.any.numerator, 5); // every record by some channel
      assert.equal(c.overlaps.reduce((a, o) => a + o.n, 0), 5);
    } finally {
      await db.close();
    }
  });

  it("counts people through clusters, and duplicate.fuzzy fires", async () => {
    const db = await memoryDb();
    try {
      // records 1 and 4 are one person; 2 and 5 another (a test of the counting, not of matching)
      await db.exec(`CREATE TABLE clusters AS SELECT * FROM (VALUES ('t', '1', 1), ('t', '4', 1), ('t', '2', 2), ('t', '5', 2), ('t', '3', 3)) AS c(source, record_id, cluster_id)`);
      const kpis = await audit(db, "clusters");
      assert.equal(kpis.identity, "clusters");
      assert.deepEqual(kpis.skipped, []);
      const c = kpis.contactability.find((x) => x.source === null)!;
      assert.equal(c.customers, 3);
      assert.equal(c.email.numerator, 1); // person 1 only
      assert.equal(c.post.numerator, 2); // persons 1 and 2
      const fuzzy = kpis.rules.find((r) => r.rule === "duplicate.fuzzy" && r.source === "t")!;
      assert.equal(fuzzy.failed.numerator, 4);
    } finally {
      await db.close();
    }
  });
});
