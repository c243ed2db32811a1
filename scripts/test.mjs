// Runs every test file (test/**/*-test.ts) with Node's test runner and tsx.
// Arguments narrow the run to files whose path contains one of them.
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";

process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
const root = join(import.meta.dirname, "..");
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith("-test.ts")) files.push(relative(root, path));
  }
})(join(root, "test"));
const filters = process.argv.slice(2);
const selected = files.sort().filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (selected.length === 0) {
  console.error(`no test file matches ${filters.join(", ")}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...selected], {cwd: root, stdio: "inherit"});
process.exit(result.status ?? 1);
