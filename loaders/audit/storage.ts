/**
 * Where the audit's database keeps its tables: in memory, or in a file of the
 * work folder. DuckDB stores a file's tables compressed (several times smaller
 * than in memory), so inputs too large for the memory budget are audited from
 * a file instead of spilling uncompressed tables to the temporary folder.
 *
 *   auditStorage(loaded, work) → {path?: string; inputBytes: number}
 *
 * `engine.storage`: "memory", "file", or "auto" (the default): a file when the
 * input files add up to more than a tenth of the engine's memory limit.
 */
import {join} from "node:path";
import type {LoadedConfig} from "../config/load.ts";
import {openDb} from "../db/connection.ts";
import {memoryBytes} from "../db/memory.ts";
import {inputFiles} from "../ingest/files.ts";

export async function auditStorage(loaded: LoadedConfig, work: string): Promise<{path?: string; inputBytes: number}> {
  const {storage = "auto", memory} = loaded.config.engine;
  const db = await openDb({tempDirectory: join(work, "duckdb"), threads: 1, memoryLimit: "256MB"});
  const inputBytes = await inputFiles(db, loaded)
    .then((inputs) => inputs.flatMap((input) => input.files).reduce((sum, file) => sum + file.size, 0))
    .finally(() => db.close());
  const budget = memoryBytes(memory) ?? memoryBytes()!;
  const file = storage === "file" || (storage === "auto" && inputBytes > budget / 10);
  return {path: file ? join(work, "audit.duckdb") : undefined, inputBytes};
}
