/**
 * Reads and validates the audit configuration. Errors name the file, the
 * field and what to write instead; relative paths resolve against the
 * configuration's folder.
 */
import {existsSync, readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {z} from "zod";
import {extract, ratio} from "fuzzball";
import {configSchema, type Config} from "./schema.ts";
import {CUSTOMER_ROLES, ORDER_ROLES} from "./roles.ts";

export interface LoadedConfig {
  config: Config;
  /** absolute path of the configuration file */
  file: string;
  /** folder that relative paths resolve against */
  baseDir: string;
  /** output folder, absolute */
  outDir: string;
}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SAMPLE_CONFIG = resolve(PROJECT_ROOT, "data/sample-audit.json");
export const DEFAULT_CONFIG = "assay.config.json";

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[]
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`}`);
    this.name = "ConfigError";
  }
}

/** The configuration given, else `assay.config.json` in the working folder, else the sample. */
export function configPath(given?: string): string {
  if (given) return resolve(given);
  const local = resolve(DEFAULT_CONFIG);
  return existsSync(local) ? local : SAMPLE_CONFIG;
}

export function loadConfig(given?: string): LoadedConfig {
  const file = configPath(given);
  if (!existsSync(file)) throw new ConfigError(file, ["file not found: give the path of an audit configuration (JSON) with --config"]);
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(json, file);
}

export function parseConfig(json: unknown, file: string): LoadedConfig {
  const result = configSchema.safeParse(json);
  if (!result.success) throw new ConfigError(file, result.error.issues.map((issue) => describeIssue(issue, json)));
  const baseDir = dirname(file);
  return {config: result.data, file, baseDir, outDir: resolve(baseDir, result.data.output)};
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const where = issue.path.length ? pathText(issue.path) : "(top level)";
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(issue.path, json);
      const hints = issue.keys.map((k) => {
        const [best] = allowed ? extract(k, allowed, {scorer: ratio, limit: 1, cutoff: 60}) : [];
        return best ? `"${k}" (did you mean "${best[0]}"?)` : `"${k}"`;
      });
      return `${where}: unknown field${issue.keys.length > 1 ? "s" : ""} ${hints.join(", ")}${allowed ? `; the fields here are: ${allowed.join(", ")}` : ""}`;
    }
    case "invalid_value":
      return `${where}: should be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? `${where}: missing; this field is required` : `${where}: ${issue.message.replace(/^Invalid input: /, "")}`;
    case "invalid_union":
      return `${where}: should be a source with "kind": "customers" or "kind": "orders"`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function pathText(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

function allowedKeys(path: PropertyKey[], json: unknown): string[] | undefined {
  const last = path[path.length - 1];
  if (last === "columns") {
    const source = (json as {sources?: {kind?: string}[]}).sources?.[path[1] as number];
    return source?.kind === "orders" ? [...ORDER_ROLES] : [...CUSTOMER_ROLES];
  }
  if (path.length === 0) return Object.keys(configSchema.shape);
  return undefined;
}
