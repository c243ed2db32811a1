/**
 * `assay <command> [options]`: the command line. Every command has --help,
 * reads the configuration given by --config, shows progress on stderr, and
 * with --json prints one JSON document on stdout.
 */
import {parseArgs} from "node:util";
import {COMMON_HELP, COMMON_OPTIONS, type Command} from "./command.ts";
import {stderrProgress} from "./progress.ts";
import {errorMessage} from "./errors.ts";
import {COMMANDS} from "./commands/index.ts";

process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: assay <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `assay <command> --help` for a command's options."
  ].join("\n");
}

function commandHelp(command: Command): string {
  return [`Usage: ${command.usage}`, "", command.summary, "", "Options:", ...command.help, ...COMMON_HELP].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`assay: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({args: rest, options: {...COMMON_OPTIONS, ...command.options}, allowPositionals: true, strict: true});
  } catch (error) {
    process.stderr.write(`assay ${name}: ${(error as Error).message}\n\n${commandHelp(command)}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }
  const checked = command.schema.safeParse({...parsed.values, positionals: parsed.positionals});
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.length ? `--${i.path.join(".")}` : "arguments"}: ${i.message}`);
    process.stderr.write(`assay ${name}: ${problems.join("; ")}\n\n${commandHelp(command)}\n`);
    return 2;
  }
  const json = parsed.values.json === true;
  const progress = stderrProgress(parsed.values.quiet === true);
  try {
    const {document, exitCode} = await command.run(checked.data, {
      progress,
      json,
      print: (text) => {
        if (!json) process.stdout.write(`${text}\n`);
      }
    });
    if (json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return exitCode ?? 0;
  } catch (error) {
    process.stderr.write(`assay ${name}: ${errorMessage(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
