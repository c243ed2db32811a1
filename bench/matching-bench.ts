/**
 * Matching benchmark: N synthetic customer records (default 1,000,000) with
 * duplicates, built directly in DuckDB SQL, then the whole of runMatching timed.
 * Prints records/s, the time of each step, pairwise accuracy against the
 * generated entities, and the peak RSS.
 *
 *   node --import tsx bench/matching-bench.ts [records] [threads]
 */
import {openDb} from "../loaders/db/connection.ts";
import {runMatching} from "../loaders/matching/run.ts";

const records = Number(process.argv[2] ?? 1_000_000);
const threads = process.argv[3] ? Number(process.argv[3]) : undefined;
const db = await openDb(threads ? {threads} : {});

// Names from syllables (576 first names, 13,824 last names; hash of one integer per draw, as
// hash(i, k) of two gives correlated draws), uniform draws,
// 1.3 records per person on average, typos and gaps in the copies.
const generate = performance.now();
await db.exec(`SELECT setseed(0.42)`);
await db.exec(`CREATE TABLE people AS
  WITH s AS (SELECT ['ma','ri','lo','ber','tin','du','pont','le','roy','fa','ure','mo','rel','gar','nier','bo','nard','cha','vin','pe','tit','la','mi','ger'] AS syl)
  SELECT i AS entity,
    (SELECT syl[1 + (hash(i * 64 + 1) % 24)::INT] || syl[1 + (hash(i * 64 + 2) % 24)::INT] FROM s) AS first_name,
    (SELECT syl[1 + (hash(i * 64 + 3) % 24)::INT] || syl[1 + (hash(i * 64 + 4) % 24)::INT] || syl[1 + (hash(i * 64 + 5) % 24)::INT] FROM s) AS last_name,
    DATE '1940-01-01' + (hash(i * 64 + 6) % 25000)::INT AS birth,
    lpad(((hash(i * 64 + 7) % 95) + 1)::VARCHAR, 2, '0') || lpad((hash(i * 64 + 8) % 1000)::VARCHAR, 3, '0') AS postcode,
    '06' || lpad((hash(i * 64 + 9) % 100000000)::VARCHAR, 8, '0') AS phone,
    (SELECT syl[1 + (hash(i * 64 + 7) % 24)::INT] || syl[1 + (hash(i * 64 + 12) % 24)::INT] || '-sur-' || syl[1 + (hash(i * 64 + 13) % 24)::INT] FROM s) AS city,
    ((hash(i * 64 + 10) % 200) + 1)::VARCHAR || ' rue ' || ['de la paix','victor hugo','jean jaures','des lilas','du moulin','pasteur','de la gare','saint martin'][1 + (hash(i * 64 + 11) % 8)::INT] AS street
  FROM range(${Math.ceil(records / 1.3)}) AS t(i)`);
await db.exec(`CREATE TABLE customers AS
  WITH picks AS (
    SELECT r AS row_number, CASE WHEN r < ${Math.ceil(records / 1.3)} THEN r ELSE hash(r * 64 + 20) % ${Math.ceil(records / 1.3)} END AS entity
    FROM range(${records}) AS t(r)
  ),
  typo AS (SELECT row_number, entity, hash(row_number * 64 + 21) % 100 AS d FROM picks)
  SELECT CASE WHEN t.row_number % 3 = 0 THEN 'web' ELSE 'crm' END AS source, t.row_number + 1 AS row_number,
    (t.row_number + 1)::VARCHAR AS record_id, p.entity::VARCHAR AS entity,
    CASE WHEN d < 5 THEN upper(p.first_name) WHEN d < 8 THEN NULL ELSE p.first_name END AS first_name,
    CASE WHEN d BETWEEN 10 AND 14 THEN left(p.last_name, 3) || 'e' || substr(p.last_name, 5) ELSE p.last_name END AS last_name,
    CASE WHEN d BETWEEN 20 AND 49 THEN NULL
      WHEN d BETWEEN 50 AND 54 THEN p.first_name || '.' || p.last_name || p.entity::VARCHAR || '+shop@gmail.com'
      ELSE p.first_name || p.last_name || p.entity::VARCHAR || '@gmail.com' END AS email,
    CASE WHEN d BETWEEN 30 AND 59 THEN NULL ELSE substr(p.phone, 1, 2) || ' ' || substr(p.phone, 3, 2) || ' ' || substr(p.phone, 5, 2) || ' ' || substr(p.phone, 7, 2) || ' ' || substr(p.phone, 9, 2) END AS phone,
    CASE WHEN d BETWEEN 60 AND 64 THEN replace(p.street, 'rue', 'r.') ELSE p.street END AS address1,
    p.postcode, p.city,
    CASE WHEN d BETWEEN 70 AND 74 THEN NULL ELSE strftime(p.birth, '%d/%m/%Y') END AS birth_date,
    strftime(DATE '2020-01-01' + (hash(t.row_number * 64 + 22) % 1500)::INT, '%Y-%m-%d') AS updated_at
  FROM typo AS t JOIN people AS p USING (entity)`);
console.error(`generated ${records} records in ${Math.round(performance.now() - generate)} ms`);

const start = performance.now();
const summary = await runMatching(db, {table: "customers", country: "FR", truthColumn: "entity", log: (m) => console.error(m)});
const seconds = (performance.now() - start) / 1000;
console.log(
  JSON.stringify(
    {
      records,
      seconds: Number(seconds.toFixed(1)),
      recordsPerSecond: Math.round(records / seconds),
      candidatePairs: summary.blocking.pairs,
      blockingRecall: summary.blocking.recall,
      customers: summary.customers,
      accuracy: summary.accuracy,
      timings: summary.timings,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024)
    },
    null,
    2
  )
);
await db.close();
