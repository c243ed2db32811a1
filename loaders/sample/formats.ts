/**
 * How each source writes a value: civilities, dates, opt-ins, countries and
 * phone numbers of the CRM, the e-shop and the loyalty app.
 */
import type {Gender} from "./names.ts";
import type {Source} from "./entity.ts";
import {Rng} from "./random.ts";
import {iso, slashes, dots, compact, excelSerial, clock} from "./days.ts";
import {COUNTRY_NAMES_FR} from "./addresses.ts";
import {formatFrench, formatInternational} from "./phones.ts";

/** Recognised civility spellings (civility.invalid never fires on them) and their gender. */
export const CIVILITIES: Record<Source, Record<Gender, readonly string[]>> = {
  crm: {M: ["M.", "M.", "Monsieur", "M"], F: ["Mme", "Mme", "Madame", "Mlle"]},
  eshop: {M: [], F: []},
  loyalty: {M: ["M.", "M.", "Mr"], F: ["Mme", "Mme", "Mlle", "Mrs", "Ms"]}
};
const ENGLISH_CIVILITIES: Record<Gender, readonly string[]> = {M: ["Mr"], F: ["Mrs", "Ms", "Miss"]};

export function civility(rng: Rng, source: Source, gender: Gender, country: string): string {
  const english = country === "GB" || country === "US";
  return rng.pick(english ? ENGLISH_CIVILITIES[gender] : CIVILITIES[source][gender]);
}

/** Birth dates: CRM dd/mm/yyyy, e-shop ISO, loyalty yyyymmdd, dd.mm.yyyy or an Excel serial. */
export function birthText(rng: Rng, source: Source, day: number, allowSerial = true): string {
  switch (source) {
    case "crm":
      return slashes(day);
    case "eshop":
      return iso(day);
    case "loyalty": {
      const style = rng.next();
      return style < 0.5 ? compact(day) : style < 0.85 || !allowSerial ? dots(day) : excelSerial(day);
    }
  }
}

/** Created / updated dates: CRM dd/mm/yyyy, e-shop ISO timestamps in UTC, loyalty ISO (last update with time). */
export function stampText(rng: Rng, source: Source, day: number, withTime: boolean): string {
  switch (source) {
    case "crm":
      return slashes(day);
    case "eshop":
      return `${iso(day)}T${clock(rng.int(0, 86_399))}Z`;
    case "loyalty":
      return withTime ? `${iso(day)} ${clock(rng.int(0, 86_399))}` : iso(day);
  }
}

export function optinText(source: Source, yes: boolean): string {
  switch (source) {
    case "crm":
      return yes ? "Oui" : "Non";
    case "eshop":
      return yes ? "true" : "false";
    case "loyalty":
      return yes ? "Y" : "N";
  }
}

/** Opt-in values that are neither yes nor no (consent.unknown). */
export const UNKNOWN_OPTINS: Record<Source, readonly string[]> = {
  crm: ["NC", "?", "Inconnu"],
  eshop: ["unknown", "pending"],
  loyalty: ["?", "U"]
};

/** Country as each source writes it: CRM French names (empty = France), e-shop ISO codes, loyalty codes or names. */
export function countryText(rng: Rng, source: Source, country: string): string {
  switch (source) {
    case "crm":
      if (country !== "FR") return COUNTRY_NAMES_FR[country]!;
      return rng.pick(["France", "France", "France", "FRANCE", "FR", ""]);
    case "eshop":
      return country;
    case "loyalty":
      return country === "FR" ? rng.pick(["FR", "FR", "France", ""]) : country;
  }
}

/** Texts that are not countries (country.unknown); written on French customers, so their phone and postcode still read as French. */
export const UNKNOWN_COUNTRIES: Record<Source, readonly string[]> = {
  crm: ["Frnace", "Fance", "Bretagne", "Europe", "Inconnu", "ZZ"],
  eshop: ["ZZ", "XX", "F"],
  loyalty: ["Frnace", "ZZ", "XX", "Inconnu"]
};

/**
 * A phone as the source writes it: CRM French national styles (foreigners in
 * international format), e-shop mostly E.164, loyalty national or E.164.
 */
export function phoneText(rng: Rng, source: Source, national: string, e164: string): string {
  if (!national) return source === "eshop" && rng.chance(0.8) ? e164 : formatInternational(e164);
  switch (source) {
    case "crm":
      return formatFrench(national, rng.pick([0, 0, 0, 1, 2, 3]));
    case "eshop":
      return rng.chance(0.8) ? e164 : formatFrench(national, rng.pick([0, 1]));
    case "loyalty":
      return formatFrench(national, rng.pick([1, 1, 4]));
  }
}
