/**
 * The engine: runs the rule catalogue over one source's customer table and
 * records what it finds.
 *
 *   runRules(db, {table, source, country?, asOf, freshnessMonths?, clusters?, rules?, onProgress?, afterRules?})
 *     → {findings, counts, skipped}
 *
 * Findings go to the DuckDB table `findings` (source, record_id, field, rule,
 * value, detail: one row per record, field and rule that fails) and the
 * per-rule counts to `rule_counts` (source, rule, field, failed, applicable:
 * failed records out of the records where the rule applies, by default those
 * whose field is not missing). Both tables are created when missing; a run
 * replaces the rows of its source, so sources can be run one after another.
 * `writeFindingsCsv` (findings-csv.ts) exports the findings, masked.
 */
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import {prepareContext, type ContextOptions} from "./context.ts";
import {RULES, ruleById} from "./registry.ts";
import type {Rule, RuleContext, RuleField} from "./rule.ts";
import {col, presentSql} from "./text-sql.ts";

export interface RunRulesOptions extends ContextOptions {
  /** Ids of the rules to run; default every rule of the registry. */
  rules?: readonly string[];
  /** Told after each step: `prepare`, each rule id, then `counts`. */
  onProgress?: (step: RuleProgress) => void;
  /**
   * Run after the counts over the prepared input (parsed dates, country
   * codes), before it is dropped: measures that need the same preparation
   * (KPIs) read it here instead of parsing the source again.
   */
  afterRules?: (ctx: RuleContext) => Promise<void>;
}

export interface RuleProgress {
  step: string;
  seconds: number;
  /** Rules run so far, out of `total`. */
  done: number;
  total: number;
}

export interface RuleCount {
  source: string;
  rule: string;
  field: RuleField;
  /** Records where the rule fired. */
  failed: number;
  /** Records where the rule applies: the denominator. */
  applicable: number;
}

export interface RunRulesResult {
  findings: number;
  counts: RuleCount[];
  /** Rules that could not run here (duplicate.fuzzy without clusters). */
  skipped: string[];
}

export async function ensureFindingTables(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS findings (source VARCHAR, record_id VARCHAR, field VARCHAR, rule VARCHAR, value VARCHAR, detail VARCHAR)`);
  await db.exec(`CREATE TABLE IF NOT EXISTS rule_counts (source VARCHAR, rule VARCHAR, field VARCHAR, failed BIGINT, applicable BIGINT)`);
}

export async function runRules(db: Db, options: RunRulesOptions): Promise<RunRulesResult> {
  const rules = options.rules ? options.rules.map(ruleById) : RULES;
  await ensureFindingTables(db);
  const source = literal(options.source);
  await db.exec(`DELETE FROM findings WHERE source = ${source}`);
  await db.exec(`DELETE FROM rule_counts WHERE source = ${source}`);
  let clock = performance.now();
  const tell = (step: string, done: number) => {
    const now = performance.now();
    options.onProgress?.({step, seconds: (now - clock) / 1000, done, total: rules.length});
    clock = now;
  };
  const ctx = await prepareContext(db, options);
  tell("prepare", 0);
  const skipped: string[] = [];
  const ran: Rule[] = [];
  try {
    for (const [i, rule] of rules.entries()) {
      const sql = await rule.check(ctx);
      if (sql === null) {
        skipped.push(rule.id);
      } else {
        await db.exec(`INSERT INTO findings
          SELECT ${source}, CAST(f.record_id AS VARCHAR), f.field, ${literal(rule.id)}, CAST(f.value AS VARCHAR), CAST(f.detail AS VARCHAR)
          FROM (${sql}) AS f`);
        ran.push(rule);
      }
      tell(rule.id, i + 1);
    }
    await countRules(db, ctx, ran);
    tell("counts", rules.length);
    if (options.afterRules) {
      await options.afterRules(ctx);
      tell("after", rules.length);
    }
  } finally {
    await ctx.dispose();
  }
  const counts = await db.all<RuleCount>(
    `SELECT source, rule, field, failed, applicable FROM rule_counts WHERE source = ${source} ORDER BY rule, field`
  );
  const total = await db.one<{n: number}>(`SELECT count(*) AS n FROM findings WHERE source = ${source}`);
  return {findings: total?.n ?? 0, counts, skipped};
}

/** SQL predicate: where `rule` applies to `field`. */
export function appliesSql(rule: Rule, field: RuleField, ctx: RuleContext): string {
  if (rule.applies) return rule.applies(field, ctx);
  if (field === "record") return "true";
  return presentSql(col(field));
}

/** Denominators of every rule and field in one scan of the input; numerators from the findings. */
async function countRules(db: Db, ctx: RuleContext, rules: readonly Rule[]): Promise<void> {
  const pairs = rules.flatMap((rule) => rule.fields.map((field) => ({rule, field})));
  if (pairs.length === 0) return;
  const source = literal(ctx.source);
  const filters = pairs.map(({rule, field}, i) => `count(*) FILTER (WHERE ${appliesSql(rule, field, ctx)}) AS a${i}`);
  const keys = pairs.map(({rule, field}, i) => `(${literal(rule.id)}, ${literal(field)}, ${i})`).join(", ");
  const list = pairs.map((_, i) => `a${i}`).join(", ");
  await db.exec(`INSERT INTO rule_counts
    WITH applicable AS (SELECT ${filters.join(", ")} FROM ${ctx.input}),
      wide AS (SELECT [${list}] AS counts FROM applicable),
      k AS (SELECT * FROM (VALUES ${keys}) AS k(rule, field, i)),
      failed AS (SELECT rule, field, count(*) AS n FROM findings WHERE source = ${source} GROUP BY ALL)
    SELECT ${source}, k.rule, k.field, coalesce(failed.n, 0), wide.counts[k.i + 1]
    FROM k CROSS JOIN wide LEFT JOIN failed ON failed.rule = k.rule AND failed.field = k.field`);
}
