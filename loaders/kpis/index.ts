/**
 * Quality KPIs over the rule engine's results: completeness, standardisation,
 * age and contactability measures per source, dimension and overall scores
 * with thresholds, snapshots for trends, quality gates.
 *
 *   qualitySettings(config) → weights, thresholds, window      (defaults.ts)
 *   measureSource(ruleCtx, {mapped})   per-source measures     (measure.ts)
 *   summariseKpis(db, {asOf, sources, settings, clusters?, skipped?}) → KpiDocument (summary.ts)
 *   configKey, snapshotOf, writeSnapshot, readHistory, trendOf  (history.ts)
 *   gatesOf(kpis, {perSource?}) → Gate[]                      (gates.ts)
 */
export {qualitySettings, light, DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS, AMBER_MARGIN, COMPLETENESS_EXCLUDED, type QualitySettings, type Light} from "./defaults.ts";
export {measureSource} from "./measure.ts";
export {summariseKpis, ratio, type KpiDocument, type Scorecard, type DimensionScore, type Ratio, type Scope} from "./summary.ts";
export {configKey, snapshotOf, writeSnapshot, readHistory, trendOf, type Snapshot, type Trend} from "./history.ts";
export {gatesOf, type Gate} from "./gates.ts";
export {AGE_BANDS} from "./freshness.ts";
export {FORMAT_FIELDS} from "./formats.ts";
