import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("record.stale", () => {
  it("judges the update date, else the creation date, against the freshness window", async () => {
    const rows = [
      {updated_at: "2024-06-29", created_at: "2020-01-01"}, // one day before the window
      {updated_at: "2024-06-30", created_at: "2020-01-01"}, // first day of the window
      {updated_at: "", created_at: "2023-01-01"}, // no update: creation date
      {updated_at: "31/02/2025", created_at: "2024-12-01"}, // unreadable update: creation date
      {updated_at: "2026-01-01", created_at: "2020-01-01"}, // future, not stale
      {updated_at: null, created_at: null}
    ];
    assert.deepEqual(ids(await findingsOf(rows, ["record.stale"], {asOf: "2025-06-30"})), ["1", "3"]);
    assert.deepEqual(ids(await findingsOf(rows, ["record.stale"], {asOf: "2025-06-30", freshnessMonths: 6})), ["1", "2", "3", "4"]);
  });
});
