import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

const times = (n: number, row: Record<string, string>) => Array.from({length: n}, () => ({...row}));

describe("civility.first_name_mismatch", () => {
  it("learns genders from the file (≥ 20 records, ≥ 95%) and never fires on mixed names", async () => {
    const rows = [
      ...times(19, {civility: "M.", first_name: "Jean"}),
      {civility: "Mme", first_name: "Jean"}, // 19 of 20 = 95%: fires
      ...times(18, {civility: "Mme", first_name: "Sophie"}),
      {civility: "M", first_name: "Sophie"}, // 19 records only: not learned
      ...times(19, {civility: "Mme", first_name: "Julie"}),
      ...times(2, {civility: "M.", first_name: "Julie"}), // 19 of 21 < 95%: not learned
      ...times(25, {civility: "Mme", first_name: "Camille"}),
      {civility: "M.", first_name: "Camille"}, // mixed name
      {civility: "Dr", first_name: "jean"} // no gender
    ];
    const found = await findingsOf(rows, ["civility.first_name_mismatch"]);
    assert.deepEqual(ids(found), ["20"]);
    assert.equal(found[0]!.field, "civility");
  });
});
