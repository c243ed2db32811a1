/**
 * Rule catalogue benchmark: every rule over N generated customer records.
 *
 *   node --import tsx bench/rules-bench.ts [rows=1000000]
 *
 * The records are generated in DuckDB SQL from range() and hash(), so they are
 * the same on every run: French names and civilities, name-based emails on
 * common providers (a few typos, disposable and role addresses), a landline
 * and a mobile per record that are nearly all distinct (the worst case for
 * the per-distinct-value phone check), real (postcode, commune) pairs from
 * La Poste's base, dd/mm/yyyy dates, text opt-ins, and a few percent of
 * defects of every kind. Generation is not timed; the timed part is runRules
 * (input preparation, every rule, counts) and the KPIs (measures over the
 * prepared input, then the summary). It prints the seconds of each step,
 * the total wall and CPU seconds, and peak RSS.
 */
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {openDb} from "../loaders/db/connection.ts";
import {literal} from "../loaders/db/sql.ts";
import {runRules} from "../loaders/rules/run.ts";
import {measureSource, qualitySettings, summariseKpis} from "../loaders/kpis/index.ts";

const rows = Number(process.argv[2] ?? 1_000_000);
const db = await openDb();

const list = (values: string[]) => `[${values.map(literal).join(", ")}]`;
const pick = (values: string[], salt: number) => `${list(values)}[CAST(1 + hash(i, ${salt}) % ${values.length} AS BIGINT)]`;
const MALE = ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick", "Laurent", "Thomas", "Julien", "François", "Éric", "Stéphane", "David"];
const FEMALE = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine", "Sophie", "Valérie", "Sandrine", "Céline", "Julie", "Aurélie", "Émilie", "Camille"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Le Gall"];
const DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "orange.fr", "hotmail.fr", "yahoo.fr", "free.fr", "wanadoo.fr", "sfr.fr", "laposte.net", "outlook.fr", "gmial.com", "yopmail.com", "orange.ff"];
const require = createRequire(import.meta.url);
const communes = join(dirname(require.resolve("codes-postaux/package.json")), "codes-postaux.json");

let start = performance.now();
await db.exec(`CREATE TABLE communes AS SELECT row_number() OVER () - 1 AS k, codePostal AS postcode, nomCommune AS city
  FROM read_json(${literal(communes)}, columns = {codePostal: 'VARCHAR', nomCommune: 'VARCHAR', libelleAcheminement: 'VARCHAR'})`);
const n = (await db.one<{n: number}>(`SELECT count(*) AS n FROM communes`))!.n;
const digits = (salt: number, width: number) => `lpad(CAST(hash(i, ${salt}) % ${10 ** width} AS VARCHAR), ${width}, '0')`;
await db.exec(`CREATE TABLE customers_bench AS
  WITH base AS (
    SELECT i, hash(i, 1) % 2 = 0 AS male,
      CASE WHEN hash(i, 1) % 2 = 0 THEN ${pick(MALE, 2)} ELSE ${pick(FEMALE, 3)} END AS first_name,
      ${pick(LAST, 4)} AS last_name
    FROM range(${rows}) AS r(i))
  SELECT 'bench' AS source, i + 1 AS row_number, 'C' || lpad(CAST(i + 1 AS VARCHAR), 8, '0') AS record_id,
    CASE WHEN hash(i, 5) % 100 < 2 THEN 'Monseiur' WHEN hash(i, 5) % 100 < 3 THEN (CASE WHEN male THEN 'Mme' ELSE 'M.' END)
      WHEN male THEN 'M.' ELSE 'Mme' END AS civility,
    CASE WHEN hash(i, 6) % 1000 < 5 THEN 'test' ELSE first_name END AS first_name,
    last_name,
    NULL::VARCHAR AS full_name,
    CASE WHEN hash(i, 7) % 100 < 2 THEN lower(strip_accents(first_name)) || ' ' || lower(strip_accents(last_name)) || '@gmail.com'
      WHEN hash(i, 7) % 100 < 3 THEN 'contact@' || lower(strip_accents(replace(last_name, ' ', ''))) || '-conseil.fr'
      ELSE lower(strip_accents(first_name)) || '.' || lower(strip_accents(replace(last_name, ' ', ''))) || CAST(hash(i, 8) % 5000 AS VARCHAR) || '@' || ${pick(DOMAINS, 9)} END AS email,
    CASE WHEN hash(i, 10) % 100 < 2 THEN '01 23 45' ELSE '0' || CAST(1 + hash(i, 11) % 5 AS VARCHAR) || ' ' || regexp_replace(${digits(12, 8)}, '(..)(..)(..)(..)', '\\1 \\2 \\3 \\4') END AS phone,
    CASE WHEN hash(i, 13) % 100 < 2 THEN '0600000000' ELSE '+33 ' || CAST(6 + hash(i, 14) % 2 AS VARCHAR) || ' ' || regexp_replace(${digits(15, 8)}, '(..)(..)(..)(..)', '\\1 \\2 \\3 \\4') END AS mobile,
    CAST(1 + hash(i, 16) % 150 AS VARCHAR) || ' rue de la Gare' AS address1,
    NULL::VARCHAR AS address2,
    CASE WHEN hash(i, 17) % 100 < 2 THEN '75000' ELSE c.postcode END AS postcode,
    CASE WHEN hash(i, 18) % 100 < 2 THEN 'Paris' WHEN hash(i, 18) % 100 < 30 THEN upper(c.city) ELSE c.city END AS city,
    ${pick(["France", "France", "FR", "", "FRANCE", "Frnace"], 19)} AS country,
    strftime(DATE '1940-01-01' + CAST(hash(i, 20) % 25000 AS INTEGER), '%d/%m/%Y') AS birth_date,
    strftime(DATE '2015-01-01' + CAST(hash(i, 21) % 3000 AS INTEGER), '%d/%m/%Y') AS created_at,
    CASE WHEN hash(i, 22) % 100 < 1 THEN '31/02/2024' ELSE strftime(DATE '2022-06-01' + CAST(hash(i, 22) % 1200 AS INTEGER), '%d/%m/%Y') END AS updated_at,
    ${pick(["Oui", "Non", "Oui", "Non", "", "?"], 23)} AS optin_email,
    ${pick(["Oui", "Non", "Non", ""], 24)} AS optin_sms,
    NULL::VARCHAR AS nps
  FROM base JOIN communes AS c ON c.k = hash(i, 25) % ${n}`);
const generated = (performance.now() - start) / 1000;

start = performance.now();
const cpu = process.cpuUsage();
const steps: [string, number][] = [];
const result = await runRules(db, {
  table: "customers_bench",
  source: "bench",
  asOf: "2025-06-30",
  onProgress: ({step, seconds}) => steps.push([step, seconds]),
  afterRules: (ctx) => measureSource(ctx, {mapped: new Set(["civility", "firstName", "lastName", "email", "phone", "mobile", "address1", "postcode", "city", "country", "birthDate", "createdAt", "updatedAt", "optinEmail", "optinSms"])})
});
let kpiClock = performance.now();
const kpis = await summariseKpis(db, {asOf: "2025-06-30", sources: ["bench"], settings: qualitySettings({weights: {}, thresholds: {}, freshness: {months: 12}}), skipped: result.skipped});
steps.push(["kpis summary", (performance.now() - kpiClock) / 1000]);
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
await db.close();

console.log(`rules benchmark: ${rows.toLocaleString("en")} customer records (generated in ${generated.toFixed(1)} s)`);
for (const [step, s] of steps) console.log(`  ${step.padEnd(30)} ${s.toFixed(2).padStart(7)} s`);
console.log(`findings: ${result.findings.toLocaleString("en")}; overall score ${kpis.scorecards.at(-1)!.overall.score}`);
console.log(`total: ${seconds.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU (2 cores: target ≤ 30 s wall)`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
