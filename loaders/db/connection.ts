/**
 * The one interface through which the engine talks to SQL. Every step of the
 * pipeline (ingest, profile, rules, matching, value) receives a `Db` and issues
 * SQL through it, so a later backend only has to implement these few methods.
 */
import {mkdirSync} from "node:fs";
import {availableParallelism} from "node:os";
import {DuckDBInstance, DuckDBTypeId, type DuckDBConnection} from "@duckdb/node-api";
import {duckdbMemoryLimit} from "./memory.ts";

export type Row = Record<string, unknown>;

export interface Db {
  /** Runs statements that return nothing of interest. */
  exec(sql: string): Promise<void>;
  /** Runs a query and returns its rows as plain JSON-safe objects (BIGINT → number, dates → ISO text). */
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** First row of a query, or undefined. */
  one<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** The underlying DuckDB connection, for appenders and registered functions. */
  readonly duckdb: DuckDBConnection;
  /**
   * Another session on the same database, for work that runs beside this
   * one's (its temporary tables are its own); close it when done.
   */
  connect(): Promise<Db>;
  /** The engine's worker threads. */
  readonly threads: number;
  close(): Promise<void>;
}

export interface DbOptions {
  /** Database file; default in-memory. */
  path?: string;
  /** DuckDB memory limit, e.g. "8GB", or a share of physical memory, e.g. "40%"; default 60%. */
  memoryLimit?: string;
  /** Folder where DuckDB spills; default `.assay/tmp`. */
  tempDirectory?: string;
  /** Worker threads; default all cores. */
  threads?: number;
}

/**
 * An in-memory database checkpoints, as a file does, once 16 MB of changes have gone through its
 * log, and each checkpoint compresses every table written since the last one. Left to itself it did
 * so several times during matching, over work tables that live for a step (one held a small insert
 * for 5.8 s, 10.6 CPU seconds): at 1M customers matching took 101 s with them, 77 s without. The
 * audit checkpoints once instead, when matching starts (audit/steps/matching.ts).
 */
const IN_MEMORY = {checkpoint_threshold: "1TB"};

export async function openDb(options: DbOptions = {}): Promise<Db> {
  const tempDirectory = options.tempDirectory ?? ".assay/tmp";
  mkdirSync(tempDirectory, {recursive: true});
  const memoryLimit = duckdbMemoryLimit(options.memoryLimit);
  const threads = options.threads ?? availableParallelism();
  const instance = await DuckDBInstance.create(options.path ?? ":memory:", {
    memory_limit: memoryLimit,
    temp_directory: tempDirectory,
    threads: String(threads),
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    enable_external_access: "true",
    ...(options.path ? {} : IN_MEMORY)
  });
  const connection = await instance.connect();
  const session = async (): Promise<Db> => {
    const other = await instance.connect();
    return wrap(other, () => other.closeSync(), session, threads);
  };
  return wrap(
    connection,
    () => {
      connection.closeSync();
      instance.closeSync();
    },
    session,
    threads
  );
}

/** Types that JSON renders as text to keep precision; the engine wants numbers. */
const NUMERIC_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL
]);

/**
 * `ASSAY_TRACE_SQL=<seconds>`: every statement slower than that is written to
 * stderr with its time, for profiling a stage (`ASSAY_TRACE_SQL=0.2 npm run bench …`),
 * and the process's CPU seconds meanwhile (all its threads: near the engine's threads
 * times the wall time when the statement keeps them busy, near the wall time when it runs on one).
 */
const TRACE_FROM = Number(process.env.ASSAY_TRACE_SQL ?? NaN);

async function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (Number.isNaN(TRACE_FROM)) return run();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (seconds >= TRACE_FROM) process.stderr.write(`[sql ${seconds.toFixed(3)} s, cpu ${cpuSeconds.toFixed(2)} s] ${sql.replace(/\s+/g, " ").slice(0, 200)}\n`);
  return result;
}

function wrap(connection: DuckDBConnection, close: () => void, connect: () => Promise<Db>, threads: number): Db {
  const all = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    const reader = await traced(sql, () => connection.runAndReadAll(sql, params as never));
    const numeric = reader.columnTypes().map((type) => NUMERIC_TYPES.has(type.typeId));
    const names = reader.columnNames();
    return reader.getRowsJson().map((values) => {
      const row: Row = {};
      values.forEach((value, i) => {
        row[names[i]!] = numeric[i] && value !== null ? Number(value) : value;
      });
      return row as T;
    });
  };
  return {
    duckdb: connection,
    async exec(sql) {
      await traced(sql, () => connection.run(sql));
    },
    all,
    connect,
    threads,
    async one<T>(sql: string, params?: unknown[]) {
      return (await all<T>(sql, params))[0];
    },
    async close() {
      close();
    }
  };
}
