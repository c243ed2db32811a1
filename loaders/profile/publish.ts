/**
 * What of a column profile may be shown. Published mode: values seen fewer
 * than k times are dropped; values of personal roles are masked; columns
 * without a known role show their values only when they hold few distinct
 * ones (categories), never free text that could hold names; min and max
 * only for numbers and dates of non-personal columns. Consultant mode shows
 * everything.
 */
import {PERSONAL_ROLES, type Role} from "../config/roles.ts";
import {maskValue} from "../rules/mask.ts";
import type {ColumnProfile, Count} from "./profile.ts";

export interface PublishOptions {
  mode: "published" | "consultant";
  /** k: smallest count shown */
  minCount: number;
}

/** Columns with at most this many distinct values are categories: their values can be shown. */
const CATEGORY_MAX_DISTINCT = 50;

export interface PublishedProfile extends ColumnProfile {
  role: Role | null;
  /** values hidden or masked in this profile */
  masked: boolean;
}

export function publishProfile(profile: ColumnProfile, role: Role | null, options: PublishOptions): PublishedProfile {
  if (options.mode === "consultant") return {...profile, role, masked: false};
  const personal = role !== null && PERSONAL_ROLES.has(role);
  const k = options.minCount;
  const frequent = (counts: Count[]) => counts.filter((c) => c.count >= k);
  const typed = /^(BIGINT|DOUBLE|DATE|TIMESTAMP|INTEGER|DECIMAL|FLOAT|SMALLINT|TINYINT|HUGEINT)/.test(profile.type);
  const showValues = !personal && (role !== null || profile.distinct <= CATEGORY_MAX_DISTINCT);
  const top = personal
    ? frequent(profile.top).map((c) => ({value: maskValue(role!, c.value) ?? "", count: c.count}))
    : showValues
      ? frequent(profile.top)
      : [];
  return {
    ...profile,
    role,
    masked: personal || !showValues,
    top,
    patterns: frequent(profile.patterns),
    min: !personal && typed ? profile.min : null,
    max: !personal && typed ? profile.max : null,
    histogram: {of: profile.histogram.of, bins: profile.histogram.bins.map((b) => ({...b, count: personal && b.count < k ? 0 : b.count}))}
  };
}
