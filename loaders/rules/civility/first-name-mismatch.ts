/**
 * civility.first_name_mismatch — the civility contradicts the gender that the
 * first name carries in this very file. The file teaches it: a first name
 * (folded; `Jean-Pierre` is one name) seen with a gendered civility at least
 * 20 times, at least 95% of them one gender, carries that gender. Mixed names
 * (Camille, Dominique, Claude…) never fire, whatever the file says. Reported
 * on the civility; `detail` gives the first name, its learned gender and
 * the evidence.
 */
import {literalList} from "../../db/sql.ts";
import {defineRule} from "../rule.ts";
import {col, distinctValuesSql, nameKeySql, presentSql} from "../text-sql.ts";
import {civilityGenderSql} from "./civilities.ts";

/** Folded first names that both genders carry in France. */
export const MIXED_FIRST_NAMES: readonly string[] = [
  "camille", "dominique", "claude", "sacha", "sasha", "alix", "charlie", "andrea", "eden", "lou", "noa", "morgan",
  "kim", "ange", "swann", "stevie", "jody", "alex", "chris", "sam", "robin", "leslie", "yannick", "elie",
  "gael", "loan", "mae", "hyacinthe", "dany", "dani", "terry"
];

export const MIN_OCCURRENCES = 20;
/** At least 95% one gender, in integers: 20 × majority ≥ 19 × total. */
export const MIN_SHARE = 0.95;

export default defineRule({
  id: "civility.first_name_mismatch",
  fields: ["civility"],
  dimension: "consistency",
  severity: "warning",
  explain: {
    fr: "La civilité contredit le genre que ce prénom porte dans le fichier lui-même (prénom vu au moins 20 fois, à 95 % d'un même genre) ; les prénoms portés par les deux genres ne sont jamais signalés.",
    en: "The civility contradicts the gender this first name carries in the file itself (a name seen at least 20 times, 95% one gender); first names carried by both genders never fire."
  },
  applies: () => `${presentSql(col("civility"))} AND ${presentSql(col("firstName"))} AND ${civilityGenderSql(col("civility"))} IN ('M', 'F')`,
  check: ({input}) => {
    const civility = col("civility");
    const first = col("firstName");
    // civilities and first names are read once per distinct value, and the
    // learning runs on (civility, first name) pairs with their counts; only
    // the contradicting pairs are joined back to the records
    return `WITH pairs AS (SELECT ${civility} AS civility, ${first} AS first, count(*) AS n FROM ${input} GROUP BY ALL),
      civilities AS (SELECT value, ${civilityGenderSql("value")} AS gender FROM ${distinctValuesSql("civility", "pairs")}),
      names AS (SELECT value, ${nameKeySql("value")} AS name FROM ${distinctValuesSql("first", "pairs")} WHERE ${presentSql("value")}),
      g AS (
        SELECT p.civility, p.first, p.n, n.name, c.gender
        FROM pairs AS p JOIN civilities AS c ON c.value = p.civility JOIN names AS n ON n.value = p.first
        WHERE c.gender IN ('M', 'F')),
      learned AS (
        SELECT name, CASE WHEN sum(n) FILTER (WHERE gender = 'M') >= coalesce(sum(n) FILTER (WHERE gender = 'F'), 0) THEN 'M' ELSE 'F' END AS gender,
          sum(n) AS n, greatest(coalesce(sum(n) FILTER (WHERE gender = 'M'), 0), coalesce(sum(n) FILTER (WHERE gender = 'F'), 0)) AS majority
        FROM g WHERE name <> '' AND name NOT IN ${literalList(MIXED_FIRST_NAMES)}
        GROUP BY name HAVING sum(n) >= ${MIN_OCCURRENCES} AND 20 * majority >= 19 * sum(n)),
      contradicting AS (
        SELECT g.civility, g.first,
          learned.name || ': ' || learned.gender || ' ' || CAST(round(100 * learned.majority / learned.n) AS INTEGER) || '% of ' || learned.n AS detail
        FROM g JOIN learned USING (name) WHERE g.gender <> learned.gender)
      SELECT t.record_id, 'civility' AS field, t.${civility} AS value, c.detail
      FROM ${input} AS t JOIN contradicting AS c ON c.civility = t.${civility} AND c.first = t.${first}`;
  }
});
