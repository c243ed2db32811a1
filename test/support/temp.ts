/** A fresh folder per test file, removed at the end. */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after} from "node:test";

export function tempDir(prefix = "assay-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, {recursive: true, force: true}));
  return dir;
}
