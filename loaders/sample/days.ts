/**
 * Calendar days as integers (days since 1970-01-01, UTC) and the text forms
 * the sample's sources write them in. No clock is read: every date derives
 * from the `asOf` option and the seeded stream.
 */

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function parts(day: number): [string, string, string] {
  const date = new Date(day * DAY_MS);
  return [
    String(date.getUTCFullYear()).padStart(4, "0"),
    String(date.getUTCMonth() + 1).padStart(2, "0"),
    String(date.getUTCDate()).padStart(2, "0")
  ];
}

/** yyyy-mm-dd */
export function iso(day: number): string {
  const [y, m, d] = parts(day);
  return `${y}-${m}-${d}`;
}
/** dd/mm/yyyy */
export function slashes(day: number): string {
  const [y, m, d] = parts(day);
  return `${d}/${m}/${y}`;
}
/** dd.mm.yyyy */
export function dots(day: number): string {
  const [y, m, d] = parts(day);
  return `${d}.${m}.${y}`;
}
/** yyyymmdd */
export function compact(day: number): string {
  const [y, m, d] = parts(day);
  return `${y}${m}${d}`;
}
/** Excel serial day number (day 0 = 1899-12-30; right from March 1900 on). */
export function excelSerial(day: number): string {
  return String(day - dayOf("1899-12-30"));
}
/** Time of day from seconds since midnight: HH:MM:SS */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, "0")).join(":");
}

/** The same calendar day `years` years earlier (29 February → 28 February). */
export function yearsBefore(day: number, years: number): number {
  const [y, m, d] = parts(day).map(Number) as [number, number, number];
  const target = Date.UTC(y - years, m - 1, d);
  const date = new Date(target);
  return Math.round((date.getUTCDate() === d ? target : Date.UTC(y - years, m - 1, d - 1)) / DAY_MS);
}
