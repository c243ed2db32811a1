/**
 * What of a value summary (index.ts `ValueSummary`) the report may show.
 *
 *   publishValue(summary, {mode, minCount}) → PublishedValue
 *
 * Published mode: every cell that counts fewer than `minCount` customers is
 * suppressed (its customers, revenue, averages and share become null and
 * `suppressed` is true; the page shows "< k"): R × F cells, segments,
 * lifecycle stages, NPS groups and migration cells. Order-line counts (lines
 * read, kept, excluded) count lines, not people, and stay. Consultant mode
 * shows everything, with `suppressed` false. The summary holds no customer id
 * in either mode.
 */
import type {ValueSummary} from "./index.ts";

export interface PublishOptions {
  mode: "published" | "consultant";
  minCount: number;
}

type Nullable<T, K extends keyof T> = Omit<T, K> & {[P in K]: T[P] | null} & {suppressed: boolean};

export interface PublishedValue extends Omit<ValueSummary, "rfMatrix" | "segments" | "lifecycle" | "nps" | "migration" | "csv"> {
  rfMatrix: Nullable<ValueSummary["rfMatrix"][number], "customers" | "revenue">[];
  segments: Nullable<ValueSummary["segments"][number], "customers" | "revenue" | "recency" | "frequency" | "monetary">[];
  lifecycle: Nullable<ValueSummary["lifecycle"][number], "customers" | "revenue">[];
  nps: {
    respondents: number | null;
    groups: {group: "promoters" | "passives" | "detractors" | "ambassadors"; customers: number | null; suppressed: boolean}[];
    nps: number | null;
    suppressed: boolean;
  };
  migration:
    | (Omit<NonNullable<ValueSummary["migration"]>, "cells" | "downgrades"> & {
        cells: Nullable<NonNullable<ValueSummary["migration"]>["cells"][number], "customers" | "share">[];
        /** Customers in downgrade cells that are shown (suppressed cells left out in published mode). */
        downgrades: number;
        /** Customers of each row (segment at the first date), for row percentages. */
        rowTotals: {row: string; customers: number | null; suppressed: boolean}[];
      })
    | null;
}

export function publishValue(summary: ValueSummary, options: PublishOptions): PublishedValue {
  const k = options.mode === "published" ? options.minCount : 0;
  const small = (n: number) => n > 0 && n < k;
  const hide = <T extends object, K extends keyof T>(row: T, count: number, keys: readonly K[]): Nullable<T, K> => {
    const suppressed = small(count);
    const out = {...row, suppressed} as Record<string, unknown>;
    if (suppressed) for (const key of keys) out[key as string] = null;
    return out as Nullable<T, K>;
  };
  const {csv: _csv, ...rest} = summary;
  const nps = summary.nps;
  const npsSuppressed = small(nps.respondents);
  const groups = (["promoters", "passives", "detractors", "ambassadors"] as const).map((group) => {
    const suppressed = npsSuppressed || small(nps[group]);
    return {group, customers: suppressed ? null : nps[group], suppressed};
  });
  let migration: PublishedValue["migration"] = null;
  if (summary.migration) {
    const m = summary.migration;
    const cells = m.cells.map((c) => hide(c, c.customers, ["customers", "share"] as const));
    const totals = new Map<string, number>();
    for (const c of m.cells) totals.set(c.from, (totals.get(c.from) ?? 0) + c.customers);
    migration = {
      ...m,
      cells,
      downgrades: cells.reduce((n, c) => n + (c.downgrade && c.customers !== null ? c.customers : 0), 0),
      rowTotals: m.rows.map((row) => {
        const n = totals.get(row) ?? 0;
        return {row, customers: small(n) ? null : n, suppressed: small(n)};
      })
    };
  }
  return {
    ...rest,
    rfMatrix: summary.rfMatrix.map((c) => hide(c, c.customers, ["customers", "revenue"] as const)),
    segments: summary.segments.map((s) => hide(s, s.customers, ["customers", "revenue", "recency", "frequency", "monetary"] as const)),
    lifecycle: summary.lifecycle.map((s) => hide(s, s.customers, ["customers", "revenue"] as const)),
    nps: {respondents: npsSuppressed ? null : nps.respondents, groups, nps: npsSuppressed ? null : nps.nps, suppressed: npsSuppressed},
    migration
  };
}
