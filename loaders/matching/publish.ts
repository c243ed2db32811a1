/**
 * What the report pages may show of a matching run (`site/matching.json`),
 * masked for the mode. Published mode: aggregates only, every count under
 * `minCount` suppressed (overlap combinations and cluster sizes folded into
 * "other" / "n or more" rows, or null), example pairs with masked values and no
 * record id. Consultant mode: the counts as they are, example pairs with their
 * values and record ids. Every example pair carries its per-field explanation
 * (the waterfall: prior, then each field's level and weight).
 *
 *   publishMatching(db, summary, {mode, minCount, records}) → MatchingSiteData
 */
import type {Db} from "../db/connection.ts";
import {literal} from "../db/sql.ts";
import {maskValue} from "../rules/mask.ts";
import type {MatchSummary} from "./run.ts";

export type Mode = "published" | "consultant";

/** Fields shown beside an example pair, in order: name and the SQL over the record table. */
const EXAMPLE_FIELDS: {field: string; sql: string; mask: (v: string) => string}[] = [
  {field: "firstName", sql: "first_raw", mask: (v) => maskValue("firstName", v)!},
  {field: "lastName", sql: "last_raw", mask: (v) => maskValue("lastName", v)!},
  {field: "email", sql: "email", mask: (v) => maskValue("email", v)!},
  {field: "phone", sql: "coalesce(mobile, phone)", mask: (v) => maskValue("phone", v)!},
  {field: "address", sql: "concat_ws(' ', address1, address2)", mask: (v) => maskValue("address1", v)!},
  {field: "postcode", sql: "postcode", mask: (v) => `${Array.from(v.trim()).slice(0, 2).join("")}***`},
  {field: "city", sql: "city", mask: (v) => maskValue("lastName", v)!},
  {field: "birthDate", sql: "birth_date", mask: (v) => maskValue("birthDate", v)!}
];

export interface ExampleRecord {
  source: string;
  /** Consultant mode only. */
  recordId?: string;
  values: Record<string, string | null>;
}

export interface MatchingSiteData {
  mode: Mode;
  minCount: number;
  /** Match probability above which two records are linked, and its weight. */
  threshold: number;
  thresholdWeight: number;
  prior: number;
  records: number;
  customers: number;
  duplicateRate: number;
  sources: {source: string; records: number; customers: number; duplicateRate: number}[];
  /** Customers by the combination of sources they are found in; `sources: null` = the combinations too small to show. */
  overlap: {sources: string[] | null; customers: number | null}[];
  /** Customers found in both sources (on the diagonal: in that source); null when under minCount. */
  matrix: {a: string; b: string; customers: number | null}[];
  /** Clusters by size; `orMore` marks the last row folding every larger size. */
  clusterSizes: {size: number; clusters: number | null; records: number | null; orMore: boolean}[];
  examples: {
    left: ExampleRecord;
    right: ExampleRecord;
    weight: number;
    probability: number;
    linked: boolean;
    prior: number;
    contributions: {field: string; level: string; weight: number}[];
  }[];
  model: MatchSummary["model"]["fields"];
  blocking: {pairs: number; rules: {rule: string; pairs: number; added: number}[]};
  clustering: {split: number; flagged: number};
}

export interface PublishOptions {
  mode: Mode;
  minCount: number;
  /** The normalised record table of the run (match_records). */
  records: string;
}

export async function publishMatching(db: Db, summary: MatchSummary, options: PublishOptions): Promise<MatchingSiteData> {
  const {mode, minCount} = options;
  const published = mode !== "consultant";
  const small = (n: number) => published && n > 0 && n < minCount;
  const keep = (n: number) => (small(n) ? null : n);

  const overlap: MatchingSiteData["overlap"] = [];
  let other = 0;
  for (const row of summary.overlap) {
    if (small(row.customers)) other += row.customers;
    else overlap.push({sources: row.sources, customers: row.customers});
  }
  if (other > 0) overlap.push({sources: null, customers: keep(other)});

  const names = summary.sources.map((s) => s.source);
  const matrix: MatchingSiteData["matrix"] = [];
  for (const a of names) {
    for (const b of names) {
      const n = summary.overlap.filter((o) => o.sources.includes(a) && o.sources.includes(b)).reduce((s, o) => s + o.customers, 0);
      matrix.push({a, b, customers: keep(n)});
    }
  }

  return {
    mode: published ? "published" : "consultant",
    minCount,
    threshold: summary.model.threshold,
    thresholdWeight: summary.model.thresholdWeight,
    prior: summary.model.prior,
    records: summary.records,
    customers: summary.customers,
    duplicateRate: summary.duplicateRate,
    sources: summary.sources,
    overlap,
    matrix,
    clusterSizes: foldSizes(summary.clusterSizes, published ? minCount : 1),
    examples: await exampleRecords(db, summary, options),
    model: summary.model.fields,
    blocking: {pairs: summary.blocking.pairs, rules: summary.blocking.rules.map(({rule, pairs, added}) => ({rule, pairs, added}))},
    clustering: {split: summary.clustering.split, flagged: summary.clustering.flagged}
  };
}

/**
 * Cluster sizes in order; from the first size seen by fewer than `minCount`
 * clusters, every larger size is folded into one "n or more" row, which starts
 * earlier when it would still hold fewer than `minCount` (null when even all
 * sizes together do).
 */
export function foldSizes(sizes: readonly {size: number; clusters: number}[], minCount: number): MatchingSiteData["clusterSizes"] {
  const sorted = [...sizes].sort((a, b) => a.size - b.size);
  let from = sorted.findIndex((row) => row.clusters < minCount);
  if (from < 0) return sorted.map((row) => ({size: row.size, clusters: row.clusters, records: row.size * row.clusters, orMore: false}));
  const total = (i: number) => sorted.slice(i).reduce((s, r) => s + r.clusters, 0);
  while (from > 0 && total(from) < minCount) from--;
  const rest = sorted.slice(from);
  const clusters = total(from);
  const shown = clusters >= minCount;
  return [
    ...sorted.slice(0, from).map((row) => ({size: row.size, clusters: row.clusters, records: row.size * row.clusters, orMore: false})),
    {size: rest[0]!.size, clusters: shown ? clusters : null, records: shown ? rest.reduce((s, r) => s + r.size * r.clusters, 0) : null, orMore: rest.length > 1}
  ];
}

async function exampleRecords(db: Db, summary: MatchSummary, options: PublishOptions): Promise<MatchingSiteData["examples"]> {
  const published = options.mode !== "consultant";
  const keys = summary.examples.flatMap((e) => [e.left, e.right]);
  const values = new Map<string, Record<string, string | null>>();
  if (keys.length > 0) {
    const wanted = keys.map((k) => `(${literal(k.source)}, ${literal(k.recordId)})`).join(", ");
    const rows = await db.all<Record<string, string | null>>(`SELECT DISTINCT source, record_id, ${EXAMPLE_FIELDS.map((f, i) => `${f.sql} AS f${i}`).join(", ")}
      FROM ${options.records} JOIN (VALUES ${wanted}) AS w(wanted_source, wanted_id) ON wanted_source = source AND wanted_id = record_id`);
    for (const row of rows) {
      const record: Record<string, string | null> = {};
      EXAMPLE_FIELDS.forEach((f, i) => {
        const raw = row[`f${i}`] ?? null;
        record[f.field] = raw === null || raw === "" ? null : published ? f.mask(String(raw)) : String(raw);
      });
      values.set(`${row.source}\u0000${row.record_id}`, record);
    }
  }
  const side = (k: {source: string; recordId: string}): ExampleRecord => ({
    source: k.source,
    ...(published ? {} : {recordId: k.recordId}),
    values: values.get(`${k.source}\u0000${k.recordId}`) ?? {}
  });
  return summary.examples.map((e) => ({
    left: side(e.left),
    right: side(e.right),
    weight: e.weight,
    probability: e.probability,
    linked: e.linked,
    prior: e.prior,
    contributions: e.contributions
  }));
}
