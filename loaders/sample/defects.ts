/**
 * Labelled defects, one injector per rule of kpis.md. Each comment states the
 * exact decision the labels follow, so that a rule implemented from kpis.md
 * can be scored against them. General decisions:
 * - A field carries at most one injected defect; a missing value (empty text)
 *   fires no rule except consent.unknown.
 * - `field` in defects.csv is the role of roles.ts that holds the bad value;
 *   `record` for record.stale, duplicate.exact and duplicate.fuzzy; the
 *   postcode for postcode.city_mismatch; the civility for
 *   civility.first_name_mismatch.
 * - Labels that need the whole file (duplicate.exact,
 *   civility.first_name_mismatch) are computed after generation (truth.ts)
 *   from the keys each record leaves; duplicate.fuzzy is labelled by the
 *   generator (generate.ts); all others here.
 */
import type {Entity, Source} from "./entity.ts";
import {FREQUENT_NAMES} from "./names.ts";
import {otherCity, INVALID_FRENCH_POSTCODES} from "./addresses.ts";
import {typoDomain, disposableDomain, roleAddress, brokenAddress} from "./emails.ts";
import {invalidPhone, PLACEHOLDER_MOBILES, PLACEHOLDER_LANDLINES, frenchOffice, frenchE164, formatFrench} from "./phones.ts";
import {birthText, stampText, UNKNOWN_OPTINS, UNKNOWN_COUNTRIES} from "./formats.ts";
import {dayOf, yearsBefore} from "./days.ts";
import {label, type CustomerRecord} from "./record.ts";
import {Rng} from "./random.ts";

export interface DefectContext {
  source: Source;
  asOfDay: number;
  /** First day that is not stale: yearsBefore(asOf, 1). Dates within 3 days of it are never written. */
  freshFrom: number;
  /** Moves a day out of the 3-day margin around `freshFrom`, and before asOf. */
  clear(day: number): number;
}

export function defectContext(source: Source, asOf: string): DefectContext {
  const asOfDay = dayOf(asOf);
  const freshFrom = yearsBefore(asOfDay, 1);
  return {
    source,
    asOfDay,
    freshFrom,
    clear(day) {
      const d = Math.min(day, asOfDay - 1);
      return Math.abs(d - freshFrom) <= 3 ? freshFrom - 7 : d;
    }
  };
}

/** Rate of each injected defect, per record where the field applies. */
export const RATES = {
  emailSyntax: 0.02,
  emailTypo: 0.02,
  emailDisposable: 0.012,
  emailRole: 0.012,
  phoneInvalid: 0.02,
  phonePlaceholder: 0.015,
  phoneNotMobile: 0.02,
  postcodeInvalid: 0.015,
  cityMismatch: 0.02,
  namePlaceholder: 0.015,
  civilityInvalid: 0.02,
  civilityMismatch: 0.015,
  birthImplausible: 0.02,
  dateUnparseable: 0.02,
  countryUnknown: 0.02,
  futureDate: 0.015,
  consentMissing: 0.07,
  consentUnknown: 0.01
};

export function injectDefects(rng: Rng, r: CustomerRecord, entity: Entity, ctx: DefectContext, firstName: string): void {
  const v = r.values;
  const french = entity.address.country === "FR";

  // email.syntax: the address loses its @, doubles it, gets a space, loses its
  // top-level domain, gets two dots in a row or a dot before the @.
  // email.domain_typo: the domain is one edit away from a provider (gmial.com,
  // hotmial.fr, orange.ff, wanadoo.fe…), never a disposable domain itself.
  // email.disposable: the domain is in the disposable-email-domains list.
  // email.role: the local part is exactly one of contact, info, accueil,
  // compta, admin, commercial, direction, secretariat, sav, support.
  // Clean addresses: name-based local parts on providers that are none of these.
  if (v.email) {
    const [local, domain] = v.email.toLowerCase().split("@") as [string, string];
    const x = rng.next();
    let t = RATES.emailSyntax;
    if (x < t) (v.email = brokenAddress(rng, local, domain)), label(r, "email", "email.syntax");
    else if (x < (t += RATES.emailTypo)) (v.email = `${local}@${typoDomain(rng, domain)}`), label(r, "email", "email.domain_typo");
    else if (x < (t += RATES.emailDisposable)) (v.email = `${local}@${disposableDomain(rng)}`), label(r, "email", "email.disposable");
    else if (x < (t += RATES.emailRole)) (v.email = roleAddress(rng, entity.name.last)), label(r, "email", "email.role");
  }

  // phone.invalid: a French number with 8 or 12 digits, one digit too many
  // after +33, or its leading 0X lost: not valid for France (libphonenumber-js,
  // full and minimal metadata). Only on French customers (national formats).
  // phone.placeholder: exactly 0600000000 (mobile columns) or 0123456789
  // (home phone columns) in a national style (spaces, dots or none); both are
  // valid numbers for libphonenumber, so phone.invalid does not fire on them,
  // and 0600000000 is a mobile, so phone.not_mobile does not either.
  // phone.not_mobile: a valid French landline (05 blocks, type FIXED_LINE) in a
  // mobile column (CRM Tél portable, loyalty mobile). The e-shop `phone`
  // column is a phone role, not mobile: no not_mobile there.
  // Clean numbers: valid for their country; mobile columns only hold type MOBILE.
  if (french) {
    const columns = (["phone", "mobile"] as const).filter((f) => v[f]);
    if (columns.length) {
      const field = rng.pick(columns);
      const mobileColumn = field === "mobile" || (ctx.source === "eshop" && field === "phone");
      const x = rng.next();
      if (x < RATES.phoneInvalid) {
        v[field] = invalidPhone(rng, mobileColumn ? entity.mobileNational : entity.homeNational);
        label(r, field, "phone.invalid");
      } else if (x < RATES.phoneInvalid + RATES.phonePlaceholder) {
        v[field] = rng.pick(mobileColumn ? PLACEHOLDER_MOBILES : PLACEHOLDER_LANDLINES);
        label(r, field, "phone.placeholder");
      }
      if (r.spoiled.has(field)) field === "mobile" ? (r.mobileKey = "") : (r.phoneKey = "");
    }
    if (v.mobile && !r.spoiled.has("mobile") && rng.chance(RATES.phoneNotMobile)) {
      const office = frenchOffice(entity.index, rng.int(0, 2));
      v.mobile = formatFrench(office, rng.pick([0, 1, 2]));
      r.mobileKey = frenchE164(office);
      label(r, "mobile", "phone.not_mobile");
    }
  }

  // postcode.invalid (French customers): a code that is not in La Poste's base
  // (99999, 00000, 75000, 13000, 69000, 00100, 96000, 750011, 3100O, ABCDE);
  // the city is then left empty, so postcode.city_mismatch cannot fire on it.
  // postcode.city_mismatch (French customers, valid postcode): the city is a
  // commune that is not a commune of the postcode, its name compared after
  // folding case, accents, punctuation, ST/SAINT and CEDEX, the La Poste
  // routing label counting as a name. Clean records: a real (postcode,
  // commune) pair, the city written as the commune name, in capitals, without
  // accents or as the routing label. Foreign postcodes follow their country's
  // format and are never labelled.
  if (french && v.postcode) {
    const x = rng.next();
    if (x < RATES.postcodeInvalid) {
      v.postcode = rng.pick(INVALID_FRENCH_POSTCODES);
      v.city = "";
      label(r, "postcode", "postcode.invalid");
    } else if (x < RATES.postcodeInvalid + RATES.cityMismatch && v.city) {
      v.city = otherCity(rng, v.postcode);
      label(r, "postcode", "postcode.city_mismatch");
    }
  }

  // name.placeholder: the first or last name replaced by test, TEST, xxx, XXX,
  // aaa, N/A, n/a, inconnu, Inconnu, client, CLIENT, ".", a single letter or
  // digits. Clean names: at least two letters, no digits.
  if (rng.chance(RATES.namePlaceholder)) {
    const field = rng.chance(0.5) ? "firstName" : "lastName";
    v[field] = rng.pick(["test", "TEST", "Test", "xxx", "XXX", "aaa", "N/A", "n/a", "inconnu", "Inconnu", "client", "CLIENT", ".", "X", "A", "123", "0"]);
    label(r, field, "name.placeholder");
  }

  // civility.invalid: Monseiur, Madamme, Mmr, X or 0. Clean
  // civilities: M, M., Monsieur, Mr, Mme, Madame, Mlle, Mrs, Ms, Miss.
  // civility.first_name_mismatch: injected by writing the other gender's
  // civility on a record whose first name is one of the 20 most frequent
  // French names of its gender (never a mixed name). Labelled after
  // generation (truth.ts) on every record, injected or not, where: the first
  // name (lower case, accents folded, trimmed) has at least 20 records of the
  // source with a recognised civility, at least 95% of them of one gender
  // (20 × majority ≥ 19 × total), the record's civility is of the other
  // gender, and the name is not in MIXED_NAMES (names.ts).
  if (v.civility) {
    const x = rng.next();
    if (x < RATES.civilityInvalid) {
      v.civility = rng.pick(["Monseiur", "Madamme", "Mmr", "X", "0"]);
      r.civilityGender = "";
      label(r, "civility", "civility.invalid");
    } else if (x < RATES.civilityInvalid + RATES.civilityMismatch && FREQUENT_NAMES[entity.name.gender].includes(firstName)) {
      const other = entity.name.gender === "M" ? "F" : "M";
      v.civility = other === "M" ? "M." : "Mme";
      r.civilityGender = other;
    }
  }

  // birth_date.implausible: 1900-01-01, 1970-01-01, 1111-11-11, an age over
  // 120 or under 15 at asOf, never in the future (so record.future_date
  // cannot be read into it). Clean birth dates: ages 18 to 90, never a default date.
  // date.unparseable: a text that no accepted format reads (30 or 31 February,
  // 00/00/0000, N/C, month 13…), on the birth date or on the creation date of
  // a record whose last update is present and valid (so record.stale never
  // depends on an unreadable date). Clean dates all parse.
  if (v.birthDate) {
    const x = rng.next();
    if (x < RATES.birthImplausible) {
      const kind = rng.int(0, 4);
      const day =
        kind === 0 ? dayOf("1900-01-01") : kind === 1 ? dayOf("1970-01-01") : kind === 2 ? dayOf("1111-11-11") : kind === 3 ? yearsBefore(ctx.asOfDay, 121 + rng.int(0, 30)) : ctx.asOfDay - rng.int(200, 14 * 365 - 10);
      v.birthDate = birthText(rng, ctx.source, day, false);
      label(r, "birthDate", "birth_date.implausible");
    } else if (x < RATES.birthImplausible + RATES.dateUnparseable * 0.75) {
      v.birthDate = unparseable(rng, ctx.source, 1940 + rng.int(0, 60));
      label(r, "birthDate", "date.unparseable");
    }
  }
  if (r.updatedDay !== null && rng.chance(RATES.dateUnparseable * 0.25)) {
    v.createdAt = unparseable(rng, ctx.source, 2015 + rng.int(0, 9));
    r.createdDay = null;
    label(r, "createdAt", "date.unparseable");
  }

  // record.future_date: the last update (or, without one, the creation date)
  // 5 to 900 days after asOf. Clean created/updated dates are before asOf.
  if (rng.chance(RATES.futureDate)) {
    const day = ctx.asOfDay + rng.int(5, 900);
    if (r.updatedDay !== null) (v.updatedAt = stampText(rng, ctx.source, day, true)), (r.updatedDay = day), label(r, "updatedAt", "record.future_date");
    else if (r.createdDay !== null) (v.createdAt = stampText(rng, ctx.source, day, false)), (r.createdDay = day), label(r, "createdAt", "record.future_date");
  }

  // record.stale: the last update, else the creation date, is before
  // yearsBefore(asOf, 1) (asOf minus 12 months). No created/updated date is
  // ever written within 3 days of that boundary, so 12 months and 365 days
  // agree. A future date is not stale.
  const last = r.updatedDay ?? r.createdDay;
  if (last !== null && last < ctx.freshFrom) label(r, "record", "record.stale");

  // country.unknown (French customers only, so phones and postcodes still
  // read as French): Frnace, Fance, Bretagne, Europe, Inconnu, ZZ, XX, F.
  // Clean countries: ISO codes, French names (France, FRANCE, Belgique,
  // Royaume-Uni, États-Unis…), empty (missing) on French customers.
  if (french && rng.chance(RATES.countryUnknown)) {
    v.country = rng.pick(UNKNOWN_COUNTRIES[ctx.source]);
    label(r, "country", "country.unknown");
  }

  // consent.unknown: one label per opt-in field (optinEmail, optinSms) that is
  // empty or not a yes/no (NC, ?, Inconnu, unknown, pending, U). Clean values:
  // Oui/Non, true/false, Y/N.
  for (const field of ["optinEmail", "optinSms"] as const) {
    const x = rng.next();
    if (x < RATES.consentMissing) v[field] = "";
    else if (x < RATES.consentMissing + RATES.consentUnknown) v[field] = rng.pick(UNKNOWN_OPTINS[ctx.source]);
    else continue;
    label(r, field, "consent.unknown");
  }
}

/** A date-looking text that no accepted format reads. */
function unparseable(rng: Rng, source: Source, year: number): string {
  switch (source) {
    case "crm":
      return rng.pick([`31/02/${year}`, `30/02/${year}`, "00/00/0000", "N/C", `15/13/${year}`, `32/01/${year}`]);
    case "eshop":
      return rng.pick([`${year}-02-30`, `${year}-13-01`, "0000-00-00", "n/a"]);
    case "loyalty":
      return rng.pick([`${year}0230`, `31.02.${year}`, "00.00.0000", `${year}1301`]);
  }
}
