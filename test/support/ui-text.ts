/**
 * UI text of one language found in a built site: every message of that
 * language that the other language writes differently (long enough to be
 * unmistakable), looked up in the site's own files (not the libraries).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {MESSAGES} from "../../src/lib/messages/index.js";
import {DIST, distFiles} from "./site.ts";

export function foreignUiText(foreign: "en" | "fr"): string[] {
  const own = foreign === "en" ? "fr" : "en";
  const texts = Object.entries(MESSAGES[foreign])
    .filter(([key, text]) => text !== MESSAGES[own][key] && text.length >= 16)
    .map(([, text]) => text.split("{")[0]!.trim())
    .filter((text) => text.length >= 16);
  const hits: string[] = [];
  for (const file of distFiles().filter((f) => !/^_(node|npm|observablehq)\//.test(f))) {
    const content = readFileSync(join(DIST, file), "utf8");
    for (const text of texts) if (content.includes(text) || content.includes(JSON.stringify(text).slice(1, -1))) hits.push(`${file}: ${text}`);
  }
  return hits;
}
