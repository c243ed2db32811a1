// `assay match` as a user runs it, on the bundled sample with its ground truth.
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {assay, ROOT} from "../../support/cli.ts";
import {tempDir} from "../../support/temp.ts";

const SAMPLE = join(ROOT, "data", "sample");

describe("assay match", () => {
  const dir = tempDir("assay-match-cli-");
  const config = JSON.parse(readFileSync(join(ROOT, "data", "sample-audit.json"), "utf8"));
  delete config.$schema;
  config.output = join(dir, "out");
  for (const source of config.sources) source.path = join(SAMPLE, source.path.replace(/^sample\//, ""));
  const file = join(dir, "audit.json");
  writeFileSync(file, JSON.stringify(config));

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
