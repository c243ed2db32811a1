/**
 * Phone numbers checked by libphonenumber-js (full metadata, so that number
 * types are known), once per distinct number and country: the records' phone
 * and mobile values, read with the record's country (see context.ts).
 *
 *   phoneKeySql(expr)            SQL: the number without spaces, dots, dashes,
 *                                brackets or slashes (what the table is keyed on)
 *   createPhoneTable(ctx, table) table (key, country, e164, valid, type, reason)
 */
import {parsePhoneNumberFromString, validatePhoneNumberLength, isSupportedCountry, type CountryCode} from "libphonenumber-js/max";
import type {RuleContext} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {mapDistinct, type Answer} from "./per-distinct.ts";

export function phoneKeySql(expr: string): string {
  return `regexp_replace(${expr}, '[\\s\\p{Z}.()/-]', '', 'g')`;
}

export interface PhoneCheck {
  e164: string | null;
  valid: boolean;
  /** MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP… when valid. */
  type: string | null;
  /** Why not valid: TOO_SHORT, TOO_LONG, INVALID_COUNTRY, NOT_A_NUMBER, INVALID_LENGTH, INVALID. */
  reason: string | null;
}

export function checkPhone(text: string, country: string | null): PhoneCheck {
  const region = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  if (/\p{L}/u.test(text)) return {e164: null, valid: false, type: null, reason: "NOT_A_NUMBER"};
  const number = parsePhoneNumberFromString(text, region);
  if (number?.isValid()) return {e164: number.number, valid: true, type: number.getType() ?? null, reason: null};
  const length = validatePhoneNumberLength(text, region);
  return {e164: number?.number ?? null, valid: false, type: null, reason: length ?? "INVALID"};
}

export async function createPhoneTable(ctx: RuleContext, table: string): Promise<void> {
  const values = (["phone", "mobile"] as const).map(
    (role) => `SELECT ${phoneKeySql(col(role))} AS key, country_code AS country FROM ${ctx.input} WHERE ${presentSql(col(role))}`
  );
  await mapDistinct(ctx.db, {
    table,
    sql: values.join(" UNION ALL "),
    outputs: [
      {name: "e164", type: "VARCHAR"},
      {name: "valid", type: "BOOLEAN"},
      {name: "type", type: "VARCHAR"},
      {name: "reason", type: "VARCHAR"}
    ],
    fn: ([key, country]): Answer[] => {
      const check = checkPhone(key ?? "", country ?? null);
      return [check.e164, check.valid, check.type, check.reason];
    }
  });
}

/** The phone table of a run, created on first use. */
export function phoneTable(ctx: RuleContext): Promise<string> {
  return ctx.lookup("phones", (t) => createPhoneTable(ctx, t));
}
