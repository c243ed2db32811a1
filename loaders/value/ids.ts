/** Customer ids as files write them. */

/**
 * SQL expression: the customer id that `expr` (text) holds, or NULL when empty.
 * Trimmed; a numeric id written with a zero decimal part (`17850.0`, as
 * spreadsheets export numbers) becomes `17850`.
 */
export function normalizeIdSql(expr: string): string {
  return `nullif(regexp_replace(trim(CAST(${expr} AS VARCHAR)), '^(\\d+)\\.0+$', '\\1'), '')`;
}
