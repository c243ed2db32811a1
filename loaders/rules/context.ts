/**
 * The context one run of the rules shares: the input table prepared once
 * (copied from the source's view so that the rules do not read the file
 * again, with each record's country and its parsed dates), and helper tables
 * that rules create on first use and that are dropped when the run ends.
 */
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {dayOrderSql, parseDateSql, type DayOrder} from "../db/dates.ts";
import type {RuleContext} from "./rule.ts";
import {distinctValuesSql, foldSql} from "./text-sql.ts";
import {createCountryTable} from "./lookups/countries.ts";
import {CUSTOMER_ROLES, roleColumn} from "../config/roles.ts";

export interface ContextOptions {
  /** Table or view with the standard customer columns (`customers_<source>`). */
  table: string;
  /** Source name written to the findings. */
  source: string;
  /** Default ISO alpha-2 country of the source; default "FR". */
  country?: string;
  /** Audit date, yyyy-mm-dd. */
  asOf: string;
  /** Freshness window in months; default 12. */
  freshnessMonths?: number;
  /** Clusters table from matching (`source, record_id, cluster_id`), for duplicate.fuzzy. */
  clusters?: string;
}

export interface RunContext extends RuleContext {
  /** Drops the input copy and every helper table. */
  dispose(): Promise<void>;
}

/** Date columns parsed once into `<column>_d`. */
export const DATE_COLUMNS = ["birth_date", "created_at", "updated_at"] as const;

/** Helper tables of a run are named rules_<run>_…: runs over several sources go side by side, each in its own session. */
let runs = 0;

export async function prepareContext(db: Db, options: ContextOptions): Promise<RunContext> {
  const {table, source, country = "FR", asOf, freshnessMonths = 12, clusters} = options;
  if (!/^[A-Z]{2}$/.test(country)) throw new Error(`invalid country: ${country} (should be an ISO alpha-2 code such as "FR")`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`invalid asOf: ${asOf} (should be a date written yyyy-mm-dd)`);
  const prefix = `rules_${++runs}_`;
  const created: string[] = [];
  const pending = new Map<string, Promise<string>>();
  const lookup = (name: string, create: (table: string) => Promise<void>): Promise<string> => {
    let table = pending.get(name);
    if (!table) {
      const full = `${prefix}${name}`;
      created.push(full);
      table = create(full).then(() => full);
      pending.set(name, table);
    }
    return table;
  };

  const countries = await lookup("countries", (t) => createCountryTable(db, t));
  const orders: Record<string, DayOrder> = {};
  for (const column of DATE_COLUMNS) {
    const row = await db.one<{day_order: DayOrder}>(dayOrderSql(ident(column), `(${await standardColumnsSql(db, table)})`));
    orders[column] = row?.day_order ?? "dmy";
  }
  const input = `${prefix}input`;
  created.push(input);
  const standard = await standardColumnsSql(db, table);
  // countries and dates are read once per distinct text, then joined to the records
  const perValue = (column: string, expr: string) =>
    `(SELECT value, ${expr} AS parsed FROM ${distinctValuesSql(ident(column), `(${standard})`)} WHERE value IS NOT NULL)`;
  const joins = DATE_COLUMNS.map(
    (c, i) => `LEFT JOIN ${perValue(c, parseDateSql("value", orders[c]))} AS d${i} ON d${i}.value = t.${ident(c)}`
  );
  const countryCodes = `(SELECT v.value, c.alpha2 FROM ${distinctValuesSql(`"country"`, `(${standard})`)} AS v JOIN ${ident(countries)} AS c ON c.key = ${foldSql("v.value")})`;
  await db.exec(`CREATE OR REPLACE TABLE ${ident(input)} AS
    SELECT t.*, coalesce(c.alpha2, ${literal(country)}) AS country_code, ${DATE_COLUMNS.map((c, i) => `d${i}.parsed AS ${ident(`${c}_d`)}`).join(", ")}
    FROM (${standard}) AS t LEFT JOIN ${countryCodes} AS c ON c.value = t.country ${joins.join(" ")}`);

  return {
    db,
    input: ident(input),
    source,
    country,
    asOf,
    freshnessMonths,
    clusters,
    lookup,
    async dispose() {
      await Promise.allSettled(pending.values());
      for (const name of created.reverse()) await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
    }
  };
}

/**
 * SQL of the table with every standard column: a column the table lacks is
 * NULL (so a test or a partial table can be audited), `record_id` defaults to
 * the row number, and every role column is read as VARCHAR.
 */
async function standardColumnsSql(db: Db, table: string): Promise<string> {
  const present = new Set(
    (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${ident(table)})`)).map((r) => r.column_name)
  );
  const roles = CUSTOMER_ROLES.filter((r) => r !== "id").map(roleColumn);
  const column = (name: string, fallback: string) => (present.has(name) ? `CAST(${ident(name)} AS VARCHAR)` : fallback) + ` AS ${ident(name)}`;
  const rowNumber = present.has("row_number") ? `CAST("row_number" AS BIGINT)` : "row_number() OVER ()";
  return `SELECT ${present.has("source") ? `CAST("source" AS VARCHAR)` : "NULL::VARCHAR"} AS "source",
    ${rowNumber} AS "row_number",
    ${present.has("record_id") ? `CAST("record_id" AS VARCHAR)` : `CAST(${rowNumber} AS VARCHAR)`} AS "record_id",
    ${roles.map((name) => column(name, "NULL::VARCHAR")).join(", ")}
    FROM ${ident(table)}`;
}
