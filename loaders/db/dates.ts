/**
 * Dates as customer files write them. `parseDateSql` renders a SQL expression
 * that turns text into a DATE, or NULL when the text is not a date in any
 * accepted format: ISO (with or without time, `-` or `/`), yyyymmdd,
 * dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (or month first, for files written that
 * way), and Excel serial day numbers. Each shape is recognised by a regular
 * expression and cast once: no list of formats tried in turn.
 */

export type DayOrder = "dmy" | "mdy";

/** Excel serials count days from 1899-12-30 (Excel's phantom 1900-02-29 included). */
const ISO = "^\\s*\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}([ T]\\d{1,2}:\\d{2}.*)?\\s*$";
const COMPACT = "^\\s*\\d{8}\\s*$";
const DAY_MONTH = "^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})( \\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?$";
/** Excel serial day numbers from 1 (1900-01-01) to 109999 (2201) */
const SERIAL = "^\\s*([1-9]\\d{0,4}|10\\d{4})(\\.\\d+)?\\s*$";

/**
 * SQL expression: the DATE that `expr` (text) holds, or NULL.
 * Time zones are dropped: a date is the calendar day written in the text.
 * Written so that no costly subexpression repeats: DuckDB would compute a
 * repeated one for every row, even rows that an earlier branch settles.
 */
export function parseDateSql(expr: string, order: DayOrder = "dmy"): string {
  const raw = `CAST(${expr} AS VARCHAR)`;
  const dm = order === "dmy" ? ["%d", "%m"] : ["%m", "%d"];
  const dayMonth = ["/", ".", "-"]
    .flatMap((sep) => ["", " %H:%M", " %H:%M:%S"].map((time) => `'${dm.join(sep)}${sep}%Y${time}'`))
    .join(", ");
  return `(CASE
    WHEN (substr(${raw}, 5, 1) IN ('-', '/') AND (length(${raw}) <= 10 OR substr(${raw}, 11, 1) IN (' ', 'T')))
      OR regexp_matches(${raw}, '${ISO}') THEN TRY_CAST(${raw} AS DATE)
    WHEN regexp_matches(${raw}, '${COMPACT}') THEN CAST(try_strptime(regexp_extract(${raw}, '\\d{8}'), '%Y%m%d') AS DATE)
    WHEN regexp_matches(${raw}, '^\\s*\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}') THEN CAST(try_strptime(trim(${raw}), [${dayMonth}]) AS DATE)
    WHEN regexp_matches(${raw}, '${SERIAL}') THEN CAST(DATE '1899-12-30' + CAST(floor(TRY_CAST(${raw} AS DOUBLE)) AS INTEGER) AS DATE)
  END)`;
}

/**
 * SQL query that tells the day order of a text column: 'mdy' when some
 * value can only be month-first (second part above 12) and none can only be
 * day-first; else 'dmy'. Run it once per column, then pass the answer to
 * `parseDateSql`.
 */
export function dayOrderSql(column: string, table: string): string {
  const first = `TRY_CAST(regexp_extract(trim(${column}), '${DAY_MONTH}', 1) AS INTEGER)`;
  const second = `TRY_CAST(regexp_extract(trim(${column}), '${DAY_MONTH}', 2) AS INTEGER)`;
  return `SELECT CASE WHEN count(*) FILTER (WHERE ${second} > 12) > 0
      AND count(*) FILTER (WHERE ${first} > 12) = 0 THEN 'mdy' ELSE 'dmy' END AS day_order
    FROM ${table}`;
}
