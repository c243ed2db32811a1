/**
 * An entity: one real person, drawn once, from whom every record of every
 * source is derived (with variations and defects). Nothing about an entity is
 * kept after its records are written, except pending within-source duplicates.
 */
import {drawName, type PersonName} from "./names.ts";
import {frenchAddress, foreignAddress, FOREIGN_COUNTRIES, type Address} from "./addresses.ts";
import {localPart, cleanDomain} from "./emails.ts";
import {frenchMobile, frenchHome, foreignMobile, foreignPhone, frenchE164} from "./phones.ts";
import {Rng} from "./random.ts";
import {dayOf} from "./days.ts";

export type Source = "crm" | "eshop" | "loyalty";
export const SOURCES: readonly Source[] = ["crm", "eshop", "loyalty"];

export interface Entity {
  index: number;
  id: string;
  name: PersonName;
  address: Address;
  birthDay: number;
  email: string;
  /** Mobile in E.164 ("" when none: US, CA). */
  mobile: string;
  /** French national mobile (0XXXXXXXXX), "" for foreigners. */
  mobileNational: string;
  /** Home landline, E.164 and national ("" for foreigners). */
  home: string;
  homeNational: string;
  /** E.164 for the e-shop `phone` column of foreigners (a mobile, or any valid number). */
  webPhone: string;
  optinEmail: boolean;
  optinSms: boolean;
  /** How many records in each source (0 = absent). */
  records: Record<Source, number>;
}

export function drawEntity(rng: Rng, index: number, asOfDay: number): Entity {
  const foreign = rng.chance(0.08);
  const country = foreign ? FOREIGN_COUNTRIES.draw(rng) : "FR";
  const name = drawName(rng, country);
  const address = foreign ? foreignAddress(rng, country) : frenchAddress(rng);
  let birthDay = asOfDay - rng.int(18 * 366, 90 * 365);
  if (birthDay === dayOf("1970-01-01")) birthDay += 1;
  const email = `${localPart(rng, name.first, name.last, index)}@${cleanDomain(rng, country)}`;
  const mobileNational = foreign ? "" : frenchMobile(index);
  const mobile = foreign ? foreignMobile(rng, country) : frenchE164(mobileNational);
  const homeNational = foreign ? "" : frenchHome(index);
  const inSource = foreign
    ? {crm: rng.chance(0.25), eshop: rng.chance(0.85), loyalty: rng.chance(0.1)}
    : {crm: rng.chance(0.6), eshop: rng.chance(0.42), loyalty: rng.chance(0.4)};
  if (!inSource.crm && !inSource.eshop && !inSource.loyalty) inSource[foreign ? "eshop" : rng.pick(SOURCES)] = true;
  const count = (present: boolean) => (!present ? 0 : rng.chance(0.05) ? (rng.chance(0.2) ? 3 : 2) : 1);
  return {
    index,
    id: `E${String(index + 1).padStart(7, "0")}`,
    name,
    address,
    birthDay,
    email,
    mobile,
    mobileNational,
    home: homeNational ? frenchE164(homeNational) : "",
    homeNational,
    webPhone: foreign ? (mobile || foreignPhone(rng, country)) : mobile,
    optinEmail: rng.chance(0.6),
    optinSms: rng.chance(0.4),
    records: {crm: count(inSource.crm), eshop: count(inSource.eshop), loyalty: count(inSource.loyalty)}
  };
}
