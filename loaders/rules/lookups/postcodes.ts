/**
 * French postcodes and the names of their communes, from the codes-postaux
 * package (La Poste's base): each postcode with every commune's name and
 * La Poste routing label, folded by `cityKeySql`; arrondissements also go by
 * their number alone (`PARIS 15E ARRONDISSEMENT` is also `PARIS 15`).
 * Countries that use the French postal system (overseas departments and
 * collectivities with 97x codes) are checked against the same base.
 *
 *   FRENCH_POSTAL_COUNTRIES
 *   cityKeySql(expr)                    SQL: a city name folded for comparison
 *   createPostcodeTable(db, table)      table (postcode, city_key)
 */
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import type {Db} from "../../db/connection.ts";
import {ident, literal} from "../../db/sql.ts";
import {foldSql} from "../text-sql.ts";

const require = createRequire(import.meta.url);
const file = join(dirname(require.resolve("codes-postaux/package.json")), "codes-postaux.json");

export const FRENCH_POSTAL_COUNTRIES: readonly string[] = ["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"];

/**
 * SQL: the city folded as postcode.city_mismatch compares it: capitals without
 * accents or punctuation, `ST`/`STE` read `SAINT`/`SAINTE`, and `CEDEX` with
 * whatever follows it dropped.
 */
export function cityKeySql(expr: string): string {
  const folded = foldSql(expr);
  const noCedex = `regexp_replace(${folded}, '(^| )CEDEX( .*)?$', '')`;
  const saints = `regexp_replace(regexp_replace(${noCedex}, '(^| )STE( |$)', '\\1SAINTE\\2', 'g'), '(^| )ST( |$)', '\\1SAINT\\2', 'g')`;
  return `trim(${saints})`;
}

export async function createPostcodeTable(db: Db, table: string): Promise<void> {
  const communes = `read_json(${literal(file)}, columns = {codePostal: 'VARCHAR', nomCommune: 'VARCHAR', libelleAcheminement: 'VARCHAR'})`;
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS
    WITH names AS (
      SELECT codePostal AS postcode, ${cityKeySql("nomCommune")} AS city_key FROM ${communes}
      UNION SELECT codePostal, ${cityKeySql("libelleAcheminement")} FROM ${communes})
    SELECT postcode, city_key FROM names
    UNION SELECT postcode, regexp_replace(city_key, ' (\\d+)(ER|E) ARRONDISSEMENT$', ' \\1') FROM names WHERE city_key LIKE '% ARRONDISSEMENT'`);
}
