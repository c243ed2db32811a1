/**
 * Blocking: which pairs of records get compared at all. A rule is a small
 * object that renders an SQL equi-join of the record table with itself on one
 * or more keys; the candidate pairs are the union of every rule's pairs. A key
 * value shared by more than `maxBlockSize` records (a shop's phone, a test
 * email) is skipped rather than exploding into millions of pairs, and a rule
 * keeps its blocks from the smallest up while their pairs stay within
 * `maxRulePairs` (a weak key's blocks grow with the data: at 16M records,
 * initial + birth date alone gave 123M pairs).
 *
 *   blockingRule(name, keys) → BlockingRule
 *   blockPairs(db, records, rules, options) → BlockingReport (table of pairs a < b, first rule, bit mask of every rule that joins them)
 *
 * Each rule's blocks (key values shared by two records or more, with their sizes) are counted once,
 * into a table that both its pairs and its count of skipped keys read.
 */
import type {Db} from "../db/connection.ts";
import {BLOCKING_KEYS, type BlockingKey} from "./settings.ts";

export interface BlockingRule {
  name: string;
  /** SQL of the rule's blocks: each key value (k0, k1, …) held by two records or more, and their number `n`. */
  blocksSql(records: string): string;
  /** SQL of the pairs (a, b) with a < b that the rule joins, over the record table and its blocks (a pair twice when it shares two key values, two phones). */
  sql(records: string, blocks: string, limits: BlockLimits): string;
  /** SQL counting the key values skipped for being shared by too many records (`keys`, `records`). */
  skippedSql(blocks: string, limits: BlockLimits): string;
}

export interface BlockLimits {
  /** A key value shared by more records is skipped. */
  maxBlockSize: number;
  /** The rule keeps its blocks from the smallest up while their pairs add up to at most this many. */
  maxRulePairs: number;
}

/** The least pair budget of a rule, whatever the number of records: small files are never cut by it. */
export const RULE_PAIRS_FLOOR = 500_000;

export function blockingRule(name: string, keys: readonly BlockingKey[]): BlockingRule {
  const columns = keys.map((_, i) => `k${i}`);
  const kept = (records: string) => `SELECT * FROM (SELECT rid, ${keys.map((k, i) => `${BLOCKING_KEYS[k]} AS k${i}`).join(", ")} FROM ${records})
    WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(" AND ")}`;
  // the largest block size kept: at most maxBlockSize, and the blocks up to it hold at most maxRulePairs pairs
  const cap = (blocks: string, {maxBlockSize, maxRulePairs}: BlockLimits) => `(SELECT coalesce(max(n) FILTER (WHERE pairs <= ${maxRulePairs}), 1)
    FROM (SELECT n, sum(n * (n - 1) // 2 * blocks) OVER (ORDER BY n) AS pairs
      FROM (SELECT n, count(*) AS blocks FROM ${blocks} WHERE n <= ${maxBlockSize} GROUP BY n)))`;
  return {
    name,
    blocksSql: (records) => `SELECT ${columns.join(", ")}, count(*) AS n FROM (${kept(records)}) GROUP BY ALL HAVING count(*) > 1`,
    sql: (records, blocks, limits) => `WITH small AS (
      SELECT kept.* FROM (${kept(records)}) AS kept JOIN ${blocks} AS s USING (${columns.join(", ")}) WHERE s.n <= ${cap(blocks, limits)}
    )
    SELECT l.rid AS a, r.rid AS b FROM small AS l JOIN small AS r
      ON ${columns.map((c) => `l.${c} = r.${c}`).join(" AND ")} AND l.rid < r.rid`,
    skippedSql: (blocks, limits) => `SELECT count(*) AS keys, coalesce(sum(n), 0) AS records FROM ${blocks} WHERE n > ${cap(blocks, limits)}`
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
  {maxBlockSize = 50, maxRulePairs = Number.MAX_SAFE_INTEGER, table = "match_candidates", truth = false} = {}
): Promise<BlockingReport> {
  const limits: BlockLimits = {maxBlockSize, maxRulePairs};
  const blocks = rules.map((_, i) => `${table}_blocks_${i}`);
  for (const [i, rule] of rules.entries()) await db.exec(`CREATE OR REPLACE TEMP TABLE ${blocks[i]} AS ${rule.blocksSql(records)}`);
  // Each pair once, with the first rule that joins it and the bit mask of all of them; the counts per
  // rule then come from the few distinct (first rule, mask) combinations, in one pass over the pairs.
  const union = rules.map((rule, i) => `SELECT a, b, ${i}::SMALLINT AS rule FROM (${rule.sql(records, blocks[i]!, limits)})`).join("\nUNION ALL\n");
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT a, b, min(rule) AS rule, bit_or(1::BIGINT << rule) AS rules FROM (${union}) GROUP BY a, b`);
  const truthJoin = truth
    ? `JOIN ${records} AS ra ON ra.rid = p.a JOIN ${records} AS rb ON rb.rid = p.b`
    : "";
  const combinations = await db.all<{rule: number; rules: number; pairs: number; true_pairs: number}>(`SELECT rule, rules, count(*) AS pairs,
      ${truth ? "count(*) FILTER (WHERE ra.truth = rb.truth)" : "0"} AS true_pairs
    FROM ${table} AS p ${truthJoin} GROUP BY ALL`);
  const reports: RuleReport[] = [];
  for (const [i, rule] of rules.entries()) {
    const skipped = await db.one<{keys: number; records: number}>(rule.skippedSql(blocks[i]!, limits));
    const mine = combinations.filter((c) => (BigInt(c.rules) & (1n << BigInt(i))) !== 0n);
    reports.push({
      rule: rule.name,
      pairs: mine.reduce((sum, c) => sum + c.pairs, 0),
      added: combinations.filter((c) => c.rule === i).reduce((sum, c) => sum + c.pairs, 0),
      skippedKeys: Number(skipped?.keys ?? 0),
      skippedRecords: Number(skipped?.records ?? 0),
      ...(truth ? {truePairs: mine.reduce((sum, c) => sum + c.true_pairs, 0)} : {})
    });
  }
  for (const name of blocks) await db.exec(`DROP TABLE ${name}`);
  const total = combinations.reduce((sum, c) => sum + c.pairs, 0);
  const report: BlockingReport = {table, pairs: total, rules: reports};
  if (truth) {
    const found = combinations.reduce((sum, c) => sum + c.true_pairs, 0);
    const r = await db.one<{all: number}>(`SELECT coalesce(sum(n * (n - 1) / 2), 0) AS all
      FROM (SELECT count(*) AS n FROM ${records} WHERE truth IS NOT NULL GROUP BY truth)`);
    report.recall = r && r.all > 0 ? found / r.all : 1;
  }
  return report;
}
