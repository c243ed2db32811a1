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
import {col, nameKeySql, presentSql} from "../text-sql.ts";
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
    // civilities and first names are read once per distinct value
    return `WITH civilities AS (SELECT value, ${civilityGenderSql("value")} AS gender FROM (SELECT DISTINCT ${civility} AS value FROM ${input})),
      names AS (SELECT value, ${nameKeySql("value")} AS name FROM (SELECT DISTINCT ${first} AS value FROM ${input}) WHERE ${presentSql("value")}),
      g AS (
        SELECT t.record_id, t.${civility} AS value, n.name, c.gender
        FROM ${input} AS t JOIN civilities AS c ON c.value = t.${civility} JOIN names AS n ON n.value = t.${first}
        WHERE c.gender IN ('M', 'F')),
      learned AS (
        SELECT name, CASE WHEN count(*) FILTER (WHERE gender = 'M') >= count(*) FILTER (WHERE gender = 'F') THEN 'M' ELSE 'F' END AS gender,
          count(*) AS n, greatest(count(*) FILTER (WHERE gender = 'M'), count(*) FILTER (WHERE gender = 'F')) AS majority
        FROM g WHERE gender IN ('M', 'F') AND name <> '' AND name NOT IN ${literalList(MIXED_FIRST_NAMES)}
        GROUP BY name HAVING count(*) >= ${MIN_OCCURRENCES} AND 20 * majority >= 19 * count(*))
      SELECT g.record_id, 'civility' AS field, g.value,
        learned.name || ': ' || learned.gender || ' ' || CAST(round(100 * learned.majority / learned.n) AS INTEGER) || '% of ' || learned.n AS detail
      FROM g JOIN learned USING (name) WHERE g.gender IN ('M', 'F') AND g.gender <> learned.gender`;
  }
});
