/** Builds the site as a user does, and reads what landed in dist/. */
import {spawnSync} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ROOT} from "./cli.ts";

export const DIST = join(ROOT, "dist");

/** One site build at a time in a checkout: Framework's cache and dist/ are shared. */
export const SITE_LOCK = join(tmpdir(), "site-build.lock");

/** Only one site build at a time in this checkout (Framework's cache and dist/ are shared): every build holds this lock. */
export const SITE_BUILD_LOCK = "/tmp/site-build.lock";

export function build(config?: string, extra: string[] = []): void {
  const args = [join(ROOT, "bin", "assay.js"), "build", "--quiet", ...(config ? ["--config", config] : []), ...extra];
  const run = spawnSync("flock", [SITE_BUILD_LOCK, process.execPath, ...args], {cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 2 ** 20});
  if (run.status !== 0) throw new Error(`assay build failed (${run.status}):\n${(run.stderr ?? "").slice(-4000)}`);
}

/** Every file under dist/, relative paths. */
export function distFiles(dir = DIST, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? distFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]
  );
}

/** The data file a loader produced, e.g. "data/sources.json" → its parsed content in dist/_file/. */
export function distData<T = unknown>(name: string): T {
  const [base, ext] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf("."))];
  const file = distFiles().find((f) => f.startsWith(join("_file", `${base}.`)) && f.endsWith(ext));
  if (!file) throw new Error(`no ${name} in dist/_file`);
  return JSON.parse(readFileSync(join(DIST, file), "utf8")) as T;
}

/** The pages of the built site, as URL paths. */
export function pages(): string[] {
  return distFiles()
    .filter((f) => f.endsWith(".html") && !f.startsWith("_"))
    .map((f) => `/${f.replace(/index\.html$/, "").replace(/\.html$/, "")}`)
    .sort();
}
