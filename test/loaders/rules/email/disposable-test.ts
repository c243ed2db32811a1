import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("email.disposable", () => {
  it("flags disposable domains, whatever their case, and leaves providers alone", async () => {
    const found = await findingsOf(
      [
        {email: "a@yopmail.com"},
        {email: "a@MAILINATOR.COM"},
        {email: "a@gmail.com"},
        {email: "a@orange.fr"},
        {email: "a@yopmail"},
        {email: null}
      ],
      ["email.disposable"]
    );
    assert.deepEqual(ids(found), ["1", "2"]);
  });
});
