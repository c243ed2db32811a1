/**
 * `assay rfm [--as-of D] [--method rank|ntile] [--json]`: read the sources,
 * match customers when the audit has a matching step, score customer value
 * (RFM, segments, lifecycle, migration) and write rfm.csv into the output
 * folder. `--json` prints the summary of each orders source.
 *
 * With --as-of or --method other than the configuration's, the audit's own
 * outputs no longer match its inputs: its manifest is removed so that the next
 * `assay build` runs the audit again.
 */
import {rmSync} from "node:fs";
import {join} from "node:path";
import {z} from "zod";
import type {Command} from "../command.ts";
import {loadConfig} from "../../config/load.ts";
import {runAudit} from "../../audit/run.ts";
import type {ValueStepResult} from "../../audit/steps/value.ts";
import {segmentLabel, lifecycleLabel} from "../../../src/lib/segments.ts";

const schema = z.object({
  positionals: z.array(z.string()).max(0, "rfm takes no file; set the sources in the configuration"),
  config: z.string().optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written yyyy-mm-dd, for example 2025-06-30").optional(),
  method: z.enum(["rank", "ntile"], "rank or ntile").optional()
});

export const rfmCommand: Command<z.infer<typeof schema>> = {
  name: "rfm",
  summary: "Score customer value (RFM segments, lifecycle, migration) and write rfm.csv",
  usage: "assay rfm [--as-of DATE] [--method rank|ntile] [--json]",
  help: [
    "      --as-of DATE    score as of this date, yyyy-mm-dd (default: the configuration's, else the day after the last order)",
    "      --method M      rank (ties share a score; default) or ntile (equal group sizes)"
  ],
  options: {"as-of": {type: "string"}, method: {type: "string"}},
  schema: z.preprocess((v) => {
    const o = v as Record<string, unknown>;
    return {...o, asOf: o["as-of"]};
  }, schema) as unknown as z.ZodType<z.infer<typeof schema>>,
  async run(args, {progress, print}) {
    const base = loadConfig(args.config);
    const overridden = (args.asOf !== undefined && args.asOf !== base.config.asOf) || (args.method !== undefined && args.method !== base.config.rfm.method);
    const loaded = {
      ...base,
      config: {
        ...base.config,
        asOf: args.asOf ?? base.config.asOf,
        rfm: {...base.config.rfm, method: args.method ?? base.config.rfm.method}
      }
    };
    const ctx = await runAudit(loaded, progress, {steps: ["matching", "value"]});
    if (overridden) rmSync(join(loaded.outDir, "manifest.json"), {force: true});
    const result = ctx.results.get("value") as ValueStepResult;
    for (const {source, identity, summary, csv} of result.sources) {
      const lines = [
        `\n${source} as of ${summary.asOf} (${summary.method}; customers are ${identity === "clusters" ? "matched people" : "customer ids"})`,
        `  ${summary.lines.total.toLocaleString("en-US")} order lines, ${summary.lines.kept.toLocaleString("en-US")} kept; ${summary.orders.toLocaleString("en-US")} orders, ${summary.customers.toLocaleString("en-US")} customers, revenue ${summary.revenue.toLocaleString("en-US")}`,
        `  excluded: ${Object.entries(summary.lines.excluded).map(([reason, n]) => `${reason} ${n.toLocaleString("en-US")}`).join(", ")}`,
        `  ${"segment".padEnd(22)} ${"customers".padStart(9)} ${"revenue".padStart(14)}`,
        ...summary.segments.filter((s) => s.customers > 0).map((s) => `  ${segmentLabel(s.segment).padEnd(22)} ${s.customers.toLocaleString("en-US").padStart(9)} ${s.revenue.toLocaleString("en-US").padStart(14)}`),
        `  lifecycle: ${summary.lifecycle.map((s) => `${lifecycleLabel(s.stage)} ${s.customers.toLocaleString("en-US")}`).join(", ")}`,
        ...(summary.nps.respondents > 0 ? [`  NPS ${summary.nps.nps} (${summary.nps.respondents.toLocaleString("en-US")} answers)`] : []),
        ...(summary.migration ? [`  since ${summary.migration.from}: ${summary.migration.downgrades.toLocaleString("en-US")} of ${summary.migration.customers.toLocaleString("en-US")} customers moved down`] : []),
        `  ${csv}`
      ];
      print(lines.join("\n"));
    }
    return {
      document: {
        config: loaded.file,
        output: loaded.outDir,
        asOf: result.asOf,
        sources: result.sources.map(({source, customerSources, identity, summary}) => ({source, customerSources, identity, ...summary}))
      }
    };
  }
};
