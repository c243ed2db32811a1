/**
 * `assay audit [--force] [--json]`: run the audit (when its inputs changed
 * since the last run, or always with --force) and report the quality
 * scorecard: one score per dimension and overall, per source and for all
 * sources, against the thresholds. Writes kpis.json, findings.csv and the
 * other outputs into the output folder; --json prints kpis.json.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {z} from "zod";
import type {Command} from "../command.ts";
import {ensureAudit} from "../../audit/ensure.ts";
import type {KpiDocument, Scorecard} from "../../kpis/index.ts";

const schema = z.object({
  positionals: z.array(z.string()).max(0, "audit takes no file; set the sources in the configuration"),
  config: z.string().optional(),
  force: z.boolean().default(false)
});

export async function auditKpis(config: string | undefined, progress: Parameters<Command["run"]>[1]["progress"], force = false) {
  const {loaded, ran} = await ensureAudit(config, {progress, force});
  const kpis = JSON.parse(readFileSync(join(loaded.outDir, "kpis.json"), "utf8")) as KpiDocument;
  return {loaded, ran, kpis};
}

const LIGHT = {green: "ok", amber: "near", red: "LOW", none: "-"} as const;

export function scorecardText(kpis: KpiDocument): string {
  const cards: Scorecard[] = kpis.scorecards;
  const dims = cards[0]?.dimensions.map((d) => d.dimension) ?? [];
  const name = (c: Scorecard) => c.source ?? "all sources";
  const width = Math.max(12, ...cards.map((c) => name(c).length));
  const cell = (score: number | null, light: keyof typeof LIGHT) => `${score === null ? "-" : score.toFixed(1)} ${LIGHT[light]}`.padStart(13);
  const lines = [
    `${"".padEnd(width)} ${"records".padStart(9)} ${[...dims, "overall"].map((d) => d.padStart(13)).join("")}`,
    ...cards.map((c) => `${name(c).padEnd(width)} ${c.records.toLocaleString("en-US").padStart(9)} ${c.dimensions.map((d) => cell(d.score, d.light)).join("")}${cell(c.overall.score, c.overall.light)}`),
    `${"threshold".padEnd(width)} ${"".padStart(9)} ${[...dims.map((d) => kpis.settings.thresholds[d]), kpis.settings.thresholds.overall].map((t) => String(t).padStart(13)).join("")}`
  ];
  return lines.join("\n");
}

export const auditCommand: Command<z.infer<typeof schema>> = {
  name: "audit",
  summary: "Measure every source on the quality dimensions and write kpis.json and findings.csv",
  usage: "assay audit [--config FILE] [--force] [--json]",
  help: ["      --force         run the audit even if its inputs did not change"],
  options: {force: {type: "boolean"}},
  schema,
  async run(args, {progress, print}) {
    const {loaded, ran, kpis} = await auditKpis(args.config, progress, args.force);
    const findings = kpis.rules.filter((r) => r.source === null).reduce((a, r) => a + r.failed.numerator, 0);
    print(`\n${loaded.config.title}, as of ${kpis.asOf} (${ran ? "audit run" : "audit unchanged"})\n`);
    print(scorecardText(kpis));
    print(`\n${findings.toLocaleString("en-US")} findings: ${join(loaded.outDir, "findings.csv")}\nKPIs: ${join(loaded.outDir, "kpis.json")}`);
    return {document: kpis};
  }
};
