/**
 * Defaults of the quality scorecard, in one place: the weight of each
 * dimension in the overall score, the threshold (0–100) each score should
 * reach, and the traffic-light margin. The configuration's `weights` and
 * `thresholds` override them one by one; the methodology page shows the values
 * in force.
 *
 *   DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS, AMBER_MARGIN
 *   qualitySettings(config) → {weights, thresholds, freshnessMonths, defaults}
 *   light(score, threshold) → "green" | "amber" | "red" | "none"
 */
import {DIMENSIONS, type Config, type Dimension} from "../config/schema.ts";

export type Weights = Record<Dimension, number>;
export type Thresholds = Record<Dimension | "overall", number>;
export type Light = "green" | "amber" | "red" | "none";

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  completeness: 20,
  validity: 25,
  consistency: 10,
  uniqueness: 15,
  timeliness: 15,
  consent: 15
});

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  completeness: 80,
  validity: 90,
  consistency: 80,
  uniqueness: 95,
  timeliness: 70,
  consent: 80,
  overall: 80
});

/** A score below its threshold by at most this many points is amber; further below, red. */
export const AMBER_MARGIN = 10;

/** Fields left out of the completeness score (shown on the heatmap all the same): often empty by design. */
export const COMPLETENESS_EXCLUDED: readonly string[] = ["address2"];

export interface QualitySettings {
  weights: Weights;
  thresholds: Thresholds;
  freshnessMonths: number;
  amberMargin: number;
  /** which values came from the configuration rather than the defaults */
  configured: {weights: Dimension[]; thresholds: (Dimension | "overall")[]};
}

export function qualitySettings(config: Pick<Config, "weights" | "thresholds" | "freshness">): QualitySettings {
  const weights = {...DEFAULT_WEIGHTS};
  const thresholds = {...DEFAULT_THRESHOLDS};
  const configured: QualitySettings["configured"] = {weights: [], thresholds: []};
  for (const d of DIMENSIONS) {
    const w = (config.weights as Partial<Weights>)[d];
    if (w !== undefined) {
      weights[d] = w;
      configured.weights.push(d);
    }
  }
  for (const d of [...DIMENSIONS, "overall"] as const) {
    const t = (config.thresholds as Partial<Thresholds>)[d];
    if (t !== undefined) {
      thresholds[d] = t;
      configured.thresholds.push(d);
    }
  }
  return {weights, thresholds, freshnessMonths: config.freshness.months, amberMargin: AMBER_MARGIN, configured};
}

export function light(score: number | null, threshold: number): Light {
  if (score === null) return "none";
  if (score >= threshold) return "green";
  return score >= threshold - AMBER_MARGIN ? "amber" : "red";
}
