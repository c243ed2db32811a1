import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("phone.invalid", () => {
  it("reads numbers with the record's country, else the source's, and says why they fail", async () => {
    const found = await findingsOf(
      [
        {phone: "01 42 68 53 10"}, // valid French landline
        {phone: "01 42 68"}, // too short
        {phone: "01 42 68 53 10 77"}, // too long
        {phone: "06 71 82 93 04", country: "Belgique"}, // French national form, Belgian customer
        {phone: "+33 6 71 82 93 04", country: "Belgique"}, // international form carries its country
        {phone: "0471 23 45 67", country: "BE"}, // valid Belgian mobile
        {phone: "06 AB 82 93 04"}, // letters
        {mobile: "0033 6 71 82 93 04"},
        {mobile: "+44 7911 123456", country: "Royaume-Uni"},
        {phone: "0000000000"}, // placeholder, not this rule's
        {phone: "  "}
      ],
      ["phone.invalid"]
    );
    assert.deepEqual(ids(found), ["2", "3", "4", "7"]);
    assert.deepEqual(found.map((f) => f.detail), ["TOO_SHORT", "TOO_LONG", "INVALID", "NOT_A_NUMBER"]);
  });

  it("uses the source's country when the record has none", async () => {
    const found = await findingsOf([{phone: "0471 23 45 67"}, {phone: "01 42 68 53 10"}], ["phone.invalid"], {country: "BE"});
    assert.deepEqual(ids(found), ["2"]);
  });
});
