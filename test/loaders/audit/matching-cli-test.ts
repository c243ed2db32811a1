// `assay match` as a user runs it, on the bundled sample with its ground truth.
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {assay} from "../../support/cli.ts";
import {tempDir} from "../../support/temp.ts";
import {SAMPLE, sampleConfig} from "../../support/sample-config.ts";


describe("assay match", () => {
  const dir = tempDir("assay-match-cli-");
  const file = sampleConfig(dir);

  it("--truth-file --json prints accuracy, blocking per rule and recall as one JSON document", () => {
    const run = assay(["match", "--config", file, "--truth-file", join(SAMPLE, "truth", "entities.csv"), "--json", "--quiet"]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.ok(doc.accuracy.f1 >= 0.95, `F1 ${doc.accuracy.f1}`);
    assert.ok(doc.accuracyBySource.within.f1 >= 0.95 && doc.accuracyBySource.across.f1 >= 0.95);
    assert.ok(doc.blocking.recall > 0.95 && doc.blocking.recall <= 1);
    assert.ok(doc.blocking.rules.length > 0 && doc.blocking.rules.every((r: {pairs: number; truePairs: number}) => r.truePairs <= r.pairs));
    assert.equal(doc.blocking.rules.reduce((s: number, r: {added: number}) => s + r.added, 0), doc.blocking.pairs, "new pairs add up to the candidates");
    assert.ok(readFileSync(join(dir, "out", "clusters.csv"), "utf8").startsWith("source,record_id,cluster_id\n"));
  });

  it("rejects --truth with --truth-file, and a file argument", () => {
    const both = assay(["match", "--config", file, "--truth", "x", "--truth-file", "y", "--quiet"]);
    assert.notEqual(both.code, 0);
    const positional = assay(["match", "extra.csv", "--config", file, "--quiet"]);
    assert.notEqual(positional.code, 0);
  });
});
