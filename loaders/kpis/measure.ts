/**
 * Every per-source measure over the rules' prepared input (see
 * rules/context.ts): completeness, formats, ages and contactability. Pass it
 * to runRules as `afterRules` so the source is read and its dates parsed once:
 *
 *   runRules(db, {..., afterRules: (ctx) => measureSource(ctx, {mapped})})
 */
import type {RuleContext} from "../rules/rule.ts";
import {measureCompleteness} from "./completeness.ts";
import {measureFormats} from "./formats.ts";
import {measureFreshness} from "./freshness.ts";
import {measureContacts} from "./contacts.ts";

export interface MeasureOptions {
  /** roles the source has a column for */
  mapped: ReadonlySet<string>;
}

export async function measureSource(ctx: RuleContext, {mapped}: MeasureOptions): Promise<void> {
  const {db, input, source, asOf, freshnessMonths} = ctx;
  await measureCompleteness(db, {input, source, mapped});
  await measureFormats(db, {input, source, mapped});
  await measureFreshness(db, {input, source, asOf, months: freshnessMonths});
  await measureContacts(db, {input, source});
}
