import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {findPersonalValues, phoneForms} from "../support/personal-values.ts";

describe("findPersonalValues(text, values)", () => {
  const values = {
    emails: new Set(["jean.dupont@gmail.com"]),
    phones: new Set(phoneForms("06 12 34 56 78", "FR").map((f) => f.replace(/\D/g, ""))),
    lastNames: new Set(["Dupont", "Le Goff"])
  };

  it("finds emails, phones in any format and last names as words", () => {
    const text = `{"a":"Jean.Dupont@gmail.com","b":"+33 6 12 34 56 78","c":"0612345678","d":"Mme Dupont","e":"chez Le Goff"}`;
    assert.deepEqual(findPersonalValues(text, values).sort(), [
      "email Jean.Dupont@gmail.com",
      "last name Dupont",
      "last name Le Goff",
      "phone +33 6 12 34 56 78",
      "phone 0612345678"
    ]);
  });

  it("does not take masked values or parts of words for personal values", () => {
    const text = `{"a":"j***@g***.com","b":"06 ** ** ** 78","c":"Dupontel","d":"D***"}`;
    assert.deepEqual(findPersonalValues(text, values), []);
  });
});
