/**
 * The KPI document (kpis.json) from what the measures left in DuckDB
 * (rule_counts, kpi_fields, kpi_formats, kpi_ages, kpi_contacts): every KPI
 * with its numerator and denominator, per source (`source` = its name) and
 * for all sources together (`source` = null); the six dimension scores and the
 * weighted overall score with traffic lights against the thresholds.
 *
 *   summariseKpis(db, {asOf, sources, settings, clusters?}) → KpiDocument
 */
import type {Db} from "../db/connection.ts";
import {ident, literal, literalList} from "../db/sql.ts";
import {DIMENSIONS, type Dimension} from "../config/schema.ts";
import {RULES} from "../rules/registry.ts";
import type {RuleCount} from "../rules/run.ts";
import {COMPLETENESS_EXCLUDED, light, type Light, type QualitySettings} from "./defaults.ts";
import {FIELD_ROLES, FIELDS_TABLE} from "./completeness.ts";
import {FORMATS_TABLE} from "./formats.ts";
import {AGES_TABLE, AGE_BANDS} from "./freshness.ts";
import {CONTACTS_TABLE} from "./contacts.ts";

/** A source's name, or null for all sources together. */
export type Scope = string | null;

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when there is nothing to count */
  rate: number | null;
}

export interface DimensionScore {
  dimension: Dimension;
  passed: number;
  checks: number;
  /** 0–100, null when no check applies */
  score: number | null;
  weight: number;
  threshold: number;
  light: Light;
}

export interface Scorecard {
  source: Scope;
  records: number;
  dimensions: DimensionScore[];
  overall: {score: number | null; threshold: number; light: Light};
}

export interface FieldKpi {
  source: Scope;
  field: string;
  /** the source has a column for it */
  mapped: boolean;
  rows: number;
  fill: Ratio;
  usable: Ratio;
}

export interface RuleKpi {
  source: Scope;
  rule: string;
  field: string;
  dimension: Dimension;
  severity: string;
  failed: Ratio;
}

export interface ConsistencyKpi {
  source: Scope;
  field: string;
  dominant: string;
  standard: Ratio;
  formats: {format: string; n: number}[];
}

export interface FreshnessKpi {
  source: Scope;
  months: number;
  /** records with a date, older than the window */
  older: Ratio;
  bands: {band: string; n: number}[];
}

export interface ContactKpi {
  source: Scope;
  /** distinct customers: people (clusters) or records */
  customers: number;
  email: Ratio;
  phone: Ratio;
  sms: Ratio;
  post: Ratio;
  any: Ratio;
  /** customers by combination of channels (phone = phone or SMS) */
  overlaps: {email: boolean; phone: boolean; post: boolean; n: number}[];
}

export interface KpiDocument {
  asOf: string;
  sources: string[];
  identity: "clusters" | "records";
  settings: QualitySettings;
  /** rules that could not run (duplicate.fuzzy without clusters) */
  skipped: string[];
  scorecards: Scorecard[];
  fields: FieldKpi[];
  rules: RuleKpi[];
  consistency: ConsistencyKpi[];
  freshness: FreshnessKpi[];
  contactability: ContactKpi[];
}

export function ratio(numerator: number, denominator: number): Ratio {
  return {numerator, denominator, rate: denominator > 0 ? numerator / denominator : null};
}

const round = (x: number) => Math.round(x * 100) / 100;

export interface SummaryOptions {
  asOf: string;
  sources: string[];
  settings: QualitySettings;
  /** table (source, record_id, cluster_id) from matching */
  clusters?: string;
  skipped?: string[];
}

export async function summariseKpis(db: Db, options: SummaryOptions): Promise<KpiDocument> {
  const {sources, settings} = options;
  const scopes: Scope[] = [...sources, null];
  const inScope = literalList(sources.length ? sources : [""]);
  const counts = await db.all<RuleCount>(`SELECT source, rule, field, failed, applicable FROM rule_counts WHERE source IN ${inScope} ORDER BY source, rule, field`);
  const fieldRows = await db.all<{source: string; field: string; mapped: boolean; rows: number; filled: number; usable: number}>(
    // in the roles' order, whatever the order the rows were written in (sources are measured side by side)
    `SELECT * FROM ${FIELDS_TABLE} WHERE source IN ${inScope} ORDER BY source, list_position([${FIELD_ROLES.map(literal).join(", ")}], field)`
  );
  const formatRows = await db.all<{source: string; field: string; format: string; n: number}>(
    `SELECT * FROM ${FORMATS_TABLE} WHERE source IN ${inScope} ORDER BY source, field, n DESC, format`
  );
  const ageRows = await db.all<{source: string; band: string; n: number; older: number}>(`SELECT * FROM ${AGES_TABLE} WHERE source IN ${inScope}`);
  const of = <T extends {source: string}>(rows: T[], scope: Scope) => (scope === null ? rows : rows.filter((r) => r.source === scope));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  // fields
  const fields: FieldKpi[] = [];
  for (const scope of scopes) {
    const rows = of(fieldRows, scope);
    const names = [...new Set(fieldRows.map((r) => r.field))];
    for (const field of names) {
      const these = rows.filter((r) => r.field === field);
      const mapped = these.filter((r) => r.mapped);
      const total = sum(mapped.map((r) => r.rows));
      fields.push({
        source: scope,
        field,
        mapped: mapped.length > 0,
        rows: total,
        fill: ratio(sum(mapped.map((r) => r.filled)), total),
        usable: ratio(sum(mapped.map((r) => r.usable)), total)
      });
    }
  }

  // rules
  const ruleOf = new Map(RULES.map((r) => [r.id, r]));
  const rules: RuleKpi[] = [];
  for (const scope of scopes) {
    const rows = of(counts, scope);
    const keys = [...new Map(counts.map((c) => [`${c.rule}\u0000${c.field}`, c])).values()];
    for (const {rule, field} of keys) {
      const these = rows.filter((r) => r.rule === rule && r.field === field);
      const def = ruleOf.get(rule)!;
      rules.push({
        source: scope,
        rule,
        field,
        dimension: def.dimension,
        severity: def.severity,
        failed: ratio(sum(these.map((r) => r.failed)), sum(these.map((r) => r.applicable)))
      });
    }
  }
  rules.sort((a, b) => RULES.indexOf(ruleOf.get(a.rule)!) - RULES.indexOf(ruleOf.get(b.rule)!) || a.field.localeCompare(b.field));

  // consistency (standardisation per source and field; all sources: each source's own dominant format)
  const consistency: ConsistencyKpi[] = [];
  const perSourceField = new Map<string, {source: string; field: string; formats: {format: string; n: number}[]}>();
  for (const r of formatRows) {
    const key = `${r.source}\u0000${r.field}`;
    if (!perSourceField.has(key)) perSourceField.set(key, {source: r.source, field: r.field, formats: []});
    perSourceField.get(key)!.formats.push({format: r.format, n: r.n});
  }
  for (const scope of scopes) {
    const groups = [...perSourceField.values()].filter((g) => scope === null || g.source === scope);
    for (const field of [...new Set(groups.map((g) => g.field))]) {
      const these = groups.filter((g) => g.field === field);
      const merged = new Map<string, number>();
      for (const g of these) for (const f of g.formats) merged.set(f.format, (merged.get(f.format) ?? 0) + f.n);
      const formats = [...merged].map(([format, n]) => ({format, n})).sort((a, b) => b.n - a.n || a.format.localeCompare(b.format));
      consistency.push({
        source: scope,
        field,
        dominant: formats[0]?.format ?? "",
        standard: ratio(sum(these.map((g) => g.formats[0]?.n ?? 0)), sum(formats.map((f) => f.n))),
        formats
      });
    }
  }

  // freshness
  const freshness: FreshnessKpi[] = scopes.map((scope) => {
    const rows = of(ageRows, scope);
    const dated = sum(rows.filter((r) => r.band !== "undated").map((r) => r.n));
    const bandNames = [...AGE_BANDS.map(([b]) => b), "future", "undated"];
    return {
      source: scope,
      months: settings.freshnessMonths,
      older: ratio(sum(rows.map((r) => r.older)), dated),
      bands: bandNames.map((band) => ({band, n: sum(rows.filter((r) => r.band === band).map((r) => r.n))}))
    };
  });

  const contactability = await contacts(db, sources, options.clusters);

  // scorecards
  const scorecards: Scorecard[] = scopes.map((scope) => {
    const checks = new Map<Dimension, {passed: number; checks: number}>(DIMENSIONS.map((d) => [d, {passed: 0, checks: 0}]));
    const add = (d: Dimension, passed: number, n: number) => {
      const c = checks.get(d)!;
      c.passed += passed;
      c.checks += n;
    };
    for (const f of fieldRows.filter((r) => (scope === null || r.source === scope) && r.mapped && !COMPLETENESS_EXCLUDED.includes(r.field))) add("completeness", f.filled, f.rows);
    for (const c of consistency.filter((c) => c.source === scope)) add("consistency", c.standard.numerator, c.standard.denominator);
    for (const r of of(counts, scope)) {
      const def = ruleOf.get(r.rule)!;
      if (def.severity === "info") continue;
      add(def.dimension, r.applicable - r.failed, r.applicable);
    }
    const dimensions: DimensionScore[] = DIMENSIONS.map((d) => {
      const {passed, checks: n} = checks.get(d)!;
      const score = n > 0 ? round((100 * passed) / n) : null;
      return {dimension: d, passed, checks: n, score, weight: settings.weights[d], threshold: settings.thresholds[d], light: light(score, settings.thresholds[d])};
    });
    const weighted = dimensions.filter((d) => d.score !== null && d.weight > 0);
    const totalWeight = sum(weighted.map((d) => d.weight));
    const overall = totalWeight > 0 ? round(sum(weighted.map((d) => d.weight * d.score!)) / totalWeight) : null;
    const records = scope === null ? sum(fieldRows.filter((r) => r.field === "email").map((r) => r.rows)) : fieldRows.find((r) => r.source === scope)?.rows ?? 0;
    return {source: scope, records, dimensions, overall: {score: overall, threshold: settings.thresholds.overall, light: light(overall, settings.thresholds.overall)}};
  });

  return {
    asOf: options.asOf,
    sources,
    identity: options.clusters ? "clusters" : "records",
    settings,
    skipped: options.skipped ?? [],
    scorecards,
    fields,
    rules,
    consistency,
    freshness,
    contactability
  };
}

async function contacts(db: Db, sources: string[], clusters?: string): Promise<ContactKpi[]> {
  const inScope = literalList(sources.length ? sources : [""]);
  const person = clusters
    ? `coalesce(CAST(c.cluster_id AS VARCHAR), k.source || chr(31) || k.record_id)`
    : `k.source || chr(31) || k.record_id`;
  const join = clusters ? `LEFT JOIN (SELECT DISTINCT CAST(source AS VARCHAR) AS source, CAST(record_id AS VARCHAR) AS record_id, cluster_id FROM ${ident(clusters)}) AS c ON c.source = k.source AND c.record_id = k.record_id` : "";
  const rows = await db.all<{source: string | null; email: boolean; phone: boolean; sms: boolean; post: boolean; n: number}>(`
    WITH p AS (SELECT k.source, ${person} AS person, k.email, k.phone, k.sms, k.post FROM ${CONTACTS_TABLE} AS k ${join} WHERE k.source IN ${inScope}),
      per AS (
        SELECT source, person, bool_or(email) AS email, bool_or(phone) AS phone, bool_or(sms) AS sms, bool_or(post) AS post FROM p GROUP BY source, person
        UNION ALL
        SELECT NULL AS source, person, bool_or(email), bool_or(phone), bool_or(sms), bool_or(post) FROM p GROUP BY person)
    SELECT source, coalesce(email, false) AS email, coalesce(phone, false) AS phone, coalesce(sms, false) AS sms, coalesce(post, false) AS post, count(*) AS n
    FROM per GROUP BY ALL ORDER BY ALL`);
  return [...sources, null].map((scope) => {
    const these = rows.filter((r) => r.source === scope);
    const customers = these.reduce((a, r) => a + r.n, 0);
    const count = (f: (r: (typeof rows)[number]) => boolean) => ratio(these.filter(f).reduce((a, r) => a + r.n, 0), customers);
    const overlaps: ContactKpi["overlaps"] = [];
    for (const email of [true, false])
      for (const phone of [true, false])
        for (const post of [true, false]) {
          const n = these.filter((r) => r.email === email && (r.phone || r.sms) === phone && r.post === post).reduce((a, r) => a + r.n, 0);
          overlaps.push({email, phone, post, n});
        }
    return {
      source: scope,
      customers,
      email: count((r) => r.email),
      phone: count((r) => r.phone),
      sms: count((r) => r.sms),
      post: count((r) => r.post),
      any: count((r) => r.email || r.phone || r.sms || r.post),
      overlaps
    };
  });
}
