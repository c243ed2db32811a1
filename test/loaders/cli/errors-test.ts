// Bad input as users bring it: each gets a message that says what is wrong,
// where and what to do, a non-zero exit, and no output half-written.
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {assay} from "../../support/cli.ts";
import {tempDir} from "../../support/temp.ts";

const dir = tempDir();

function audit(config: unknown, name: string) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof config === "string" ? config : JSON.stringify(config));
  return {file, run: assay(["build", "--config", file, "--quiet"])};
}

const customers = (path: string) => ({name: "crm", kind: "customers", path});

describe("assay build with bad input", () => {
  it("names the configuration file and the JSON error", () => {
    const {file, run} = audit("{\"sources\": [", "broken");
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON`));
  });

  it("names the field and what to write instead", () => {
    const {run} = audit({langage: "fr", mode: "public", sources: [{...customers("x.csv"), columns: {mail: "E-mail"}}]}, "fields");
    assert.equal(run.code, 1);
    assert.match(run.stderr, /unknown field "langage" \(did you mean "language"\?\)/);
    assert.match(run.stderr, /mode: should be one of "published", "consultant"/);
    assert.match(run.stderr, /sources\[0\]\.columns: unknown field "mail" \(did you mean "email"\?\)/);
  });

  it("names the missing file and writes nothing", () => {
    const out = join(dir, "out-missing");
    const {run} = audit({output: out, sources: [customers("nowhere.csv")]}, "missing");
    assert.equal(run.code, 1);
    assert.match(run.stderr, /source "crm".*file not found: .*nowhere\.csv/);
    assert.ok(!existsSync(join(out, "manifest.json")) && !existsSync(join(out, "site")), existsSync(out) ? readdirSync(out).join(", ") : "");
  });

  it("says a file is not what its extension says, or is empty, or has no data row", () => {
    writeFileSync(join(dir, "export.xlsx"), "id;email\n1;a@b.fr\n");
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "header.csv"), "Code client;E-mail\r\n");
    for (const [path, message] of [
      ["export.xlsx", /export\.xlsx: the file is named \.xlsx but its content is text: rename it or export it again/],
      ["empty.csv", /empty\.csv: the file is empty \(0 bytes\)/],
      ["header.csv", /header\.csv: the file has a header but no data row/]
    ] as const) {
      const out = join(dir, `out-${path}`);
      const {run} = audit({output: out, sources: [customers(path)]}, path);
      assert.equal(run.code, 1, path);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
      assert.ok(!existsSync(join(out, "manifest.json")), `${path}: nothing written`);
    }
  });
});
