/** `assay sample`: generate the demo data, with its ground truth, at any size. */
import {resolve} from "node:path";
import {z} from "zod";
import type {Command} from "../command.ts";
import {generateSample} from "../../sample/generate.ts";

const positiveInt = z.coerce.number().int("a whole number").positive("above 0");

const schema = z.object({
  positionals: z.array(z.string()).max(0, "sample takes no file; use --out DIR"),
  customers: positiveInt.default(5000),
  seed: z.coerce.number().int("a whole number").default(42),
  out: z.string().default("data/sample"),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written yyyy-mm-dd").optional(),
  orders: z.coerce.number().min(0).optional()
});

export const sampleCommand: Command<z.infer<typeof schema>> = {
  name: "sample",
  summary: "Generate demo customer exports, orders and their ground truth",
  usage: "assay sample [--customers N] [--seed S] [--out DIR]",
  help: [
    "      --customers N   distinct people (default 5000)",
    "      --seed S        random seed: the same seed gives the same bytes (default 42)",
    "      --out DIR       output folder (default data/sample)",
    "      --as-of DATE    audit date the data is built around (default 2026-01-01)",
    "      --orders N      mean order lines per customer (default 6)"
  ],
  options: {
    customers: {type: "string", short: "n"},
    seed: {type: "string"},
    out: {type: "string", short: "o"},
    "as-of": {type: "string"},
    orders: {type: "string"}
  },
  schema: z.preprocess((v) => {
    const o = v as Record<string, unknown>;
    return {...o, asOf: o["as-of"]};
  }, schema) as unknown as z.ZodType<z.infer<typeof schema>>,
  async run(args, {progress, print}) {
    progress.step(`Generating ${args.customers.toLocaleString("en-US")} customers`);
    const summary = await generateSample(
      {customers: args.customers, seed: args.seed, out: resolve(args.out), asOf: args.asOf, ordersPerCustomer: args.orders},
      (done, total) => progress.update(done, total)
    );
    progress.done();
    print(Object.entries(summary.files).map(([file, rows]) => `${file}: ${rows.toLocaleString("en-US")} rows`).join("\n"));
    return {document: summary};
  }
};
