/** Test helpers: a customers table from JavaScript rows, and the findings of a run. */
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {appendRows} from "../../../loaders/rules/lookups/append-rows.ts";
import {runRules, type RunRulesOptions} from "../../../loaders/rules/run.ts";

export async function memoryDb(): Promise<Db> {
  return openDb({threads: 2, memoryLimit: "2GB", tempDirectory: "tmp/rules/duckdb"});
}

/** A customers table (every column VARCHAR) holding `rows`; record_id defaults to 1, 2, 3… */
export async function customers(db: Db, table: string, rows: Record<string, string | null>[]): Promise<void> {
  const columns = [...new Set(["record_id", ...rows.flatMap((r) => Object.keys(r))])];
  await appendRows(
    db,
    table,
    columns,
    rows.map((row, i) => columns.map((c) => (c === "record_id" ? (row.record_id ?? String(i + 1)) : (row[c] ?? null))))
  );
}

export interface Found {
  record_id: string;
  field: string;
  rule: string;
  value: string | null;
  detail: string | null;
}

/** Runs some rules over rows and returns their findings, ordered by record. */
export async function findingsOf(
  rows: Record<string, string | null>[],
  rules: string[],
  options: Partial<RunRulesOptions> = {}
): Promise<Found[]> {
  const db = await memoryDb();
  try {
    await customers(db, "customers_t", rows);
    await runRules(db, {table: "customers_t", source: "t", asOf: "2025-06-30", ...options, rules});
    return await db.all<Found>(
      `SELECT record_id, field, rule, value, detail FROM findings ORDER BY CAST(record_id AS INTEGER), rule, field`
    );
  } finally {
    await db.close();
  }
}

/** The record ids a rule fired on. */
export function ids(found: Found[], rule?: string): string[] {
  return found.filter((f) => !rule || f.rule === rule).map((f) => f.record_id);
}
