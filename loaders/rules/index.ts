/**
 * The data-quality rule catalogue and its engine.
 *
 *   RULES, ruleById(id)                        the registry (registry.ts)
 *   runRules(db, options) → {findings, counts, skipped}
 *                                              findings + rule_counts tables (run.ts)
 *   writeFindingsCsv(db, path, {sources?})     findings.csv, masked (findings-csv.ts)
 *   maskValue(field, value), maskValueSql(…)   masks (mask.ts)
 *   fuzzyDuplicatesSql(clusters, source)       duplicate.fuzzy from matching's clusters
 */
export {RULES, ruleById} from "./registry.ts";
export {runRules, ensureFindingTables, type RunRulesOptions, type RunRulesResult, type RuleCount} from "./run.ts";
export {writeFindingsCsv} from "./findings-csv.ts";
export {maskValue, maskValueSql, maskEmail, maskPhone, maskName, maskDigits} from "./mask.ts";
export {fuzzyDuplicatesSql} from "./duplicate/fuzzy.ts";
export type {Rule, RuleField, Severity, RuleContext} from "./rule.ts";
