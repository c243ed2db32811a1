/**
 * `assay check [--per-source] [--json]`: quality gates for a data pipeline.
 * Runs the audit when its inputs changed, then compares every score of all
 * sources together (and of each source with --per-source) with its threshold
 * (the configuration's `thresholds`, else the defaults shown on the
 * methodology page). Exit code 1 when a score is below its threshold, else 0.
 */
import {z} from "zod";
import type {Command} from "../command.ts";
import {gatesOf} from "../../kpis/index.ts";
import {auditKpis} from "./audit.ts";

const schema = z.object({
  positionals: z.array(z.string()).max(0, "check takes no file; set the sources in the configuration"),
  config: z.string().optional(),
  "per-source": z.boolean().default(false),
  force: z.boolean().default(false)
});

export const checkCommand: Command<z.infer<typeof schema>> = {
  name: "check",
  summary: "Quality gates: exit code 1 when a score is below its threshold in the configuration",
  usage: "assay check [--config FILE] [--per-source] [--json]",
  help: ["      --per-source    also hold each source's scores to the thresholds", "      --force         run the audit even if its inputs did not change"],
  options: {"per-source": {type: "boolean"}, force: {type: "boolean"}},
  schema,
  async run(args, {progress, print}) {
    const {loaded, kpis} = await auditKpis(args.config, progress, args.force);
    const gates = gatesOf(kpis, {perSource: args["per-source"]});
    const failed = gates.filter((g) => !g.passed);
    for (const g of gates) {
      print(`${g.passed ? "pass" : "FAIL"}  ${(g.source ?? "all sources").padEnd(14)} ${g.score.padEnd(13)} ${g.value.toFixed(1).padStart(6)} ${g.passed ? ">=" : "< "} ${g.threshold}`);
    }
    print(failed.length ? `\n${failed.length} of ${gates.length} quality gates failed` : `\nall ${gates.length} quality gates passed`);
    return {document: {config: loaded.file, asOf: kpis.asOf, passed: failed.length === 0, gates}, exitCode: failed.length ? 1 : 0};
  }
};
