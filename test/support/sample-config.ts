/**
 * A copy of the bundled sample audit (data/sample-audit.json) for a test:
 * input paths made absolute, outputs in the test's folder, fields overridden.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Progress} from "../../loaders/cli/progress.ts";
import {ROOT} from "./cli.ts";

export const SAMPLE = join(ROOT, "data", "sample");

/** Writes `<dir>/<name>` and returns its path. */
export function sampleConfig(dir: string, overrides: Record<string, unknown> = {}, name = "audit.json"): string {
  const config = JSON.parse(readFileSync(join(ROOT, "data", "sample-audit.json"), "utf8"));
  delete config.$schema;
  config.output = join(dir, "out");
  for (const source of config.sources) source.path = resolve(ROOT, "data", source.path);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({...config, ...overrides}));
  return file;
}

/** Progress that prints nothing. */
export const quietProgress: Progress = {step() {}, update() {}, note() {}, done() {}};
