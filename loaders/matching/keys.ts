/**
 * Keys computed in JavaScript, once per distinct value, then joined back:
 * phone numbers to E.164 (libphonenumber-js) and phonetic codes of names
 * (talisman). Phonetic code: French phonex for French-speaking countries (it
 * folds the spellings French names vary by: Lefebvre/Lefèvre, Gauthier/Gautier,
 * Dupont/Dupond), else double metaphone's primary code (built for names of many
 * European origins; Smith/Smyth, Catherine/Katherine).
 */
import {parsePhoneNumberFromString, type CountryCode} from "libphonenumber-js";
import doubleMetaphone from "talisman/phonetics/double-metaphone.js";
import phonex from "talisman/phonetics/french/phonex.js";
import type {Db} from "../db/connection.ts";
import {mapDistinct} from "../db/map-distinct.ts";

/** Phone text with only digits and a leading +, the form looked up in the phone map. */
export function phoneCleanSql(expr: string): string {
  return `nullif(regexp_replace(trim(CAST(${expr} AS VARCHAR)), '[^0-9+]', '', 'g'), '')`;
}

/**
 * SQL: the E.164 form of a cleaned phone (phoneCleanSql) that SQL can settle
 * alone, else NULL: French numbers written +33…, 0033… or, when France is the
 * default country, 0X XX XX XX XX (most numbers of French files, millions of
 * them at scale, so libphonenumber sees only the others).
 */
export function fastE164Sql(clean: string, country: string): string {
  const national = country === "FR" ? `WHEN regexp_full_match(${clean}, '0[1-9][0-9]{8}') THEN '+33' || substr(${clean}, 2) ` : "";
  return `(CASE WHEN regexp_full_match(${clean}, '\\+33[1-9][0-9]{8}') THEN ${clean}
    WHEN regexp_full_match(${clean}, '0033[1-9][0-9]{8}') THEN '+' || substr(${clean}, 3) ${national}END)`;
}

/** Table `phone_map(value, e164)` for every distinct cleaned phone of `sourceSql` (one column `value`). */
export async function buildPhoneMap(db: Db, table: string, sourceSql: string, country: string): Promise<number> {
  return mapDistinct(db, {
    table,
    sql: sourceSql,
    outputs: [{name: "e164", type: "VARCHAR"}],
    fn: ([value]) => {
      if (!value) return [null];
      const text = value.startsWith("00") ? `+${value.slice(2)}` : value;
      const phone = parsePhoneNumberFromString(text, country as CountryCode);
      return [phone?.isValid() ? phone.number : null];
    }
  });
}

export type PhoneticMethod = "double-metaphone" | "phonex";

export function phoneticCode(method: PhoneticMethod, name: string): string | null {
  if (!name) return null;
  if (method === "phonex") return phonex(name) || null;
  return doubleMetaphone(name)[0] || null;
}

/** Table `(value, code)` with the phonetic code of every distinct name of `sourceSql`. */
export async function buildPhoneticMap(db: Db, table: string, sourceSql: string, method: PhoneticMethod): Promise<number> {
  return mapDistinct(db, {table, sql: sourceSql, outputs: [{name: "code", type: "VARCHAR"}], fn: ([value]) => [phoneticCode(method, value ?? "")]});
}
