/**
 * The segment explorer's data: one row per customer, with no personal data,
 * for the report's in-browser DuckDB.
 *
 *   explorerRows(db, {customers, records, identities?, asOf, ordersSource, table}) → Promise<string>
 *   writeExplorerParquet(db, tables, path, {mode, minCount}) → Promise<{rows, columns}>
 *
 * `explorerRows` reads a classified customers table (lifecycle.ts, default
 * `value_customers`) and the customer records behind it (`records`: one entry
 * per customer source, its standard view and default country), and creates
 * `table` with, per customer:
 *   orders_source            the orders source scored;
 *   segment, lifecycle, r, f, m, recency, frequency, monetary, nps_group;
 *   in_<source>              true when the customer has a record in that source;
 *   country                  ISO alpha-2 code most of its records name (the
 *                            source's country when blank; NULL when unrecognised);
 *   age_band                 from the birth date, at asOf: <25, 25-34 … 65+;
 *   email_ok, phone_ok       only when a `findings` table exists (rules step):
 *                            an email (mobile or phone) filled with no finding on it.
 * Customer records map to customers as the value engine maps them: the
 * normalised record id, through `identities` (record_id → customer_id) when
 * given.
 *
 * `writeExplorerParquet` unions such tables and writes them as Parquet, with
 * `customer_key`: an opaque number (rank of a hash of the customer id), never
 * the id itself. Published mode: countries held by fewer than `minCount`
 * customers become `other`.
 */
import type {Db} from "../db/connection.ts";
import {dayOrderSql, parseDateSql, type DayOrder} from "../db/dates.ts";
import {ident, literal} from "../db/sql.ts";
import {createCountryTable} from "../rules/lookups/countries.ts";
import {foldSql} from "../rules/text-sql.ts";
import {normalizeIdSql} from "./ids.ts";

export interface ExplorerRecords {
  /** Source name (for `in_<name>`). */
  name: string;
  /** Standard customers view (`customers_<name>`). */
  view: string;
  /** ISO alpha-2 country of records that leave it blank. */
  country: string;
}

export interface ExplorerOptions {
  /** Classified customers table; default `value_customers`. */
  customers?: string;
  records: readonly ExplorerRecords[];
  identities?: string;
  asOf: string;
  ordersSource: string;
  table: string;
}

const COUNTRIES = "value_countries";

async function exists(db: Db, name: string): Promise<boolean> {
  const row = await db.one<{n: number}>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${literal(name)}`);
  return (row?.n ?? 0) > 0;
}

export const AGE_BANDS = ["<25", "25-34", "35-44", "45-54", "55-64", "65+"] as const;

function ageBandSql(age: string): string {
  return `CASE WHEN ${age} IS NULL OR ${age} < 0 OR ${age} > 110 THEN NULL
    WHEN ${age} < 25 THEN '<25' WHEN ${age} < 35 THEN '25-34' WHEN ${age} < 45 THEN '35-44'
    WHEN ${age} < 55 THEN '45-54' WHEN ${age} < 65 THEN '55-64' ELSE '65+' END`;
}

export async function explorerRows(db: Db, options: ExplorerOptions): Promise<string> {
  const {customers = "value_customers", records, identities, asOf, ordersSource, table} = options;
  if (!(await exists(db, COUNTRIES))) await createCountryTable(db, COUNTRIES);
  const findings = await exists(db, "findings");
  const id = normalizeIdSql("r.record_id");
  const key = identities ? `coalesce(i.customer_id, ${id})` : id;
  const join = identities
    ? `LEFT JOIN (SELECT ${normalizeIdSql("record_id")} AS record_id, min(${normalizeIdSql("customer_id")}) AS customer_id
        FROM ${ident(identities)} GROUP BY 1) AS i ON i.record_id = ${id}`
    : "";
  const parts: string[] = [];
  for (const source of records) {
    const order = ((await db.one<{day_order: DayOrder}>(dayOrderSql("birth_date", ident(source.view))))?.day_order ?? "dmy") as DayOrder;
    const flagged = (field: string) =>
      `EXISTS (SELECT 1 FROM findings AS x WHERE x.source = ${literal(source.name)} AND x.record_id = r.record_id AND x.field = ${literal(field)})`;
    const filled = (column: string) => `coalesce(trim(r.${column}), '') <> ''`;
    parts.push(`SELECT ${key} AS key, ${literal(source.name)} AS source,
        CASE WHEN ${filled("country")} THEN c.alpha2 ELSE ${literal(source.country)} END AS country,
        ${parseDateSql("r.birth_date", order)} AS birth
        ${findings ? `, ${filled("email")} AND NOT ${flagged("email")} AS email_ok,
          (${filled("mobile")} AND NOT ${flagged("mobile")}) OR (${filled("phone")} AND NOT ${flagged("phone")}) AS phone_ok` : ""}
      FROM ${ident(source.view)} AS r ${join}
      LEFT JOIN ${COUNTRIES} AS c ON c.key = ${foldSql("r.country")}`);
  }
  const age = `date_part('year', age(DATE ${literal(asOf)}, max(birth)))`;
  const perCustomer = parts.length
    ? `SELECT key, ${records.map((s) => `bool_or(source = ${literal(s.name)}) AS ${ident(`in_${s.name}`)}`).join(", ")},
        mode(country) AS country, ${ageBandSql(age)} AS age_band
        ${findings ? ", bool_or(email_ok) AS email_ok, bool_or(phone_ok) AS phone_ok" : ""}
      FROM (${parts.join(" UNION ALL ")}) WHERE key IS NOT NULL GROUP BY key`
    : `SELECT NULL::VARCHAR AS key, NULL::VARCHAR AS country, NULL::VARCHAR AS age_band WHERE false`;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS
    WITH per_customer AS (${perCustomer})
    SELECT md5(${literal(ordersSource)} || '|' || v.customer_id) AS hash, ${literal(ordersSource)} AS orders_source,
      coalesce(v.segment, 'none') AS segment, v.lifecycle, v.r, v.f, v.m, v.recency, v.frequency, v.monetary, v.nps_group,
      p.* EXCLUDE (key)
    FROM ${ident(customers)} AS v LEFT JOIN per_customer AS p ON p.key = v.customer_id`);
  return table;
}

export async function writeExplorerParquet(
  db: Db,
  tables: readonly string[],
  path: string,
  options: {mode: "published" | "consultant"; minCount: number}
): Promise<{rows: number; columns: string[]}> {
  // no orders source: an empty file with the key column, so that the page still loads
  const union = tables.length
    ? tables.map((t) => `SELECT * FROM ${ident(t)}`).join(" UNION ALL BY NAME ")
    : "SELECT NULL::VARCHAR AS hash, NULL::INTEGER AS recency, NULL::INTEGER AS frequency, NULL::VARCHAR AS country WHERE false";
  const k = options.mode === "published" ? options.minCount : 0;
  await db.exec(`CREATE OR REPLACE TEMP TABLE value_explorer AS
    WITH everyone AS (${union}),
    countries AS (SELECT country, count(*) AS n FROM everyone GROUP BY country)
    SELECT CAST(row_number() OVER (ORDER BY e.hash) AS INTEGER) AS customer_key,
      e.* EXCLUDE (hash, country) REPLACE (CAST(recency AS INTEGER) AS recency, CAST(frequency AS INTEGER) AS frequency),
      CASE WHEN c.n < ${k} AND e.country IS NOT NULL THEN 'other' ELSE e.country END AS country
    FROM everyone AS e LEFT JOIN countries AS c ON c.country IS NOT DISTINCT FROM e.country
    ORDER BY customer_key`);
  await db.exec(`COPY value_explorer TO ${literal(path)} (FORMAT parquet)`);
  const columns = (await db.all<{column_name: string}>("DESCRIBE value_explorer")).map((c) => c.column_name);
  const rows = (await db.one<{n: number}>("SELECT count(*) AS n FROM value_explorer"))?.n ?? 0;
  return {rows, columns};
}
