/**
 * What the report depends on, as one hash: the configuration's text, every
 * input file (path, size, modification time) and the engine's own code. When
 * it changes, the audit runs again and the site's cached loader output is
 * dropped, so a new input file or configuration always shows on the next
 * build.
 */
import {createHash, type Hash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Db} from "../db/connection.ts";
import type {LoadedConfig} from "../config/load.ts";
import {PROJECT_ROOT} from "../config/load.ts";
import {inputFiles} from "../ingest/files.ts";

export async function fingerprint(db: Db, loaded: LoadedConfig): Promise<string> {
  const hash = createHash("sha256");
  hash.update(readFileSync(loaded.file));
  hash.update(loaded.file);
  for (const {source, files} of await inputFiles(db, loaded)) {
    hash.update(`${source}:${files.length}`);
    for (const file of files) hash.update(`${file.path}:${file.size}:${file.mtimeMs}`);
  }
  hash.update(engineHash());
  return hash.digest("hex");
}

/**
 * Adds to `hash` the path and content of every file under `dir`, in name
 * order; `keep` chooses the entries (folders and files) that count.
 */
export function hashTree(hash: Hash, dir: string, keep: (name: string, folder: boolean) => boolean): Hash {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!keep(entry.name, entry.isDirectory())) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path, keep);
    else hash.update(path).update(readFileSync(path));
  }
  return hash;
}

let engine: string | undefined;

/** The engine's code, so that a new version of a step re-runs the audit. */
export function engineHash(): string {
  if (engine) return engine;
  const hash = hashTree(createHash("sha256"), resolve(PROJECT_ROOT, "loaders"), (name, folder) => folder || name.endsWith(".ts") || name.endsWith(".json"));
  hash.update(readFileSync(resolve(PROJECT_ROOT, "package-lock.json")));
  return (engine = hash.digest("hex"));
}
