/**
 * Telephone numbers that libphonenumber-js (full metadata) accepts: French
 * mobiles and landlines taken from number blocks checked once at start-up,
 * foreign mobiles derived from each country's example number. Numbers derive
 * from the entity's index through a bijection, so two people never share
 * one by accident.
 */
import {parsePhoneNumber, type CountryCode} from "libphonenumber-js/max";
import {isValidPhoneNumber as isValidMin} from "libphonenumber-js/min";
import examples from "libphonenumber-js/mobile/examples";
import {getExampleNumber} from "libphonenumber-js/max";
import {Rng, scramble} from "./random.ts";

type Kind = "MOBILE" | "FIXED_LINE";

function typeOf(national: string, country: CountryCode): string | undefined {
  try {
    const number = parsePhoneNumber(national, country);
    return number.isValid() ? number.getType() : undefined;
  } catch {
    return undefined;
  }
}

/** French 4-digit blocks (0612, 0145…) whose every number is valid and of the given type. */
function frenchBlocks(firstTwo: readonly string[], kind: Kind): string[] {
  const blocks: string[] = [];
  for (const head of firstTwo) {
    for (let k = 0; k < 100; k++) {
      const block = head + String(k).padStart(2, "0");
      const probes = ["000000", "999999", "123456", "505050", "871234"];
      if (probes.every((tail) => typeOf(block + tail, "FR") === kind)) blocks.push(block);
    }
  }
  return blocks;
}

const FR_MOBILE = frenchBlocks(["06", "07"], "MOBILE");
/** Landlines people give as their home phone. */
const FR_HOME = frenchBlocks(["01", "02", "03", "04"], "FIXED_LINE");
/** Landlines found in mobile columns (kept apart from home numbers, so they never collide). */
const FR_OFFICE = frenchBlocks(["05"], "FIXED_LINE");

/** The national number 0XXXXXXXXX for entity `index`, in the k-th series of a block list. */
function fromBlocks(blocks: readonly string[], index: number, series: number): string {
  const mixed = scramble(index, 8, series);
  const block = blocks[mixed % blocks.length]!;
  let tail = Math.floor(mixed / blocks.length) % 1_000_000;
  while (looksDummy(block + String(tail).padStart(6, "0"))) tail = (tail + 1) % 1_000_000;
  return block + String(tail).padStart(6, "0");
}

/** Numbers a placeholder check could take for a dummy: last 8 digits all one digit, or a plain run up or down. */
function looksDummy(national: string): boolean {
  const last8 = national.slice(2);
  return /^(\d)\1+$/.test(last8) || "0123456789".includes(last8) || "9876543210".includes(last8) || /^(\d)\1+$/.test(national.slice(1));
}

export function frenchMobile(index: number, series = 0): string {
  return fromBlocks(FR_MOBILE, index, series);
}
export function frenchHome(index: number, series = 0): string {
  return fromBlocks(FR_HOME, index, series);
}
export function frenchOffice(index: number, series = 0): string {
  return fromBlocks(FR_OFFICE, index, series);
}

/** A foreign mobile in E.164, or "" when the country has no distinct mobile type (US, CA). */
export function foreignMobile(rng: Rng, country: string): string {
  const example = getExampleNumber(country as CountryCode, examples);
  if (!example || example.getType() !== "MOBILE") return "";
  const national = example.nationalNumber;
  for (let attempt = 0; attempt < 50; attempt++) {
    const tail = String(rng.int(0, 999_999)).padStart(6, "0");
    const candidate = `+${example.countryCallingCode}${national.slice(0, -6)}${tail}`;
    const number = parsePhoneNumber(candidate);
    if (number.isValid() && number.getType() === "MOBILE") return number.number;
  }
  return example.number;
}

/** A foreign phone in E.164 for the e-shop `phone` column (any valid type). */
export function foreignPhone(rng: Rng, country: string): string {
  const mobile = foreignMobile(rng, country);
  if (mobile) return mobile;
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = `+1${rng.pick(["212", "617", "312", "415", "206", "512", "305", "303"])}${rng.int(200, 999)}${String(rng.int(0, 9999)).padStart(4, "0")}`;
    if (parsePhoneNumber(candidate).isValid()) return candidate;
  }
  return "+12015550123";
}

/** French national number 0XXXXXXXXX → one of the ways people write it. */
export function formatFrench(national: string, style: number): string {
  const pairs = national.match(/../g)!;
  switch (style) {
    case 0:
      return pairs.join(" ");
    case 1:
      return national;
    case 2:
      return pairs.join(".");
    case 3:
      return `+33 ${national[1]} ${pairs.slice(1).join(" ")}`;
    default:
      return `+33${national.slice(1)}`;
  }
}

/** E.164 → international format with spaces (+32 470 12 34 56). */
export function formatInternational(e164: string): string {
  return parsePhoneNumber(e164).formatInternational();
}

export function frenchE164(national: string): string {
  return `+33${national.slice(1)}`;
}

/**
 * Strings that are not valid numbers for France (checked with libphonenumber-js,
 * full and minimal metadata) and are not placeholders either.
 */
export function invalidPhone(rng: Rng, national: string): string {
  const candidate = invalidCandidate(rng, national);
  return isInvalid(candidate) ? candidate : national.match(/../g)!.slice(0, 4).join(" ");
}

function isInvalid(text: string): boolean {
  return typeOf(text, "FR") === undefined && !isValidMin(text, "FR");
}

function invalidCandidate(rng: Rng, national: string): string {
  const pairs = national.match(/../g)!;
  switch (rng.int(0, 3)) {
    case 0:
      return pairs.slice(0, 4).join(" "); // 8 digits
    case 1:
      return national + String(rng.int(10, 99)); // 12 digits
    case 2:
      return `+33 ${national[1]} ${pairs.slice(1).join(" ")}${rng.int(0, 9)}`; // one digit too many
    default:
      return `00${national.slice(2, 9)}`; // lost its prefix
  }
}

/**
 * Known dummies that libphonenumber still accepts as valid, so only
 * phone.placeholder fires on them (never phone.invalid): the mobile ones are
 * mobiles (no phone.not_mobile in a mobile column).
 */
export const PLACEHOLDER_MOBILES = ["0600000000", "06 00 00 00 00", "06.00.00.00.00"];
export const PLACEHOLDER_LANDLINES = ["0123456789", "01 23 45 67 89", "01.23.45.67.89"];
