/**
 * A plain, independent reading of the rules of kpis.md, used to score the
 * sample's labels: loads the generated files into DuckDB (real
 * @duckdb/node-api) as the engine's standard views would hold them, applies
 * each rule, and returns the (source, record_id, field, rule) rows it fires.
 */
import {readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {parsePhoneNumber, getCountries, type CountryCode} from "libphonenumber-js/max";
import type {Db} from "../../../loaders/db/connection.ts";
import {parseDateSql} from "../../../loaders/db/dates.ts";
import {literal} from "../../../loaders/db/sql.ts";

const require = createRequire(import.meta.url);
const DISPOSABLE = new Set(require("disposable-email-domains") as string[]);
const COMMUNES = require("codes-postaux/codes-postaux.json") as {codePostal: string; nomCommune: string; libelleAcheminement: string}[];

const COLUMNS: Record<string, Record<string, string>> = {
  crm: {record_id: "Code client", civility: "Civilité", first_name: "Prénom", last_name: "Nom", email: "E-mail", phone: "Tél fixe", mobile: "Tél portable", postcode: "Code postal", city: "Ville", country: "Pays", birth_date: "Date de naissance", created_at: "Date de création", updated_at: "Date de modification", optin_email: "Optin email", optin_sms: "Optin SMS"},
  eshop: {record_id: "customer_id", email: "email", first_name: "first_name", last_name: "last_name", phone: "phone", postcode: "zip_code", city: "city", country: "country_code", birth_date: "date_of_birth", created_at: "created_at", updated_at: "updated_at", optin_email: "accepts_marketing", optin_sms: "accepts_sms"},
  loyalty: {record_id: "member_no", civility: "title", first_name: "firstname", last_name: "surname", email: "email", mobile: "mobile", postcode: "postcode", city: "city", country: "country", birth_date: "birthdate", created_at: "enrolled_on", updated_at: "last_update", optin_email: "optin_email", optin_sms: "optin_sms"}
};
const ALL = ["record_id", "civility", "first_name", "last_name", "email", "phone", "mobile", "postcode", "city", "country", "birth_date", "created_at", "updated_at", "optin_email", "optin_sms"];

/** Node's TextDecoder reads "windows-1252" as Latin-1; this one maps 0x80–0x9F as Windows does. */
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

type Text = string | null;
interface Row {
  record_id: string; civility: Text; first_name: Text; last_name: Text; email: Text; phone: Text; mobile: Text; postcode: Text; city: Text;
  country: Text; birth_date: Text; created_at: Text; updated_at: Text; optin_email: Text; optin_sms: Text;
  birth_date_day: Text; created_at_day: Text; updated_at_day: Text; stale: boolean | null;
}

export type Label = {source: string; record_id: string; field: string; rule: string};

/** Loads `customers_<source>` tables (all VARCHAR, raw text) from a generated folder. */
export async function loadSample(db: Db, dir: string, scratch: string): Promise<void> {
  mkdirSync(scratch, {recursive: true});
  const crmUtf8 = join(scratch, "crm-utf8.csv");
  writeFileSync(crmUtf8, decodeWindows1252(new Uint8Array(readFileSync(join(dir, "crm_clients.csv")))));
  const files: Record<string, string> = {
    crm: `read_csv(${literal(crmUtf8)}, delim = ';', header = true, all_varchar = true)`,
    eshop: `read_csv(${literal(join(dir, "eshop_customers.csv"))}, delim = ',', header = true, all_varchar = true)`,
    loyalty: `read_parquet(${literal(join(dir, "loyalty_members.parquet"))})`
  };
  for (const [source, map] of Object.entries(COLUMNS)) {
    const select = ALL.map((c) => (map[c] ? `CAST("${map[c]}" AS VARCHAR) AS ${c}` : `NULL::VARCHAR AS ${c}`)).join(", ");
    await db.exec(`CREATE OR REPLACE TABLE customers_${source} AS SELECT '${source}' AS source, ${select} FROM ${files[source]}`);
  }
}

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/gi, "oe").toLowerCase().trim();
const missing = (s: string | null): s is null => s === null || s.trim() === "";

const PROVIDERS = ["gmail.com", "hotmail.fr", "hotmail.com", "yahoo.fr", "yahoo.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "outlook.fr", "outlook.com", "live.fr", "live.com", "icloud.com", "gmx.fr", "gmx.de", "aol.com", "msn.com", "neuf.fr", "bbox.fr"];
function distance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;
const ROLES = new Set(["contact", "info", "accueil", "compta", "admin", "commercial", "direction", "secretariat", "sav", "support", "noreply", "webmaster", "rh", "bonjour", "hello", "marketing", "sales", "office"]);

const COUNTRY_CODES = new Set<string>(getCountries());
const COUNTRY_BY_NAME = new Map<string, string>();
for (const code of COUNTRY_CODES) {
  COUNTRY_BY_NAME.set(code.toLowerCase(), code);
  for (const lang of ["fr", "en"]) COUNTRY_BY_NAME.set(fold(new Intl.DisplayNames([lang], {type: "region"}).of(code) ?? code), code);
}
const countryOf = (text: string | null): string | undefined => (missing(text) ? "FR" : COUNTRY_BY_NAME.get(fold(text)));

const POSTCODE_FORMATS: Record<string, RegExp> = {
  BE: /^\d{4}$/, LU: /^\d{4}$/, CH: /^\d{4}$/, DE: /^\d{5}$/, ES: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, IT: /^\d{5}$/, US: /^\d{5}(-\d{4})?$/,
  PT: /^\d{4}-\d{3}$/, NL: /^[1-9]\d{3} ?[A-Z]{2}$/, GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/
};
const cityKey = (s: string) => fold(s).toUpperCase().replace(/\bCEDEX\b.*$/, "").replace(/[^A-Z0-9]+/g, " ").replace(/\bST\b/g, "SAINT").replace(/\bSTE\b/g, "SAINTE").trim();
const COMMUNES_BY_CODE = new Map<string, Set<string>>();
for (const c of COMMUNES) {
  const set = COMMUNES_BY_CODE.get(c.codePostal) ?? new Set();
  set.add(cityKey(c.nomCommune)).add(cityKey(c.libelleAcheminement));
  COMMUNES_BY_CODE.set(c.codePostal, set);
}

const PLACEHOLDER_NAME = /^(test|x+|a+|n\/?a|inconnu|client|\.+|-+|\p{L})$/iu;
const CIVILITY: Record<string, "M" | "F" | ""> = {m: "M", mr: "M", monsieur: "M", mme: "F", madame: "F", mlle: "F", mademoiselle: "F", mrs: "F", ms: "F", miss: "F", dr: ""};
const MIXED = new Set(["camille", "dominique", "claude", "sacha", "alix", "charlie"]);
const YES_NO = new Set(["oui", "non", "true", "false", "y", "n", "yes", "no", "1", "0", "o"]);

function phoneFacts(text: string, country: string | undefined): {valid: boolean; mobile: boolean; e164: string; placeholder: boolean} {
  const digits = text.replace(/\D/g, "");
  const national = digits.startsWith("33") && text.trim().startsWith("+") ? `0${digits.slice(2)}` : digits;
  const placeholder = /^(\d)\1+$/.test(national) || /^0?(\d)\1+$/.test(national.slice(1)) || ["0600000000", "0123456789", "0612345678"].includes(national);
  try {
    const p = parsePhoneNumber(text, (country && COUNTRY_CODES.has(country) ? country : "FR") as CountryCode);
    const type = p.getType();
    return {valid: p.isValid(), mobile: type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE", e164: p.number, placeholder};
  } catch {
    return {valid: false, mobile: false, e164: "", placeholder};
  }
}

export async function referenceLabels(db: Db, entities: string, asOf: string): Promise<Label[]> {
  const out: Label[] = [];
  const add = (source: string, record_id: string, field: string, rule: string) => out.push({source, record_id, field, rule});
  const dates = ["birth_date", "created_at", "updated_at"].map((c) => `${parseDateSql(c)} AS ${c}_day`).join(", ");
  for (const source of Object.keys(COLUMNS)) {
    const rows = await db.all<Row>(`SELECT *, ${dates},
        ${parseDateSql("coalesce(" + parseDateSql("updated_at") + "::VARCHAR, created_at)")} < DATE ${literal(asOf)} - INTERVAL 12 MONTH AS stale
      FROM customers_${source}`);
    const keys = new Map<string, string[]>();
    const key = (k: string, id: string) => keys.set(k, [...(keys.get(k) ?? []), id]);
    const genders = new Map<string, {M: number; F: number}>();
    for (const r of rows) {
      const id = r.record_id;
      const country = countryOf(r.country);
      if (!missing(r.country) && !country) add(source, id, "country", "country.unknown");
      // email
      if (!missing(r.email)) {
        const email = r.email.trim().toLowerCase();
        if (!EMAIL.test(email)) add(source, id, "email", "email.syntax");
        else {
          const [local, domain] = email.split("@") as [string, string];
          if (!PROVIDERS.includes(domain) && PROVIDERS.some((p) => distance(domain, p) <= 2)) add(source, id, "email", "email.domain_typo");
          if (DISPOSABLE.has(domain)) add(source, id, "email", "email.disposable");
          if (ROLES.has(local)) add(source, id, "email", "email.role");
          key(`e:${email}`, id);
        }
      }
      for (const field of ["phone", "mobile"] as const) {
        const text = r[field];
        if (missing(text)) continue;
        const facts = phoneFacts(text, country);
        if (!facts.valid) add(source, id, field, "phone.invalid");
        if (facts.placeholder) add(source, id, field, "phone.placeholder");
        if (facts.valid && field === "mobile" && !facts.mobile) add(source, id, field, "phone.not_mobile");
        if (facts.valid && !facts.placeholder) key(`${field}:${facts.e164}`, id);
      }
      let postcodeOk = false;
      if (!missing(r.postcode)) {
        const code = r.postcode.trim().toUpperCase();
        const fr = !country || country === "FR";
        postcodeOk = fr ? COMMUNES_BY_CODE.has(code) : (POSTCODE_FORMATS[country]?.test(code) ?? true);
        if (!postcodeOk) add(source, id, "postcode", "postcode.invalid");
        else if (fr && !missing(r.city) && !COMMUNES_BY_CODE.get(code)!.has(cityKey(r.city))) add(source, id, "postcode", "postcode.city_mismatch");
      }
      let namesOk = !missing(r.first_name) && !missing(r.last_name);
      for (const field of ["first_name", "last_name"] as const) {
        const text = r[field];
        if (!missing(text) && (PLACEHOLDER_NAME.test(text.trim()) || /\d/.test(text))) {
          add(source, id, field === "first_name" ? "firstName" : "lastName", "name.placeholder");
          namesOk = false;
        }
      }
      if (namesOk && postcodeOk) key(`n:${fold(r.first_name!)}|${fold(r.last_name!)}|${r.postcode!.toUpperCase().replace(/\s/g, "")}`, id);
      if (!missing(r.civility)) {
        const g = CIVILITY[fold(r.civility).replace(/\.$/, "")];
        if (g === undefined) add(source, id, "civility", "civility.invalid");
        else if (g && !missing(r.first_name)) {
          const counts = genders.get(fold(r.first_name)) ?? {M: 0, F: 0};
          counts[g]++;
          genders.set(fold(r.first_name), counts);
        }
      }
      if (!missing(r.birth_date)) {
        if (r.birth_date_day === null) add(source, id, "birthDate", "date.unparseable");
        else {
          const b = r.birth_date_day!;
          const age = (Date.parse(asOf) - Date.parse(b)) / (365.2425 * 86_400_000);
          if (age > 120 || age < 15 || ["1900-01-01", "1970-01-01", "1111-11-11"].includes(b)) add(source, id, "birthDate", "birth_date.implausible");
        }
      }
      for (const [field, role] of [["created_at", "createdAt"], ["updated_at", "updatedAt"]] as const) {
        if (missing(r[field])) continue;
        const day = r[`${field}_day`];
        if (day === null) add(source, id, role, "date.unparseable");
        else if (day! > asOf) add(source, id, role, "record.future_date");
      }
      if (r.stale === true) add(source, id, "record", "record.stale");
      for (const [field, role] of [["optin_email", "optinEmail"], ["optin_sms", "optinSms"]] as const) {
        if (missing(r[field]) || !YES_NO.has(fold(r[field]!))) add(source, id, role, "consent.unknown");
      }
    }
    const exact = new Set<string>();
    for (const ids of keys.values()) if (ids.length > 1) ids.forEach((id) => exact.add(id));
    for (const id of exact) add(source, id, "record", "duplicate.exact");
    for (const r of rows) {
      if (missing(r.civility) || missing(r.first_name)) continue;
      const g = CIVILITY[fold(r.civility).replace(/\.$/, "")];
      const c = genders.get(fold(r.first_name));
      if (!g || !c || MIXED.has(fold(r.first_name)) || c.M + c.F < 20) continue;
      const major = 20 * c.M >= 19 * (c.M + c.F) ? "M" : 20 * c.F >= 19 * (c.M + c.F) ? "F" : "";
      if (major && g !== major) add(source, r.record_id!, "civility", "civility.first_name_mismatch");
    }
  }
  const fuzzy = await db.all<Label>(`SELECT source, record_id, 'record' AS field, 'duplicate.fuzzy' AS rule FROM read_csv(${literal(entities)}, all_varchar = true)
    QUALIFY count(*) OVER (PARTITION BY source, entity_id) > 1`);
  return [...out, ...fuzzy];
}
