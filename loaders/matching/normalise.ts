/**
 * Normalisation: the record table the matcher works on. One row per input
 * record, with an integer `rid`, the raw values (trimmed) for the golden record,
 * and the comparison and blocking keys beside them (`*_n`, `*_key`, phonetic
 * codes, E.164 phones, parsed dates). Raw values are never overwritten.
 *
 *   normaliseRecords(db, input, options) → {table, filled, rows}
 */
import type {Db} from "../db/connection.ts";
import {dayOrderSql, parseDateSql, type DayOrder} from "../db/dates.ts";
import {ident, literal} from "../db/sql.ts";
import {nicknameRows} from "./nicknames.ts";
import {buildPhoneMap, buildPhoneticMap, fastE164Sql, phoneCleanSql, type PhoneticMethod} from "./keys.ts";
import type {Field} from "./settings.ts";
import {
  addressSql,
  citySql,
  cleanSql,
  emailKeySql,
  emailSql,
  nameKeySql,
  otherNameSql,
  postcodeSql,
  primaryNameSql,
  splitFullNameSql,
  withoutParticlesSql
} from "./text-sql.ts";

/** Role columns the engine reads from the input (NULL when the input lacks one). */
export const INPUT_COLUMNS = [
  "civility", "first_name", "last_name", "full_name", "email", "phone", "mobile", "address1", "address2",
  "postcode", "city", "country", "birth_date", "created_at", "updated_at"
] as const;

/**
 * Raw values (trimmed) the record table keeps beside its keys: those the golden record and the
 * example pairs show (golden.ts, publish.ts), the names as split from a full name (`first_raw`,
 * `last_raw`). The others (the names before the split, the record's dates) are read into keys only.
 */
const KEPT_RAW = [
  "civility", "first_raw", "last_raw", "email", "phone", "mobile", "address1", "address2", "postcode", "city", "country", "birth_date"
] as const;

export interface NormaliseOptions {
  country: string;
  phonetic: PhoneticMethod;
  /** Column of the input holding a ground-truth entity id, kept as `truth`. */
  truthColumn?: string;
  /** Name of the record table to create; default `match_records`. */
  table?: string;
}

export interface Normalised {
  table: string;
  rows: number;
  /** Fields that at least one record fills. */
  filled: Set<Field>;
}

export async function normaliseRecords(db: Db, input: string, options: NormaliseOptions): Promise<Normalised> {
  const table = options.table ?? "match_records";
  const present = new Set(
    (await db.all<{column_name: string}>(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${input})`)).map((r) => r.column_name)
  );
  const col = (name: string) => (present.has(name) ? `CAST(${ident(name)} AS VARCHAR)` : "CAST(NULL AS VARCHAR)");
  const dayOrder = async (name: string): Promise<DayOrder> =>
    present.has(name) ? ((await db.one<{day_order: DayOrder}>(dayOrderSql(ident(name), input)))?.day_order ?? "dmy") : "dmy";
  const date = async (name: string) => parseDateSql(col(name), await dayOrder(name));

  const split = splitFullNameSql(col("full_name"));
  const hasNames = `(${col("first_name")} IS NOT NULL OR ${col("last_name")} IS NOT NULL)`;
  const first = `CASE WHEN ${hasNames} THEN ${col("first_name")} ELSE ${split.first} END`;
  const last = `CASE WHEN ${hasNames} THEN ${col("last_name")} ELSE ${split.last} END`;
  const birth = await date("birth_date");
  const truth = options.truthColumn ? `CAST(${ident(options.truthColumn)} AS VARCHAR)` : "CAST(NULL AS VARCHAR)";

  // The raw values, one row per record; what is cheap or unique to a record is computed here.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_raw AS
    WITH raw AS (
      SELECT CAST(source AS VARCHAR) AS source, CAST(record_id AS VARCHAR) AS record_id,
        ${present.has("row_number") ? "CAST(row_number AS BIGINT)" : "NULL::BIGINT"} AS row_number,
        ${truth} AS truth,
        ${INPUT_COLUMNS.map((c) => `nullif(trim(${col(c)}), '') AS ${c}`).join(",\n        ")},
        ${first} AS first_raw, ${last} AS last_raw,
        ${birth} AS birth_parsed, ${await date("updated_at")} AS updated_date, ${await date("created_at")} AS created_date
      FROM ${input}
    )
    SELECT *, ${emailSql("email")} AS email_n, ${phoneCleanSql("phone")} AS phone_clean, ${phoneCleanSql("mobile")} AS mobile_clean
    FROM raw`);
  // Record ids in (source, row number, record id) order, sorting those three columns only.
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_order AS
    SELECT rowid AS position, row_number() OVER (ORDER BY source, row_number, record_id)::INTEGER AS rid FROM ${table}_raw`);

  // Phones: in SQL when the form settles it, else libphonenumber once per distinct cleaned value.
  await buildPhoneMap(
    db,
    `${table}_phones`,
    `SELECT DISTINCT value FROM (SELECT phone_clean AS value FROM ${table}_raw UNION ALL SELECT mobile_clean FROM ${table}_raw)
      WHERE value IS NOT NULL AND ${fastE164Sql("value", options.country)} IS NULL`,
    options.country
  );

  // Keys of names, addresses, postcodes and cities: once per distinct value (a few thousand names
  // for a million records), joined back below. NULL is a value too (its keys are NULL, its lists empty).
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_first AS
    WITH cleaned AS (SELECT first_raw, ${cleanSql("first_raw", "a-z")} AS first_clean FROM (SELECT DISTINCT first_raw FROM ${table}_raw))
    SELECT *, ${nameKeySql("first_clean")} AS first_name_n FROM cleaned`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_last AS
    WITH cleaned AS (SELECT last_raw, ${cleanSql("last_raw", "a-z")} AS last_clean FROM (SELECT DISTINCT last_raw FROM ${table}_raw)),
    keyed AS (
      SELECT *,
        ${nameKeySql(withoutParticlesSql(primaryNameSql("last_clean")))} AS last_core,
        ${nameKeySql(primaryNameSql("last_clean"))} AS last_name_n,
        ${nameKeySql(otherNameSql("last_clean"))} AS other_name_n
      FROM cleaned
    )
    SELECT *, list_distinct(list_filter([last_name_n, last_core, other_name_n], x -> x IS NOT NULL)) AS last_names FROM keyed`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_address AS
    WITH keyed AS (
      SELECT address1, address2, ${addressSql("address1", "address2")} AS address_n FROM (SELECT DISTINCT address1, address2 FROM ${table}_raw)
    )
    SELECT *, list_distinct(string_split(address_n, ' ')) AS address_tokens FROM keyed`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_postcodes AS
    SELECT postcode, ${postcodeSql("postcode", options.country)} AS postcode_n FROM (SELECT DISTINCT postcode FROM ${table}_raw)`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_cities AS SELECT city, ${citySql("city")} AS city_n FROM (SELECT DISTINCT city FROM ${table}_raw)`);

  // Phonetic codes and nickname groups: once per distinct name.
  await buildPhoneticMap(
    db,
    `${table}_phonetic`,
    `SELECT DISTINCT value FROM (SELECT first_name_n AS value FROM ${table}_first UNION ALL SELECT last_name_n FROM ${table}_last)
      WHERE value IS NOT NULL`,
    options.phonetic
  );
  const nicknames = nicknameRows().map(([name, canonical]) => `(${literal(name)}, ${literal(canonical)})`);
  await db.exec(`CREATE OR REPLACE TABLE ${table}_nicknames AS SELECT * FROM (VALUES ${nicknames.join(", ")}) AS t(name, canonical)`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_first_keys AS
    WITH canon AS (
      SELECT n.name, list(DISTINCT k.canonical) AS canons
      FROM (SELECT DISTINCT first_name_n AS name FROM ${table}_first WHERE first_name_n IS NOT NULL) AS n
      JOIN ${table}_nicknames AS k ON k.name = n.name GROUP BY n.name
    )
    SELECT f.*, p.code AS first_phonetic, list_sort(list_distinct(list_append(coalesce(c.canons, []), f.first_name_n))) AS first_canons
    FROM ${table}_first AS f LEFT JOIN ${table}_phonetic AS p ON p.value = f.first_name_n LEFT JOIN canon AS c ON c.name = f.first_name_n`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_last_keys AS
    SELECT l.*, p.code AS last_phonetic FROM ${table}_last AS l LEFT JOIN ${table}_phonetic AS p ON p.value = l.last_name_n`);

  // not sorted by rid: every later step joins or orders by rid itself, and sorting 1.6M records of 50
  // columns cost 6 s of the 30 of this statement; beside the raw values shown, only the keys later
  // steps read are kept (with ten more intermediate ones, 1M customers took 8.2 s here instead of 6.1 s)
  const same = (a: string, b: string, columns: string[]) => columns.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(" AND ");
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS
    WITH joined AS (
      SELECT o.rid, r.source, r.record_id, r.truth, ${KEPT_RAW.map((c) => `r.${c}`).join(", ")},
        f.first_name_n, l.last_name_n, r.email_n, a.address_n, pc.postcode_n, ci.city_n,
        CASE WHEN r.birth_parsed > DATE '1900-01-01' AND r.birth_parsed <= current_date THEN r.birth_parsed END AS birth_date_n,
        coalesce(r.updated_date, r.created_date) AS recency,
        left(f.first_name_n, 1) AS first_initial,
        CASE WHEN f.first_name_n IS NOT NULL AND l.last_name_n IS NOT NULL
          THEN array_to_string(list_sort([f.first_name_n, l.last_name_n]), ' ') END AS name_pair,
        l.last_names,
        ${emailKeySql("r.email_n")} AS email_key,
        a.address_tokens,
        f.first_phonetic, l.last_phonetic, f.first_canons,
        list_distinct(list_filter([coalesce(${fastE164Sql("r.phone_clean", options.country)}, p1.e164),
          coalesce(${fastE164Sql("r.mobile_clean", options.country)}, p2.e164)], x -> x IS NOT NULL)) AS phones
      FROM ${table}_raw AS r JOIN ${table}_order AS o ON o.position = r.rowid
      LEFT JOIN ${table}_first_keys AS f ON ${same("f", "r", ["first_raw"])}
      LEFT JOIN ${table}_last_keys AS l ON ${same("l", "r", ["last_raw"])}
      LEFT JOIN ${table}_address AS a ON ${same("a", "r", ["address1", "address2"])}
      LEFT JOIN ${table}_postcodes AS pc ON ${same("pc", "r", ["postcode"])}
      LEFT JOIN ${table}_cities AS ci ON ${same("ci", "r", ["city"])}
      LEFT JOIN ${table}_phones AS p1 ON p1.value = r.phone_clean
      LEFT JOIN ${table}_phones AS p2 ON p2.value = r.mobile_clean
    )
    SELECT * EXCLUDE (address_tokens, first_phonetic, last_phonetic, first_canons, phones),
      address_tokens, strftime(birth_date_n, '%Y%m%d') AS birth_text,
      first_phonetic, last_phonetic, first_canons, phones
    FROM joined`);
  for (const t of ["raw", "order", "first", "last", "address", "postcodes", "cities", "first_keys", "last_keys"]) await db.exec(`DROP TABLE ${table}_${t}`);

  const fill = await db.one<Record<string, number>>(`SELECT count(*) AS n,
    count(first_name_n) AS firstName, count(last_name_n) AS lastName, count(birth_date_n) AS birthDate,
    count(email_n) AS email, count(*) FILTER (WHERE len(phones) > 0) AS phone, count(address_n) AS address,
    count(postcode_n) AS postcode, count(city_n) AS city FROM ${table}`);
  const filled = new Set<Field>();
  for (const [key, value] of Object.entries(fill ?? {})) if (key !== "n" && Number(value) > 0) filled.add(key as Field);
  return {table, rows: Number(fill?.n ?? 0), filled};
}
