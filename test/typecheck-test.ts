// The whole project typechecks under the strict settings of tsconfig.json.
import {it} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {ROOT} from "./support/cli.ts";

it("tsc --noEmit reports no error", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", ROOT], {cwd: ROOT, encoding: "utf8"});
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`.slice(0, 4000));
});
