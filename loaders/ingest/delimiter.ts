/** Field separator of a delimited text file, from its first lines. */
import {parseRecord} from "./record.ts";

export const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The candidate that splits the header into the most fields and the other
 * lines into the same number; ties go to the order of DELIMITERS.
 */
export function sniffDelimiter(lines: readonly string[]): string {
  const [header, ...rest] = lines.filter((line) => line.trim() !== "");
  if (header === undefined) return ",";
  let best: string = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const fields = parseRecord(header, delimiter).count;
    if (fields < 2) continue;
    const agreeing = rest.filter((line) => parseRecord(line, delimiter).count === fields).length;
    const score = fields * (1 + agreeing);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
