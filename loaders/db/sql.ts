/** Quoting for SQL text that the engine builds. Never interpolate a value without these. */

/** A quoted identifier: a column or table name, whatever characters it holds. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A quoted string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL list of string literals: ('a', 'b'). */
export function literalList(values: readonly string[]): string {
  return `(${values.map(literal).join(", ")})`;
}
