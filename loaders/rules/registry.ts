/**
 * The rule catalogue: every rule of kpis.md, one file each, in the order of
 * its table. The engine, the site and the docs read this list.
 *
 *   RULES            the rules, in catalogue order
 *   ruleById(id)     one rule, or an error naming the known ids
 */
import type {Rule} from "./rule.ts";
import emailSyntax from "./email/syntax.ts";
import emailDomainTypo from "./email/domain-typo.ts";
import emailDisposable from "./email/disposable.ts";
import emailRole from "./email/role.ts";
import phoneInvalid from "./phone/invalid.ts";
import phonePlaceholder from "./phone/placeholder.ts";
import phoneNotMobile from "./phone/not-mobile.ts";
import postcodeInvalid from "./postcode/invalid.ts";
import postcodeCityMismatch from "./postcode/city-mismatch.ts";
import namePlaceholder from "./name/placeholder.ts";
import civilityInvalid from "./civility/invalid.ts";
import civilityFirstNameMismatch from "./civility/first-name-mismatch.ts";
import birthDateImplausible from "./birth-date/implausible.ts";
import dateUnparseable from "./date/unparseable.ts";
import countryUnknown from "./country/unknown.ts";
import recordStale from "./record/stale.ts";
import recordFutureDate from "./record/future-date.ts";
import consentUnknown from "./consent/unknown.ts";
import duplicateExact from "./duplicate/exact.ts";
import duplicateFuzzy from "./duplicate/fuzzy.ts";

export const RULES: readonly Rule[] = register([
  emailSyntax,
  emailDomainTypo,
  emailDisposable,
  emailRole,
  phoneInvalid,
  phonePlaceholder,
  phoneNotMobile,
  postcodeInvalid,
  postcodeCityMismatch,
  namePlaceholder,
  civilityInvalid,
  civilityFirstNameMismatch,
  birthDateImplausible,
  dateUnparseable,
  countryUnknown,
  recordStale,
  recordFutureDate,
  consentUnknown,
  duplicateExact,
  duplicateFuzzy
]);

function register(rules: Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`rule ${rule.id} is registered twice`);
    seen.add(rule.id);
  }
  return Object.freeze(rules);
}

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule: ${id} (known rules: ${RULES.map((r) => r.id).join(", ")})`);
  return rule;
}
