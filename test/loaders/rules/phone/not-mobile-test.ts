import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("phone.not_mobile", () => {
  it("flags valid landlines and special numbers in the mobile field, never invalid numbers or placeholders", async () => {
    const found = await findingsOf(
      [
        {mobile: "01 45 67 89 12"},
        {mobile: "09 51 23 45 67"},
        {mobile: "06 71 82 93 04"},
        {mobile: "07 81 45 62 30"},
        {mobile: "+32 470 12 34 57"},
        {mobile: "01 45 67"},
        {mobile: "0123456789"},
        {mobile: "+1 212 555 0123", country: "US"},
        {phone: "01 45 67 89 12"}
      ],
      ["phone.not_mobile"]
    );
    assert.deepEqual(
      found.map((f) => [f.record_id, f.detail]),
      [
        ["1", "FIXED_LINE"],
        ["2", "VOIP"]
      ]
    );
  });
});
