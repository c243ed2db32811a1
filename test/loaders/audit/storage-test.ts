import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {loadConfig} from "../../../loaders/config/load.ts";
import {auditStorage} from "../../../loaders/audit/storage.ts";
import {memoryBytes} from "../../../loaders/db/memory.ts";
import {runAudit} from "../../../loaders/audit/run.ts";
import {quietProgress, sampleConfig} from "../../support/sample-config.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();

describe("auditStorage", () => {
  it("keeps the sample in memory, and uses a file when asked or when the inputs outgrow a tenth of the memory limit", async () => {
    const decide = async (engine: Record<string, unknown>) => {
      const loaded = loadConfig(sampleConfig(dir, {engine}, "storage.json"));
      return auditStorage(loaded, join(dir, "work"));
    };
    const auto = await decide({});
    assert.equal(auto.path, undefined);
    assert.ok(auto.inputBytes > 100_000, `${auto.inputBytes} bytes of sample input`);
    assert.equal((await decide({storage: "memory", memory: "1MB"})).path, undefined);
    assert.match((await decide({storage: "file"})).path ?? "", /audit\.duckdb$/);
    assert.match((await decide({memory: "1MB"})).path ?? "", /audit\.duckdb$/);
  });

  it("reads memory settings as DuckDB does", () => {
    assert.equal(memoryBytes("6GB"), 6e9);
    assert.equal(memoryBytes("512MiB"), 512 * 2 ** 20);
    assert.equal(memoryBytes("lots"), undefined);
  });
});

describe("runAudit with its tables in a file", () => {
  it("writes the same outputs as in memory", async () => {
    const outputs = async (storage: string) => {
      const out = join(dir, storage);
      const loaded = loadConfig(sampleConfig(dir, {engine: {storage}, output: out}, `${storage}.json`));
      await runAudit(loaded, quietProgress);
      const files = ["clusters.csv", "findings.csv", "golden.csv", "rfm.csv", "rejects.csv", ...readdirSync(join(out, "site")).map((f) => `site/${f}`)];
      return Object.fromEntries(files.map((f) => [f, readFileSync(join(out, f)).toString("base64")]));
    };
    const file = await outputs("file");
    const memory = await outputs("memory");
    assert.ok(Object.keys(file).length >= 10);
    for (const name of Object.keys(memory)) assert.equal(file[name], memory[name], `${name} differs between a file and memory`);
  });
});
