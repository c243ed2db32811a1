/**
 * Masking of personal values for what leaves the engine (findings.csv, the
 * published site): `jean.dupont@gmail.com` → `j***@g***.com`,
 * `06 12 34 56 78` → `06 ** ** ** 78`, `Dupont` → `D***`. Each mask exists
 * twice, as a JavaScript function and as a SQL expression, and both give the
 * same text (the tests hold them to it).
 *
 *   maskEmail(value), maskPhone(value), maskName(value), maskDigits(value)
 *   maskValue(field, value)      by field role; non-personal fields unchanged
 *   maskValueSql(field, expr)    the same, as SQL over a VARCHAR expression
 */
import type {RuleField} from "./rule.ts";

/** White space as both JavaScript and DuckDB's RE2 read it alike. */
const WS = "[\\t\\n\\v\\f\\r \\p{Z}]";
const NOT_WS = "[^\\t\\n\\v\\f\\r \\p{Z}]";
const TRIM = new RegExp(`^${WS}+|${WS}+$`, "gu");

function trim(value: string): string {
  return value.replace(TRIM, "");
}

function sqlTrim(expr: string): string {
  return `regexp_replace(${expr}, '^${WS}+|${WS}+$', '', 'g')`;
}

export function maskEmail(value: string): string {
  const text = trim(value);
  const at = text.lastIndexOf("@");
  if (at < 0) return maskName(text);
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot >= 0 ? domain.slice(dot) : "";
  return `${first(local)}***@${first(domain)}***${tld}`;
}

export function maskPhone(value: string): string {
  const text = trim(value);
  const digits = text.replace(/[^0-9]/g, "");
  if (digits.length < 6) return "***";
  const plus = text.startsWith("+") ? "+" : "";
  const middle = digits.length - 4;
  const groups = `${middle % 2 ? "* " : ""}${"** ".repeat(Math.floor(middle / 2))}`.trimEnd();
  return `${plus}${digits.slice(0, 2)} ${groups} ${digits.slice(-2)}`;
}

/** Each word kept to its first character: `Jean Dupont` → `J*** D***`. */
export function maskName(value: string): string {
  return trim(value).replace(new RegExp(`(${NOT_WS})${NOT_WS}*`, "gu"), "$1***");
}

/** Every digit hidden, the shape kept: `12/05/1980` → `**\/**\/****`. */
export function maskDigits(value: string): string {
  return value.replace(/[0-9]/g, "*");
}

function first(text: string): string {
  return Array.from(text)[0] ?? "";
}

type Masker = "email" | "phone" | "name" | "digits" | "none";

function maskerOf(field: RuleField | string): Masker {
  switch (field) {
    case "email":
      return "email";
    case "phone":
    case "mobile":
      return "phone";
    case "firstName":
    case "lastName":
    case "fullName":
    case "address1":
    case "address2":
      return "name";
    case "birthDate":
      return "digits";
    default:
      return "none";
  }
}

export function maskValue(field: RuleField | string, value: string | null): string | null {
  if (value === null) return null;
  switch (maskerOf(field)) {
    case "email":
      return maskEmail(value);
    case "phone":
      return maskPhone(value);
    case "name":
      return maskName(value);
    case "digits":
      return maskDigits(value);
    case "none":
      return value;
  }
}

/** SQL: the masked text of `expr` (VARCHAR) for a field known when the SQL is written. */
export function maskValueSql(field: RuleField | string, expr: string): string {
  switch (maskerOf(field)) {
    case "email":
      return maskEmailSql(expr);
    case "phone":
      return maskPhoneSql(expr);
    case "name":
      return maskNameSql(expr);
    case "digits":
      return maskDigitsSql(expr);
    case "none":
      return expr;
  }
}

/** SQL: the masked text of `expr` for a field held in the SQL expression `fieldExpr` (a findings row). */
export function maskByFieldSql(fieldExpr: string, expr: string): string {
  return `(CASE ${fieldExpr}
    WHEN 'email' THEN ${maskEmailSql(expr)}
    WHEN 'phone' THEN ${maskPhoneSql(expr)} WHEN 'mobile' THEN ${maskPhoneSql(expr)}
    WHEN 'firstName' THEN ${maskNameSql(expr)} WHEN 'lastName' THEN ${maskNameSql(expr)}
    WHEN 'fullName' THEN ${maskNameSql(expr)} WHEN 'address1' THEN ${maskNameSql(expr)}
    WHEN 'address2' THEN ${maskNameSql(expr)}
    WHEN 'birthDate' THEN ${maskDigitsSql(expr)}
    ELSE ${expr} END)`;
}

export function maskEmailSql(expr: string): string {
  const text = sqlTrim(expr);
  const at = `strpos(${text}, '@')`;
  // last '@': the domain is what follows it
  const domain = `regexp_extract(${text}, '(?s)@([^@]*)$', 1)`;
  const local = `regexp_extract(${text}, '(?s)^(.*)@[^@]*$', 1)`;
  const tld = `regexp_extract(${domain}, '(?s)(\\.[^.]*)$', 1)`;
  return `(CASE WHEN ${expr} IS NULL THEN NULL WHEN ${at} = 0 THEN ${maskNameSql(expr)}
    ELSE substring(${local}, 1, 1) || '***@' || substring(${domain}, 1, 1) || '***' || ${tld} END)`;
}

export function maskPhoneSql(expr: string): string {
  const text = sqlTrim(expr);
  const digits = `regexp_replace(${text}, '[^0-9]', '', 'g')`;
  const middle = `(length(${digits}) - 4)`;
  const groups = `rtrim(CASE WHEN ${middle} % 2 = 1 THEN '* ' ELSE '' END || repeat('** ', ${middle} // 2))`;
  return `(CASE WHEN ${expr} IS NULL THEN NULL WHEN length(${digits}) < 6 THEN '***'
    ELSE CASE WHEN starts_with(${text}, '+') THEN '+' ELSE '' END || left(${digits}, 2) || ' ' || ${groups} || ' ' || right(${digits}, 2) END)`;
}

export function maskNameSql(expr: string): string {
  return `regexp_replace(${sqlTrim(expr)}, '(${NOT_WS})${NOT_WS}*', '\\1***', 'g')`;
}

export function maskDigitsSql(expr: string): string {
  return `regexp_replace(${expr}, '[0-9]', '*', 'g')`;
}
