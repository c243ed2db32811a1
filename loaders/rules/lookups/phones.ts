/**
 * Phone numbers checked by libphonenumber-js (full metadata, so that number
 * types are known), once per distinct number and country: the records' phone
 * and mobile values, read with the record's country (see context.ts).
 *
 *   phoneKeySql(expr)      SQL: the number without spaces, dots, dashes,
 *                          brackets or slashes (what the checks are keyed on)
 *   phoneFacts(ctx)        the run's table of every present phone and mobile:
 *                          row_number, record_id, role ('phone' | 'mobile'),
 *                          value, country, placeholder (phone.placeholder's
 *                          reason or NULL), e164, valid, type, reason
 *
 * Placeholders are not sent to libphonenumber: no rule asks about them. The
 * common national and E.164 shapes of simple numbering plans (France) are
 * decided in SQL from libphonenumber's metadata (phone-sql.ts).
 * Many distinct numbers are checked on worker threads, one per core.
 */
import {checkPhone} from "./phone-check.ts";
import type {RuleContext} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {mapDistinct, type Answer} from "../../db/map-distinct.ts";
import {poolWorthIt, WorkerPool} from "../../parallel/worker-pool.ts";
import {ident} from "../../db/sql.ts";
import {placeholderFromDigitsSql} from "../phone/placeholder.ts";
import {decidableSql, decidedPhonesSql, simplePlan, type PhonePlan} from "./phone-sql.ts";

export function phoneKeySql(expr: string): string {
  // most numbers hold only digits, spaces and a plus: replace() is many times faster than the global regexp_replace
  return `(CASE WHEN regexp_full_match(${expr}, '[+0-9 ]*') THEN replace(${expr}, ' ', '') ELSE regexp_replace(${expr}, '[\\s\\p{Z}.()/-]', '', 'g') END)`;
}

/** SQL: the digits of a phone key (phoneKeySql), read without a regexp_replace in the common shapes. */
function keyDigitsSql(key: string): string {
  return `(CASE WHEN regexp_full_match(${key}, '[0-9]*') THEN ${key} WHEN regexp_full_match(${key}, '\\+[0-9]*') THEN substr(${key}, 2)
    ELSE regexp_replace(${key}, '[^0-9]+', '', 'g') END)`;
}

async function createPhoneFacts(ctx: RuleContext, table: string): Promise<void> {
  const raw = `${table}_raw`;
  const checks = `${table}_checks`;
  const values = (["phone", "mobile"] as const).map(
    (role) => `SELECT row_number, record_id, '${role}' AS role, ${col(role)} AS value, country_code AS country
      FROM ${ctx.input} WHERE ${presentSql(col(role))}`
  );
  await ctx.db.exec(`CREATE OR REPLACE TABLE ${ident(raw)} AS
    SELECT row_number, record_id, role, value, country, key, ${placeholderFromDigitsSql("digits")} AS placeholder
    FROM (SELECT *, ${keyDigitsSql("key")} AS digits FROM (SELECT *, ${phoneKeySql("value")} AS key FROM (${values.join(" UNION ALL ")})))`);
  // the common national and E.164 shapes are decided in SQL (phone-sql.ts); libphonenumber-js reads the rest
  const countries = await ctx.db.all<{country: string}>(`SELECT DISTINCT country FROM ${ident(raw)} WHERE country IS NOT NULL`);
  const plans = countries.map((c) => simplePlan(c.country)).filter((p): p is PhonePlan => p !== null);
  const decided = `${table}_decided`;
  await ctx.db.exec(`CREATE OR REPLACE TABLE ${ident(decided)} AS ${decidedPhonesSql(plans, `SELECT DISTINCT key, country FROM ${ident(raw)} WHERE placeholder IS NULL`)}`);
  const rest = `SELECT key, country FROM ${ident(raw)} WHERE placeholder IS NULL AND NOT ${decidableSql(plans, "key", "country")}`;
  const distinct = (await ctx.db.one<{n: number}>(`SELECT count(*) AS n FROM (SELECT DISTINCT key, country FROM (${rest}))`))?.n ?? 0;
  const pool = poolWorthIt(distinct, PARALLEL_FROM) ? new WorkerPool(new URL("./phone-worker.ts", import.meta.url)) : null;
  await mapDistinct(ctx.db, {
    table: checks,
    sql: rest,
    outputs: [
      {name: "e164", type: "VARCHAR"},
      {name: "valid", type: "BOOLEAN"},
      {name: "type", type: "VARCHAR"},
      {name: "reason", type: "VARCHAR"}
    ],
    fn: ([key, country]): Answer[] => {
      const check = checkPhone(key ?? "", country ?? null);
      return [check.e164, check.valid, check.type, check.reason];
    },
    page: pool ? (rows) => pool.run(rows) : undefined
  }).finally(() => pool?.close());
  await ctx.db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS
    SELECT r.row_number, r.record_id, r.role, r.value, r.country, r.placeholder, c.e164, coalesce(c.valid, false) AS valid, c.type, c.reason
    FROM ${ident(raw)} AS r LEFT JOIN (SELECT * FROM ${ident(checks)} UNION ALL SELECT * FROM ${ident(decided)}) AS c ON c.key = r.key AND c.country = r.country`);
  await ctx.db.exec(`DROP TABLE ${ident(raw)}; DROP TABLE ${ident(checks)}; DROP TABLE ${ident(decided)}`);
}

/** The phone facts of a run, created on first use. */
export function phoneFacts(ctx: RuleContext): Promise<string> {
  return ctx.lookup("phone_facts", (t) => createPhoneFacts(ctx, t)).then(ident);
}

/** Below this many distinct numbers, worker threads cost more than they save. */
const PARALLEL_FROM = 50_000;

