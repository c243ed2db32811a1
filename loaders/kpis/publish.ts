/**
 * What the report's quality pages may show, masked for the mode.
 *
 *   publishQuality(kpis, {mode, minCount, trend, history}) → QualitySite (site/quality.json)
 *   publishRules(db, kpis, {mode, minCount, examples}) → RulesSite (site/quality-rules.json)
 *
 * Published mode: aggregates; a count below minCount in a channel overlap is
 * suppressed (null); rule examples are masked values (`j***@g***.com`) seen at
 * least minCount times. Consultant mode: also the first findings of each rule
 * with record id, raw value and detail.
 */
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import {RULES} from "../rules/registry.ts";
import {maskByFieldSql} from "../rules/mask.ts";
import {DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, COMPLETENESS_EXCLUDED} from "./defaults.ts";
import {AGE_BANDS} from "./freshness.ts";
import {FORMAT_FIELDS} from "./formats.ts";
import {EMAIL_BLOCKERS, PHONE_BLOCKERS, POST_BLOCKERS, SMS_BLOCKERS} from "./contacts.ts";
import type {Snapshot, Trend} from "./history.ts";
import type {KpiDocument} from "./summary.ts";

type Mode = "published" | "consultant";

export function publishQuality(kpis: KpiDocument, {mode, minCount, trend, history}: {mode: Mode; minCount: number; trend: Trend[]; history: Snapshot[]}) {
  const suppress = (n: number) => (mode === "published" && n > 0 && n < minCount ? null : n);
  return {
    ...kpis,
    mode,
    minCount,
    contactability: kpis.contactability.map((c) => ({...c, overlaps: c.overlaps.map((o) => ({...o, n: suppress(o.n)}))})),
    trend,
    history,
    methodology: {
      defaults: {weights: DEFAULT_WEIGHTS, thresholds: DEFAULT_THRESHOLDS},
      completenessExcluded: COMPLETENESS_EXCLUDED,
      ageBands: AGE_BANDS.map(([band]) => band),
      formatFields: Object.keys(FORMAT_FIELDS),
      contactBlockers: {email: EMAIL_BLOCKERS, phone: PHONE_BLOCKERS, sms: SMS_BLOCKERS, post: POST_BLOCKERS}
    }
  };
}

export interface RuleExample {
  value: string;
  count: number;
}

export interface RuleFinding {
  source: string;
  record_id: string;
  value: string | null;
  detail: string | null;
}

export async function publishRules(db: Db, kpis: KpiDocument, {mode, minCount, examples = 5, findings = 20}: {mode: Mode; minCount: number; examples?: number; findings?: number}) {
  const masked = maskByFieldSql("field", "value");
  const exampleRows = await db.all<{rule: string; field: string; value: string; count: number}>(`
    SELECT rule, field, value, count FROM (
      SELECT rule, field, value, count, row_number() OVER (PARTITION BY rule, field ORDER BY count DESC, value) AS k
      FROM (SELECT rule, field, ${masked} AS value, count(*) AS count FROM findings
        WHERE value IS NOT NULL AND source IN (SELECT unnest(${`[${kpis.sources.map(literal).join(", ") || "''"}]`})) GROUP BY ALL)
      WHERE count >= ${mode === "published" ? minCount : 1})
    WHERE k <= ${examples} ORDER BY rule, field, k`);
  const recordRows =
    mode === "consultant"
      ? await db.all<RuleFinding & {rule: string; field: string}>(`
          SELECT rule, field, source, record_id, value, detail FROM (
            SELECT *, row_number() OVER (PARTITION BY rule, field ORDER BY source, TRY_CAST(record_id AS BIGINT), record_id) AS k FROM findings)
          WHERE k <= ${findings} ORDER BY rule, field, k`)
      : [];
  return {
    mode,
    minCount,
    rules: RULES.map((rule) => ({
      id: rule.id,
      dimension: rule.dimension,
      severity: rule.severity,
      fields: rule.fields,
      explain: rule.explain,
      skipped: kpis.skipped.includes(rule.id),
      counts: kpis.rules.filter((r) => r.rule === rule.id),
      examples: exampleRows.filter((e) => e.rule === rule.id).map(({field, value, count}) => ({field, value, count})),
      findings: recordRows.filter((e) => e.rule === rule.id).map(({field, source, record_id, value, detail}) => ({field, source, record_id, value, detail}))
    }))
  };
}
