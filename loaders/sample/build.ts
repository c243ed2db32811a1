/**
 * Builds the records of one entity in one source: the first record close to
 * the entity, further ones (within-source duplicates) with the variations
 * people make when they register again: a typo or a short form of the name,
 * first and last names swapped, another e-mail, the same phone written
 * another way or another phone, a move, fields left empty.
 */
import type {Entity, Source} from "./entity.ts";
import {NICKNAMES} from "./names.ts";
import {frenchAddress, foreignAddress} from "./addresses.ts";
import {localPart, cleanDomain} from "./emails.ts";
import {frenchMobile, frenchE164} from "./phones.ts";
import {civility, birthText, stampText, optinText, countryText, phoneText} from "./formats.ts";
import {injectDefects, type DefectContext} from "./defects.ts";
import {nameKey, type CustomerRecord, type RecordField} from "./record.ts";
import {Rng} from "./random.ts";

/**
 * One edit inside a name (never the first letter): substitution, deletion or
 * transposition, that survives normalisation (an edit that only drops an
 * accent or a case is redone, so no reading of duplicate.exact takes the two
 * names for equal).
 */
function typo(rng: Rng, name: string): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const edited = edit(rng, name);
    if (nameKey(edited) !== nameKey(name)) return edited;
  }
  return name + "e";
}

function edit(rng: Rng, name: string): string {
  if (name.length < 4) return name + name[name.length - 1];
  const i = rng.int(1, name.length - 2);
  const c = name[i]!;
  switch (rng.int(0, 2)) {
    case 0:
      return name.slice(0, i) + "aeioulnrst"[rng.int(0, 9)]! + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name.slice(i + 1);
    default:
      return name.slice(0, i) + name[i + 1] + c + name.slice(i + 2);
  }
}

/** Days of the record's life: creation, then last update (or none), away from the freshness boundary. */
function lifeDays(rng: Rng, ctx: DefectContext, notBefore: number): {created: number; updated: number | null} {
  const last = ctx.asOfDay - 1;
  const created = ctx.clear(Math.max(notBefore, last - Math.floor(rng.exp(900)) % 3650));
  if (rng.chance(ctx.source === "crm" ? 0.2 : 0.08)) return {created, updated: null};
  const updated = ctx.clear(created + Math.floor(rng.next() ** 0.7 * (last - created)));
  return {created, updated: Math.max(created, updated)};
}

export function buildRecord(rng: Rng, entity: Entity, ctx: DefectContext, duplicate: boolean, notBefore: number): CustomerRecord {
  const {source} = ctx;
  const vary = duplicate ? 1 : 0.15; // chance of each variation
  let first = entity.name.first;
  let last = entity.name.last;
  if (rng.chance(0.35 * vary)) {
    const kind = rng.int(0, 3);
    if (kind === 0) last = typo(rng, last);
    else if (kind === 1) first = NICKNAMES[first] ?? typo(rng, first);
    else if (kind === 2) [first, last] = [last, first];
    else first = typo(rng, first);
  }
  if (source === "crm" && rng.chance(0.4)) last = last.toUpperCase();
  if (source === "eshop" && rng.chance(0.08)) [first, last] = [first.toLowerCase(), last.toLowerCase()];

  const moved = rng.chance(0.2 * vary);
  const address = moved ? (entity.address.country === "FR" ? frenchAddress(rng) : foreignAddress(rng, entity.address.country)) : entity.address;
  const email = rng.chance(0.3 * vary) ? `${localPart(rng, entity.name.first, entity.name.last, entity.index + 7_777_777)}@${cleanDomain(rng, address.country)}` : entity.email;

  const otherMobile = entity.mobileNational && rng.chance(0.25 * vary);
  const mobileNational = otherMobile ? frenchMobile(entity.index, 1) : entity.mobileNational;
  const mobile = otherMobile ? frenchE164(mobileNational) : entity.mobile;
  const {created, updated} = lifeDays(rng, ctx, notBefore);
  const missing = (p: number) => rng.chance(duplicate ? p + 0.1 : p);

  const values: Record<RecordField, string> = {
    civility: source === "eshop" || missing(0.05) ? "" : civility(rng, source, entity.name.gender, address.country),
    firstName: first,
    lastName: last,
    email: missing(source === "eshop" ? 0.005 : 0.12) ? "" : rng.chance(source === "crm" ? 0.05 : 0) ? email.toUpperCase() : email,
    phone: "",
    mobile: "",
    address1: source === "loyalty" || missing(0.03) ? "" : address.line1,
    address2: source === "loyalty" ? "" : address.line2,
    postcode: missing(0.03) ? "" : address.postcode,
    city: "",
    country: countryText(rng, source, address.country),
    birthDate: missing(source === "crm" ? 0.3 : source === "eshop" ? 0.5 : 0.2) ? "" : birthText(rng, source, entity.birthDay),
    createdAt: stampText(rng, source, created, false),
    updatedAt: updated === null ? "" : stampText(rng, source, updated, true),
    optinEmail: optinText(source, entity.optinEmail),
    optinSms: optinText(source, entity.optinSms),
    nps: source === "loyalty" && rng.chance(0.45) ? String(Math.min(10, Math.max(0, Math.round(8 + rng.normal() * 2.2)))) : ""
  };
  values.city = values.postcode || rng.chance(0.5) ? address.city : "";
  let phoneKey = "";
  let mobileKey = "";
  if (source === "eshop") {
    const e164 = entity.mobileNational ? mobile : entity.webPhone;
    if (e164 && !missing(0.1)) [values.phone, phoneKey] = [phoneText(rng, source, entity.mobileNational ? mobileNational : "", e164), e164];
  } else {
    if (mobile && !missing(0.15)) [values.mobile, mobileKey] = [phoneText(rng, source, mobileNational, mobile), mobile];
    if (source === "crm" && entity.home && !missing(0.45)) [values.phone, phoneKey] = [phoneText(rng, source, entity.homeNational, entity.home), entity.home];
  }
  const record: CustomerRecord = {
    source,
    values,
    civilityGender: values.civility ? entity.name.gender : "",
    phoneKey,
    mobileKey,
    createdDay: created,
    updatedDay: updated,
    defects: [],
    spoiled: new Set()
  };
  injectDefects(rng, record, entity, ctx, first);
  return record;
}
