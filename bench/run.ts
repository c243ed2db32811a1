/**
 * `npm run bench`: the audit's stages at 100k, 1M and 10M customers.
 *
 *   npm run bench -- [--sizes 100k,1m,10m] [--stages floor,ingest,profile,…] [--orders 10] [--part-size 1m] [--memory 6GB] [--keep] [--out FILE]
 *
 * For each size, the sample generator writes the data once into
 * `.assay/bench/<size>/data` (seed 42, `--orders` lines per customer on
 * average, default 10); it is reused while the generator's code and the
 * options are the same (`generator.json`). Sizes above `--part-size` are
 * written in parts of that size (`data/part-NN/`, one generator process per
 * core at a time; parts share no id, email or phone) and each source's path
 * in the configuration is a glob over the parts. `--memory` sets the
 * configuration's `engine.memory` (default: the engine's own, 60% of RAM). A configuration like the bundled
 * sample's points at it (`.assay/bench/<size>/audit.json`, output in
 * `.assay/bench/<size>/out`). Each stage runs in its own process
 * (bench/stage.ts) so that peak memory is measured per stage. Stages by
 * default: floor, ingest, every audit step after ingest (steps/index.ts),
 * audit (the whole audit in one process), site; `--stages none` only generates. The table goes to stdout and,
 * with `--out FILE`, to FILE. Without `--keep`, a size's audit output
 * (not its data) is removed at the end.
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism, totalmem} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {PROJECT_ROOT} from "../loaders/config/load.ts";
import {STEPS} from "../loaders/audit/steps/index.ts";
import type {StageResult} from "./stage.ts";

const {values} = parseArgs({
  options: {
    sizes: {type: "string", default: "100k,1m"},
    stages: {type: "string"},
    orders: {type: "string", default: "10"},
    "part-size": {type: "string", default: "1m"},
    memory: {type: "string"},
    keep: {type: "boolean", default: false},
    out: {type: "string"}
  }
});

const SEED = 42;
const BENCH_DIR = resolve(PROJECT_ROOT, ".assay/bench");
const sizes = values.sizes!.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
const ordersPerCustomer = Number(values.orders);
const partSize = customersOf(values["part-size"]!);
// `--stages none` only generates the data
const stages = values.stages !== undefined ? values.stages.split(",").map((s) => s.trim()).filter((s) => s && s !== "none") : ["floor", ...STEPS.map((s) => s.name), "audit", "site"];

function customersOf(size: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(size);
  if (!m) throw new Error(`invalid size "${size}": write 100k, 1m, 2.5m or a number`);
  return Math.round(Number(m[1]) * (m[2] === "k" ? 1e3 : m[2] === "m" ? 1e6 : 1));
}

/** The generator's code and options: data made by another version is made again. */
function generatorVersion(customers: number): string {
  const hash = createHash("sha256");
  const dir = resolve(PROJECT_ROOT, "loaders/sample");
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".ts")) hash.update(f).update(readFileSync(join(dir, f)));
  hash.update(JSON.stringify(customers > partSize ? {customers, seed: SEED, ordersPerCustomer, partSize} : {customers, seed: SEED, ordersPerCustomer}));
  return hash.digest("hex").slice(0, 16);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: {env?: NodeJS.ProcessEnv} = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"], env: {...process.env, ...options.env}});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => {
      stderr += c;
      if (process.env.BENCH_VERBOSE) process.stderr.write(c);
    });
    child.on("error", fail);
    child.on("exit", (code) => done({code: code ?? 1, stdout, stderr}));
  });
}

/** The parts of a size: one when it fits in `--part-size`. */
function partsOf(customers: number): {number: number; first: number; customers: number}[] {
  if (customers <= partSize) return [];
  return Array.from({length: Math.ceil(customers / partSize)}, (_, k) => ({
    number: k + 1,
    first: k * partSize,
    customers: Math.min(partSize, customers - k * partSize)
  }));
}

async function generate(size: string, customers: number): Promise<{dir: string; result?: StageResult}> {
  const dir = join(BENCH_DIR, size);
  const data = join(dir, "data");
  const version = generatorVersion(customers);
  const stamp = join(dir, "generator.json");
  if (existsSync(stamp) && JSON.parse(readFileSync(stamp, "utf8")).version === version) return {dir};
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  const parts = partsOf(customers);
  log(`${size}: generating ${customers.toLocaleString("en-US")} customers into ${data}${parts.length ? ` in ${parts.length} parts` : ""}`);
  const start = performance.now();
  const jobs = parts.length
    ? parts.map((p) => [String(p.customers), String(SEED), String(ordersPerCustomer), join(data, `part-${String(p.number).padStart(2, "0")}`), String(p.number), String(p.first)])
    : [[String(customers), String(SEED), String(ordersPerCustomer), data]];
  const results: StageResult[] = [];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const r = await run(["--import", "tsx", "bench/generate.ts", ...job]);
      if (r.code !== 0) throw new Error(`the sample generator failed:\n${r.stderr}`);
      results.push(parseResult(r.stdout));
      if (parts.length) log(`${size}: part ${results.length} of ${parts.length} written`);
    }
  };
  await Promise.all(Array.from({length: parts.length ? availableParallelism() : 1}, worker));
  const wallS = (performance.now() - start) / 1000;
  const result: StageResult = {
    ...results[0]!,
    rows: results.reduce((a, r) => a + r.rows, 0),
    wallS,
    cpuS: results.reduce((a, r) => a + r.cpuS, 0),
    peakMB: Math.max(...results.map((r) => r.peakMB))
  };
  writeFileSync(stamp, JSON.stringify({version, customers, seed: SEED, ordersPerCustomer, parts: parts.length, seconds: wallS}, null, 1));
  return {dir, result};
}

function writeConfig(dir: string, size: string, customers: number): string {
  const file = join(dir, "audit.json");
  const sample = JSON.parse(readFileSync(resolve(PROJECT_ROOT, "data/sample-audit.json"), "utf8"));
  const config = {
    ...sample,
    $schema: undefined,
    title: `Benchmark, ${size} customers`,
    output: "out",
    ...(values.memory ? {engine: {memory: values.memory}} : {}),
    sources: sample.sources.map((s: {path: string}) => ({...s, path: s.path.replace(/^sample\//, partsOf(customers).length ? "data/part-*/" : "data/")}))
  };
  writeFileSync(file, `${JSON.stringify(config, null, 1)}\n`);
  return file;
}

function parseResult(stdout: string): StageResult {
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH-RESULT "));
  if (!line) throw new Error(`no result in the stage's output:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("BENCH-RESULT ".length)) as StageResult;
}

/** Size of each page's data files in dist/: the `_file/` paths each page's HTML references. */
function pageData(): {page: string; files: number; bytes: number; largest: string}[] {
  const dist = resolve(PROJECT_ROOT, "dist");
  const pages: {page: string; files: number; bytes: number; largest: string}[] = [];
  for (const f of readdirSync(dist).filter((f) => f.endsWith(".html")).sort()) {
    const html = readFileSync(join(dist, f), "utf8");
    const files = [...new Set([...html.matchAll(/_file\/[^"'\s)]+/g)].map((m) => m[0]))];
    let bytes = 0;
    let largest = "";
    let largestBytes = -1;
    for (const file of files) {
      const path = join(dist, file);
      if (!existsSync(path)) continue;
      const b = statSync(path).size;
      bytes += b;
      if (b > largestBytes) [largest, largestBytes] = [`${file.replace(/^_file\//, "")} (${mb(b)} MB)`, b];
    }
    pages.push({page: f.replace(/\.html$/, ""), files: files.length, bytes, largest});
  }
  return pages;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", {minimumFractionDigits: digits, maximumFractionDigits: digits});
function log(text: string) {
  process.stderr.write(`${text}\n`);
}

const lines: string[] = [];
const say = (text = "") => {
  lines.push(text);
  process.stdout.write(`${text}\n`);
};

say(`Machine: ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
say(`Command: npm run bench -- --sizes ${sizes.join(",")}${values.stages ? ` --stages ${stages.join(",") || "none"}` : ""} --orders ${ordersPerCustomer}${values.memory ? ` --memory ${values.memory}` : ""}`);
for (const size of sizes) {
  const customers = customersOf(size);
  const {dir, result: generated} = await generate(size, customers);
  const config = writeConfig(dir, size, customers);
  const results: StageResult[] = [];
  for (const stage of stages) {
    log(`${size}: ${stage}…`);
    const r = await run(["--import", "tsx", "bench/stage.ts", stage, config]);
    if (r.code !== 0) {
      log(`${size}: ${stage} failed:\n${r.stderr.slice(-3000)}`);
      results.push({stage, rows: 0, wallS: NaN, cpuS: NaN, peakMB: NaN, peakReset: true, note: `failed: ${r.stderr.trim().split("\n").filter((l) => /error/i.test(l))[0]?.slice(0, 120) ?? `exit ${r.code}`}`});
      continue;
    }
    const result = parseResult(r.stdout);
    results.push(result);
    log(`${size}: ${stage} ${fmt(result.wallS)} s wall, ${fmt(result.cpuS)} s CPU, ${fmt(result.peakMB, 0)} MB`);
  }
  const floor = results.find((r) => r.stage === "floor" && Number.isFinite(r.wallS));
  say();
  say(`### ${customers.toLocaleString("en-US")} customers`);
  say();
  if (generated) say(`Data generated in ${fmt(generated.wallS)} s (${fmt(generated.cpuS)} s CPU, peak ${fmt(generated.peakMB, 0)} MB). `);
  say("| stage | rows | wall s | CPU s | peak RSS MB | DuckDB MB at end | ratio to floor | note |");
  say("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const ratio = floor && r.stage !== "site" && r.stage !== "floor" ? fmt(r.wallS / floor.wallS, 2) : r.stage === "floor" ? "1.00" : "";
    const notes = [r.note, r.lockWaitS && r.lockWaitS > 1 ? `waited ${fmt(r.lockWaitS)} s for the build lock` : "", r.spilledMB ? `spilled ${fmt(r.spilledMB, 0)} MB` : ""].filter(Boolean).join("; ");
    say(`| ${r.stage} | ${r.rows ? r.rows.toLocaleString("en-US") : ""} | ${fmt(r.wallS)} | ${fmt(r.cpuS)} | ${fmt(r.peakMB, 0)} | ${r.duckdbMB === undefined ? "" : fmt(r.duckdbMB, 0)} | ${ratio} | ${notes} |`);
  }
  const steps = results.find((r) => r.stage === "audit")?.steps;
  if (steps?.length) {
    say();
    say("The whole audit, step by step (wall seconds, as its progress reports them):");
    say();
    say("| audit step | wall s |");
    say("|---|---:|");
    for (const step of steps) say(`| ${step.label} | ${fmt(step.seconds)} |`);
  }
  const ingest = results.find((r) => r.stage === "ingest");
  const profile = results.find((r) => r.stage === "profile");
  if (floor && ingest && profile) {
    const [wall, cpu] = [ingest.wallS + profile.wallS, ingest.cpuS + profile.cpuS];
    say(`\nIngest + profile: ${fmt(wall)} s = ${fmt(wall / floor.wallS, 2)} × the floor (CPU ${fmt(cpu)} s = ${fmt(cpu / floor.cpuS, 2)} × the floor's).`);
  }
  if (stages.includes("site") && results.find((r) => r.stage === "site" && Number.isFinite(r.wallS))) {
    say();
    say("| page | data files | data MB | largest |");
    say("|---|---:|---:|---|");
    for (const p of pageData()) say(`| ${p.page} | ${p.files} | ${mb(p.bytes)} | ${p.largest} |`);
  }
  if (!values.keep) rmSync(join(dir, "out"), {recursive: true, force: true});
}
if (values.out) writeFileSync(values.out, `${lines.join("\n")}\n`);
