/**
 * Numbers as order files write them: `12.50`, `12,50` (decimal comma),
 * `1 234,50`, `1.234,50`, `1,234.50`, with an optional currency sign.
 */

/**
 * SQL expression: the DOUBLE that `expr` (text) holds, or NULL. When a comma
 * and a point both appear, the last one is the decimal separator and the other
 * groups thousands; a lone comma is a decimal comma (`1,234` is 1.234).
 */
export function parseNumberSql(value: string): string {
  const expr = `CAST(${value} AS VARCHAR)`;
  const text = `regexp_replace(${expr}, '[\\s\\x{00A0}\\x{202F}€$£]', '', 'g')`;
  const slow = `TRY_CAST(CASE WHEN regexp_matches(${text}, ',[^.]*$')
      THEN replace(replace(${text}, '.', ''), ',', '.')
      ELSE replace(${text}, ',', '') END AS DOUBLE)`;
  return `coalesce(TRY_CAST(${expr} AS DOUBLE), ${slow})`;
}
