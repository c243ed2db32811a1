/**
 * SQL expressions over raw text values that several rules share: where a
 * role's column is, whether a value is missing, and text folded for
 * comparison (case, accents, punctuation).
 */
import {roleColumn} from "../config/roles.ts";
import {ident} from "../db/sql.ts";
import type {RuleField} from "./rule.ts";

/** The quoted column of a role in the input table. */
export function col(field: RuleField): string {
  if (field === "record") throw new Error("the record has no column of its own");
  return ident(roleColumn(field));
}

/** Missing: NULL, empty, or only white space (including no-break and other Unicode spaces). */
export function missingSql(expr: string): string {
  return `(${expr} IS NULL OR regexp_full_match(${expr}, '[\\s\\p{Z}]*'))`;
}

export function presentSql(expr: string): string {
  return `(NOT ${missingSql(expr)})`;
}

/**
 * SQL of the distinct values of `expr` in `from`, as column `value`: for
 * checks computed once per distinct value and joined back to the records.
 * `OFFSET 0` keeps DuckDB from pushing a filter on `value` below the
 * DISTINCT, where it would run on every record (the civility check on 1M
 * records took 7 s that way, 0.1 s this way).
 */
export function distinctValuesSql(expr: string, from: string): string {
  return `(SELECT DISTINCT ${expr} AS value FROM ${from} OFFSET 0)`;
}

/** Text without surrounding white space (Unicode spaces too). */
export function trimSql(expr: string): string {
  return `regexp_replace(${expr}, '^[\\s\\p{Z}]+|[\\s\\p{Z}]+$', '', 'g')`;
}

/**
 * Text folded for comparison: capitals without accents, every run of
 * characters other than letters and digits turned into one space, trimmed.
 * `Saint-Étienne`, `saint etienne ` and `SAINT_ETIENNE` fold alike.
 */
export function foldSql(expr: string): string {
  const ligatures = `replace(replace(replace(replace(upper(strip_accents(${expr})), 'Œ', 'OE'), 'Æ', 'AE'), 'ẞ', 'SS'), 'Ø', 'O')`;
  return `trim(regexp_replace(${ligatures}, '[^A-Z0-9]+', ' ', 'g'))`;
}

/**
 * A person's name as duplicate keys compare it: lower case, accents and
 * ligatures folded, white space collapsed, punctuation kept (`Jean-Pierre`
 * and `Jean Pierre` stay two names).
 */
export function nameKeySql(expr: string): string {
  const folded = `replace(replace(lower(strip_accents(${expr})), 'œ', 'oe'), 'æ', 'ae')`;
  return `trim(regexp_replace(${folded}, '[\\s\\p{Z}]+', ' ', 'g'))`;
}

/** Only the digits of a text. */
export function digitsSql(expr: string): string {
  return `regexp_replace(${expr}, '[^0-9]', '', 'g')`;
}
