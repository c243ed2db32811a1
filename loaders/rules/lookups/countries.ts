/**
 * Country names and codes as customer files write them (`FR`, `FRA`,
 * `France`, `Allemagne`, `Germany`, `UK`), folded, and the ISO 3166 alpha-2
 * code each stands for. Names come from i18n-iso-countries (English, French
 * and the other languages of neighbouring countries, with their aliases).
 *
 *   createCountryTable(db, table)   table (key, alpha2), key folded by foldSql
 *   countryCodeSql(expr, table)     SQL: the alpha-2 code a text names, or NULL
 */
import countries from "i18n-iso-countries";
import type {Db} from "../../db/connection.ts";
import {ident} from "../../db/sql.ts";
import {foldSql} from "../text-sql.ts";
import {appendRows} from "./append-rows.ts";

const LANGUAGES = ["en", "fr", "de", "es", "it", "nl", "pt"];

/** Usual names that are no ISO name, code or alias. */
const EXTRA: Record<string, string> = {
  UK: "GB",
  "GREAT BRITAIN": "GB",
  "GRANDE BRETAGNE": "GB",
  ENGLAND: "GB",
  ANGLETERRE: "GB",
  SCOTLAND: "GB",
  ECOSSE: "GB",
  WALES: "GB",
  "PAYS DE GALLES": "GB",
  USA: "US",
  "ETATS UNIS": "US",
  "ETATS UNIS D AMERIQUE": "US",
  AMERICA: "US",
  HOLLAND: "NL",
  HOLLANDE: "NL",
  "PAYS BAS": "NL",
  FX: "FR",
  "FRANCE METROPOLITAINE": "FR",
  "METROPOLITAN FRANCE": "FR"
};

export async function createCountryTable(db: Db, table: string): Promise<void> {
  const rows: [string, string][] = [];
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) {
    rows.push([alpha2, alpha2], [alpha3, alpha2]);
  }
  for (const language of LANGUAGES) {
    for (const [alpha2, names] of Object.entries(countries.getNames(language, {select: "all"}))) {
      for (const name of names) rows.push([name, alpha2]);
    }
  }
  for (const [name, alpha2] of Object.entries(EXTRA)) rows.push([name, alpha2]);
  const raw = `${table}_raw`;
  await appendRows(db, raw, ["name", "alpha2"], rows);
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS
    SELECT key, min(alpha2) AS alpha2 FROM (SELECT ${foldSql("name")} AS key, alpha2 FROM ${ident(raw)})
    WHERE key <> '' GROUP BY key HAVING count(DISTINCT alpha2) = 1`);
  await db.exec(`DROP TABLE ${ident(raw)}`);
}

/** SQL: the alpha-2 code that the text `expr` names, or NULL (a scalar subquery on the table). */
export function countryCodeSql(expr: string, table: string): string {
  return `(SELECT c.alpha2 FROM ${ident(table)} AS c WHERE c.key = ${foldSql(expr)})`;
}
