import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("duplicate.exact", () => {
  it("groups records by email, phone, mobile or name + postcode; bad values never match", async () => {
    const found = await findingsOf(
      [
        {email: "Jean.Martin@gmail.com"},
        {email: " jean.martin@gmail.com "}, // same email
        {phone: "01 42 68 53 10"},
        {phone: "+33142685310"}, // same phone, other writing
        {first_name: "Zoé", last_name: "Lebœuf", postcode: "75001"},
        {first_name: "zoe", last_name: "LEBOEUF", postcode: " 75001"}, // same name + postcode
        {email: "jean.martin@gmail"}, {email: "jean.martin@gmail"}, // unusable
        {mobile: "0600000000"}, {mobile: "06 00 00 00 00"}, // placeholders
        {phone: "01 42"}, {phone: "01 42"}, // invalid
        {first_name: "test", last_name: "Martin", postcode: "69001"}, {first_name: "test", last_name: "Martin", postcode: "69001"},
        {first_name: "Jean", last_name: "Martin", postcode: "75000"}, {first_name: "Jean", last_name: "Martin", postcode: "75000"},
        {phone: "06 71 82 93 04"}, {mobile: "06 71 82 93 04"} // a phone and a mobile are keys apart
      ],
      ["duplicate.exact"]
    );
    assert.deepEqual(found.map((f) => [f.record_id, f.detail]), [["1", "email"], ["2", "email"], ["3", "phone"], ["4", "phone"], ["5", "name+postcode"], ["6", "name+postcode"]]);
  });

  it("lists every key a record shares, in alphabetical order", async () => {
    const found = await findingsOf(
      [
        {email: "zoe.leboeuf@gmail.com", mobile: "06 71 82 93 04", phone: "01 42 68 53 10", first_name: "Zoé", last_name: "Lebœuf", postcode: "75001"},
        {email: "zoe.leboeuf@gmail.com", mobile: "+33 6 71 82 93 04", phone: "0142685310", first_name: "Zoe", last_name: "Leboeuf", postcode: "75001"},
        {email: "zoe.leboeuf@gmail.com", phone: "01.42.68.53.10"}
      ],
      ["duplicate.exact"]
    );
    assert.deepEqual(found.map((f) => [f.record_id, f.detail]), [
      ["1", "email, mobile, name+postcode, phone"],
      ["2", "email, mobile, name+postcode, phone"],
      ["3", "email, phone"]
    ]);
  });
});
