/**
 * Golden record: one row per cluster. Each field is chosen by survivorship:
 * among the cluster's records whose value is present and valid (its
 * normalised key is not NULL), the most recent (updated date, else created
 * date), then the value most frequent in the cluster, then the first record;
 * with its provenance (source and record id of the record it came from).
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

/** Whether a record offers a field's value: valid, and present. */
const offered = ({value, valid}: (typeof GOLDEN_FIELDS)[number]) => `coalesce(${valid} AND ${value} IS NOT NULL, false)`;

/**
 * A record's rank within its cluster as one BIGINT: the day of its recency (none: 1900-01-01), then
 * the smaller rid. Days take the bits from 31 up, rids the 31 below (both below 2^31).
 */
const RECORD_RANK = `((datediff('day', DATE '1970-01-01', coalesce(recency, DATE '1900-01-01')) + 2147483648)::BIGINT << 31) + (2147483647 - rid)`;
/** The rid of a record from its RECORD_RANK. */
const ridOfRank = (rank: string) => `2147483647 - (${rank} & 2147483647)`;
/** A value's rank: its best record's day, then the value's frequency in the cluster, then that record's rid (one HUGEINT). */
const VALUE_RANK = `((best >> 31)::HUGEINT << 64) + (frequency::HUGEINT << 32) + (best & 2147483647)`;

/**
 * Builds `out`. Clusters of one record (most of them) take that record's valid values as they are.
 * In a cluster of two, frequency cannot decide (two different values are one each), so each field is
 * the higher-ranked record's valid value, else the other's: a join of each such cluster's two
 * records, no grouping (at 1M customers, 336,000 of the 464,000 clusters of several records).
 * Larger clusters go through survivorship over long rows (a record's field per row), in three
 * groupings that each keep one small state per group, so that DuckDB can spill them: each distinct
 * valid value of a cluster's field with its frequency and its best record (the most recent, then
 * the first); per cluster and field, the value whose best record is the most recent, then the most
 * frequent, then the first; then one row per cluster. (One grouping per cluster with an arg_max per
 * field ran out of a 5 GB memory limit at 16M records: eleven struct states per group cannot be
 * spilled.)
 */
export async function buildGolden(db: Db, records: string, clusters: string, out: string): Promise<void> {
  const n = GOLDEN_FIELDS.length;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_sizes AS
    SELECT rid, cluster_id, count(*) OVER (PARTITION BY cluster_id) AS n FROM ${clusters}`);
  // cells carry the record's rank only: its rid is in the rank's low bits, its source and id are joined
  // back once per picked value rather than carried through every cell
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_values AS
    WITH members AS (
      SELECT s.cluster_id, ${RECORD_RANK} AS rank,
        [${GOLDEN_FIELDS.map((f) => `CASE WHEN ${offered(f)} THEN ${f.value} END`).join(", ")}] AS vs
      FROM ${records} AS r JOIN ${out}_sizes AS s USING (rid) WHERE s.n > 2
    ),
    cells AS (SELECT cluster_id, rank, unnest(range(${n}))::TINYINT AS field, unnest(vs) AS v FROM members)
    SELECT cluster_id, field, v, count(*) AS frequency, max(rank) AS best FROM cells WHERE v IS NOT NULL GROUP BY cluster_id, field, v`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_picked AS
    WITH best AS (SELECT cluster_id, field, arg_max({'v': v, 'best': best}, ${VALUE_RANK}) AS x FROM ${out}_values GROUP BY cluster_id, field)
    SELECT b.cluster_id, b.field, {'v': b.x.v, 's': r.source, 'r': r.record_id} AS x
    FROM best AS b JOIN ${records} AS r ON r.rid = ${ridOfRank("b.x.best")}`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_fields AS
    SELECT cluster_id, ${GOLDEN_FIELDS.map(({name}, i) => `first(x) FILTER (WHERE field = ${i}) AS ${name}`).join(", ")} FROM ${out}_picked GROUP BY cluster_id`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_clustered AS
    SELECT s.cluster_id, count(*) AS records, list(DISTINCT r.source ORDER BY r.source) AS sources, max(r.recency) AS last_seen
    FROM ${records} AS r JOIN ${out}_sizes AS s USING (rid) WHERE s.n > 2 GROUP BY s.cluster_id`);
  // clusters of two: each record's offered values, the higher-ranked record first
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${out}_two AS
    SELECT s.cluster_id, arg_max(rid, ${RECORD_RANK}) AS h, arg_min(rid, ${RECORD_RANK}) AS l
    FROM ${records} AS r JOIN ${out}_sizes AS s USING (rid) WHERE s.n = 2 GROUP BY s.cluster_id`);
  const offers = `(SELECT rid, source, record_id, recency, ${GOLDEN_FIELDS.map((f, i) => `CASE WHEN ${offered(f)} THEN ${f.value} END AS v${i}`).join(", ")}
    FROM ${records} WHERE rid IN (SELECT h FROM ${out}_two UNION ALL SELECT l FROM ${out}_two))`;
  const either = (i: number, h: string, l: string) => `CASE WHEN h.v${i} IS NOT NULL THEN ${h} WHEN l.v${i} IS NOT NULL THEN ${l} END`;
  // no ORDER BY: golden.csv is written in cluster order (outputs.ts)
  await db.exec(`CREATE OR REPLACE TABLE ${out} AS
    SELECT cluster_id, records, array_to_string(sources, '|') AS sources, last_seen,
      ${GOLDEN_FIELDS.map(({name}) => `${name}.v AS ${name}, ${name}.s AS ${name}_source, ${name}.r AS ${name}_record_id`).join(",\n      ")}
    FROM ${out}_clustered LEFT JOIN ${out}_fields USING (cluster_id)
    UNION ALL
    SELECT t.cluster_id, 2 AS records,
      CASE WHEN h.source = l.source THEN h.source ELSE least(h.source, l.source) || '|' || greatest(h.source, l.source) END AS sources,
      CASE WHEN h.recency IS NULL OR l.recency > h.recency THEN l.recency ELSE h.recency END AS last_seen,
      ${GOLDEN_FIELDS.map(({name}, i) => `${either(i, `h.v${i}`, `l.v${i}`)} AS ${name}, ${either(i, "h.source", "l.source")} AS ${name}_source, ${either(i, "h.record_id", "l.record_id")} AS ${name}_record_id`).join(",\n      ")}
    FROM ${out}_two AS t JOIN ${offers} AS h ON h.rid = t.h JOIN ${offers} AS l ON l.rid = t.l
    UNION ALL
    SELECT s.cluster_id, 1 AS records, source AS sources, recency AS last_seen,
      ${GOLDEN_FIELDS.map((f) => `CASE WHEN ${offered(f)} THEN ${f.value} END AS ${f.name}, CASE WHEN ${offered(f)} THEN source END AS ${f.name}_source, CASE WHEN ${offered(f)} THEN record_id END AS ${f.name}_record_id`).join(",\n      ")}
    FROM ${records} AS r JOIN ${out}_sizes AS s USING (rid) WHERE s.n = 1`);
  for (const t of ["sizes", "values", "picked", "fields", "clustered", "two"]) await db.exec(`DROP TABLE ${out}_${t}`);
}
