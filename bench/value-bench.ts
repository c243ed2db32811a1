/**
 * Customer value benchmark: RFM + lifecycle + migration on N generated order lines.
 *
 *   node --import tsx bench/value-bench.ts [lines=10000000]
 *
 * The lines are generated in DuckDB SQL from range() and hash(), so they are the
 * same on every run: 3 lines per order, one customer per 25 lines, four years of
 * dates written with a time, about 8% anonymous lines and 2% returns. Generation
 * is not timed; the timed part is runValue (cleaning, scoring at two dates,
 * lifecycle, migration, summary), without writing rfm.csv. It prints wall
 * seconds, CPU seconds of the timed part, and peak RSS.
 */
import {openDb} from "../loaders/db/connection.ts";
import {runValue} from "../loaders/value/index.ts";

const lines = Number(process.argv[2] ?? 10_000_000);
const customers = Math.max(1, Math.floor(lines / 25));
const db = await openDb();

let start = performance.now();
await db.exec(`CREATE TABLE orders_bench AS
  SELECT 'bench' AS source, i + 1 AS row_number,
    CASE WHEN hash(o, 1) % 100 < 8 THEN '' ELSE CAST(hash(o, 2) % ${customers} AS VARCHAR) || '.0' END AS customer_id,
    CAST(o AS VARCHAR) AS order_id,
    CAST(TIMESTAMP '2021-01-01' + to_seconds(CAST(hash(o, 3) % (4 * 365 * 86400) AS BIGINT)) AS VARCHAR) AS order_date,
    NULL::VARCHAR AS amount,
    CAST(CASE WHEN hash(i, 4) % 100 < 2 THEN -1 ELSE 1 + hash(i, 5) % 12 END AS VARCHAR) AS quantity,
    CAST(round((1 + hash(i, 6) % 5000) / 100, 2) AS VARCHAR) AS unit_price,
    NULL::VARCHAR AS channel
  FROM (SELECT range AS i, range // 3 AS o FROM range(${lines}))`);
const generated = (performance.now() - start) / 1000;

start = performance.now();
const cpu = process.cpuUsage();
const summary = await runValue(db, {orders: "orders_bench"});
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
// CPU time of the engine's threads: on a busy machine, cpuSeconds / cores estimates the idle-machine wall time.
const cpuSeconds = (used.user + used.system) / 1e6;
await db.close();

const rssMB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    lines,
    orders: summary.orders,
    customers: summary.customers,
    asOf: summary.asOf,
    excluded: summary.lines.excluded,
    migrationFrom: summary.migration?.from,
    generateSeconds: Number(generated.toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    peakRssMB: Math.round(rssMB)
  })
);
