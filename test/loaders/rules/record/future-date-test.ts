import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("record.future_date", () => {
  it("flags creation and update dates after the audit date, not birth dates", async () => {
    const found = await findingsOf(
      [
        {created_at: "2025-07-01", updated_at: "2025-06-30"},
        {created_at: "2020-01-01", updated_at: "01/01/2027"},
        {created_at: "2020-01-01", birth_date: "2030-01-01"}
      ],
      ["record.future_date"],
      {asOf: "2025-06-30"}
    );
    assert.deepEqual(found.map((f) => [f.record_id, f.field]), [["1", "createdAt"], ["2", "updatedAt"]]);
  });
});
