/**
 * Per-rule precision and recall of the engine against the sample generator's
 * ground truth (truth/defects.csv). Reads data/sample when it has been
 * generated, else generates a small sample (seeded, a few seconds) into
 * tmp/rules/sample. Each file is read with DuckDB into the standard columns
 * by hand, so the test depends on nothing but the files.
 */
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {memoryDb} from "./helpers.ts";
import {runRules} from "../../../loaders/rules/run.ts";
import {literal} from "../../../loaders/db/sql.ts";
import {generateSample} from "../../../loaders/sample/generate.ts";

const SAMPLE = process.env.ASSAY_SAMPLE ?? (existsSync("data/sample/truth/defects.csv") ? "data/sample" : "tmp/rules/sample");
const AS_OF = "2026-01-01";
const TARGET = 0.98;

/** Standard column ← header of each source. */
const COLUMNS = {
  crm: {record_id: "Code client", civility: "Civilité", first_name: "Prénom", last_name: "Nom", email: "E-mail", phone: "Tél fixe",
    mobile: "Tél portable", address1: "Adresse", address2: "Complément adresse", postcode: "Code postal", city: "Ville", country: "Pays",
    birth_date: "Date de naissance", created_at: "Date de création", updated_at: "Date de modification", optin_email: "Optin email", optin_sms: "Optin SMS"},
  eshop: {record_id: "customer_id", email: "email", first_name: "first_name", last_name: "last_name", phone: "phone", address1: "address_line1",
    address2: "address_line2", postcode: "zip_code", city: "city", country: "country_code", birth_date: "date_of_birth", created_at: "created_at",
    updated_at: "updated_at", optin_email: "accepts_marketing", optin_sms: "accepts_sms"},
  loyalty: {record_id: "member_no", civility: "title", first_name: "firstname", last_name: "surname", email: "email", mobile: "mobile",
    postcode: "postcode", city: "city", country: "country", birth_date: "birthdate", created_at: "enrolled_on", updated_at: "last_update",
    optin_email: "optin_email", optin_sms: "optin_sms", nps: "nps_score"}
} as const;

/**
 * Windows-1252 → text. (Node 20's TextDecoder("windows-1252") reads the
 * bytes 0x80–0x9F as Latin-1 control characters, losing œ, ’ and €.)
 */
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}

async function sampleFolder(): Promise<string> {
  if (SAMPLE === "tmp/rules/sample" && !existsSync(join(SAMPLE, "truth/defects.csv"))) {
    await generateSample({customers: 20_000, seed: 42, out: SAMPLE, asOf: AS_OF});
  }
  return SAMPLE;
}

describe("rules against the sample's ground truth", () => {
  it(`reach precision and recall ≥ ${TARGET} on every rule`, async () => {
    const folder = await sampleFolder();
    const db = await memoryDb();
    try {
      // the CRM export is Windows-1252: decoded to UTF-8 first
      mkdirSync("tmp/rules", {recursive: true});
      const crm = "tmp/rules/crm-utf8.csv";
      writeFileSync(crm, decodeWindows1252(readFileSync(join(folder, "crm_clients.csv"))));
      const reads = {
        crm: `read_csv(${literal(crm)}, delim = ';', header = true, all_varchar = true)`,
        eshop: `read_csv(${literal(join(folder, "eshop_customers.csv"))}, delim = ',', header = true, all_varchar = true)`,
        loyalty: `read_parquet(${literal(join(folder, "loyalty_members.parquet"))})`
      };
      for (const [source, columns] of Object.entries(COLUMNS)) {
        const select = Object.entries(columns).map(([column, header]) => `CAST(${JSON.stringify(header)} AS VARCHAR) AS ${column}`);
        await db.exec(`CREATE TABLE customers_${source} AS
          SELECT ${literal(source)} AS source, row_number() OVER () AS row_number, ${select.join(", ")} FROM ${reads[source as keyof typeof reads]}`);
        await runRules(db, {table: `customers_${source}`, source, country: "FR", asOf: AS_OF, freshnessMonths: 12});
      }
      await db.exec(`CREATE TABLE truth AS SELECT * FROM read_csv(${literal(join(folder, "truth/defects.csv"))}, header = true, all_varchar = true)
        WHERE rule <> 'duplicate.fuzzy'`);
      const scores = await db.all<{rule: string; tp: number; fp: number; fn: number}>(`
        WITH found AS (SELECT DISTINCT source, record_id, field, rule FROM findings),
          joined AS (SELECT coalesce(f.rule, t.rule) AS rule, f.rule IS NOT NULL AS predicted, t.rule IS NOT NULL AS actual
            FROM found AS f FULL JOIN truth AS t USING (source, record_id, field, rule))
        SELECT rule, count(*) FILTER (WHERE predicted AND actual) AS tp, count(*) FILTER (WHERE predicted AND NOT actual) AS fp,
          count(*) FILTER (WHERE actual AND NOT predicted) AS fn
        FROM joined GROUP BY rule ORDER BY rule`);
      console.log(`sample: ${folder}`);
      console.log(`${"rule".padEnd(30)} ${"truth".padStart(6)} ${"found".padStart(6)} precision recall`);
      const failures: string[] = [];
      for (const {rule, tp, fp, fn} of scores) {
        const precision = tp + fp ? tp / (tp + fp) : 1;
        const recall = tp + fn ? tp / (tp + fn) : 1;
        console.log(`${rule.padEnd(30)} ${String(tp + fn).padStart(6)} ${String(tp + fp).padStart(6)} ${precision.toFixed(4).padStart(9)} ${recall.toFixed(4)}`);
        if (precision < TARGET || recall < TARGET) failures.push(`${rule}: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
      }
      assert.equal(scores.length, 19);
      assert.deepEqual(failures, []);
    } finally {
      await db.close();
    }
  });
});
