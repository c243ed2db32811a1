/**
 * Every per-source measure over the rules' prepared input (see
 * rules/context.ts): completeness, formats, ages and contactability. Pass it
 * to runRules as `afterRules` so the source is read and its dates parsed once:
 *
 *   runRules(db, {..., afterRules: (ctx) => measureSource(ctx, {mapped})})
 */
import type {Db} from "../db/connection.ts";
import type {RuleContext} from "../rules/rule.ts";
import {ensureFieldsTable, measureCompleteness} from "./completeness.ts";
import {ensureFormatsTable, measureFormats} from "./formats.ts";
import {ensureAgesTable, measureFreshness} from "./freshness.ts";
import {ensureContactsTable, measureContacts} from "./contacts.ts";

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

/** Creates every measure's table when missing: once, before sources are measured side by side. */
export async function ensureKpiTables(db: Db): Promise<void> {
  for (const ensure of [ensureFieldsTable, ensureFormatsTable, ensureAgesTable, ensureContactsTable]) await ensure(db);
}
