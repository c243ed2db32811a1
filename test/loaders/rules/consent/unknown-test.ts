import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("consent.unknown", () => {
  it("flags missing opt-ins and texts that are no yes or no", async () => {
    const found = await findingsOf(
      [
        {optin_email: "Oui", optin_sms: "Non"},
        {optin_email: "true", optin_sms: "0"},
        {optin_email: "Y", optin_sms: " n "},
        {optin_email: "NC", optin_sms: "?"},
        {optin_email: "", optin_sms: null},
        {optin_email: "pending", optin_sms: "désabonné"}
      ],
      ["consent.unknown"]
    );
    assert.deepEqual(
      found.map((f) => [f.record_id, f.field, f.detail]),
      [["4", "optinEmail", "not yes/no"], ["4", "optinSms", "not yes/no"], ["5", "optinEmail", "missing"], ["5", "optinSms", "missing"], ["6", "optinEmail", "not yes/no"]]
    );
  });
});
