/**
 * Segment maps: R range × F range → segment id, rendered as one SQL CASE.
 * The first rule that covers a cell wins; cells no rule covers are `other`.
 */
import {literal} from "../db/sql.ts";
import {DEFAULT_SEGMENTS, UNMAPPED_SEGMENT, type SegmentRule} from "../../src/lib/segments.ts";

/** Checks a segment map and returns it; errors name the rule and what to write instead. */
export function checkSegments(segments: readonly SegmentRule[] = DEFAULT_SEGMENTS): readonly SegmentRule[] {
  if (segments.length === 0) throw new Error("invalid segment map: it has no rule; leave it out to use the default map");
  segments.forEach(({name, r, f}, i) => {
    if (!name) throw new Error(`invalid segment map: rule ${i + 1} has no name`);
    for (const [axis, range] of [["r", r], ["f", f]] as const) {
      const [lo, hi] = range;
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > 5 || lo > hi) {
        throw new Error(`invalid segment map: ${name}.${axis} is [${lo}, ${hi}]; write [low, high] with 1 ≤ low ≤ high ≤ 5`);
      }
    }
  });
  return segments;
}

/** SQL expression: the segment id of scores `r` and `f` (SQL expressions) under `segments`. */
export function segmentSql(r: string, f: string, segments: readonly SegmentRule[] = DEFAULT_SEGMENTS): string {
  const cases = checkSegments(segments).map(
    ({name, r: [r0, r1], f: [f0, f1]}) => `WHEN ${r} BETWEEN ${r0} AND ${r1} AND ${f} BETWEEN ${f0} AND ${f1} THEN ${literal(name)}`
  );
  return `(CASE ${cases.join(" ")} ELSE ${literal(UNMAPPED_SEGMENT)} END)`;
}
