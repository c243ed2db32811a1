import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {totalmem} from "node:os";
import {openDb} from "../../../loaders/db/connection.ts";

/** DuckDB's own reading of its memory limit, in bytes. */
async function limitOf(memoryLimit?: string): Promise<number> {
  const db = await openDb({memoryLimit, tempDirectory: ".assay/tmp"});
  try {
    return (await db.one<{n: number}>(`SELECT memory_limit AS n FROM (SELECT current_setting('memory_limit') AS s),
      LATERAL (SELECT CASE WHEN s LIKE '%GiB' THEN 2 ** 30 WHEN s LIKE '%MiB' THEN 2 ** 20 ELSE 2 ** 10 END * TRY_CAST(regexp_extract(s, '[\\d.]+') AS DOUBLE) AS memory_limit)`))!.n;
  } finally {
    await db.close();
  }
}

describe("openDb({memoryLimit})", () => {
  it("takes an amount or a share of the machine's memory, 60% by default", async () => {
    const near = (bytes: number, expected: number) => assert.ok(Math.abs(bytes / expected - 1) < 0.02, `${bytes} where about ${expected} was asked`);
    near(await limitOf("1GB"), 1e9);
    near(await limitOf("25%"), totalmem() * 0.25);
    near(await limitOf(), totalmem() * 0.6);
  });
});
