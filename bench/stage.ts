/**
 * One benchmark stage, in its own process so that its peak memory is its
 * own. Prints one line `BENCH-RESULT {json}` (a `StageResult`) on stdout.
 *
 *   node --import tsx bench/stage.ts <stage> <config.json>
 *
 * Stages:
 * - `floor`: DuckDB reads the source files into tables and nothing else
 *   (read_csv with the dialect given, all text; read_parquet) — the time
 *   any ingestion must at least take;
 * - `ingest`: the audit's ingest step;
 * - any other audit step by name (`profile`, `rules`, `matching`, `value`…):
 *   ingest and the steps before it run first, untimed; the step is timed
 *   and its peak memory measured from its start (the tables of the earlier
 *   steps are resident then, as in a real run);
 * - `audit`: the whole audit as `assay build` runs it (ensureAudit, forced),
 *   which also leaves its outputs for the `site` stage;
 * - `site`: `assay build` with the audit up to date: Framework's build, under
 *   the checkout's site-build lock (wall time includes any wait for the lock;
 *   the lock wait is reported apart). CPU is that of the whole process tree,
 *   peak memory the largest resident total of the tree, sampled every 100 ms.
 */
import {spawn} from "node:child_process";
import {join, resolve} from "node:path";
import {openDb} from "../loaders/db/connection.ts";
import {ident, literal} from "../loaders/db/sql.ts";
import {loadConfig, PROJECT_ROOT} from "../loaders/config/load.ts";
import {ensureAudit} from "../loaders/audit/ensure.ts";
import {STEPS} from "../loaders/audit/steps/index.ts";
import type {AuditContext} from "../loaders/audit/context.ts";
import type {Progress} from "../loaders/cli/progress.ts";
import {resolveFiles} from "../loaders/ingest/files.ts";
import {rmSync, mkdirSync, readFileSync} from "node:fs";
import {sniffDelimiter} from "../loaders/ingest/delimiter.ts";
import {childrenCpuS, startMeasure, treeResidentMB, type Measured} from "./measure.ts";

export interface StageResult extends Measured {
  stage: string;
  /** input rows the stage read (customer records + order lines) */
  rows: number;
  /** DuckDB's memory in use at the end of the stage, MB */
  duckdbMB?: number;
  /** DuckDB's spill files at the end of the stage, MB */
  spilledMB?: number;
  /** seconds spent waiting for the site-build lock (site stage) */
  lockWaitS?: number;
  /** audit stage: each progress step of the run (reading, profiling, matching… per source) and its wall seconds */
  steps?: {label: string; seconds: number}[];
  note?: string;
}

const silent: Progress = {step() {}, update() {}, note() {}, done() {}};

async function floor(configFile: string): Promise<StageResult> {
  const loaded = loadConfig(configFile);
  const work = join(loaded.outDir, ".work-floor");
  mkdirSync(work, {recursive: true});
  const db = await openDb({tempDirectory: join(work, "duckdb"), memoryLimit: loaded.config.engine.memory, threads: loaded.config.engine.threads});
  try {
    const files: {file: string; encoding?: string; delimiter?: string}[] = [];
    for (const source of loaded.config.sources) {
      for (const file of await resolveFiles(db, source.path, loaded.baseDir)) files.push({file, encoding: source.encoding, delimiter: source.delimiter});
    }
    // the dialect of each CSV is sniffed outside the timed part, as ingestion knows it by then
    const readers: string[] = [];
    for (const f of files) {
      if (f.file.endsWith(".parquet")) {
        readers.push(`read_parquet(${literal(f.file)})`);
        continue;
      }
      const encoding = (await latin1(f.file)) ? "latin-1" : "utf-8";
      const delimiter = f.delimiter ?? sniffDelimiter(readFileSync(f.file).subarray(0, 1 << 16).toString("latin1").split("\n").slice(0, 50));
      readers.push(`read_csv(${literal(f.file)}, header = true, all_varchar = true, delim = ${literal(delimiter)}, quote = '"', escape = '"', encoding = ${literal(encoding)})`);
    }
    const m = startMeasure();
    let rows = 0;
    const notes = new Set<string>();
    for (const [i, reader] of readers.entries()) {
      const create = (from: string) => db.exec(`CREATE OR REPLACE TABLE ${ident(`floor_${i}`)} AS SELECT * FROM ${from}`);
      try {
        await create(reader);
      } catch (error) {
        // DuckDB's Latin-1 refuses the Windows-1252 letters (€, œ, ’): read as UTF-8, skipping the rows it cannot decode
        if (!/latin-1/.test((error as Error).message)) throw error;
        await create(reader.replace("encoding = 'latin-1'", "encoding = 'utf-8', ignore_errors = true"));
        notes.add(`${files[i]!.file.split("/").pop()} read as UTF-8 skipping undecodable rows (DuckDB has no Windows-1252)`);
      }
      rows += (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${ident(`floor_${i}`)}`))!.n;
    }
    return {stage: "floor", rows, ...m.stop(), ...(await duckdbMemory(db)), ...(notes.size ? {note: [...notes].join("; ")} : {})};
  } finally {
    await db.close();
    rmSync(work, {recursive: true, force: true});
  }
}

/** Whether a text file is not valid UTF-8 in its first megabyte (then it is read as Latin-1, which DuckDB decodes natively). */
async function latin1(file: string): Promise<boolean> {
  const {detectEncoding} = await import("../loaders/ingest/encoding.ts");
  return (await detectEncoding(file)).encoding !== "utf-8";
}

async function duckdbMemory(db: Awaited<ReturnType<typeof openDb>>): Promise<{duckdbMB: number; spilledMB: number}> {
  const memory = await db.one<{b: number | null}>(`SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()`);
  const spilled = await db.one<{b: number | null}>(`SELECT sum(size) AS b FROM duckdb_temporary_files()`);
  return {duckdbMB: Number(memory?.b ?? 0) / 2 ** 20, spilledMB: Number(spilled?.b ?? 0) / 2 ** 20};
}

async function step(stage: string, configFile: string): Promise<StageResult> {
  const index = STEPS.findIndex((s) => s.name === stage);
  if (index < 0) throw new Error(`no stage or audit step named "${stage}"; steps: ${STEPS.map((s) => s.name).join(", ")}`);
  const loaded = loadConfig(configFile);
  const work = join(loaded.outDir, ".work");
  mkdirSync(work, {recursive: true});
  mkdirSync(join(loaded.outDir, "site"), {recursive: true});
  const db = await openDb({tempDirectory: join(work, "duckdb"), memoryLimit: loaded.config.engine.memory, threads: loaded.config.engine.threads});
  const ctx: AuditContext = {db, loaded, progress: silent, work, sources: [], asOf: "", results: new Map()};
  try {
    for (const earlier of STEPS.slice(0, index)) ctx.results.set(earlier.name, await earlier.run(ctx));
    const m = startMeasure();
    ctx.results.set(stage, await STEPS[index]!.run(ctx));
    return {stage, rows: inputRows(ctx), ...m.stop(), ...(await duckdbMemory(db))};
  } finally {
    await db.close();
    rmSync(work, {recursive: true, force: true});
  }
}

function inputRows(ctx: AuditContext): number {
  return ctx.sources.reduce((s, l) => s + l.read, 0);
}

/** A progress that records how long each of the audit's steps takes. */
function timedProgress(): {progress: Progress; steps: {label: string; seconds: number}[]} {
  const steps: {label: string; seconds: number}[] = [];
  let label = "";
  let started = 0;
  const close = () => {
    if (label) steps.push({label, seconds: (performance.now() - started) / 1000});
    label = "";
  };
  return {
    steps,
    progress: {
      step(text) {
        close();
        label = text;
        started = performance.now();
      },
      update() {},
      note() {},
      done: close
    }
  };
}

async function audit(configFile: string): Promise<StageResult> {
  const {progress, steps} = timedProgress();
  const m = startMeasure();
  const {loaded} = await ensureAudit(configFile, {progress, force: true});
  const measured = m.stop();
  const sources = JSON.parse(readFileSync(join(loaded.outDir, "site", "sources.json"), "utf8")) as {sources: {read: number}[]};
  return {stage: "audit", rows: sources.sources.reduce((s, l) => s + l.read, 0), ...measured, note: `steps: ${STEPS.map((s) => s.name).join(", ")}`, steps};
}

async function site(configFile: string): Promise<StageResult> {
  const start = performance.now();
  let peak = 0;
  let lockWaitS = 0;
  const code = await new Promise<number>((done, fail) => {
    // flock prints nothing; the build's own first line tells when the lock was taken
    const child = spawn("flock", ["/tmp/site-build.lock", process.execPath, resolve(PROJECT_ROOT, "bin/assay.js"), "build", "--config", configFile], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "pipe"]
    });
    let locked = false;
    child.stderr.on("data", (chunk: Buffer) => {
      if (!locked) {
        locked = true;
        lockWaitS = (performance.now() - start) / 1000;
      }
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    const timer = setInterval(() => (peak = Math.max(peak, treeResidentMB(child.pid!))), 100);
    child.on("error", fail);
    child.on("exit", (c) => {
      clearInterval(timer);
      done(c ?? 1);
    });
  });
  if (code !== 0) throw new Error(`assay build exited with ${code} (BENCH_VERBOSE=1 shows its messages)`);
  const wallS = (performance.now() - start) / 1000;
  return {stage: "site", rows: 0, wallS: wallS - lockWaitS, cpuS: childrenCpuS(), peakMB: peak, peakReset: true, lockWaitS};
}

const [stage, configFile] = process.argv.slice(2);
if (!stage || !configFile) {
  process.stderr.write("usage: node --import tsx bench/stage.ts <stage> <config.json>\n");
  process.exit(2);
}
const result = stage === "floor" ? await floor(configFile) : stage === "audit" ? await audit(configFile) : stage === "site" ? await site(configFile) : await step(stage, configFile);
process.stdout.write(`BENCH-RESULT ${JSON.stringify(result)}\n`);
