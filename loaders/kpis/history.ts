/**
 * Dated snapshots of the scores, so the overview can show a trend: one file
 * per audit date in `<output>/history/<key>/<asOf>.json`, where the key
 * names the configuration file. Snapshots carry no timestamp (the run's is in
 * manifest.json): the same inputs give the same files. A run replaces the
 * snapshot of its own audit date; earlier dates are its history.
 *
 *   configKey(configFile) → short stable key
 *   snapshotOf(kpis) → Snapshot
 *   writeSnapshot(outDir, key, snapshot)
 *   readHistory(outDir, key, {before?}) → Snapshot[] (oldest first)
 *   trendOf(history, current) → per scope and dimension: previous score and change
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {writeJson} from "../audit/write.ts";
import type {KpiDocument, Scope} from "./summary.ts";

export interface Snapshot {
  asOf: string;
  /** per scope ("" for all sources): overall and per dimension score */
  scores: {source: Scope; overall: number | null; dimensions: Record<string, number | null>}[];
}

export interface Trend {
  source: Scope;
  /** audit date of the previous snapshot */
  previous: string;
  overall: {previous: number | null; change: number | null};
  dimensions: Record<string, {previous: number | null; change: number | null}>;
}

export function configKey(configFile: string): string {
  return createHash("sha256").update(configFile).digest("hex").slice(0, 12);
}

export function snapshotOf(kpis: KpiDocument): Snapshot {
  return {
    asOf: kpis.asOf,
    scores: kpis.scorecards.map((s) => ({
      source: s.source,
      overall: s.overall.score,
      dimensions: Object.fromEntries(s.dimensions.map((d) => [d.dimension, d.score]))
    }))
  };
}

export function writeSnapshot(outDir: string, key: string, snapshot: Snapshot): string {
  const path = join(outDir, "history", key, `${snapshot.asOf}.json`);
  writeJson(path, snapshot);
  return path;
}

export function readHistory(outDir: string, key: string, {before}: {before?: string} = {}): Snapshot[] {
  const folder = join(outDir, "history", key);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(folder, f), "utf8")) as Snapshot)
    .filter((s) => before === undefined || s.asOf < before);
}

const change = (now: number | null, before: number | null) => (now === null || before === null ? null : Math.round((now - before) * 100) / 100);

/** Change of each score since the latest snapshot in `history` (dated before the current audit). */
export function trendOf(history: Snapshot[], current: Snapshot): Trend[] {
  const previous = history.filter((s) => s.asOf < current.asOf).at(-1);
  if (!previous) return [];
  return current.scores.map((now) => {
    const then = previous.scores.find((s) => s.source === now.source);
    return {
      source: now.source,
      previous: previous.asOf,
      overall: {previous: then?.overall ?? null, change: change(now.overall, then?.overall ?? null)},
      dimensions: Object.fromEntries(
        Object.entries(now.dimensions).map(([d, score]) => [d, {previous: then?.dimensions[d] ?? null, change: change(score, then?.dimensions[d] ?? null)}])
      )
    };
  });
}
