/** `assay profile <file…>`: load and profile files, or the configured sources when no file is given. */
import {basename, extname, join, resolve} from "node:path";
import {mkdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {z} from "zod";
import type {Command} from "../command.ts";
import {openDb} from "../../db/connection.ts";
import {loadConfig} from "../../config/load.ts";
import type {SourceConfig} from "../../config/schema.ts";
import {ingestSource, REJECTS_TABLE} from "../../ingest/source.ts";
import {profileTable, type ColumnProfile} from "../../profile/profile.ts";
import {literal} from "../../db/sql.ts";

const schema = z.object({
  positionals: z.array(z.string()),
  config: z.string().optional(),
  kind: z.enum(["customers", "orders"]).default("customers"),
  delimiter: z.string().length(1, "a single character").optional(),
  encoding: z.enum(["utf-8", "windows-1252", "latin-1"]).optional(),
  sheet: z.string().optional(),
  exactRows: z.coerce.number().int().min(0).optional()
});

export const profileCommand: Command<z.infer<typeof schema>> = {
  name: "profile",
  summary: "Load files (or the configured sources) and profile every column",
  usage: "assay profile [file…] [options]",
  help: [
    "  file…               CSV/TSV/TXT, XLSX, Parquet or JSON files; none: the sources of the configuration",
    "      --kind KIND     customers (default) or orders: how columns are given roles",
    "      --delimiter C   field separator (default: detected)",
    "      --encoding E    utf-8, windows-1252 or latin-1 (default: detected)",
    "      --sheet NAME    worksheet of an .xlsx file (default: the first)",
    "      --exact-rows N  larger files get estimated distinct counts, patterns and histograms",
    "                      (default: profile.exactRows of the configuration, else 250000)"
  ],
  options: {
    kind: {type: "string"},
    delimiter: {type: "string"},
    encoding: {type: "string"},
    sheet: {type: "string"},
    "exact-rows": {type: "string"}
  },
  schema: z.preprocess((v) => {
    const o = v as Record<string, unknown>;
    return {...o, exactRows: o["exact-rows"]};
  }, schema) as unknown as z.ZodType<z.infer<typeof schema>>,
  async run(args, {progress, print}) {
    const fromConfig = args.positionals.length === 0;
    const loaded = fromConfig ? loadConfig(args.config) : undefined;
    const sources: SourceConfig[] = fromConfig
      ? loaded!.config.sources
      : args.positionals.map((file, i) => ({
          name: sourceName(file, i),
          kind: args.kind,
          path: resolve(file),
          columns: {},
          delimiter: args.delimiter,
          encoding: args.encoding,
          sheet: args.sheet
        }) as SourceConfig);
    const work = join(tmpdir(), `assay-profile-${process.pid}`);
    mkdirSync(work, {recursive: true});
    const db = await openDb({tempDirectory: join(work, "duckdb")});
    try {
      const out = [];
      for (const source of sources) {
        progress.step(`Profiling ${source.path}`);
        const load = await ingestSource(db, source, {baseDir: loaded?.baseDir ?? process.cwd(), tempDir: work});
        const columns = await profileTable(db, load.table, load.columns, {exactRows: args.exactRows ?? loaded?.config.profile.exactRows});
        const rejects = await db.all<{file: string; line: number; reason: string}>(
          `SELECT file, line, reason FROM ${REJECTS_TABLE} WHERE source = ${literal(source.name)} ORDER BY file, line`
        );
        progress.done(`${load.loaded} rows, ${load.rejected} rejected`);
        out.push({
          name: source.name,
          kind: source.kind,
          files: load.files,
          read: load.read,
          rows: load.loaded,
          rejected: load.rejected,
          rejects,
          roles: load.roles,
          columns
        });
        print(describe(out[out.length - 1]!));
      }
      return {document: {sources: out}};
    } finally {
      await db.close();
      rmSync(work, {recursive: true, force: true});
    }
  }
};

function sourceName(file: string, i: number): string {
  const base = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^[^a-z]+/, "");
  return `${base || "file"}_${i + 1}`;
}

function describe(source: {name: string; files: {file: string; encoding?: string; delimiter?: string}[]; read: number; rows: number; rejected: number; rejects: {line: number; reason: string}[]; columns: ColumnProfile[]}): string {
  const lines = [
    `\n${source.files.map((f) => `${f.file}${f.encoding ? ` (${f.encoding}${f.delimiter ? `, "${f.delimiter === "\t" ? "\\t" : f.delimiter}"` : ""})` : ""}`).join(", ")}`,
    `  ${source.read} rows read: ${source.rows} loaded, ${source.rejected} rejected`,
    ...source.rejects.slice(0, 20).map((r) => `    line ${r.line}: ${r.reason}`),
    ...(source.rejects.length > 20 ? [`    … and ${source.rejects.length - 20} more`] : []),
    `  ${"column".padEnd(24)} ${"type".padEnd(9)} ${"filled".padStart(7)} ${"distinct".padStart(9)}  top value`
  ];
  for (const c of source.columns) {
    const fill = c.rows ? `${Math.round((100 * c.filled) / c.rows)}%` : "-";
    lines.push(`  ${c.name.slice(0, 24).padEnd(24)} ${c.type.padEnd(9)} ${fill.padStart(7)} ${String(c.distinct).padStart(9)}  ${c.top[0] ? `${c.top[0].value.slice(0, 30)} (${c.top[0].count})` : ""}`);
  }
  return lines.join("\n");
}
