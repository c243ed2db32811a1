import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findingsOf, ids} from "../helpers.ts";

describe("email.role", () => {
  it("flags French and English role accounts, a +tag or capitals aside", async () => {
    const found = await findingsOf(
      [
        {email: "contact@boulangerie.fr"},
        {email: "Accueil@mairie-lyon.fr"},
        {email: "compta+2024@garage.fr"},
        {email: "noreply@shop.com"},
        {email: "no-reply@shop.com"},
        {email: "sav@darty.fr"},
        {email: "comptabilité@cabinet.fr"},
        {email: "info@example.org"},
        {email: "jean.contact@gmail.com"},
        {email: "infos.jean@gmail.com"},
        {email: "contact@"},
        {email: "marie@gmail.com"}
      ],
      ["email.role"]
    );
    assert.deepEqual(ids(found), ["1", "2", "3", "4", "5", "6", "7", "8"]);
    assert.equal(found[2]!.detail, "compta");
  });
});
