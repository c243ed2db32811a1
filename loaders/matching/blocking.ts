/**
 * Blocking: which pairs of records get compared at all. A rule is a small
 * object that renders an SQL equi-join of the record table with itself on one
 * or more keys; the candidate pairs are the union of every rule's pairs. A key
 * value shared by more than `maxBlockSize` records (a shop's phone, a test
 * email) is skipped rather than exploding into millions of pairs.
 *
 *   blockingRule(name, keys) → BlockingRule
 *   blockPairs(db, records, rules, options) → BlockingReport (table of pairs a < b, first rule, bit mask of every rule that joins them)
 */
import type {Db} from "../db/connection.ts";
import {BLOCKING_KEYS, type BlockingKey} from "./settings.ts";

export interface BlockingRule {
  name: string;
  /** SQL of the pairs (a, b) with a < b that the rule joins, over the record table. */
  sql(records: string, maxBlockSize: number): string;
  /** SQL counting the key values skipped for being shared by too many records. */
  skippedSql(records: string, maxBlockSize: number): string;
}

export function blockingRule(name: string, keys: readonly BlockingKey[]): BlockingRule {
  const columns = keys.map((_, i) => `k${i}`);
  const keyed = (records: string) => `keyed AS (SELECT rid, ${keys.map((k, i) => `${BLOCKING_KEYS[k]} AS k${i}`).join(", ")} FROM ${records}),
    kept AS (SELECT * FROM keyed WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(" AND ")}),
    sizes AS (SELECT ${columns.join(", ")}, count(*) AS n FROM kept GROUP BY ALL)`;
  return {
    name,
    sql: (records, maxBlockSize) => `WITH ${keyed(records)},
    small AS (SELECT kept.* FROM kept JOIN sizes USING (${columns.join(", ")}) WHERE sizes.n BETWEEN 2 AND ${maxBlockSize})
    SELECT DISTINCT l.rid AS a, r.rid AS b FROM small AS l JOIN small AS r
      ON ${columns.map((c) => `l.${c} = r.${c}`).join(" AND ")} AND l.rid < r.rid`,
    skippedSql: (records, maxBlockSize) => `WITH ${keyed(records)}
    SELECT count(*) AS keys, coalesce(sum(n), 0) AS records FROM sizes WHERE n > ${maxBlockSize}`
  };
}

export interface RuleReport {
  rule: string;
  /** Pairs the rule joins on its own. */
  pairs: number;
  /** Pairs no earlier rule had found. */
  added: number;
  /** Key values skipped as too common, and the records they hold. */
  skippedKeys: number;
  skippedRecords: number;
  /** With ground truth: true pairs the rule finds. */
  truePairs?: number;
}

export interface BlockingReport {
  table: string;
  pairs: number;
  rules: RuleReport[];
  /** With ground truth: share of the true pairs that reach comparison. */
  recall?: number;
}

export async function blockPairs(
  db: Db,
  records: string,
  rules: readonly BlockingRule[],
  {maxBlockSize = 200, table = "match_candidates", truth = false} = {}
): Promise<BlockingReport> {
  const union = rules.map((rule, i) => `SELECT a, b, ${i}::SMALLINT AS rule FROM (${rule.sql(records, maxBlockSize)})`).join("\nUNION ALL\n");
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table}_all AS ${union}`);
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT a, b, min(rule) AS rule, bit_or(1::BIGINT << rule) AS rules FROM ${table}_all GROUP BY a, b`);
  const truthJoin = truth
    ? `JOIN ${records} AS ra ON ra.rid = p.a JOIN ${records} AS rb ON rb.rid = p.b`
    : "";
  const own = await db.all<{rule: number; pairs: number; true_pairs: number}>(`SELECT rule, count(*) AS pairs,
      ${truth ? "count(*) FILTER (WHERE ra.truth = rb.truth)" : "NULL"} AS true_pairs
    FROM ${table}_all AS p ${truthJoin} GROUP BY rule`);
  const added = await db.all<{rule: number; added: number}>(`SELECT rule, count(*) AS added FROM ${table} GROUP BY rule`);
  await db.exec(`DROP TABLE ${table}_all`);
  const reports: RuleReport[] = [];
  for (const [i, rule] of rules.entries()) {
    const skipped = await db.one<{keys: number; records: number}>(rule.skippedSql(records, maxBlockSize));
    const mine = own.find((r) => r.rule === i);
    reports.push({
      rule: rule.name,
      pairs: mine?.pairs ?? 0,
      added: added.find((r) => r.rule === i)?.added ?? 0,
      skippedKeys: Number(skipped?.keys ?? 0),
      skippedRecords: Number(skipped?.records ?? 0),
      ...(truth ? {truePairs: mine?.true_pairs ?? 0} : {})
    });
  }
  const total = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;
  const report: BlockingReport = {table, pairs: total, rules: reports};
  if (truth) {
    const r = await db.one<{found: number; all: number}>(`SELECT
      (SELECT count(*) FROM ${table} AS p ${truthJoin} WHERE ra.truth = rb.truth) AS found,
      (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM ${records} WHERE truth IS NOT NULL GROUP BY truth)) AS all`);
    report.recall = r && r.all > 0 ? r.found / r.all : 1;
  }
  return report;
}
