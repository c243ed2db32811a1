import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("country.unknown", () => {
  it("recognises ISO codes and English or French names, whatever the case or accents", async () => {
    const found = await findingsOf(
      ["FR", "fra", "France", "FRANCE", "Belgique", "Royaume-Uni", "United Kingdom", "UK", "États-Unis", "etats unis", "Allemagne", "Germany", "Pays-Bas",
        "Frnace", "Bretagne", "Europe", "ZZ", "XX", "F", "", null].map((country) => ({country})),
      ["country.unknown"]
    );
    assert.deepEqual(ids(found), ["14", "15", "16", "17", "18", "19"]);
  });
});
