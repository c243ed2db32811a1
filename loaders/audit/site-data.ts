/**
 * What the site's loaders print: one file of the audit's `site/` outputs,
 * after making sure the audit is up to date for the configuration the build
 * uses (ASSAY_CONFIG, else the default).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ensureAudit, readManifest} from "./ensure.ts";
import {loadConfig} from "../config/load.ts";
import {MESSAGES} from "../../src/lib/messages/index.js";
import {pageTitles} from "../../src/lib/pages.js";

export async function siteData(name: string): Promise<string> {
  // `assay build` has just brought the audit up to date and says so: no need to fingerprint it again in every loader
  const given = process.env.ASSAY_FINGERPRINT;
  if (given) {
    const {outDir} = loadConfig(process.env.ASSAY_CONFIG);
    if (readManifest(outDir)?.fingerprint === given) return readFileSync(join(outDir, "site", name), "utf8");
  }
  const {loaded} = await ensureAudit(process.env.ASSAY_CONFIG);
  return readFileSync(join(loaded.outDir, "site", name), "utf8");
}

/** The report's settings, straight from the configuration, with the labels of its language only. */
export function siteMeta(): string {
  const {config} = loadConfig(process.env.ASSAY_CONFIG);
  return JSON.stringify({
    title: config.title,
    language: config.language,
    mode: config.mode,
    asOf: config.asOf ?? null,
    minCount: config.minCount,
    messages: MESSAGES[config.language],
    pages: pageTitles(config.language)
  });
}
