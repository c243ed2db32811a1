import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("date.unparseable", () => {
  it("accepts every documented format and flags the rest, on each date field", async () => {
    const found = await findingsOf(
      [
        {birth_date: "1980-05-12", created_at: "2024-01-05T10:00:00Z", updated_at: "20250115"},
        {birth_date: "12/05/1980", created_at: "12-05-2020", updated_at: "12.05.2024"},
        {birth_date: "29221", created_at: "2024-01-05 10:00:00", updated_at: ""},
        {birth_date: "31/02/1980", created_at: "N/C", updated_at: "2024-13-01"},
        {birth_date: "00/00/0000", created_at: "hier", updated_at: null}
      ],
      ["date.unparseable"]
    );
    assert.deepEqual(
      found.map((f) => [f.record_id, f.field]),
      [["4", "birthDate"], ["4", "createdAt"], ["4", "updatedAt"], ["5", "birthDate"], ["5", "createdAt"]]
    );
  });
});
