/** Runs the `assay` CLI as a user would, in a child process. */
import {spawnSync} from "node:child_process";
import {join} from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

/**
 * `lock`: a file to hold with flock(1) for the run, for commands that share
 * state in the checkout (a site build uses Framework's cache and dist/).
 */
export function assay(args: string[], options: {cwd?: string; env?: Record<string, string>; lock?: string} = {}) {
  const command = [process.execPath, join(ROOT, "bin", "assay.js"), ...args];
  if (options.lock) command.unshift("flock", options.lock);
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: {...process.env, ...options.env},
    maxBuffer: 256 * 2 ** 20
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
