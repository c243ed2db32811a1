/**
 * The whole audit of a configuration, its progress on stderr as `assay audit`
 * shows it, with the resident memory every 20 s and the peak at the end: for
 * watching a long run (10M customers) that `npm run bench` would only time.
 *
 *   node --import tsx bench/audit.ts <config.json> [steps, default all]
 */
import {loadConfig} from "../loaders/config/load.ts";
import {runAudit} from "../loaders/audit/run.ts";
import {STEPS} from "../loaders/audit/steps/index.ts";
import {stderrProgress} from "../loaders/cli/progress.ts";

const [configFile, only] = process.argv.slice(2);
if (!configFile) {
  process.stderr.write("usage: node --import tsx bench/audit.ts <config.json> [ingest,profile,…]\n");
  process.exit(2);
}
const steps = only ? only.split(",") : STEPS.map((s) => s.name);
const start = performance.now();
const seconds = () => ((performance.now() - start) / 1000).toFixed(0);
const timer = setInterval(() => process.stderr.write(`  [${seconds()} s, resident ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB]\n`), 20_000);
try {
  await runAudit(loadConfig(configFile), stderrProgress(), {steps});
} finally {
  clearInterval(timer);
  const cpu = process.cpuUsage();
  process.stderr.write(
    `audit: ${seconds()} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU, peak resident ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`
  );
}
