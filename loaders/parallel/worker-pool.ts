/**
 * Worker threads that answer pages of rows side by side: for JavaScript
 * libraries with no SQL form (libphonenumber, fuzzball) when there are many
 * distinct values to map. A worker module calls `serveRows(fn)`; the pool
 * splits each page between its workers and gives the answers back in order.
 *
 *   const pool = new WorkerPool(new URL("./x-worker.ts", import.meta.url));
 *   const answers = await pool.run(rows); …; await pool.close();
 *
 *   // x-worker.ts
 *   serveRows((row) => [answer]);
 */
import {availableParallelism} from "node:os";
import {parentPort, Worker} from "node:worker_threads";

export type Cell = string | number | boolean | null | undefined;

/** A worker's first code: TypeScript support (tsx), then the worker module itself. */
const WORKER_BOOT = `
  const {workerData} = require("node:worker_threads");
  import("tsx/esm/api").then(({register}) => { register(); return import(workerData.entry); });
`;

/** Whether a pool is worth its start: more than one core, and at least `from` rows to map. */
export function poolWorthIt(rows: number, from: number): boolean {
  return rows >= from && availableParallelism() > 1;
}

export class WorkerPool {
  private readonly workers: Worker[];
  private next = 0;
  private readonly waiting = new Map<number, {resolve: (answers: Cell[][]) => void; reject: (error: unknown) => void}>();

  constructor(entry: URL, size = availableParallelism()) {
    this.workers = Array.from({length: size}, () => {
      const worker = new Worker(WORKER_BOOT, {eval: true, workerData: {entry: entry.href}});
      worker.on("message", ({id, answers}: {id: number; answers: Cell[][]}) => {
        this.waiting.get(id)?.resolve(answers);
        this.waiting.delete(id);
      });
      worker.on("error", (error) => {
        for (const {reject} of this.waiting.values()) reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** The answers of every row, in the rows' order; the rows are split evenly between the workers. */
  async run(rows: readonly (readonly Cell[])[]): Promise<Cell[][]> {
    const size = Math.ceil(rows.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((worker, k) => {
        const id = this.next++;
        const part = rows.slice(k * size, (k + 1) * size);
        return new Promise<Cell[][]>((resolve, reject) => {
          this.waiting.set(id, {resolve, reject});
          worker.postMessage({id, rows: part});
        });
      })
    );
    return parts.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** In a worker module: answers each page of rows the pool sends, row by row. */
export function serveRows(fn: (row: Cell[]) => Cell[]): void {
  parentPort!.on("message", ({id, rows}: {id: number; rows: Cell[][]}) => {
    parentPort!.postMessage({id, answers: rows.map(fn)});
  });
}
