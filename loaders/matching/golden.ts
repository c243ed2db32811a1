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

/**
 * Survivorship rank of a record's value, as one HUGEINT (arg_max compares it as a number, not as a list):
 * day of the record's recency (none: 1900-01-01), then the value's frequency in the cluster,
 * then the smaller rid. Each part is non-negative and below 2^32.
 */
const RANK = `((datediff('day', DATE '1970-01-01', coalesce(recency, DATE '1900-01-01')) + 2147483648)::HUGEINT << 64)
  + (frequency::HUGEINT << 32) + (2147483647 - rid)`;

export async function buildGolden(db: Db, records: string, clusters: string, out: string): Promise<void> {
  const n = GOLDEN_FIELDS.length;
  // Clusters of one record (most of them) take that record's valid values as they are. The others
  // go through survivorship in one pass over long rows (a record's field per row): each value's
  // frequency in its cluster, then per cluster and field the best-ranked valid value.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_sizes AS
    SELECT rid, cluster_id, count(*) OVER (PARTITION BY cluster_id) AS n FROM ${clusters}`);
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    WITH members AS (
      SELECT s.cluster_id, r.rid, r.source, r.record_id, r.recency,
        [${GOLDEN_FIELDS.map(({value}) => value).join(", ")}] AS vs, [${GOLDEN_FIELDS.map(({valid}) => `coalesce(${valid}, false)`).join(", ")}] AS oks
      FROM ${records} AS r JOIN ${out}_sizes AS s USING (rid) WHERE s.n > 1
    ),
    cells AS (
      SELECT cluster_id, rid, source, record_id, recency, unnest(range(${n})) AS field, unnest(vs) AS v, unnest(oks) AS ok FROM members
    ),
    frequencies AS (
      SELECT cluster_id, field, v, count(*) AS frequency FROM cells GROUP BY ALL
    ),
    picked AS (
      SELECT cluster_id, ${GOLDEN_FIELDS.map(({name}, i) => `arg_max({'v': cells.v, 's': source, 'r': record_id}, ${RANK}) FILTER (WHERE field = ${i}) AS ${name}`).join(",\n        ")}
      FROM cells JOIN frequencies USING (cluster_id, field) WHERE ok AND cells.v IS NOT DISTINCT FROM frequencies.v
      GROUP BY cluster_id
    ),
    clustered AS (
      SELECT cluster_id, count(*) AS records, list(DISTINCT source ORDER BY source) AS sources, max(recency) AS last_seen
      FROM members GROUP BY cluster_id
    )
    SELECT cluster_id, records, array_to_string(sources, '|') AS sources, last_seen,
      ${GOLDEN_FIELDS.map(({name}) => `${name}.v AS ${name}, ${name}.s AS ${name}_source, ${name}.r AS ${name}_record_id`).join(",\n      ")}
    FROM clustered LEFT JOIN picked USING (cluster_id)
    UNION ALL
    SELECT s.cluster_id, 1 AS records, source AS sources, recency AS last_seen,
      ${GOLDEN_FIELDS.map(({name, value, valid}) => `CASE WHEN ${valid} THEN ${value} END AS ${name}, CASE WHEN ${valid} THEN source END AS ${name}_source, CASE WHEN ${valid} THEN record_id END AS ${name}_record_id`).join(",\n      ")}
    FROM ${records} AS r JOIN ${out}_sizes AS s USING (rid) WHERE s.n = 1
    ORDER BY cluster_id`);
  await db.exec(`DROP TABLE ${out}_sizes`);
}
