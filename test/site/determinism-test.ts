// The same inputs give the same report: two builds in a row write the same
// bytes into dist/ and the output folder, but for the run's own timestamps
// (manifest.json) and the dated KPI snapshots each run adds (history/).
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {cpSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {createHash} from "node:crypto";
import {build, DIST, distFiles} from "../support/site.ts";
import {tempDir} from "../support/temp.ts";
import {sampleConfig} from "../support/sample-config.ts";

function digests(dir: string, skip: RegExp): Map<string, string> {
  return new Map(
    distFiles(dir)
      .filter((f) => !skip.test(f))
      .map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")])
  );
}

describe("two builds of the same inputs", () => {
  it("are byte-identical in dist/ and in the output folder", () => {
    const dir = tempDir();
    const config = sampleConfig(dir);
    const runs: {site: Map<string, string>; out: Map<string, string>}[] = [];
    for (const run of [1, 2]) {
      build(config, ["--force"]);
      cpSync(DIST, join(dir, `dist-${run}`), {recursive: true});
      runs.push({site: digests(join(dir, `dist-${run}`), /^$/), out: digests(join(dir, "out"), /^(manifest\.json|history\/)/)});
    }
    const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
    assert.ok(first.site.size > 10 && first.out.size > 3);
    assert.deepEqual([...second.site.keys()].sort(), [...first.site.keys()].sort());
    assert.deepEqual([...second.out.keys()].sort(), [...first.out.keys()].sort());
    const changed = [...first.site].filter(([f, h]) => second.site.get(f) !== h).map(([f]) => `dist/${f}`);
    changed.push(...[...first.out].filter(([f, h]) => second.out.get(f) !== h).map(([f]) => `out/${f}`));
    assert.deepEqual(changed, []);
  });
});
