/**
 * Age of records: months from the last update (else the creation date) to
 * the audit date, in bands, and how many are older than the freshness window
 * (the same count as record.stale). Records with neither date are "undated";
 * dates after the audit date are "future".
 *
 *   AGE_BANDS
 *   measureFreshness(db, {input, source, asOf, months}) → rows into kpi_ages
 */
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";

export const AGES_TABLE = "kpi_ages";

/** Bands of age in months: [name, from (inclusive), to (exclusive)]. */
export const AGE_BANDS: readonly (readonly [string, number, number])[] = [
  ["0-6m", 0, 6],
  ["6-12m", 6, 12],
  ["1-2y", 12, 24],
  ["2-3y", 24, 36],
  ["3-5y", 36, 60],
  ["5y+", 60, Number.MAX_SAFE_INTEGER]
];

/** Creates the table when missing (before sources are measured side by side). */
export async function ensureAgesTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${AGES_TABLE} (source VARCHAR, band VARCHAR, n BIGINT, older BIGINT)`);
}

export async function measureFreshness(db: Db, {input, source, asOf, months}: {input: string; source: string; asOf: string; months: number}): Promise<void> {
  await ensureAgesTable(db);
  await db.exec(`DELETE FROM ${AGES_TABLE} WHERE source = ${literal(source)}`);
  const last = "coalesce(updated_at_d, created_at_d)";
  const age = `date_diff('month', ${last}, DATE ${literal(asOf)})`;
  const since = `CAST(DATE ${literal(asOf)} - INTERVAL ${months} MONTH AS DATE)`;
  const band = `CASE WHEN ${last} IS NULL THEN 'undated' WHEN ${last} > DATE ${literal(asOf)} THEN 'future' ${AGE_BANDS.map(
    ([name, from, to]) => `WHEN ${age} >= ${from} AND ${age} < ${to} THEN ${literal(name)}`
  ).join(" ")} ELSE 'future' END`;
  await db.exec(`INSERT INTO ${AGES_TABLE}
    SELECT ${literal(source)}, ${band} AS band, count(*), count(*) FILTER (WHERE ${last} < ${since}) FROM ${input} GROUP BY band`);
}
