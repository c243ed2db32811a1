import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf} from "../helpers.ts";

describe("email.domain_typo", () => {
  it("suggests the provider a near-miss domain stands for, French providers included", async () => {
    const typos: [string, string][] = [
      ["gmial.com", "gmail.com"],
      ["hotmial.fr", "hotmail.fr"],
      ["orange.ff", "orange.fr"],
      ["wanadoo.fe", "wanadoo.fr"],
      ["gmail.con", "gmail.com"],
      ["lapsote.net", "laposte.net"],
      ["yahooo.fr", "yahoo.fr"],
      ["sfr.ff", "sfr.fr"],
      ["free.ff", "free.fr"],
      ["GMAIL.CMO", "gmail.com"]
    ];
    const found = await findingsOf(typos.map(([domain]) => ({email: `jean@${domain}`})), ["email.domain_typo"]);
    assert.deepEqual(
      found.map((f) => [f.value!.split("@")[1], f.detail]),
      typos
    );
  });

  it("leaves real providers, business domains, short look-alikes and unusable addresses alone", async () => {
    const found = await findingsOf(
      [
        "jean@gmail.com", "jean@hotmail.com", "jean@yahoo.de", "jean@live.be", "jean@orange.com", "jean@mail.com",
        "jean@boulangerie-martin.fr", "jean@me.co.uk", "jean@sfr.com", "jean@yopmail.com", "jean@gmial", "jean gmial.com"
      ].map((email) => ({email})),
      ["email.domain_typo"]
    );
    assert.deepEqual(found, []);
  });
});
