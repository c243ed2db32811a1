/**
 * name.placeholder — a first or last name typed to fill the field: a known
 * filler (`test`, `xxx`, `n/a`, `inconnu`, `client`, `nom`…), a single
 * letter (`J.`), one letter repeated (`aaa`), no letter at all (`.`, `-`,
 * `?`), or any digit.
 */
import {literalList} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col, distinctValuesSql, foldSql, presentSql} from "../text-sql.ts";

/** Fillers, folded (capitals, no accents, punctuation as spaces). */
export const NAME_FILLERS: readonly string[] = [
  "TEST", "TESTS", "TESTT", "ESSAI", "XXX", "XX", "X X", "XXX XXX", "ABC", "AZERTY", "QWERTY", "ASDF", "N A", "N C",
  "NC", "ND", "N D", "NR", "INCONNU", "INCONNUE", "UNKNOWN", "CLIENT", "CLIENTE", "CUSTOMER", "NOM", "PRENOM",
  "NAME", "FIRSTNAME", "LASTNAME", "FIRST NAME", "LAST NAME", "NONE", "NULL", "VIDE", "SANS NOM",
  "ANONYME", "ANONYMOUS", "TOTO", "DUMMY", "NO NAME", "NONAME",
  "A RENSEIGNER", "NON RENSEIGNE", "NON COMMUNIQUE", "MONSIEUR", "MADAME", "MR", "MME"
];

/** SQL: why a name text is a placeholder ('filler', 'single letter', 'repeated letter', 'no letter', 'digits'), or NULL. */
export function namePlaceholderSql(expr: string): string {
  const folded = foldSql(expr);
  const letters = `regexp_replace(${expr}, '[^\\p{L}]', '', 'g')`;
  return `(CASE
    WHEN ${folded} IN ${literalList(NAME_FILLERS)} THEN 'filler'
    WHEN regexp_matches(${expr}, '[0-9]') THEN 'digits'
    WHEN length(${letters}) = 0 THEN 'no letter'
    WHEN length(${letters}) = 1 THEN 'single letter'
    WHEN length(${letters}) >= 2 AND length(replace(lower(${letters}), lower(left(${letters}, 1)), '')) = 0
      AND length(${letters}) = length(regexp_replace(${expr}, '[\\s\\p{Z}]', '', 'g')) THEN 'repeated letter'
  END)`;
}

export default defineRule({
  id: "name.placeholder",
  fields: ["firstName", "lastName"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "Le prénom ou le nom est une valeur de remplissage (test, xxx, n/a, inconnu, client, une seule lettre, des chiffres…).",
    en: "The first or last name is a filler (test, xxx, n/a, unknown, client, a single letter, digits…)."
  },
  check: ({input}) =>
    (["firstName", "lastName"] as const)
      .map((role) => {
        const c = col(role);
        // checked once per distinct name
        return `SELECT t.record_id, '${role}' AS field, t.${c} AS value, p.reason AS detail
          FROM ${input} AS t JOIN (SELECT value, ${namePlaceholderSql("value")} AS reason FROM ${distinctValuesSql(c, input)}
            WHERE ${presentSql("value")}) AS p ON p.value = t.${c}
          WHERE p.reason IS NOT NULL`;
      })
      .join(" UNION ALL ")
});
