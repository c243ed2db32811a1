/**
 * Work over several items side by side, each worker in a database session
 * of its own (`Db.connect`), the items in the order given, at most `limit`
 * sessions and one per engine thread. Results keep the items' order.
 *
 *   await inSessions(db, sources, 2, (session, source, i) => work(session, source))
 */
import type {Db} from "./connection.ts";

/**
 * Sources read, profiled or checked side by side by the audit's steps: two
 * keep both cores of a small machine busy while one source waits on
 * JavaScript or on statements that keep one thread.
 */
export const SOURCE_SESSIONS = 2;

export async function inSessions<T, R>(db: Db, items: readonly T[], limit: number, work: (session: Db, item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    const session = await db.connect();
    try {
      // a failure stops every worker at its next item
      while (!failed && next < items.length) {
        const i = next++;
        results[i] = await work(session, items[i]!, i);
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await session.close();
    }
  };
  // every worker settled before the caller goes on (and may close the database): then the first failure
  const settled = await Promise.allSettled(Array.from({length: Math.max(1, Math.min(limit, db.threads, items.length))}, worker));
  const failure = settled.find((s) => s.status === "rejected");
  if (failure) throw failure.reason;
  return results;
}
