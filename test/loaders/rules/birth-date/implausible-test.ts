import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("birth_date.implausible", () => {
  it("flags default dates, future dates, ages over 120 or under 15 at the audit date", async () => {
    const found = await findingsOf(
      ["01/01/1900", "1970-01-01", "11/11/1111", "2030-01-01", "01/06/1904", "2012-01-01", "1980-05-12", "30/06/2010", "01/07/2010", "31/02/1980"].map(
        (birth_date) => ({birth_date})
      ),
      ["birth_date.implausible"],
      {asOf: "2025-06-30"}
    );
    assert.deepEqual(
      found.map((f) => [f.record_id, f.detail]),
      [["1", "default date"], ["2", "default date"], ["3", "default date"], ["4", "future"], ["5", "over 120"], ["6", "under 15"], ["9", "under 15"]]
    );
  });
});
