/**
 * The common phone shapes decided in SQL from libphonenumber's own metadata,
 * so that only the rest goes through libphonenumber-js one by one: a number
 * written nationally with the country's prefix (`0612345678`, for a record of
 * that country) or internationally with the country's calling code
 * (`+33612345678`), for countries whose numbering plan is simple enough to
 * read that way (one country per calling code, a plain national prefix, one
 * length of national number). The national number is then matched against
 * the plan's patterns in the order libphonenumber-js's getNumberType uses,
 * which gives the same e164, validity, type and reason as checkPhone (the
 * tests hold them to it).
 *
 *   simplePlan(country) → PhonePlan | null
 *   decidedPhonesSql(plans, source) → SQL: key, country, e164, valid, type, reason
 *   decidableSql(plans, key, country) → SQL predicate: decided in SQL
 */
import {Metadata, getCountryCallingCode, isSupportedCountry, type CountryCode} from "libphonenumber-js/max";
import {literal} from "../../db/sql.ts";

export interface PhonePlan {
  country: string;
  callingCode: string;
  nationalPrefix: string;
  /** length of the national significant number */
  length: number;
  /** the plan's general pattern of national numbers */
  general: string;
  /** [type, pattern] in libphonenumber-js's order; FIXED_LINE first */
  types: [string, string][];
  /** FIXED_LINE matches mean FIXED_LINE_OR_MOBILE (the mobile pattern was folded into it) */
  fixedIsMobile: boolean;
}

/** The parts of libphonenumber-js's Metadata read here (its typings declare fewer). */
interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface Plan {
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  possibleLengthsLocal?(): number[] | undefined;
  type(type: string): TypeDefinition | undefined;
}

const OTHER_TYPES = ["MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

export function simplePlan(country: string): PhonePlan | null {
  if (!isSupportedCountry(country)) return null;
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country as CountryCode);
  const plan = metadata.numberingPlan as unknown as Plan;
  const callingCode = getCountryCallingCode(country as CountryCode);
  const prefix = plan.nationalPrefix();
  const lengths = plan.possibleLengths();
  const countries = (metadata as unknown as {countryCallingCodes(): Record<string, string[]>}).countryCallingCodes()[callingCode] ?? [];
  if (countries.length !== 1 || !prefix || !/^\d+$/.test(prefix) || plan.nationalPrefixForParsing() !== prefix) return null;
  if (!lengths || lengths.length !== 1 || plan.possibleLengthsLocal?.()?.length) return null;
  const length = lengths[0]!;
  const types: [string, string][] = [];
  const applies = (type: string) => {
    const def = plan.type(type);
    if (!def || !def.pattern()) return null;
    const typeLengths = def.possibleLengths();
    if (typeLengths && !typeLengths.includes(length)) return null;
    return def.pattern();
  };
  const fixed = applies("FIXED_LINE");
  const mobileDef = plan.type("MOBILE");
  const fixedIsMobile = !mobileDef || mobileDef.pattern() === "";
  if (fixed) types.push(["FIXED_LINE", fixed]);
  for (const type of OTHER_TYPES) {
    const pattern = applies(type);
    if (pattern) types.push([type, pattern]);
  }
  return {country, callingCode, nationalPrefix: prefix, length, general: plan.nationalNumberPattern(), types, fixedIsMobile};
}

const re = (pattern: string) => literal(pattern);

function nationalShape(p: PhonePlan): string {
  return `${p.nationalPrefix}[1-9][0-9]{${p.length - 1}}`;
}

function internationalShape(p: PhonePlan): string {
  return `\\+${p.callingCode}[1-9][0-9]{${p.length - 1}}`;
}

/** SQL: the plan's country when `key` has one of its simple shapes, else NULL. */
function planOfSql(plans: readonly PhonePlan[], key: string, country: string): string {
  if (plans.length === 0) return "NULL::VARCHAR";
  const cases = plans.flatMap((p) => [
    `WHEN ${country} = ${literal(p.country)} AND regexp_full_match(${key}, ${re(nationalShape(p))}) THEN ${literal(p.country)}`,
    `WHEN regexp_full_match(${key}, ${re(internationalShape(p))}) THEN ${literal(p.country)}`
  ]);
  return `(CASE ${cases.join(" ")} END)`;
}

export function decidableSql(plans: readonly PhonePlan[], key: string, country: string): string {
  return `(${planOfSql(plans, key, country)} IS NOT NULL)`;
}

/** SQL of the number type of a national number `nsn` under plan `p` (NULL: not valid). */
function typeSql(p: PhonePlan, nsn: string): string {
  const match = (pattern: string) => `regexp_full_match(${nsn}, ${re(pattern)})`;
  const fixed = p.types.find(([t]) => t === "FIXED_LINE");
  const mobile = p.types.find(([t]) => t === "MOBILE");
  const whens: string[] = [`WHEN NOT ${match(p.general)} THEN NULL`];
  if (fixed) {
    const both = p.fixedIsMobile ? "'FIXED_LINE_OR_MOBILE'" : mobile ? `CASE WHEN ${match(mobile[1])} THEN 'FIXED_LINE_OR_MOBILE' ELSE 'FIXED_LINE' END` : "'FIXED_LINE'";
    whens.push(`WHEN ${match(fixed[1])} THEN ${both}`);
  }
  for (const [type, pattern] of p.types) if (type !== "FIXED_LINE") whens.push(`WHEN ${match(pattern)} THEN ${literal(type)}`);
  return `(CASE ${whens.join(" ")} END)`;
}

/** SQL: for the distinct (key, country) rows of `source` that have a simple shape, the answers checkPhone gives. */
export function decidedPhonesSql(plans: readonly PhonePlan[], source: string): string {
  if (plans.length === 0) return `SELECT NULL::VARCHAR AS key, NULL::VARCHAR AS country, NULL::VARCHAR AS e164, NULL::BOOLEAN AS valid, NULL::VARCHAR AS type, NULL::VARCHAR AS reason WHERE false`;
  const byPlan = plans
    .map((p) => `WHEN ${literal(p.country)} THEN ${typeSql(p, "nsn")}`)
    .join(" ");
  const code = `CASE plan ${plans.map((p) => `WHEN ${literal(p.country)} THEN ${literal(p.callingCode)}`).join(" ")} END`;
  return `SELECT key, country, '+' || ${code} || nsn AS e164, type IS NOT NULL AS valid, type, CASE WHEN type IS NULL THEN 'INVALID' END AS reason
    FROM (SELECT *, CASE plan ${byPlan} END AS type FROM (
      SELECT key, country, plan, right(key, ${plans.length === 1 ? plans[0]!.length : `CASE plan ${plans.map((p) => `WHEN ${literal(p.country)} THEN ${p.length}`).join(" ")} END`}) AS nsn
      FROM (SELECT key, country, ${planOfSql(plans, "key", "country")} AS plan FROM (${source})) WHERE plan IS NOT NULL))`;
}
