/**
 * Golden record: one row per cluster. Each field is chosen by survivorship:
 * among the cluster's records whose value is valid (its normalised key is not
 * NULL), the most recent (updated date, else created date), then the most
 * frequent in the cluster, then the first record; with its provenance (source
 * and record id of the record it came from).
 *
 *   buildGolden(db, records, clusters, out) → creates `out`
 */
import type {Db} from "../db/connection.ts";

/** Golden fields: output name, raw column, validity test. */
export const GOLDEN_FIELDS: {name: string; value: string; valid: string}[] = [
  {name: "civility", value: "civility", valid: "civility IS NOT NULL"},
  {name: "first_name", value: "first_raw", valid: "first_name_n IS NOT NULL"},
  {name: "last_name", value: "last_raw", valid: "last_name_n IS NOT NULL"},
  {name: "email", value: "email_n", valid: "email_n IS NOT NULL"},
  {name: "phone", value: "phones[1]", valid: "len(phones) > 0"},
  {name: "address1", value: "address1", valid: "address_n IS NOT NULL"},
  {name: "address2", value: "address2", valid: "address_n IS NOT NULL AND address2 IS NOT NULL"},
  {name: "postcode", value: "postcode", valid: "postcode_n IS NOT NULL"},
  {name: "city", value: "city", valid: "city_n IS NOT NULL"},
  {name: "country", value: "country", valid: "country IS NOT NULL"},
  {name: "birth_date", value: "strftime(birth_date_n, '%Y-%m-%d')", valid: "birth_date_n IS NOT NULL"}
];

export async function buildGolden(db: Db, records: string, clusters: string, out: string): Promise<void> {
  const fields = GOLDEN_FIELDS.map(({name, value, valid}) => {
    const frequency = `count(*) OVER (PARTITION BY c.cluster_id, ${value})`;
    return {
      window: `CASE WHEN ${valid} THEN ${frequency} END AS freq_${name}`,
      pick: `arg_max({'v': ${value}, 'ok': ${valid}, 's': r.source, 'r': r.record_id}, [(${valid})::INT, epoch(coalesce(r.recency, DATE '1900-01-01'))::BIGINT, coalesce(freq_${name}, 0), -r.rid]) AS ${name}`
    };
  });
  // Clusters of one record (most of them) take that record's valid values as they are;
  // only the others go through the windows and the survivorship ranking.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_sizes AS SELECT cluster_id, count(*) AS n FROM ${clusters} GROUP BY cluster_id`);
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    WITH members AS (
      SELECT c.cluster_id, s.n, r.* FROM ${records} AS r JOIN ${clusters} AS c USING (rid) JOIN ${out}_sizes AS s USING (cluster_id)
    ),
    ranked AS (
      SELECT *, ${fields.map((f) => f.window.replace(/c\.cluster_id/g, "cluster_id")).join(", ")}
      FROM members WHERE n > 1
    ),
    picked AS (
      SELECT cluster_id, count(*) AS records, list(DISTINCT source ORDER BY source) AS sources, max(recency) AS last_seen,
        ${fields.map((f) => f.pick).join(",\n        ")}
      FROM ranked AS r GROUP BY cluster_id
    )
    SELECT cluster_id, records, array_to_string(sources, '|') AS sources, last_seen,
      ${GOLDEN_FIELDS.map(({name}) => `CASE WHEN ${name}.ok THEN ${name}.v END AS ${name}, CASE WHEN ${name}.ok THEN ${name}.s END AS ${name}_source, CASE WHEN ${name}.ok THEN ${name}.r END AS ${name}_record_id`).join(",\n      ")}
    FROM picked
    UNION ALL
    SELECT cluster_id, 1 AS records, source AS sources, recency AS last_seen,
      ${GOLDEN_FIELDS.map(({name, value, valid}) => `CASE WHEN ${valid} THEN ${value} END AS ${name}, CASE WHEN ${valid} THEN source END AS ${name}_source, CASE WHEN ${valid} THEN record_id END AS ${name}_record_id`).join(",\n      ")}
    FROM members WHERE n = 1
    ORDER BY cluster_id`);
  await db.exec(`DROP TABLE ${out}_sizes`);
}
