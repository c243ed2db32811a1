/**
 * `assay sample`: writes the demo audit data, files that look like the
 * exports of a French retailer with international customers, and their
 * ground truth.
 *
 *   generateSample({customers, seed, out, asOf?, ordersPerCustomer?}, onProgress?) → Promise<SampleSummary>
 *
 * Files in `out`: crm_clients.csv (Windows-1252, `;`, CRLF),
 * eshop_customers.csv (UTF-8, `,`, LF), loyalty_members.parquet,
 * orders.csv, truth/entities.csv (source,record_id,entity_id) and
 * truth/defects.csv (source,record_id,field,rule). `customers` is the number
 * of people (entities); each has records in one to three sources, sometimes
 * two or three in the same source. Same options → same bytes: every draw
 * comes from one seeded stream (d3.randomLcg); faker's locale data (names,
 * streets, cities) is read as lists and drawn from that stream, so faker's own
 * generator is never called. Rows are
 * streamed: memory holds only the within-source duplicates waiting for their
 * turn (a few hundred entities' worth).
 */
import {mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {openDb} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import {drawEntity, SOURCES, type Entity, type Source} from "./entity.ts";
import {buildRecord} from "./build.ts";
import {defectContext, type DefectContext} from "./defects.ts";
import {label, nameKey, type CustomerRecord} from "./record.ts";
import {Catalogue, OrderBook, ORDER_HEADER, type PendingLine} from "./orders.ts";
import {KEY_HEADER, writeDefects, countDefects} from "./truth.ts";
import {CsvWriter} from "./writers.ts";
import {Rng} from "./random.ts";
import {dayOf} from "./days.ts";

export interface SampleOptions {
  /** Number of distinct people. */
  customers: number;
  seed: number;
  /** Output folder (created). */
  out: string;
  /** Audit date the data is built around; default "2026-01-01". */
  asOf?: string;
  /** Mean order lines per customer; default 6. */
  ordersPerCustomer?: number;
  /**
   * One part of a larger data set written by several processes at once: part
   * `number` (1, 2, …) holds the people from index `first` on, with its own
   * random stream and ids tagged with the part number, so parts never share an
   * id, an email or a phone number. Without it, the one-part data set.
   */
  part?: {number: number; first: number};
}

export interface SampleSummary {
  out: string;
  customers: number;
  seed: number;
  asOf: string;
  /** Data rows per file written (headers excluded), by file name relative to `out`. */
  files: Record<string, number>;
  /** Customer records per source. */
  records: Record<Source, number>;
  /** Labelled defects per rule id (rows of truth/defects.csv). */
  defects: Record<string, number>;
}

const CRM_HEADER = ["Code client", "Civilité", "Prénom", "Nom", "E-mail", "Tél fixe", "Tél portable", "Adresse", "Complément adresse", "Code postal", "Ville", "Pays", "Date de naissance", "Date de création", "Date de modification", "Optin email", "Optin SMS"];
const ESHOP_HEADER = ["customer_id", "email", "first_name", "last_name", "phone", "address_line1", "address_line2", "zip_code", "city", "country_code", "date_of_birth", "created_at", "updated_at", "accepts_marketing", "accepts_sms"];
const LOYALTY_HEADER = ["member_no", "title", "firstname", "surname", "email", "mobile", "postcode", "city", "country", "birthdate", "enrolled_on", "last_update", "optin_email", "optin_sms", "nps_score"];

const ID_PREFIX: Record<Source, [string, number]> = {crm: ["C", 7], eshop: ["W", 6], loyalty: ["L", 6]};

function sourceRow(source: Source, id: string, v: CustomerRecord["values"]): string[] {
  switch (source) {
    case "crm":
      return [id, v.civility, v.firstName, v.lastName, v.email, v.phone, v.mobile, v.address1, v.address2, v.postcode, v.city, v.country, v.birthDate, v.createdAt, v.updatedAt, v.optinEmail, v.optinSms];
    case "eshop":
      return [id, v.email, v.firstName, v.lastName, v.phone, v.address1, v.address2, v.postcode, v.city, v.country, v.birthDate, v.createdAt, v.updatedAt, v.optinEmail, v.optinSms];
    case "loyalty":
      return [id, v.civility, v.firstName, v.lastName, v.email, v.mobile, v.postcode, v.city, v.country, v.birthDate, v.createdAt, v.updatedAt, v.optinEmail, v.optinSms, v.nps];
  }
}

/** Duplicate keys of a record (see truth.ts), from its final values and labels. */
function keys(id: string, r: CustomerRecord): string[] {
  const spoiled = (rule: string, field?: string) => r.defects.some(([f, d]) => d === rule && (field === undefined || f === field));
  const v = r.values;
  const email = v.email && !spoiled("email.syntax") ? v.email.trim().toLowerCase() : "";
  const names = v.firstName && v.lastName && !spoiled("name.placeholder");
  const postcode = v.postcode && !spoiled("postcode.invalid") ? v.postcode.toUpperCase().replace(/\s+/g, "") : "";
  const name = names && postcode ? `${nameKey(v.firstName)}|${nameKey(v.lastName)}|${postcode}` : "";
  return [r.source, id, email, r.phoneKey, r.mobileKey, name, nameKey(v.firstName), r.civilityGender];
}

interface Pending {
  record: CustomerRecord;
  entity: string;
  lines: PendingLine[];
}

export async function generateSample(options: SampleOptions, onProgress?: (done: number, total: number) => void): Promise<SampleSummary> {
  const {customers, seed, out, asOf = "2026-01-01", ordersPerCustomer = 6, part} = options;
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`invalid customers: ${customers} (a positive integer)`);
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed} (an integer)`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(dayOf(asOf))) throw new Error(`invalid asOf: ${asOf} (yyyy-mm-dd)`);
  if (!(ordersPerCustomer >= 0)) throw new Error(`invalid ordersPerCustomer: ${ordersPerCustomer}`);
  if (part && !(Number.isInteger(part.number) && part.number >= 1 && part.number <= 99 && Number.isInteger(part.first) && part.first >= 0))
    throw new Error(`invalid part: ${JSON.stringify(part)} (number 1 to 99, first a non-negative integer)`);
  const tag = part ? String(part.number).padStart(2, "0") : "";

  const work = join(out, ".sample-work");
  mkdirSync(join(out, "truth"), {recursive: true});
  mkdirSync(work, {recursive: true});
  const utf8 = {separator: ",", eol: "\n", encoding: "utf-8"} as const;
  const writers: Record<Source, CsvWriter> = {
    crm: new CsvWriter(join(out, "crm_clients.csv"), {separator: ";", eol: "\r\n", encoding: "windows-1252"}, CRM_HEADER),
    eshop: new CsvWriter(join(out, "eshop_customers.csv"), utf8, ESHOP_HEADER),
    loyalty: new CsvWriter(join(work, "loyalty.csv"), utf8, LOYALTY_HEADER)
  };
  const orders = new CsvWriter(join(out, "orders.csv"), utf8, ORDER_HEADER);
  const entities = new CsvWriter(join(out, "truth", "entities.csv"), utf8, ["source", "record_id", "entity_id"]);
  const streamed = new CsvWriter(join(work, "defects.csv"), utf8, ["source", "record_id", "field", "rule"]);
  const keyWriter = new CsvWriter(join(work, "keys.csv"), utf8, KEY_HEADER);

  const rng = new Rng(part ? seed * 100 + part.number : seed);
  const asOfDay = dayOf(asOf);
  const contexts = Object.fromEntries(SOURCES.map((s) => [s, defectContext(s, asOf)])) as Record<Source, DefectContext>;
  const book = new OrderBook(new Catalogue(seed), asOfDay, ordersPerCustomer, `O${tag}`);
  const counters: Record<Source, number> = {crm: 0, eshop: 0, loyalty: 0};
  const waiting = new Map<number, Pending[]>();

  const all = [...Object.values(writers), orders, entities, streamed, keyWriter];
  /** Writes one record everywhere it goes; returns true when some buffer is full. */
  const emit = ({record, entity, lines}: Pending): boolean => {
    const [prefix, width] = ID_PREFIX[record.source];
    const id = prefix + tag + String(++counters[record.source]).padStart(width, "0");
    let full = writers[record.source].row(sourceRow(record.source, id, record.values));
    full = entities.row([record.source, id, entity]) || full;
    for (const [field, rule] of record.defects) full = streamed.row([record.source, id, field, rule]) || full;
    full = keyWriter.row(keys(id, record)) || full;
    for (const [orderId, date, sku, quantity, price, channel] of lines) full = orders.row([orderId, id, date, sku, quantity, price, channel]) || full;
    return full;
  };
  const flushAll = () => Promise.all(all.map((w) => w.flush()));

  for (let i = 0; i < customers; i++) {
    const entity: Entity = drawEntity(rng, (part?.first ?? 0) + i, asOfDay);
    const built: Pending[] = [];
    let full = false;
    for (const source of SOURCES) {
      const n = entity.records[source];
      let notBefore = 0;
      for (let k = 0; k < n; k++) {
        const record = buildRecord(rng, entity, contexts[source], k > 0, notBefore);
        notBefore = Math.min(asOfDay - 1, (record.createdDay ?? asOfDay - 3650) + rng.int(30, 900));
        if (n > 1) label(record, "record", "duplicate.fuzzy");
        built.push({record, entity: entity.id, lines: []});
      }
    }
    const lines = book.forEntity(rng, built.map((b) => b.record.source));
    built.forEach((b, k) => (b.lines = lines[k]!));
    // the first record of each source now; its duplicates later in the file, as re-registrations are
    for (let k = 0; k < built.length; k++) {
      const b = built[k]!;
      const first = k === 0 || built[k - 1]!.record.source !== b.record.source;
      if (first) full = emit(b) || full;
      else {
        const at = i + rng.int(1, 400);
        waiting.set(at, [...(waiting.get(at) ?? []), b]);
      }
    }
    if (rng.chance(0.15)) for (const [orderId, date, sku, quantity, price, channel] of book.anonymous(rng)) full = orders.row([orderId, "", date, sku, quantity, price, channel]) || full;
    for (const b of waiting.get(i) ?? []) full = emit(b) || full;
    waiting.delete(i);
    if (full) await flushAll();
    if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === customers)) onProgress(i + 1, customers);
  }
  for (const at of [...waiting.keys()].sort((a, b) => a - b)) for (const b of waiting.get(at)!) if (emit(b)) await flushAll();
  await Promise.all(all.map((w) => w.close()));

  const db = await openDb({threads: 1, tempDirectory: join(work, "duckdb")});
  try {
    await db.exec(`COPY (SELECT * REPLACE (TRY_CAST(nps_score AS INTEGER) AS nps_score)
        FROM read_csv(${literal(join(work, "loyalty.csv"))}, header = true, all_varchar = true, quote = '"', escape = '"'))
      TO ${literal(join(out, "loyalty_members.parquet"))} (FORMAT parquet)`);
    const defectsPath = join(out, "truth", "defects.csv");
    await writeDefects(db, join(work, "defects.csv"), join(work, "keys.csv"), defectsPath);
    const defects = await countDefects(db, defectsPath);
    const total = Object.values(defects).reduce((a, b) => a + b, 0);
    return {
      out,
      customers,
      seed,
      asOf,
      files: {
        "crm_clients.csv": writers.crm.rows,
        "eshop_customers.csv": writers.eshop.rows,
        "loyalty_members.parquet": writers.loyalty.rows,
        "orders.csv": orders.rows,
        "truth/entities.csv": entities.rows,
        "truth/defects.csv": total
      },
      records: {...counters},
      defects
    };
  } finally {
    await db.close();
    rmSync(work, {recursive: true, force: true});
  }
}
