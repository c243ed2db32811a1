/**
 * The segment explorer's data: a cube of the customers, with no personal
 * data, for the report's in-browser DuckDB.
 *
 *   explorerRows(db, {customers, records, identities?, asOf, ordersSource, table}) → Promise<string>
 *   explorerCustomersSql(db, {customers, records, identities?, asOf, ordersSource}) → Promise<{sql, dimensions}>
 *   writeExplorerParquet(db, tables, path, {mode, minCount}) → Promise<{rows, customers, columns}>
 *
 * `explorerRows` reads a classified customers table (lifecycle.ts, default
 * `value_customers`) and the customer records behind it (`records`: one entry
 * per customer source, its standard view and default country), and creates
 * `table`: one row per group of customers who share every dimension
 * (`EXPLORER_DIMENSIONS` and the `in_<source>` flags):
 *   orders_source            the orders source scored;
 *   segment, lifecycle, r, f, m, nps_group;
 *   in_<source>              true when the customer has a record in that source;
 *   age_band                 from the birth date, at asOf: <25, 25-34 … 65+;
 *   email_ok, phone_ok       only when a `findings` table exists (rules step):
 *                            an email (mobile or phone) filled with no finding on it;
 *   country                  ISO alpha-2 code most of its records name (the
 *                            source's country when blank; NULL when unrecognised);
 * and its measures (`EXPLORER_MEASURES`), exact sums over its customers:
 *   customers                how many customers;
 *   revenue                  sum of their monetary values (cents, DECIMAL(18,2));
 *   orders                   sum of their frequencies;
 *   recency_days             sum of their recencies (days since the last order),
 *                            for averages: recency_days / customers.
 * Revenue, orders and recency_days are NULL for a group of customers with no
 * order (r NULL). Customer records map to customers as the value engine maps
 * them: the normalised record id, through `identities` (record_id →
 * customer_id) when given. `explorerCustomersSql` is the query of the rows
 * the cube groups: one per customer, its dimensions and its recency,
 * frequency and monetary.
 *
 * `writeExplorerParquet` unions such tables and writes them as one Parquet
 * file, sorted by the dimensions, with small integer types, dictionary and
 * delta encodings and SNAPPY pages (what hyparquet decodes in the browser
 * without extra codecs). No customer id, no per-customer row. Published mode:
 * countries held by fewer than `minCount` customers (all orders sources
 * together) become `other`, and their groups are merged.
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

/**
 * The query of the explorer's per-customer rows (no customer id): the
 * dimensions and the customer's recency, frequency and monetary. The cube
 * groups them; tests compare the two.
 */
export async function explorerCustomersSql(db: Db, options: Omit<ExplorerOptions, "table">): Promise<{sql: string; dimensions: string[]}> {
  const {customers = "value_customers", records, identities, asOf, ordersSource} = options;
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
    const view = ident(source.view);
    const order = ((await db.one<{day_order: DayOrder}>(dayOrderSql("birth_date", view)))?.day_order ?? "dmy") as DayOrder;
    const filled = (column: string) => `coalesce(trim(r.${column}), '') <> ''`;
    // countries and birth dates looked up once per distinct text, the findings once per record: each a
    // join instead of folding, parsing and probing the findings three times for every record
    const lookups = `LEFT JOIN (SELECT raw, c.alpha2 FROM (SELECT DISTINCT country AS raw FROM ${view}) LEFT JOIN ${COUNTRIES} AS c ON c.key = ${foldSql("raw")}) AS cm
        ON cm.raw = r.country
      LEFT JOIN (SELECT raw, ${parseDateSql("raw", order)} AS birth FROM (SELECT DISTINCT birth_date AS raw FROM ${view})) AS bd ON bd.raw = r.birth_date
      ${findings ? `LEFT JOIN (SELECT record_id, bool_or(field = 'email') AS email, bool_or(field = 'mobile') AS mobile, bool_or(field = 'phone') AS phone
          FROM findings WHERE source = ${literal(source.name)} AND field IN ('email', 'mobile', 'phone') GROUP BY record_id) AS x ON x.record_id = r.record_id` : ""}`;
    const clean = (field: string) => `coalesce(NOT x.${field}, true)`;
    parts.push(`SELECT ${key} AS key, ${literal(source.name)} AS source,
        CASE WHEN ${filled("country")} THEN cm.alpha2 ELSE ${literal(source.country)} END AS country,
        bd.birth
        ${findings ? `, ${filled("email")} AND ${clean("email")} AS email_ok,
          (${filled("mobile")} AND ${clean("mobile")}) OR (${filled("phone")} AND ${clean("phone")}) AS phone_ok` : ""}
      FROM ${view} AS r ${join}
      ${lookups}`);
  }
  const age = `date_part('year', age(DATE ${literal(asOf)}, max(birth)))`;
  const inSource = records.map((s) => ident(`in_${s.name}`));
  // a customer is reachable when one of their records is: the same flags at both levels of the grouping
  const reachable = findings ? ", bool_or(email_ok) AS email_ok, bool_or(phone_ok) AS phone_ok" : "";
  // the customer's country is the most frequent among their records (ties: the greatest code), from a
  // grouping by customer and country: DuckDB's mode() keeps a hash map per customer outside its memory
  // limit (at 10M customers it took the process from 3.7 GB to 9.3 GB resident, beside a 5 GB limit)
  const perCustomer = parts.length
    ? `SELECT key, ${inSource.map((flag) => `bool_or(${flag}) AS ${flag}`).join(", ")},
        arg_max(country, (n, country)) FILTER (WHERE country IS NOT NULL) AS country, ${ageBandSql(age)} AS age_band
        ${reachable}
      FROM (SELECT key, country, count(*) AS n,
          ${records.map((s, i) => `bool_or(source = ${literal(s.name)}) AS ${inSource[i]}`).join(", ")}, max(birth) AS birth
          ${reachable}
        FROM (${parts.join(" UNION ALL ")}) WHERE key IS NOT NULL GROUP BY key, country)
      GROUP BY key`
    : `SELECT NULL::VARCHAR AS key, NULL::VARCHAR AS country, NULL::VARCHAR AS age_band WHERE false`;
  const flags = records.map((s) => `in_${s.name}`);
  // email_ok and phone_ok come from the records' findings
  const checked = findings && parts.length > 0;
  const dimensions = [...EXPLORER_DIMENSIONS.filter((d) => checked || (d !== "email_ok" && d !== "phone_ok")), ...flags];
  const sql = `WITH per_customer AS (${perCustomer})
    SELECT ${literal(ordersSource)} AS orders_source, coalesce(v.segment, 'none') AS segment, v.lifecycle,
      CAST(v.r AS UTINYINT) AS r, CAST(v.f AS UTINYINT) AS f, CAST(v.m AS UTINYINT) AS m, v.nps_group,
      v.recency, v.frequency, v.monetary, p.* EXCLUDE (key)
    FROM ${ident(customers)} AS v LEFT JOIN per_customer AS p ON p.key = v.customer_id`;
  return {sql, dimensions};
}

/** Creates `table`: the cube of one orders source's customers. */
export async function explorerRows(db: Db, options: ExplorerOptions): Promise<string> {
  const {sql, dimensions} = await explorerCustomersSql(db, options);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${ident(options.table)} AS
    SELECT ${dimensions.map(ident).join(", ")}, ${measuresSql("count(*)", "monetary", "frequency", "recency")}
    FROM (${sql}) GROUP BY ALL`);
  return options.table;
}

/** The dimensions of every cube, in the file's order (the `in_<source>` flags follow). */
export const EXPLORER_DIMENSIONS = ["orders_source", "segment", "lifecycle", "r", "f", "m", "nps_group", "age_band", "email_ok", "phone_ok", "country"] as const;
/** The measures of every cube. */
export const EXPLORER_MEASURES = ["customers", "revenue", "orders", "recency_days"] as const;

/** The measures from per-customer values (count(*), monetary…) or from groups' measures (sum(customers), revenue…). */
function measuresSql(customers: string, revenue: string, orders: string, recency: string): string {
  return `CAST(${customers} AS INTEGER) AS customers, CAST(sum(CAST(${revenue} AS DECIMAL(18, 2))) AS DECIMAL(18, 2)) AS revenue,
    CAST(sum(${orders}) AS BIGINT) AS orders, CAST(sum(${recency}) AS BIGINT) AS recency_days`;
}

export async function writeExplorerParquet(
  db: Db,
  tables: readonly string[],
  path: string,
  options: {mode: "published" | "consultant"; minCount: number}
): Promise<{rows: number; customers: number; columns: string[]}> {
  // no orders source: an empty cube with the measures, so that the page still loads
  const union = tables.length
    ? tables.map((t) => `SELECT * FROM ${ident(t)}`).join(" UNION ALL BY NAME ")
    : `SELECT NULL::VARCHAR AS orders_source, NULL::VARCHAR AS country, NULL::INTEGER AS customers, NULL::DECIMAL(18, 2) AS revenue,
        NULL::BIGINT AS orders, NULL::BIGINT AS recency_days WHERE false`;
  const k = options.mode === "published" ? options.minCount : 0;
  const columns = (await db.all<{column_name: string}>(`DESCRIBE ${union}`)).map((c) => c.column_name);
  const dimensions = [
    ...EXPLORER_DIMENSIONS.filter((d) => columns.includes(d)),
    ...columns.filter((c) => c.startsWith("in_"))
  ].map(ident);
  // countries of too few customers merge into `other`: group again, sums stay exact
  await db.exec(`CREATE OR REPLACE TEMP TABLE value_explorer AS
    WITH everyone AS (${union}),
    countries AS (SELECT country, sum(customers) AS n FROM everyone GROUP BY country),
    placed AS (
      SELECT e.* REPLACE (CASE WHEN c.n < ${k} AND e.country IS NOT NULL THEN 'other' ELSE e.country END AS country)
      FROM everyone AS e LEFT JOIN countries AS c ON c.country IS NOT DISTINCT FROM e.country)
    SELECT ${dimensions.join(", ")}, ${measuresSql("sum(customers)", "revenue", "orders", "recency_days")}
    FROM placed GROUP BY ALL ORDER BY ${dimensions.join(", ")}`);
  await db.exec(`COPY value_explorer TO ${literal(path)} (FORMAT parquet, COMPRESSION snappy, PARQUET_VERSION v2)`);
  const written = (await db.all<{column_name: string}>("DESCRIBE value_explorer")).map((c) => c.column_name);
  const totals = await db.one<{rows: number; customers: number}>("SELECT count(*) AS rows, coalesce(sum(customers), 0) AS customers FROM value_explorer");
  return {rows: totals?.rows ?? 0, customers: Number(totals?.customers ?? 0), columns: written};
}
