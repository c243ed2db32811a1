export function csvCell(value: unknown): string;
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string;
