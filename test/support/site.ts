/** Builds the site as a user does, and reads what landed in dist/. */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {assay, ROOT} from "./cli.ts";

export const DIST = join(ROOT, "dist");

export function build(config?: string, extra: string[] = []): void {
  const run = assay(["build", "--quiet", ...(config ? ["--config", config] : []), ...extra]);
  if (run.code !== 0) throw new Error(`assay build failed (${run.code}):\n${run.stderr.slice(-4000)}`);
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
