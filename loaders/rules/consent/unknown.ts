/**
 * consent.unknown — the opt-in of a channel (email, SMS) is missing or not a
 * recognisable yes or no. Yes: 1, oui, o, yes, y, true, vrai, x, ok, opt-in,
 * inscrit, abonné, accepté. No: 0, non, n, no, false, faux, opt-out,
 * désinscrit, désabonné, refusé. Applies to every record: a missing opt-in is
 * precisely what this rule counts.
 */
import {literalList} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col, distinctValuesSql, foldSql, missingSql} from "../text-sql.ts";

export const CONSENT_YES: readonly string[] = ["1", "OUI", "O", "YES", "Y", "TRUE", "VRAI", "X", "OK", "OPT IN", "OPTIN", "INSCRIT", "INSCRITE", "ABONNE", "ABONNEE", "ACCEPTE", "ACCEPTEE", "T", "V"];
export const CONSENT_NO: readonly string[] = ["0", "NON", "N", "NO", "FALSE", "FAUX", "OPT OUT", "OPTOUT", "DESINSCRIT", "DESINSCRITE", "DESABONNE", "DESABONNEE", "REFUSE", "REFUSEE", "F"];

/** SQL: true (yes), false (no) or NULL (missing or not recognisable) for an opt-in text. */
export function consentSql(expr: string): string {
  return `(CASE WHEN ${foldSql(expr)} IN ${literalList(CONSENT_YES)} THEN true WHEN ${foldSql(expr)} IN ${literalList(CONSENT_NO)} THEN false END)`;
}

const FIELDS = ["optinEmail", "optinSms"] as const;

export default defineRule({
  id: "consent.unknown",
  fields: FIELDS,
  dimension: "consent",
  severity: "warning",
  explain: {
    fr: "Le consentement (opt-in e-mail ou SMS) est absent ou n'est pas un oui/non reconnaissable : le canal ne peut pas être utilisé en toute sécurité.",
    en: "The consent (email or SMS opt-in) is missing or not a recognisable yes/no: the channel cannot safely be used."
  },
  applies: () => "true",
  check: ({input}) =>
    FIELDS.map((role) => {
      const c = col(role);
      // read once per distinct text; a NULL joins nothing, so it is taken apart
      return `SELECT t.record_id, '${role}' AS field, t.${c} AS value, CASE WHEN ${missingSql(`t.${c}`)} THEN 'missing' ELSE 'not yes/no' END AS detail
        FROM ${input} AS t LEFT JOIN (SELECT value, ${consentSql("value")} AS consent FROM ${distinctValuesSql(c, input)}) AS d
          ON d.value = t.${c}
        WHERE d.consent IS NULL`;
    }).join(" UNION ALL ")
});
