/**
 * Files written by matching into the output folder: `clusters.csv`
 * (source, record_id, cluster_id), `golden.csv` (one row per cluster) and
 * `pairs.parquet` (every scored candidate pair with its levels and per-field
 * weights). CSV text cells that a spreadsheet would read as a formula are
 * prefixed with an apostrophe.
 *
 *   writeMatchingOutputs(db, tables, outDir) → paths written
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Db} from "../db/connection.ts";
import {ident, literal} from "../db/sql.ts";
import {spreadsheetSafeSql} from "../db/spreadsheet.ts";


export interface MatchingTables {
  records: string;
  clusters: string;
  golden: string;
  pairs: string;
}

export async function writeMatchingOutputs(db: Db, tables: MatchingTables, outDir: string): Promise<{clusters: string; golden: string; pairs: string}> {
  mkdirSync(outDir, {recursive: true});
  const paths = {clusters: join(outDir, "clusters.csv"), golden: join(outDir, "golden.csv"), pairs: join(outDir, "pairs.parquet")};
  await db.exec(`COPY (
    SELECT ${spreadsheetSafeSql("r.source")} AS source, ${spreadsheetSafeSql("r.record_id")} AS record_id, c.cluster_id
    FROM ${tables.records} AS r JOIN ${tables.clusters} AS c USING (rid) ORDER BY r.rid
  ) TO ${literal(paths.clusters)} (HEADER, DELIMITER ',')`);
  const columns = await db.all<{column_name: string; column_type: string}>(`SELECT column_name, column_type FROM (DESCRIBE ${tables.golden})`);
  const select = columns.map(({column_name, column_type}) =>
    column_type === "VARCHAR" ? `${spreadsheetSafeSql(ident(column_name))} AS ${ident(column_name)}` : ident(column_name)
  );
  await db.exec(`COPY (SELECT ${select.join(", ")} FROM ${tables.golden} ORDER BY cluster_id) TO ${literal(paths.golden)} (HEADER, DELIMITER ',')`);
  await db.exec(`COPY (
    SELECT la.source AS source_l, la.record_id AS record_id_l, lb.source AS source_r, lb.record_id AS record_id_r, p.* EXCLUDE (a, b)
    FROM ${tables.pairs} AS p JOIN ${tables.records} AS la ON la.rid = p.a JOIN ${tables.records} AS lb ON lb.rid = p.b
    ORDER BY p.a, p.b
  ) TO ${literal(paths.pairs)} (FORMAT parquet)`);
  return paths;
}
