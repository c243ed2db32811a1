/** Customer ids as files write them. */

/**
 * SQL expression: the customer id that `expr` (text) holds, or NULL when empty.
 * Trimmed; a numeric id written with a zero decimal part (`17850.0`, as
 * spreadsheets export numbers) becomes `17850`.
 */
export function normalizeIdSql(expr: string): string {
  const text = `trim(CAST(${expr} AS VARCHAR))`;
  // the regular expression only where there is a point: most ids have none, and it ran on every order line
  return `nullif(CASE WHEN contains(${text}, '.') AND regexp_full_match(${text}, '\\d+\\.0+') THEN split_part(${text}, '.', 1) ELSE ${text} END, '')`;
}
