/** Runs the `assay` CLI as a user would, in a child process. */
import {spawnSync} from "node:child_process";
import {join} from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export function assay(args: string[], options: {cwd?: string; env?: Record<string, string>} = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "assay.js"), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: {...process.env, ...options.env},
    maxBuffer: 256 * 2 ** 20
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
