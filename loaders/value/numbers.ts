/**
 * Numbers as order files write them: `12.50`, `12,50` (decimal comma),
 * `1 234,50`, `1.234,50`, `1,234.50`, with an optional currency sign.
 */

/**
 * SQL expression: the DOUBLE that `value` (text) holds, or NULL. The last
 * comma or point is the decimal separator and the others group thousands; so a
 * lone comma is a decimal comma (`1,234` is 1.234).
 *
 * Text that casts as it is takes the fast path; the slow path is written so
 * that each step uses its input once, which keeps DuckDB from computing it
 * ahead for every row.
 */
export function parseNumberSql(value: string): string {
  const expr = `CAST(${value} AS VARCHAR)`;
  const bare = `regexp_replace(${expr}, '[\\s\\x{00A0}\\x{202F}€$£]', '', 'g')`;
  const marked = `regexp_replace(${bare}, '[.,](\\d*)$', '#\\1')`;
  const slow = `TRY_CAST(replace(regexp_replace(${marked}, '[.,]', '', 'g'), '#', '.') AS DOUBLE)`;
  return `coalesce(TRY_CAST(${expr} AS DOUBLE), ${slow})`;
}
