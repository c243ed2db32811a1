/**
 * UI text of one language found in a built site: every message of that
 * language that the other language writes differently (long enough to be
 * unmistakable), looked up in the site's own files (not the libraries).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {MESSAGES} from "../../src/lib/messages/index.js";
import {DIST, distData, distFiles} from "./site.ts";

/** Column names of every source of the built report: input data, whatever their language. */
export function sourceColumns(): Set<string> {
  return new Set(distData<{sources: {columns: string[]}[]}>("data/sources.json").sources.flatMap((s) => s.columns));
}

/** `except`: texts that are data of the audit, such as a file's column names ("Date de naissance"). */
export function foreignUiText(foreign: "en" | "fr", except: ReadonlySet<string> = new Set()): string[] {
  const own = foreign === "en" ? "fr" : "en";
  const texts = Object.entries(MESSAGES[foreign])
    .filter(([key, text]) => text !== MESSAGES[own][key] && text.length >= 16)
    .map(([, text]) => text.split("{")[0]!.trim())
    .filter((text) => text.length >= 16 && !except.has(text));
  const hits: string[] = [];
  for (const file of distFiles().filter((f) => !/^_(node|npm|observablehq)\//.test(f))) {
    const content = readFileSync(join(DIST, file), "utf8");
    for (const text of texts) if (content.includes(text) || content.includes(JSON.stringify(text).slice(1, -1))) hits.push(`${file}: ${text}`);
  }
  return hits;
}
