/**
 * email.syntax — not a usable address. Usable: one `@`; a dot-atom local part
 * (RFC 5322 atext, or any non-ASCII character as RFC 6532 allows, in runs
 * joined by single dots) of at most 64 characters; a domain of at least two
 * labels (letters, digits, inner hyphens, non-ASCII), none over 63 characters,
 * at most 253 in all, ending in a TLD of 2+ letters (or a punycode `xn--`
 * label); no spaces or control characters. Spaces around the address are
 * forgiven; inside it they are not.
 */
import {literal} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {emailFacts} from "../lookups/emails.ts";

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]";
const LABEL_CHAR = "[A-Za-z0-9\\x{80}-\\x{10FFFF}]";
const LABEL = `${LABEL_CHAR}([A-Za-z0-9\\x{80}-\\x{10FFFF}-]*${LABEL_CHAR})?`;
const TLD = "(\\p{L}{2,}|[Xx][Nn]--[A-Za-z0-9-]*[A-Za-z0-9])";
const ADDRESS = `${ATEXT}+(\\.${ATEXT}+)*@(${LABEL}\\.)+${TLD}`;
/** Separators and control, format, private-use and unassigned characters. */
const FORBIDDEN = "[\\p{Z}\\p{C}]";

/** SQL: the address without the spaces around it. */
export function emailTextSql(expr: string): string {
  return `trim(${expr})`;
}

/** SQL: the lower-case domain of an address (what follows its `@`). */
export function emailDomainSql(expr: string): string {
  return `lower(split_part(${emailTextSql(expr)}, '@', 2))`;
}

/** SQL: the lower-case local part of an address. */
export function emailLocalSql(expr: string): string {
  return `lower(split_part(${emailTextSql(expr)}, '@', 1))`;
}

/** SQL predicate: `expr` is a usable address (NULL counts as not usable). */
export function emailUsableSql(expr: string): string {
  const text = emailTextSql(expr);
  return `coalesce(regexp_full_match(${text}, ${literal(ADDRESS)})
    AND NOT regexp_matches(${text}, ${literal(FORBIDDEN)})
    AND length(split_part(${text}, '@', 1)) <= 64
    AND length(split_part(${text}, '@', 2)) <= 253
    AND NOT regexp_matches(split_part(${text}, '@', 2), '[^.]{64,}'), false)`;
}

export default defineRule({
  id: "email.syntax",
  fields: ["email"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "L'adresse e-mail n'est pas utilisable : il faut un seul @, une partie locale sans espace ni point en tête, en fin ou doublé, et un domaine avec un point et une extension d'au moins deux lettres.",
    en: "The email address is not usable: it needs one @, a local part with no space and no leading, trailing or double dot, and a domain with a dot and an extension of at least two letters."
  },
  check: async (ctx) => `SELECT record_id, 'email' AS field, value, NULL AS detail FROM ${await emailFacts(ctx)} WHERE NOT usable`
});
