/**
 * The audit's outputs, up to date: run the audit when its inputs changed
 * since the last run (see fingerprint.ts), else reuse what is there. A lock
 * file keeps concurrent callers (the site's loaders) from running it twice.
 */
import {existsSync, readFileSync, rmSync, writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {openDb} from "../db/connection.ts";
import {loadConfig, type LoadedConfig} from "../config/load.ts";
import {stderrProgress, type Progress} from "../cli/progress.ts";
import {fingerprint} from "./fingerprint.ts";
import {runAudit} from "./run.ts";
import {writeJson} from "./write.ts";

export interface Manifest {
  fingerprint: string;
  config: string;
  /** the one timestamp of a run: every other output is the same for the same inputs */
  generatedAt: string;
}

export async function currentFingerprint(loaded: LoadedConfig): Promise<string> {
  const db = await openDb({tempDirectory: join(loaded.outDir, ".work-fingerprint")});
  try {
    return await fingerprint(db, loaded);
  } finally {
    await db.close();
    rmSync(join(loaded.outDir, ".work-fingerprint"), {recursive: true, force: true});
  }
}

export function readManifest(outDir: string): Manifest | undefined {
  const path = join(outDir, "manifest.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : undefined;
}

/** Runs the audit if needed; returns the loaded configuration and whether it ran. */
export async function ensureAudit(configFile?: string, options: {progress?: Progress; force?: boolean} = {}): Promise<{loaded: LoadedConfig; ran: boolean; manifest: Manifest}> {
  const loaded = loadConfig(configFile);
  const progress = options.progress ?? stderrProgress();
  const print = await currentFingerprint(loaded);
  const manifest = readManifest(loaded.outDir);
  if (!options.force && manifest?.fingerprint === print) return {loaded, ran: false, manifest};
  mkdirSync(loaded.outDir, {recursive: true});
  const lock = join(loaded.outDir, ".lock");
  if (!(await acquire(lock))) {
    // another process ran it meanwhile
    const after = readManifest(loaded.outDir);
    if (after?.fingerprint === print) return {loaded, ran: false, manifest: after};
  }
  try {
    await runAudit(loaded, progress);
    const fresh: Manifest = {fingerprint: print, config: loaded.file, generatedAt: new Date().toISOString()};
    writeJson(join(loaded.outDir, "manifest.json"), fresh);
    return {loaded, ran: true, manifest: fresh};
  } finally {
    rmSync(lock, {force: true});
  }
}

/** true when this process holds the lock; false after waiting for another holder to finish. */
async function acquire(lock: string): Promise<boolean> {
  for (let waited = 0; ; waited += 200) {
    try {
      writeFileSync(lock, String(process.pid), {flag: "wx"});
      return true;
    } catch {
      const holder = Number(readFileSync(lock, "utf8"));
      if (!alive(holder) || waited > 30 * 60_000) {
        rmSync(lock, {force: true});
        continue;
      }
      await sleep(200);
      if (!existsSync(lock)) return false;
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
