/**
 * The audit configuration: one JSON file, validated here. Types come from the
 * schema (`z.infer`), and `assay.schema.json` is generated from it for editors.
 */
import {z} from "zod";
import {MEMORY_SETTING} from "../db/memory.ts";
import {CUSTOMER_ROLES, ORDER_ROLES} from "./roles.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "should be a date written yyyy-mm-dd, for example \"2025-06-30\"");

const customerColumns = z
  .object(Object.fromEntries(CUSTOMER_ROLES.map((role) => [role, z.string().min(1).optional()])))
  .strict()
  .describe("Column of the file that holds each role; roles left out are detected from the headers.");

const orderColumns = z
  .object(Object.fromEntries(ORDER_ROLES.map((role) => [role, z.string().min(1).optional()])))
  .strict()
  .describe("Column of the file that holds each role; roles left out are detected from the headers.");

const csvOptions = z
  .object({
    delimiter: z.string().min(1).max(1).optional().describe("Field separator; detected when left out."),
    encoding: z
      .enum(["utf-8", "windows-1252", "latin-1"])
      .optional()
      .describe("Text encoding; detected when left out (UTF-8, with or without BOM, else Windows-1252)."),
    sheet: z.string().optional().describe("Worksheet of an .xlsx file; default the first.")
  })
  .strict();

const sourceBase = {
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, "should be a short lower-case name of letters, digits and _, for example \"crm\""),
  path: z.string().min(1).describe("File or glob, relative to the configuration file."),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "should be an ISO 3166 alpha-2 code in capitals, for example \"FR\"")
    .optional()
    .describe("Default country of this source's phones and addresses; default the audit's country."),
  ...csvOptions.shape
};

export const customerSourceSchema = z
  .object({...sourceBase, kind: z.literal("customers"), columns: customerColumns.default({})})
  .strict();

export const orderSourceSchema = z
  .object({
    ...sourceBase,
    kind: z.literal("orders"),
    columns: orderColumns.default({}),
    customers: z
      .array(z.string())
      .optional()
      .describe("Customer sources whose ids the customerId column holds; default every customer source.")
  })
  .strict();

export const sourceSchema = z.discriminatedUnion("kind", [customerSourceSchema, orderSourceSchema]);

const score = z.number().min(0).max(100);

export const DIMENSIONS = ["completeness", "validity", "consistency", "uniqueness", "timeliness", "consent"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.string().min(1).default("Customer data audit"),
    language: z.enum(["fr", "en"]).default("en").describe("Language of the report."),
    mode: z
      .enum(["published", "consultant"])
      .default("published")
      .describe("published: aggregates and masked examples only; consultant: record-level detail, for a site that stays on the consultant's machine."),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "should be an ISO 3166 alpha-2 code in capitals, for example \"FR\"")
      .default("FR"),
    asOf: isoDate.optional().describe("Audit date; default the day after the last order, else today."),
    output: z.string().default(".assay/out").describe("Folder of the outputs, relative to the configuration file."),
    minCount: z.number().int().min(1).default(5).describe("Published mode: values and cells seen fewer times are suppressed (k)."),
    sources: z.array(sourceSchema).min(1, "should list at least one source"),
    freshness: z
      .object({months: z.number().int().min(1).default(12)})
      .strict()
      .default({months: 12}),
    weights: z
      .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().min(0).optional()])))
      .strict()
      .default({})
      .describe("Weight of each dimension in the overall score; defaults on the methodology page."),
    thresholds: z
      .object(Object.fromEntries([...DIMENSIONS, "overall"].map((d) => [d, score.optional()])))
      .strict()
      .default({})
      .describe("Minimum score (0–100) of each dimension; `assay check` fails below it."),
    engine: z
      .object({
        memory: z
          .string()
          .regex(MEMORY_SETTING, 'should be an amount such as "6GB" or a share of the machine\'s memory such as "50%"')
          .optional()
          .describe('Memory the database engine may hold, e.g. "6GB" or "40%"; past it, it spills to the output folder. Default 60% of the machine\'s memory.'),
        threads: z.number().int().min(1).optional().describe("Threads of the database engine; default one per core."),
        storage: z
          .enum(["auto", "memory", "file"])
          .default("auto")
          .describe("Where the engine keeps the audit's tables: in memory, or compressed in a file of the output folder's work directory; auto: a file when the inputs add up to more than a tenth of the memory limit.")
      })
      .strict()
      .default({storage: "auto"})
      .describe("Resources of the database engine, for audits larger than the machine's memory."),
    profile: z
      .object({
        exactRows: z
          .number()
          .int()
          .min(0)
          .default(250_000)
          .describe(
            "Sources of at most this many rows get an exact profile; larger ones estimate the distinct counts (HyperLogLog) and take top-value candidates, patterns and histograms of columns with many distinct values from a sample of about 100,000 rows, marked ≈ on the sources page."
          )
      })
      .strict()
      .default({exactRows: 250_000})
      .describe("Column profiles of the sources page."),
    matching: z.record(z.string(), z.unknown()).default({}).describe("Matching settings; see the methodology page."),
    rfm: z
      .object({
        method: z.enum(["rank", "ntile"]).default("rank"),
        compareTo: isoDate.optional().describe("Second date of the migration matrix; default one year before asOf."),
        segments: z
          .array(
            z
              .object({
                name: z.string().min(1),
                r: z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]),
                f: z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
              })
              .strict()
          )
          .optional()
          .describe("Custom segment map: R range × F range → name; default the standard map."),
        lifecycle: z
          .object({
            newDays: z.number().int().min(1).default(90),
            activeDays: z.number().int().min(1).default(365),
            dormantDays: z.number().int().min(1).default(730)
          })
          .strict()
          .optional()
      })
      .strict()
      .default({method: "rank"})
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((source, i) => {
      if (seen.has(source.name)) {
        ctx.addIssue({code: "custom", path: ["sources", i, "name"], message: `"${source.name}" names two sources; give each source its own name`});
      }
      seen.add(source.name);
    });
  });

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type CustomerSourceConfig = z.output<typeof customerSourceSchema>;
export type OrderSourceConfig = z.output<typeof orderSourceSchema>;
