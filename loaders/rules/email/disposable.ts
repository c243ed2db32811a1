/**
 * email.disposable — the domain of a usable address is a disposable-mail
 * domain (yopmail.com, mailinator.com…), or a subdomain of a wildcard one,
 * per the disposable-email-domains list.
 */
import {defineRule} from "../rule.ts";
import {emailFacts} from "../lookups/emails.ts";
import {createDisposableTable} from "../lookups/disposable.ts";

export default defineRule({
  id: "email.disposable",
  fields: ["email"],
  dimension: "validity",
  severity: "warning",
  explain: {
    fr: "L'adresse appartient à un service d'e-mail jetable (yopmail, mailinator…) : elle ne sera plus lue dans quelques jours.",
    en: "The address belongs to a disposable email service (yopmail, mailinator…): nobody will read it in a few days."
  },
  check: async (ctx) => {
    const domains = await ctx.lookup("disposable", (t) => createDisposableTable(ctx.db, t));
    return `WITH e AS (SELECT record_id, value, domain FROM ${await emailFacts(ctx)} WHERE usable),
      hits AS (SELECT DISTINCT e.domain FROM (SELECT DISTINCT domain FROM e) AS e JOIN ${domains} AS d
        ON e.domain = d.domain OR (d.wildcard AND ends_with(e.domain, '.' || d.domain)))
      SELECT e.record_id, 'email' AS field, e.value, NULL AS detail FROM e JOIN hits USING (domain)`;
  }
});
