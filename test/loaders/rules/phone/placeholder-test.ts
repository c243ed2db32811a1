import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("phone.placeholder", () => {
  it("flags one digit, plain sequences and known dummies, in any writing", async () => {
    const found = await findingsOf(
      [
        {phone: "0000000000"},
        {phone: "11 11 11 11 11"},
        {phone: "0123456789"},
        {phone: "01.23.45.67.89"},
        {mobile: "0600000000"},
        {mobile: "+33 6 00 00 00 00"},
        {mobile: "06 12 34 56 78"},
        {phone: "9876543210"},
        {phone: "01 42 68 53 10"},
        {mobile: "06 71 82 93 04"},
        {mobile: "06 70 00 00 01"},
        {phone: "12"}
      ],
      ["phone.placeholder"]
    );
    assert.deepEqual(
      found.map((f) => [f.record_id, f.field, f.detail]),
      [
        ["1", "phone", "one digit"],
        ["2", "phone", "one digit"],
        ["3", "phone", "sequence"],
        ["4", "phone", "sequence"],
        ["5", "mobile", "dummy"],
        ["6", "mobile", "dummy"],
        ["7", "mobile", "sequence"],
        ["8", "phone", "sequence"]
      ]
    );
  });
});
