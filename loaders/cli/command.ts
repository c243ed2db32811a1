/**
 * A command of the `assay` CLI: its options as `node:util` parseArgs
 * settings, validated by a zod schema, and a `run` that returns the JSON
 * document `--json` prints (logs and progress go to stderr).
 */
import type {ParseArgsConfig} from "node:util";
import type {z} from "zod";
import type {Progress} from "./progress.ts";

export interface CommandContext {
  progress: Progress;
  /** true with --json: print nothing on stdout but the returned document */
  json: boolean;
  /** human-readable output (stdout) */
  print(text: string): void;
}

export interface Command<A = unknown> {
  name: string;
  summary: string;
  usage: string;
  /** lines of help about the options */
  help: string[];
  options: NonNullable<ParseArgsConfig["options"]>;
  /** validates parsed options and positionals */
  schema: z.ZodType<A>;
  run(args: A, context: CommandContext): Promise<{document: unknown; exitCode?: number}>;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  config: {type: "string", short: "c"},
  json: {type: "boolean"},
  help: {type: "boolean", short: "h"},
  quiet: {type: "boolean", short: "q"}
} as const satisfies ParseArgsConfig["options"];

export const COMMON_HELP = [
  "  -c, --config FILE   audit configuration (default: assay.config.json here, else the bundled sample)",
  "      --json          print one JSON document on stdout; logs go to stderr",
  "  -q, --quiet         no progress on stderr",
  "  -h, --help          this help"
];
