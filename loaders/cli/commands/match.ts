/**
 * `assay match [--truth COLUMN | --truth-file FILE] [--json]`: read the
 * sources, find duplicates within and across the customer sources, and write
 * clusters.csv, golden.csv and pairs.parquet into the output folder. With a
 * ground truth (a column of the sources holding the true entity, or a CSV file
 * source,record_id,entity_id), prints the pairwise precision, recall and F1
 * (overall, within one source, across sources), the candidate pairs of each
 * blocking rule and the blocking recall.
 */
import {z} from "zod";
import type {Command} from "../command.ts";
import {loadConfig} from "../../config/load.ts";
import {openDb} from "../../db/connection.ts";
import {runAudit} from "../../audit/run.ts";
import {runMatchingStep} from "../../audit/steps/matching.ts";
import type {PairwiseScores} from "../../matching/evaluate.ts";

const schema = z
  .object({
    positionals: z.array(z.string()).max(0, "match takes no file; set the sources in the configuration"),
    config: z.string().optional(),
    truth: z.string().min(1, "the name of a column of the sources").optional(),
    truthFile: z.string().min(1, "a CSV file with columns source,record_id,entity_id").optional()
  })
  .refine((a) => !(a.truth && a.truthFile), "give --truth or --truth-file, not both");

const count = (n: number) => n.toLocaleString("en-US");
const score = (s: PairwiseScores) =>
  `precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (${count(s.truePositives)} of ${count(s.predictedPairs)} linked pairs true, ${count(s.truePairs)} true pairs)`;

export const matchCommand: Command<z.infer<typeof schema>> = {
  name: "match",
  summary: "Find duplicates within and across customer sources; write clusters.csv and golden.csv",
  usage: "assay match [--truth COLUMN | --truth-file FILE] [--json]",
  help: [
    "      --truth COLUMN      column of the sources holding the true entity: prints precision, recall, F1",
    "                          and the blocking recall",
    "      --truth-file FILE   the same from a CSV file with columns source,record_id,entity_id"
  ],
  options: {truth: {type: "string"}, "truth-file": {type: "string"}},
  schema: z.preprocess((v) => {
    const o = v as Record<string, unknown>;
    return {...o, truthFile: o["truth-file"]};
  }, schema) as unknown as z.ZodType<z.infer<typeof schema>>,
  async run(args, {progress, print}) {
    const loaded = loadConfig(args.config);
    const db = await openDb();
    try {
      const ctx = await runAudit(loaded, progress, {db, steps: []});
      const truth = args.truth ? {column: args.truth} : args.truthFile ? {file: args.truthFile} : undefined;
      const result = await runMatchingStep(ctx, truth ? {truth} : {});
      const s = result.summary;
      const lines = [
        `${count(s.records)} customer records, ${count(s.customers)} distinct customers (duplicate rate ${(100 * s.duplicateRate).toFixed(1)}%)`,
        ...s.sources.map((x) => `  ${x.source.padEnd(16)} ${count(x.records).padStart(10)} records ${count(x.customers).padStart(10)} customers  duplicates ${(100 * x.duplicateRate).toFixed(1)}%`),
        `candidate pairs: ${count(s.blocking.pairs)}${s.blocking.recall !== undefined ? `, blocking recall ${s.blocking.recall.toFixed(4)}` : ""}`,
        `  ${"rule".padEnd(36)} ${"pairs".padStart(12)} ${"new".padStart(12)}${s.blocking.recall !== undefined ? ` ${"true".padStart(12)}` : ""} ${"skipped keys".padStart(13)}`,
        ...s.blocking.rules.map(
          (r) =>
            `  ${r.rule.padEnd(36)} ${count(r.pairs).padStart(12)} ${count(r.added).padStart(12)}${r.truePairs !== undefined ? ` ${count(r.truePairs).padStart(12)}` : ""} ${count(r.skippedKeys).padStart(13)}`
        ),
        `clusters: ${count(s.clustering.clusters)}, split by the chain guard ${count(s.clustering.split)}, flagged ${count(s.clustering.flagged)}`
      ];
      if (s.accuracy) {
        lines.push(`pairwise accuracy against ${args.truth ? `column ${args.truth}` : args.truthFile}:`, `  all pairs      ${score(s.accuracy)}`);
        if (result.accuracyBySource) {
          lines.push(`  within source  ${score(result.accuracyBySource.within)}`, `  across sources ${score(result.accuracyBySource.across)}`);
          for (const x of result.accuracyBySource.sources) lines.push(`    ${x.source.padEnd(12)} ${score(x)}`);
        }
      }
      if (s.files) lines.push(s.files.clusters, s.files.golden, s.files.pairs);
      print(lines.join("\n"));
      const {settings, ...rest} = s;
      return {
        document: {
          config: loaded.file,
          output: loaded.outDir,
          ...rest,
          settings,
          ...(result.accuracyBySource ? {accuracyBySource: result.accuracyBySource} : {})
        }
      };
    } finally {
      await db.close();
    }
  }
};
