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
import {mapDistinct} from "./distinct-map.ts";

/** Phone text with only digits and a leading +, the form looked up in the phone map. */
export function phoneCleanSql(expr: string): string {
  return `nullif(regexp_replace(trim(CAST(${expr} AS VARCHAR)), '[^0-9+]', '', 'g'), '')`;
}

/** Table `phone_map(value, e164)` for every distinct cleaned phone of `sourceSql` (one column `value`). */
export async function buildPhoneMap(db: Db, table: string, sourceSql: string, country: string): Promise<number> {
  return mapDistinct(db, table, sourceSql, [{name: "e164", type: "VARCHAR"}], (value) => {
    if (!value) return [null];
    const text = value.startsWith("00") ? `+${value.slice(2)}` : value;
    const phone = parsePhoneNumberFromString(text, country as CountryCode);
    return [phone?.isValid() ? phone.number : null];
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
  return mapDistinct(db, table, sourceSql, [{name: "code", type: "VARCHAR"}], (value) => [phoneticCode(method, value ?? "")]);
}
