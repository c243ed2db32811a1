/**
 * Memory settings of the database engine: an amount ("6GB", "512MiB") or a
 * share of the machine's memory ("40%"). One reading for the configuration's
 * check, the engine's limit and the audit's storage choice.
 *
 *   memoryBytes(setting?) → bytes, or undefined when it is not a setting
 *   duckdbMemoryLimit(setting?) → the setting as DuckDB takes it
 */
import {totalmem} from "node:os";

/** What a memory setting looks like. */
export const MEMORY_SETTING = /^(\d+(?:\.\d+)?)\s*(%|[KMGT]i?B)$/i;
/** The engine's memory when none is set. */
export const DEFAULT_MEMORY = "60%";

export function memoryBytes(setting = DEFAULT_MEMORY): number | undefined {
  const m = MEMORY_SETTING.exec(setting.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === "%") return (totalmem() * n) / 100;
  const unit = m[2]!.toUpperCase();
  return n * (unit.includes("I") ? 1024 : 1000) ** ("KMGT".indexOf(unit[0]!) + 1);
}

/** DuckDB knows amounts but not shares: a share becomes MiB of this machine. */
export function duckdbMemoryLimit(setting = DEFAULT_MEMORY): string {
  return setting.trim().endsWith("%") ? `${Math.floor(memoryBytes(setting)! / 2 ** 20)}MiB` : setting;
}
