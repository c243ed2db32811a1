import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("civility.invalid", () => {
  it("knows French and English civilities whatever the case and dots", async () => {
    const found = await findingsOf(
      ["M", "M.", "Mr", "MONSIEUR", "mme", "Madame", "Mlle", "Mrs", "Ms", "Miss", "Dr", "M. et Mme", "Monseiur", "Madamme", "X", "0", "", null].map(
        (civility) => ({civility})
      ),
      ["civility.invalid"]
    );
    assert.deepEqual(ids(found), ["13", "14", "15", "16"]);
  });
});
