import {describe, it, before, after} from "node:test";
import assert from "node:assert/strict";
import {openDb, type Db} from "../../../loaders/db/connection.ts";
import {inSessions} from "../../../loaders/db/sessions.ts";

let db: Db;
before(async () => (db = await openDb({threads: 2})));
after(() => db.close());

describe("inSessions(db, items, limit, work)", () => {
  it("keeps the items' order, each session with temporary tables of its own, and the database's tables shared", async () => {
    await db.exec("CREATE TABLE shared AS SELECT range AS x FROM range(10)");
    const sessions = new Set<Db>();
    const results = await inSessions(db, [3, 1, 4, 1, 5, 9, 2, 6], 2, async (session, item, i) => {
      sessions.add(session);
      // the same temporary name in two sessions at once: no clash
      await session.exec(`CREATE OR REPLACE TEMP TABLE mine AS SELECT ${item} AS v`);
      await new Promise((r) => setTimeout(r, 5 * item));
      const {v} = (await session.one<{v: number}>("SELECT v FROM mine"))!;
      const {n} = (await session.one<{n: number}>(`SELECT count(*) AS n FROM shared WHERE x < ${item}`))!;
      return `${i}:${v}:${n}`;
    });
    assert.deepEqual(results, ["0:3:3", "1:1:1", "2:4:4", "3:1:1", "4:5:5", "5:9:9", "6:2:2", "7:6:6"]);
    assert.equal(sessions.size, 2);
  });

  it("fails with the failure once every session is done, without starting more items", async () => {
    const started: number[] = [];
    let slowEnded = false;
    await assert.rejects(
      inSessions(db, [0, 1, 2, 3], 2, async (session, item) => {
        started.push(item);
        if (item === 0) {
          await new Promise((r) => setTimeout(r, 20));
          throw new Error("source 0 is broken");
        }
        await new Promise((r) => setTimeout(r, 200));
        await session.one("SELECT 1");
        slowEnded = true;
      }),
      /source 0 is broken/
    );
    assert.ok(slowEnded, "the other session's item ended before the failure was reported");
    assert.deepEqual(started.sort(), [0, 1]);
  });
});
