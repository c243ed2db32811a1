/**
 * phone.not_mobile — the mobile field holds a valid number that is not a
 * mobile number (a landline, VoIP, toll-free…), so SMS will not reach it.
 * Numbers whose type cannot be told apart (FIXED_LINE_OR_MOBILE, as in the
 * United States) never fire. `detail` gives the type.
 */
import {defineRule} from "../rule.ts";
import {phoneFacts} from "../lookups/phones.ts";

export default defineRule({
  id: "phone.not_mobile",
  fields: ["mobile"],
  dimension: "validity",
  severity: "warning",
  explain: {
    fr: "Le numéro du champ mobile est valide mais n'est pas un mobile (fixe, VoIP, numéro spécial) : les SMS n'y arriveront pas.",
    en: "The number in the mobile field is valid but not a mobile (landline, VoIP, special rate): text messages will not reach it."
  },
  check: async (ctx) =>
    `SELECT record_id, role AS field, value, type AS detail FROM ${await phoneFacts(ctx)}
      WHERE role = 'mobile' AND placeholder IS NULL AND valid AND type IS NOT NULL AND type NOT IN ('MOBILE', 'FIXED_LINE_OR_MOBILE')`
});
