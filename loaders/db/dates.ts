/**
 * Dates as customer files write them. `parseDateSql` renders a SQL expression
 * that turns text into a DATE, or NULL when the text is not a date in any
 * accepted format: ISO (with or without time), yyyymmdd, dd/mm/yyyy,
 * dd-mm-yyyy, dd.mm.yyyy (or month first, for files written that way), and
 * Excel serial day numbers.
 */

export type DayOrder = "dmy" | "mdy";

const TIME_SUFFIXES = ["", " %H:%M", " %H:%M:%S", " %H:%M:%S.%f"];

function formats(order: DayOrder): string[] {
  const dayMonth = order === "dmy" ? ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"] : ["%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y"];
  const iso = ["%Y-%m-%d", "%Y/%m/%d"].flatMap((f) => [...TIME_SUFFIXES.map((t) => f + t), `${f}T%H:%M:%S`, `${f}T%H:%M:%S.%f`]);
  return [...iso, "%Y%m%d", ...dayMonth.flatMap((f) => TIME_SUFFIXES.map((t) => f + t))];
}

/** Excel serials: day 1 is 1900-01-01, with Excel's phantom 1900-02-29, so day 0 is 1899-12-30 from March 1900 on. */
const EXCEL_MIN = 1;
const EXCEL_MAX = 109_574; // 2199-12-31

/**
 * SQL expression: the DATE that `expr` (text) holds, or NULL.
 * Time zones are dropped: a date is the calendar day written in the text.
 */
export function parseDateSql(expr: string, order: DayOrder = "dmy"): string {
  const text = `trim(CAST(${expr} AS VARCHAR))`;
  const list = `[${formats(order).map((f) => `'${f}'`).join(", ")}]`;
  const stripped = `regexp_replace(${text}, '(\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)(Z|[+-]\\d{2}:?\\d{2})$', '\\1')`;
  return `(CASE
    WHEN ${text} = '' THEN NULL
    WHEN regexp_full_match(${text}, '\\d{1,6}(\\.\\d+)?') AND NOT regexp_full_match(${text}, '\\d{8}')
      THEN CASE WHEN TRY_CAST(${text} AS DOUBLE) BETWEEN ${EXCEL_MIN} AND ${EXCEL_MAX}
        THEN CAST(DATE '1899-12-30' + CAST(floor(TRY_CAST(${text} AS DOUBLE)) AS INTEGER) AS DATE) END
    ELSE CAST(try_strptime(${stripped}, ${list}) AS DATE)
  END)`;
}

/**
 * SQL expression that tells the day order of a text column: 'mdy' when some
 * value can only be month-first (second part above 12) and none can only be
 * day-first; else 'dmy'. Run it once per column, then pass the answer to
 * `parseDateSql`.
 */
export function dayOrderSql(column: string, table: string): string {
  const parts = `regexp_extract(trim(${column}), '^(\\d{1,2})[/.-](\\d{1,2})[/.-]\\d{4}', ['a', 'b'])`;
  return `SELECT CASE WHEN count(*) FILTER (WHERE TRY_CAST(p.b AS INTEGER) > 12) > 0
      AND count(*) FILTER (WHERE TRY_CAST(p.a AS INTEGER) > 12) = 0 THEN 'mdy' ELSE 'dmy' END AS day_order
    FROM (SELECT unnest(${parts}) FROM ${table}) AS p`;
}
