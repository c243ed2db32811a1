/**
 * Consistency of representation (kpis.md, "standardisation rate"): every
 * filled value of a field is given a format class, and a field is as
 * standard as the share of its values in its dominant class. Classes by field:
 *   phones     E.164 (+33612345678), international with separators,
 *              national compact (0612345678), spaced, dotted, dashed, other
 *   dates      the digit/letter shape (99/99/9999, 9999-99-99, 99999…)
 *   names, city, address   casing: UPPER, Capitalised, lower, mIxed
 *   email      lower case or with capitals
 *   civility   abbreviation (M., Mme) or word (Monsieur)
 *   country    ISO alpha-2, alpha-3, or a name
 *   postcode   the digit shape (99999, 99 999, 9999…)
 *   opt-ins    digit (1/0), letter (O/N), boolean (true/false), word (oui/non)
 *
 *   measureFormats(db, {input, source, mapped}) → rows into kpi_formats
 *   formatSql(field, expr) → SQL of the class name, for a filled value
 */
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import type {CustomerRole} from "../config/roles.ts";
import {col, foldSql, presentSql, trimSql} from "../rules/text-sql.ts";

export const FORMATS_TABLE = "kpi_formats";

type Kind = "phone" | "date" | "casing" | "email" | "civility" | "country" | "postcode" | "optin";

export const FORMAT_FIELDS: Readonly<Partial<Record<CustomerRole, Kind>>> = {
  civility: "civility",
  firstName: "casing",
  lastName: "casing",
  fullName: "casing",
  email: "email",
  phone: "phone",
  mobile: "phone",
  address1: "casing",
  postcode: "postcode",
  city: "casing",
  country: "country",
  birthDate: "date",
  createdAt: "date",
  updatedAt: "date",
  optinEmail: "optin",
  optinSms: "optin"
};

function shapeSql(v: string): string {
  return `regexp_replace(regexp_replace(${v}, '[0-9]', '9', 'g'), '[A-Za-z]', 'a', 'g')`;
}

export function formatSql(field: CustomerRole, expr: string): string {
  const v = trimSql(expr);
  switch (FORMAT_FIELDS[field]) {
    case "phone":
      return `(CASE WHEN regexp_full_match(${v}, '\\+[0-9]{6,15}') THEN 'e164'
        WHEN starts_with(${v}, '+') OR starts_with(${v}, '00') THEN 'international'
        WHEN regexp_full_match(${v}, '[0-9]+') THEN 'compact'
        WHEN regexp_full_match(${v}, '[0-9]+( [0-9]+)+') THEN 'spaced'
        WHEN regexp_full_match(${v}, '[0-9]+(\\.[0-9]+)+') THEN 'dotted'
        WHEN regexp_full_match(${v}, '[0-9]+(-[0-9]+)+') THEN 'dashed'
        ELSE 'other' END)`;
    case "date":
    case "postcode":
      return shapeSql(v);
    case "casing":
      return `(CASE WHEN upper(${v}) = ${v} AND lower(${v}) <> ${v} THEN 'upper'
        WHEN lower(${v}) = ${v} AND upper(${v}) <> ${v} THEN 'lower'
        WHEN regexp_full_match(${v}, '([^\\p{L}]*\\p{Lu}[^\\p{Lu}]*)+') THEN 'capitalised'
        WHEN upper(${v}) = lower(${v}) THEN 'other'
        ELSE 'mixed' END)`;
    case "email":
      return `(CASE WHEN lower(${v}) = ${v} THEN 'lower' ELSE 'capitals' END)`;
    case "civility":
      return `(CASE WHEN length(${foldSql(v)}) <= 4 THEN 'abbreviation' ELSE 'word' END)`;
    case "country":
      return `(CASE WHEN regexp_full_match(${v}, '[A-Z]{2}') THEN 'alpha2' WHEN regexp_full_match(${v}, '[A-Z]{3}') THEN 'alpha3' ELSE 'name' END)`;
    case "optin":
      return `(CASE WHEN ${foldSql(v)} IN ('0', '1') THEN 'digit'
        WHEN ${foldSql(v)} IN ('TRUE', 'FALSE', 'VRAI', 'FAUX') THEN 'boolean'
        WHEN length(${foldSql(v)}) = 1 THEN 'letter' ELSE 'word' END)`;
    default:
      throw new Error(`no format classes for ${field}`);
  }
}

/** Creates the table when missing (before sources are measured side by side). */
export async function ensureFormatsTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${FORMATS_TABLE} (source VARCHAR, field VARCHAR, format VARCHAR, n BIGINT)`);
}

export async function measureFormats(db: Db, {input, source, mapped}: {input: string; source: string; mapped: ReadonlySet<string>}): Promise<void> {
  await ensureFormatsTable(db);
  await db.exec(`DELETE FROM ${FORMATS_TABLE} WHERE source = ${literal(source)}`);
  const fields = (Object.keys(FORMAT_FIELDS) as CustomerRole[]).filter((f) => mapped.has(f));
  if (fields.length === 0) return;
  // classes are read once per distinct value, then weighted by its count
  const parts = fields.map(
    (f) => `SELECT ${literal(f)} AS field, ${formatSql(f, "value")} AS format, n
      FROM (SELECT ${col(f)} AS value, count(*) AS n FROM ${input} WHERE ${presentSql(col(f))} GROUP BY 1)`
  );
  await db.exec(`INSERT INTO ${FORMATS_TABLE}
    SELECT ${literal(source)}, field, format, sum(n) FROM (${parts.join(" UNION ALL ")}) GROUP BY field, format`);
}
