import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("postcode.invalid", () => {
  it("checks French codes against La Poste's base and others against their country's format", async () => {
    const found = await findingsOf(
      [
        {postcode: "75001"},
        {postcode: " 06000 "},
        {postcode: "75000"},
        {postcode: "6000"}, // lost its leading zero
        {postcode: "3100O"},
        {postcode: "97400"}, // La Réunion, French base
        {postcode: "1000", country: "Belgique"},
        {postcode: "75001", country: "BE"},
        {postcode: "SW1A 1AA", country: "Royaume-Uni"},
        {postcode: "1234 ab", country: "NL"},
        {postcode: "12345", country: "Antarctique"} // no known format: not checked
      ],
      ["postcode.invalid"]
    );
    assert.deepEqual(ids(found), ["3", "4", "5", "8"]);
  });
});
