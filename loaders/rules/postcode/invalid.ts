/**
 * postcode.invalid — not a postcode of the record's country (the record's
 * country, else the source's, else the default). France and the countries of
 * the French postal system: not an existing code of La Poste's base
 * (codes-postaux), so `75000`, `99999` and a code that lost its leading zero
 * (`1000`) fire. Other countries: not in the country's format
 * (postcode-validator); countries it does not know are not checked.
 */
import {postcodeValidator, postcodeValidatorExistsForCountry} from "postcode-validator";
import countries from "i18n-iso-countries";
import {literalList} from "../../db/sql.ts";
import {defineRule, type RuleContext} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {mapDistinct} from "../../db/map-distinct.ts";
import {createPostcodeTable, FRENCH_POSTAL_COUNTRIES} from "../lookups/postcodes.ts";

/** Countries whose postcodes can be checked. */
export const CHECKED_COUNTRIES: readonly string[] = [
  ...FRENCH_POSTAL_COUNTRIES,
  ...Object.keys(countries.getAlpha2Codes()).filter((c) => !FRENCH_POSTAL_COUNTRIES.includes(c) && postcodeValidatorExistsForCountry(c))
];

/** SQL: the postcode as compared, without surrounding spaces, in capitals. */
export function postcodeTextSql(expr: string): string {
  return `upper(trim(${expr}))`;
}

/** The table of French postcodes (postcode, city_key) of a run. */
export function postcodeTable(ctx: RuleContext): Promise<string> {
  return ctx.lookup("postcodes", (t) => createPostcodeTable(ctx.db, t));
}

export default defineRule({
  id: "postcode.invalid",
  fields: ["postcode"],
  dimension: "validity",
  severity: "error",
  explain: {
    fr: "Le code postal n'existe pas pour le pays du client (en France : absent de la base de La Poste, comme 75000 ou un code qui a perdu son zéro initial).",
    en: "The postcode does not exist for the customer's country (in France: not in La Poste's base, like 75000 or a code that lost its leading zero)."
  },
  applies: () => `${presentSql(col("postcode"))} AND country_code IN ${literalList(CHECKED_COUNTRIES)}`,
  check: async (ctx) => {
    const french = await postcodeTable(ctx);
    const pc = col("postcode");
    const others = CHECKED_COUNTRIES.filter((c) => !FRENCH_POSTAL_COUNTRIES.includes(c));
    const foreign = await ctx.lookup("postcode_formats", (table) =>
      mapDistinct(ctx.db, {
        table,
        sql: `SELECT ${postcodeTextSql(pc)} AS postcode, country_code AS country FROM ${ctx.input}
          WHERE ${presentSql(pc)} AND country_code IN ${literalList(others)}`,
        outputs: [{name: "valid", type: "BOOLEAN"}],
        fn: ([postcode, country]) => [postcodeValidator(postcode ?? "", country ?? "")]
      }).then(() => undefined)
    );
    return `SELECT t.record_id, 'postcode' AS field, t.${pc} AS value, t.country_code AS detail
      FROM ${ctx.input} AS t
      WHERE ${presentSql(`t.${pc}`)} AND (
        (t.country_code IN ${literalList(FRENCH_POSTAL_COUNTRIES)}
          AND ${postcodeTextSql(`t.${pc}`)} NOT IN (SELECT postcode FROM ${french}))
        OR EXISTS (SELECT 1 FROM ${foreign} AS g
          WHERE g.postcode = ${postcodeTextSql(`t.${pc}`)} AND g.country = t.country_code AND NOT g.valid))`;
  }
});
