/**
 * What a data-quality rule is. Each rule lives in its own file as one small
 * record: its id (a contract: it appears in findings.csv and on the site), the
 * field roles it reports on, its severity and quality dimension, a plain
 * explanation in French and English, and a `check` that renders the SQL of its
 * findings. The registry (`registry.ts`) gathers them; the engine (`run.ts`),
 * the site and the docs all read the registry.
 */
import type {Db} from "../db/connection.ts";
import type {CustomerRole} from "../config/roles.ts";
import type {Dimension} from "../config/schema.ts";

/** A field a rule reports on: a customer role, or the whole record. */
export type RuleField = CustomerRole | "record";

export type Severity = "error" | "warning" | "info";

export interface RuleContext {
  db: Db;
  /**
   * The prepared input table (a quoted SQL name): the standard customer columns (`source`,
   * `row_number`, `record_id`, one VARCHAR per role) plus `country_code` (the
   * record's ISO country, else the source's, else the default) and the parsed
   * dates `birth_date_d`, `created_at_d`, `updated_at_d` (DATE or NULL).
   */
  input: string;
  source: string;
  /** Default ISO 3166 alpha-2 country of the source. */
  country: string;
  /** Audit date, yyyy-mm-dd. */
  asOf: string;
  /** Freshness window in months. */
  freshnessMonths: number;
  /** Table (`source, record_id, cluster_id`) from the matching step, when there is one. */
  clusters?: string;
  /** A helper table shared by rules, created once per run: returns its name. */
  lookup(name: string, create: (table: string) => Promise<void>): Promise<string>;
}

export interface Rule {
  /** `family.name`, lower case: a contract. */
  id: string;
  /** Fields the findings are reported on (the `field` column of findings). */
  fields: readonly RuleField[];
  dimension: Dimension;
  severity: Severity;
  explain: {fr: string; en: string};
  /**
   * SQL of the failing records: `SELECT record_id, field, value, detail`, at
   * most one row per record and field. Null when the rule cannot run here
   * (for example duplicate.fuzzy without clusters).
   */
  check(ctx: RuleContext): Promise<string | null> | string | null;
  /**
   * SQL predicate over the input table (no alias) telling where the rule
   * applies to `field`: the denominator of its rate. Default: the field is
   * not missing.
   */
  applies?(field: RuleField, ctx: RuleContext): string;
}

const ID = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Checks a rule record and returns it; errors say what to write instead. */
export function defineRule(rule: Rule): Rule {
  const errors: string[] = [];
  if (!ID.test(rule.id)) errors.push(`invalid rule id: ${rule.id} (should read family.name, e.g. "email.syntax")`);
  if (rule.fields.length === 0) errors.push(`rule ${rule.id}: fields should list at least one role`);
  if (!SEVERITIES.includes(rule.severity)) errors.push(`rule ${rule.id}: invalid severity: ${rule.severity} (should be error, warning or info)`);
  if (!rule.explain.fr?.trim() || !rule.explain.en?.trim()) errors.push(`rule ${rule.id}: explain should give both fr and en`);
  if (errors.length) throw new Error(errors.join("\n"));
  return rule;
}
