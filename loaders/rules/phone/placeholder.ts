/**
 * phone.placeholder — a number typed to fill the field: all one digit
 * (`0000000000`), a plain sequence (`0123456789`, `987654`), eight last
 * digits in a plain sequence (`06 12 34 56 78`), or a prefix followed by one
 * repeated digit (`06 00 00 00 00`, `+33 6 11 11 11 11`: seven or more of the
 * same digit at the end).
 */
import {defineRule} from "../rule.ts";
import {digitsSql} from "../text-sql.ts";
import {phoneFacts} from "../lookups/phones.ts";

const UP = "01234567890123456789";
const DOWN = "98765432109876543210";

/** SQL: why the phone text `expr` is a placeholder ('one digit', 'sequence', 'dummy'), or NULL. */
export function phonePlaceholderSql(expr: string): string {
  return placeholderFromDigitsSql(digitsSql(expr));
}

/** The same, from the number's digits alone (a column, so that they are extracted once). */
export function placeholderFromDigitsSql(d: string): string {
  const tail = `right(${d}, 8)`;
  const run = `(length(${d}) - length(rtrim(${d}, right(${d}, 1))))`;
  return `(CASE
    WHEN length(${d}) >= 2 AND length(replace(${d}, left(${d}, 1), '')) = 0 THEN 'one digit'
    WHEN length(${d}) >= 6 AND (contains('${UP}', ${d}) OR contains('${DOWN}', ${d})) THEN 'sequence'
    WHEN length(${d}) >= 10 AND (contains('${UP}', ${tail}) OR contains('${DOWN}', ${tail})) THEN 'sequence'
    WHEN length(${d}) >= 8 AND ${run} >= 7 THEN 'dummy'
  END)`;
}

export default defineRule({
  id: "phone.placeholder",
  fields: ["phone", "mobile"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "Le numéro est un numéro de remplissage : un seul chiffre répété (0000000000), une suite (0123456789) ou un numéro factice (0600000000).",
    en: "The number is a filler: one repeated digit (0000000000), a sequence (0123456789) or a dummy number (0600000000)."
  },
  check: async (ctx) =>
    `SELECT record_id, role AS field, value, placeholder AS detail FROM ${await phoneFacts(ctx)} WHERE placeholder IS NOT NULL`
});
