/**
 * The labels that need a whole file, computed in DuckDB from the keys each
 * record left in a scratch file, then merged with the streamed labels into
 * truth/defects.csv (sorted, so the bytes depend on the seed only).
 *
 * duplicate.exact: another record of the same source has the same email key
 * (lower case, trimmed; addresses labelled email.syntax excluded), or the
 * same phone key, or the same mobile key (E.164; numbers labelled
 * phone.invalid or phone.placeholder excluded), or the same name key (first
 * name + last name lower case with accents folded, + postcode in capitals
 * without spaces; names labelled name.placeholder and postcodes labelled
 * postcode.invalid excluded, empty values excluded).
 *
 * civility.first_name_mismatch: see defects.ts.
 */
import type {Db} from "../db/connection.ts";
import {literal, literalList} from "../db/sql.ts";
import {MIXED_NAMES} from "./names.ts";
import {nameKey} from "./record.ts";

export const KEY_HEADER = ["source", "record_id", "email_key", "phone_key", "mobile_key", "name_key", "first_key", "gender"];

const csv = (path: string) => `read_csv(${literal(path)}, header = true, all_varchar = true, quote = '"', escape = '"')`;

export async function writeDefects(db: Db, streamed: string, keys: string, out: string): Promise<void> {
  const mixed = literalList(MIXED_NAMES.map(nameKey));
  await db.exec(`CREATE OR REPLACE TEMP TABLE sample_keys AS SELECT * REPLACE (coalesce(email_key, '') AS email_key, coalesce(phone_key, '') AS phone_key,
      coalesce(mobile_key, '') AS mobile_key, coalesce(name_key, '') AS name_key, coalesce(first_key, '') AS first_key, coalesce(gender, '') AS gender)
    FROM ${csv(keys)}`);
  await db.exec(`COPY (
    WITH counted AS (
      SELECT source, record_id,
        CASE WHEN email_key <> '' THEN count(*) OVER (PARTITION BY source, email_key) ELSE 0 END AS by_email,
        CASE WHEN phone_key <> '' THEN count(*) OVER (PARTITION BY source, phone_key) ELSE 0 END AS by_phone,
        CASE WHEN mobile_key <> '' THEN count(*) OVER (PARTITION BY source, mobile_key) ELSE 0 END AS by_mobile,
        CASE WHEN name_key <> '' THEN count(*) OVER (PARTITION BY source, name_key) ELSE 0 END AS by_name
      FROM sample_keys),
    exact AS (
      SELECT source, record_id, 'record' AS field, 'duplicate.exact' AS rule FROM counted
      WHERE by_email > 1 OR by_phone > 1 OR by_mobile > 1 OR by_name > 1),
    genders AS (
      SELECT source, first_key, count(*) FILTER (WHERE gender = 'M') AS m, count(*) FILTER (WHERE gender = 'F') AS f
      FROM sample_keys WHERE gender <> '' AND first_key <> '' GROUP BY source, first_key),
    learned AS (
      SELECT source, first_key, CASE WHEN 20 * m >= 19 * (m + f) THEN 'M' WHEN 20 * f >= 19 * (m + f) THEN 'F' END AS gender
      FROM genders WHERE m + f >= 20 AND first_key NOT IN ${mixed}),
    mismatch AS (
      SELECT k.source, k.record_id, 'civility' AS field, 'civility.first_name_mismatch' AS rule
      FROM sample_keys AS k JOIN learned AS l ON k.source = l.source AND k.first_key = l.first_key
      WHERE l.gender IS NOT NULL AND k.gender <> '' AND k.gender <> l.gender)
    SELECT * FROM ${csv(streamed)} UNION ALL SELECT * FROM exact UNION ALL SELECT * FROM mismatch
    ORDER BY source, record_id, field, rule
  ) TO ${literal(out)} (HEADER, DELIMITER ',')`);
}

/** Defect counts per rule in a defects.csv. */
export async function countDefects(db: Db, defects: string): Promise<Record<string, number>> {
  const rows = await db.all<{rule: string; n: number}>(`SELECT rule, count(*) AS n FROM ${csv(defects)} GROUP BY rule ORDER BY rule`);
  return Object.fromEntries(rows.map((r) => [r.rule, r.n]));
}
