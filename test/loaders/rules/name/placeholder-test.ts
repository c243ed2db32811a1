import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("name.placeholder", () => {
  it("flags fillers, single letters, repeated letters, no letters and digits; real names pass", async () => {
    const found = await findingsOf(
      [
        {first_name: "test"}, {last_name: "XXX"}, {last_name: "N/A"}, {first_name: "Inconnu"}, {last_name: "CLIENT"},
        {first_name: "."}, {first_name: "J."}, {last_name: "aaa"}, {last_name: "123"}, {first_name: "Jean2"},
        {first_name: "Jean-Pierre", last_name: "D’Almeida"}, {last_name: "Ng"}, {last_name: "Le Gall"}, {first_name: "Zoé", last_name: "Lebœuf"},
        {first_name: "   "}
      ],
      ["name.placeholder"]
    );
    assert.deepEqual(
      found.map((f) => [f.record_id, f.field, f.detail]),
      [
        ["1", "firstName", "filler"], ["2", "lastName", "filler"], ["3", "lastName", "filler"], ["4", "firstName", "filler"],
        ["5", "lastName", "filler"], ["6", "firstName", "no letter"], ["7", "firstName", "single letter"],
        ["8", "lastName", "repeated letter"], ["9", "lastName", "digits"], ["10", "firstName", "digits"]
      ]
    );
  });
});
