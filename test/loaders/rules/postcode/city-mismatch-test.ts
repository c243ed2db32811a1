import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("postcode.city_mismatch", () => {
  it("compares cities after folding case, accents, punctuation, ST/SAINT and CEDEX, with La Poste's label", async () => {
    const found = await findingsOf(
      [
        {postcode: "42000", city: "Saint-Étienne"},
        {postcode: "42000", city: "ST ETIENNE CEDEX 1"},
        {postcode: "42000", city: "saint etienne"},
        {postcode: "75001", city: "PARIS"},
        {postcode: "75015", city: "Paris 15"},
        {postcode: "75015", city: "Paris 15e Arrondissement"},
        {postcode: "13001", city: "Marseille"},
        {postcode: "69001", city: "Marseille"},
        {postcode: "75001", city: "Paris 2e Arrondissement"},
        {postcode: "75000", city: "Lyon"}, // unknown postcode: postcode.invalid's
        {postcode: "1000", city: "Paris", country: "BE"}, // not France
        {postcode: "69001", city: ""}
      ],
      ["postcode.city_mismatch"]
    );
    assert.deepEqual(ids(found), ["8", "9"]);
    assert.equal(found[0]!.field, "postcode");
    assert.equal(found[0]!.value, "69001 Marseille");
  });
});
