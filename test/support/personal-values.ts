/**
 * Every email, phone number (in the formats it may be written) and last name
 * of a configured audit's customer sources, read through ingestion, for
 * privacy scans of what the site publishes.
 */
import {join} from "node:path";
import {parsePhoneNumberFromString, type CountryCode} from "libphonenumber-js";
import {openDb} from "../../loaders/db/connection.ts";
import {loadConfig} from "../../loaders/config/load.ts";
import {ingestSource} from "../../loaders/ingest/source.ts";
import {namePlaceholderSql} from "../../loaders/rules/name/placeholder.ts";
import {phonePlaceholderSql} from "../../loaders/rules/phone/placeholder.ts";

export interface PersonalValues {
  /** lower case */
  emails: Set<string>;
  /** the digits of every form of every number */
  phones: Set<string>;
  lastNames: Set<string>;
}

export async function personalValues(configFile: string, work: string): Promise<PersonalValues> {
  const {config, baseDir} = loadConfig(configFile);
  const db = await openDb({tempDirectory: join(work, "duckdb-pii")});
  const values: PersonalValues = {emails: new Set(), phones: new Set(), lastNames: new Set()};
  try {
    for (const source of config.sources.filter((s) => s.kind === "customers")) {
      const load = await ingestSource(db, source, {baseDir, tempDir: work});
      const rows = await db.all<{email: string | null; phone: string | null; mobile: string | null; last_name: string | null}>(
        // a placeholder (`test`, `Inconnu`) is nobody's name: it may be shown
        // so is a dummy number (0600000000, 0123456789)
        `SELECT trim(email) AS email,
           CASE WHEN ${phonePlaceholderSql("phone")} IS NULL THEN trim(phone) END AS phone,
           CASE WHEN ${phonePlaceholderSql("mobile")} IS NULL THEN trim(mobile) END AS mobile,
           CASE WHEN ${namePlaceholderSql("last_name")} IS NULL THEN trim(last_name) END AS last_name FROM ${load.view}`
      );
      for (const row of rows) {
        if (row.email && row.email.includes("@")) values.emails.add(row.email.toLowerCase());
        if (row.last_name && row.last_name.length >= 4) values.lastNames.add(row.last_name);
        for (const phone of [row.phone, row.mobile]) {
          if (!phone) continue;
          for (const form of phoneForms(phone, (source.country ?? config.country) as CountryCode)) values.phones.add(form.replace(/\D/g, ""));
        }
      }
    }
  } finally {
    await db.close();
  }
  return values;
}

/** A number as written, its digits, and its national, international and E.164 forms. */
export function phoneForms(text: string, country: CountryCode): string[] {
  const forms = new Set<string>();
  const digits = text.replace(/\D/g, "");
  if (digits.length >= 8) {
    forms.add(text);
    forms.add(digits);
  }
  const parsed = parsePhoneNumberFromString(text, country);
  if (parsed) {
    forms.add(parsed.number);
    forms.add(parsed.formatNational());
    forms.add(parsed.formatInternational());
    forms.add(parsed.nationalNumber);
  }
  return [...forms].filter((f) => f.replace(/\D/g, "").length >= 8);
}

/**
 * The personal values that a text holds: email-like, phone-like and word
 * tokens are taken from the text and looked up, so a scan costs one pass
 * over the text whatever the number of values.
 */
export function findPersonalValues(text: string, values: PersonalValues): string[] {
  const hits: string[] = [];
  for (const [email] of text.matchAll(/[^\s"'<>()[\],;:\\]+@[^\s"'<>()[\],;:\\]+/g)) {
    const candidate = email.toLowerCase().replace(/[.]+$/, "");
    if (values.emails.has(candidate)) hits.push(`email ${email}`);
  }
  for (const [phone] of text.matchAll(/\+?\d[\d .\-()\u00a0]{6,}\d/g)) {
    const digits = phone.replace(/\D/g, "");
    if (values.phones.has(digits)) hits.push(`phone ${phone}`);
  }
  const words = new Set(text.match(/\p{L}[\p{L}'’-]*/gu) ?? []);
  for (const name of values.lastNames) {
    const found = /^[\p{L}'’-]+$/u.test(name) ? words.has(name) : text.includes(name);
    if (found) hits.push(`last name ${name}`);
  }
  return hits;
}
