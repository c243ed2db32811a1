/**
 * Contactability of each record (kpis.md): which channels can reach it.
 *   email  a filled address without email.syntax, email.domain_typo or
 *          email.disposable finding, and an e-mail opt-in that is not an
 *          explicit no;
 *   phone  a filled phone or mobile without phone.invalid or phone.placeholder;
 *   sms    a filled mobile without phone.invalid, phone.placeholder or
 *          phone.not_mobile;
 *   post   address line, postcode and city filled, without postcode.invalid
 *          or postcode.city_mismatch.
 *
 *   measureContacts(db, {input, source}) → rows into kpi_contacts
 *     (source, record_id, email, phone, sms, post)
 */
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import {consentSql} from "../rules/consent/unknown.ts";
import {col, distinctValuesSql, presentSql} from "../rules/text-sql.ts";

export const CONTACTS_TABLE = "kpi_contacts";

export const EMAIL_BLOCKERS = ["email.syntax", "email.domain_typo", "email.disposable"] as const;
export const PHONE_BLOCKERS = ["phone.invalid", "phone.placeholder"] as const;
export const SMS_BLOCKERS = ["phone.invalid", "phone.placeholder", "phone.not_mobile"] as const;
export const POST_BLOCKERS = ["postcode.invalid", "postcode.city_mismatch"] as const;

function flag(field: string, rules: readonly string[]): string {
  return `bool_or(field = ${literal(field)} AND rule IN (${rules.map(literal).join(", ")}))`;
}

/** Creates the table when missing (before sources are measured side by side). */
export async function ensureContactsTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${CONTACTS_TABLE} (source VARCHAR, record_id VARCHAR, email BOOLEAN, phone BOOLEAN, sms BOOLEAN, post BOOLEAN)`);
}

export async function measureContacts(db: Db, {input, source}: {input: string; source: string}): Promise<void> {
  await ensureContactsTable(db);
  await db.exec(`DELETE FROM ${CONTACTS_TABLE} WHERE source = ${literal(source)}`);
  const optin = `(SELECT value, ${consentSql("value")} AS consent FROM ${distinctValuesSql(col("optinEmail"), input)})`;
  await db.exec(`INSERT INTO ${CONTACTS_TABLE}
    WITH bad AS (
      SELECT record_id,
        ${flag("email", EMAIL_BLOCKERS)} AS email,
        ${flag("phone", PHONE_BLOCKERS)} AS phone,
        ${flag("mobile", PHONE_BLOCKERS)} AS mobile,
        ${flag("mobile", SMS_BLOCKERS)} AS sms,
        ${flag("postcode", POST_BLOCKERS)} AS postcode
      FROM findings WHERE source = ${literal(source)} AND field IN ('email', 'phone', 'mobile', 'postcode') GROUP BY record_id)
    SELECT ${literal(source)}, t.record_id,
      ${presentSql(`t.${col("email")}`)} AND NOT coalesce(bad.email, false) AND o.consent IS DISTINCT FROM false,
      (${presentSql(`t.${col("phone")}`)} AND NOT coalesce(bad.phone, false)) OR (${presentSql(`t.${col("mobile")}`)} AND NOT coalesce(bad.mobile, false)),
      ${presentSql(`t.${col("mobile")}`)} AND NOT coalesce(bad.sms, false),
      ${presentSql(`t.${col("address1")}`)} AND ${presentSql(`t.${col("postcode")}`)} AND ${presentSql(`t.${col("city")}`)} AND NOT coalesce(bad.postcode, false)
    FROM ${input} AS t LEFT JOIN bad ON bad.record_id = t.record_id
      LEFT JOIN ${optin} AS o ON o.value = t.${col("optinEmail")}`);
}
