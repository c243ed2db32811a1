/**
 * Disposable-mail domains, from the disposable-email-domains package: its
 * list of domains, and its list of wildcard domains whose every subdomain is
 * disposable too. Read by DuckDB straight from the package's JSON files.
 *
 *   createDisposableTable(db, table)   table (domain, wildcard BOOLEAN)
 */
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import type {Db} from "../../db/connection.ts";
import {ident, literal} from "../../db/sql.ts";

const require = createRequire(import.meta.url);
const folder = dirname(require.resolve("disposable-email-domains/package.json"));

export async function createDisposableTable(db: Db, table: string): Promise<void> {
  const read = (file: string) => `read_json(${literal(join(folder, file))}, format = 'array', columns = {json: 'VARCHAR'})`;
  await db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS
    SELECT lower(json) AS domain, false AS wildcard FROM ${read("index.json")}
    UNION ALL SELECT lower(json), true FROM ${read("wildcard.json")}`);
}
