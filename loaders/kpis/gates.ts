/**
 * Quality gates (`assay check`): every score of all sources together, and
 * of each source when asked, against its threshold (configured, else the
 * default). A gate fails when its score is below the threshold; a dimension
 * without any applicable check is not a gate.
 *
 *   gatesOf(kpis, {perSource?}) → Gate[]
 */
import type {KpiDocument, Scope} from "./summary.ts";

export interface Gate {
  source: Scope;
  /** a dimension, or "overall" */
  score: string;
  value: number;
  threshold: number;
  passed: boolean;
}

export function gatesOf(kpis: KpiDocument, {perSource = false}: {perSource?: boolean} = {}): Gate[] {
  const gates: Gate[] = [];
  for (const card of kpis.scorecards) {
    if (card.source !== null && !perSource) continue;
    for (const d of card.dimensions) {
      if (d.score === null) continue;
      gates.push({source: card.source, score: d.dimension, value: d.score, threshold: d.threshold, passed: d.score >= d.threshold});
    }
    if (card.overall.score !== null) {
      gates.push({source: card.source, score: "overall", value: card.overall.score, threshold: card.overall.threshold, passed: card.overall.score >= card.overall.threshold});
    }
  }
  return gates;
}
