// Segment and lifecycle names and descriptions (src/lib/segments.ts) as
// message keys: `segment.<id>`, `segment.<id>.description`,
// `lifecycle.<stage>`, `lifecycle.<stage>.description`.
import {LIFECYCLE_TEXT, SEGMENT_TEXT, type Language} from "../segments.ts";

function table(language: Language): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [id, text] of Object.entries(SEGMENT_TEXT)) entries.push([`segment.${id}`, text[language].label], [`segment.${id}.description`, text[language].description]);
  for (const [stage, text] of Object.entries(LIFECYCLE_TEXT)) entries.push([`lifecycle.${stage}`, text[language].label], [`lifecycle.${stage}.description`, text[language].description]);
  return Object.fromEntries(entries);
}

export const en = table("en");
export const fr = table("fr");
