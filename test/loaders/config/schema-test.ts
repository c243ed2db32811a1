import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {configSchema} from "../../../loaders/config/schema.ts";

const base = {sources: [{name: "crm", kind: "customers", path: "crm.csv"}]};

describe("configSchema engine", () => {
  it("accepts an amount or a share of memory, a thread count and a storage, and defaults to automatic storage", () => {
    assert.deepEqual(configSchema.parse(base).engine, {storage: "auto"});
    assert.deepEqual(configSchema.parse({...base, engine: {memory: "6GB", threads: 2, storage: "file"}}).engine, {memory: "6GB", threads: 2, storage: "file"});
    assert.equal(configSchema.parse({...base, engine: {memory: "40%"}}).engine.memory, "40%");
  });

  it("says what a memory setting should look like", () => {
    const result = configSchema.safeParse({...base, engine: {memory: "lots"}});
    assert.equal(result.success, false);
    assert.match(result.error!.issues[0]!.message, /such as "6GB".*"50%"/);
    assert.deepEqual(result.error!.issues[0]!.path, ["engine", "memory"]);
    assert.equal(configSchema.safeParse({...base, engine: {threads: 0}}).success, false);
  });
});
