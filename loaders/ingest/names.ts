/** Column names made usable: empty ones named by position, repeated ones numbered. */
export function uniqueNames(header: readonly string[]): string[] {
  // the engine's own columns are taken already
  const seen = new Map<string, number>([["__line", 1], ["__file", 1], ["__row", 1]]);
  return header.map((raw, i) => {
    const base = raw.trim() === "" ? `column_${i + 1}` : raw.trim();
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base}_${count}`;
  });
}
