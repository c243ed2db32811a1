/**
 * email.domain_typo — the domain of a usable address is a near miss of a
 * common provider: `gmial.com`, `hotmial.fr`, `orange.ff`, `wanadoo.fe`.
 * Near miss, against each provider P (never when the domain is itself a
 * provider):
 *   - the same name with a TLD one edit away (`orange.ff`, `sfr.fe`);
 *   - one edit (insertion, deletion, substitution or transposition) away
 *     from P when P has 7 characters or more (`gmial.com`, `fre.fr`).
 * Short providers (`me.com`, `sfr.fr`) only take the TLD test, so that real
 * small domains are not mistaken for them. `detail` gives the nearest
 * provider, the earlier in MAIL_PROVIDERS on a tie. Checked once per
 * distinct domain.
 */
import {literal} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {emailFacts} from "../lookups/emails.ts";
import {MAIL_PROVIDERS} from "./providers.ts";

const providersSql = `(VALUES ${MAIL_PROVIDERS.map((d, i) => `(${literal(d)}, ${i})`).join(", ")}) AS p(provider, preference)`;

export function typoSuggestionsSql(domains: string): string {
  return `WITH d AS (SELECT DISTINCT domain FROM ${domains} WHERE domain NOT IN (SELECT provider FROM ${providersSql})),
    parts AS (SELECT domain, regexp_extract(domain, '^(.*)\\.[^.]*$', 1) AS name, regexp_extract(domain, '\\.([^.]*)$', 1) AS tld FROM d),
    p AS (SELECT provider, preference, regexp_extract(provider, '^(.*)\\.[^.]*$', 1) AS name, regexp_extract(provider, '\\.([^.]*)$', 1) AS tld FROM ${providersSql}),
    near AS (
      SELECT parts.domain, p.provider, p.preference, damerau_levenshtein(parts.domain, p.provider) AS distance
      FROM parts CROSS JOIN p
      WHERE (parts.name = p.name AND damerau_levenshtein(parts.tld, p.tld) = 1)
         OR (length(p.provider) >= 7 AND damerau_levenshtein(parts.domain, p.provider) = 1))
    SELECT domain, arg_min(provider, distance * 1000 + preference) AS suggestion FROM near GROUP BY domain`;
}

export default defineRule({
  id: "email.domain_typo",
  fields: ["email"],
  dimension: "validity",
  severity: "warning",
  explain: {
    fr: "Le domaine de l'adresse ressemble à s'y méprendre à celui d'un fournisseur courant (gmial.com pour gmail.com, orange.ff pour orange.fr) : probablement une faute de frappe. Le détail donne la correction proposée.",
    en: "The address's domain is a near miss of a common provider (gmial.com for gmail.com, orange.ff for orange.fr): most likely a typo. The detail gives the suggested fix."
  },
  check: async (ctx) => {
    return `WITH e AS (SELECT record_id, value, domain FROM ${await emailFacts(ctx)} WHERE usable),
      s AS (${typoSuggestionsSql("e")})
      SELECT e.record_id, 'email' AS field, e.value, s.suggestion AS detail FROM e JOIN s USING (domain)`;
  }
});
