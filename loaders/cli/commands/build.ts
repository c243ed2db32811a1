/**
 * `assay build`: run the audit if its inputs changed, then build the report
 * site into dist/ (or serve it with --preview). Framework reuses a loader's
 * cached output until the loader file itself changes; when the audit's
 * fingerprint differs from the one the cache was built with, the cache is
 * dropped, so new inputs always reach the site.
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {delimiter, join, resolve} from "node:path";
import {z} from "zod";
import type {Command} from "../command.ts";
import {PROJECT_ROOT} from "../../config/load.ts";
import {ensureAudit} from "../../audit/ensure.ts";
import {hashTree} from "../../audit/fingerprint.ts";

const schema = z.object({
  positionals: z.array(z.string()).max(0, "build takes no file"),
  config: z.string().optional(),
  preview: z.boolean().default(false),
  force: z.boolean().default(false)
});

export const FRAMEWORK_CACHE = resolve(PROJECT_ROOT, "src/.observablehq/cache");

export const buildCommand: Command<z.infer<typeof schema>> = {
  name: "build",
  summary: "Run the audit when its inputs changed and build the report site into dist/",
  usage: "assay build [--config FILE] [--preview]",
  help: ["      --preview       serve the site locally instead of building dist/", "      --force         run the audit even if nothing changed"],
  options: {preview: {type: "boolean"}, force: {type: "boolean"}},
  schema,
  async run(args, {progress}) {
    const {loaded, manifest, ran} = await ensureAudit(args.config, {progress, force: args.force});
    invalidateSiteCache(manifest.fingerprint);
    const site = resolve(PROJECT_ROOT, "dist");
    const stamp = join(site, ".assay-site");
    const wanted = siteHash(manifest.fingerprint);
    if (!args.preview && !args.force && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) {
      progress.note("The report site is up to date: dist/ built from the same audit and pages");
      return {document: {config: loaded.file, output: loaded.outDir, site, auditRan: ran, siteBuilt: false}};
    }
    progress.step(args.preview ? "Serving the report" : "Building the report site");
    rmSync(stamp, {force: true});
    const code = await observable(args.preview ? "preview" : "build", loaded.file, args.preview ? undefined : manifest.fingerprint);
    if (code !== 0) throw new Error(`the site build failed (exit code ${code}); see the messages above`);
    if (!args.preview) {
      setLanguage(site, loaded.config.language);
      writeFileSync(stamp, wanted);
    }
    progress.done(args.preview ? undefined : `dist/ (${ran ? "audit run" : "audit unchanged"})`);
    return {document: {config: loaded.file, output: loaded.outDir, site, auditRan: ran, siteBuilt: !args.preview}};
  }
};

/**
 * Drops Framework's cached loader output (`cache/data`) when it was built
 * from other inputs; bundled libraries (`_node`, `_npm`) stay.
 */
export function invalidateSiteCache(fingerprint: string): void {
  const stamp = join(FRAMEWORK_CACHE, "assay-fingerprint");
  const previous = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";
  if (previous === fingerprint) return;
  rmSync(join(FRAMEWORK_CACHE, "data"), {recursive: true, force: true});
  mkdirSync(FRAMEWORK_CACHE, {recursive: true});
  writeFileSync(stamp, fingerprint);
}

/** Framework writes `<html>`: the pages say their language, for screen readers, hyphenation and the browser. */
function setLanguage(dir: string, language: string): void {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith("_")) setLanguage(path, language);
    else if (entry.name.endsWith(".html")) writeFileSync(path, readFileSync(path, "utf8").replace(/^<!DOCTYPE html>\n<html>/, `<!DOCTYPE html>\n<html lang="${language}">`));
  }
}

/** The site's inputs: the audit's fingerprint, the pages and their code, the site configuration. */
function siteHash(fingerprint: string): string {
  const hash = hashTree(createHash("sha256").update(fingerprint), resolve(PROJECT_ROOT, "src"), (name) => !name.startsWith("."));
  hash.update(readFileSync(resolve(PROJECT_ROOT, "observablehq.config.ts")));
  return hash.digest("hex");
}

/** `fingerprint`: the audit's, up to date, for the loaders of a build (a preview keeps checking, as inputs may change). */
function observable(verb: "build" | "preview", configFile: string, fingerprint?: string): Promise<number> {
  const bin = resolve(PROJECT_ROOT, "node_modules/@observablehq/framework/dist/bin/observable.js");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, verb], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", process.stderr, process.stderr],
      env: {
        ...process.env,
        // loaders run with tsx, which Framework finds on the PATH
        PATH: `${resolve(PROJECT_ROOT, "node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`,
        ASSAY_CONFIG: configFile,
        ...(fingerprint ? {ASSAY_FINGERPRINT: fingerprint} : {}),
        OBSERVABLE_TELEMETRY_DISABLE: "true"
      }
    });
    child.on("error", fail);
    child.on("exit", (code) => done(code ?? 1));
  });
}
