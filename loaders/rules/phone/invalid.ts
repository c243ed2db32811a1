/**
 * phone.invalid — not a valid number for its country (libphonenumber-js, full
 * metadata): the record's country, else the source's, else the configured
 * default; a number written with `+` or `00` carries its own country.
 * Placeholders are phone.placeholder's, not this rule's. `detail` says why:
 * TOO_SHORT, TOO_LONG, NOT_A_NUMBER, INVALID_COUNTRY, INVALID_LENGTH or
 * INVALID (right length, no such number range).
 */
import {defineRule} from "../rule.ts";
import {phoneFacts} from "../lookups/phones.ts";

export default defineRule({
  id: "phone.invalid",
  fields: ["phone", "mobile"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "Le numéro n'est pas un numéro valide pour le pays du client (trop court, trop long, ou plage de numéros inexistante).",
    en: "The number is not a valid number for the customer's country (too short, too long, or no such number range)."
  },
  check: async (ctx) =>
    `SELECT record_id, role AS field, value, reason AS detail FROM ${await phoneFacts(ctx)} WHERE placeholder IS NULL AND NOT valid`
});
