import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {isValidPhoneNumber, parsePhoneNumber} from "libphonenumber-js/max";
import {isValidPhoneNumber as isValidMin} from "libphonenumber-js/min";
import {frenchMobile, frenchHome, frenchOffice, foreignMobile, invalidPhone, PLACEHOLDER_MOBILES, PLACEHOLDER_LANDLINES} from "../../../loaders/sample/phones.ts";
import {Rng} from "../../../loaders/sample/random.ts";

describe("sample phones", () => {
  it("frenchMobile(index) / frenchHome / frenchOffice are valid numbers of their type, distinct per index", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const index = i * 3331;
      for (const [number, type] of [[frenchMobile(index), "MOBILE"], [frenchMobile(index, 1), "MOBILE"], [frenchHome(index), "FIXED_LINE"], [frenchOffice(index), "FIXED_LINE"]] as const) {
        assert.ok(isValidPhoneNumber(number, "FR") && isValidMin(number, "FR"), number);
        assert.equal(parsePhoneNumber(number, "FR").getType(), type, number);
        assert.ok(!seen.has(number), `${number} drawn twice`);
        seen.add(number);
      }
    }
  });

  it("foreignMobile(rng, country) is a valid mobile in E.164, none for the US", () => {
    const rng = new Rng(3);
    for (const country of ["BE", "CH", "DE", "GB", "ES", "IT", "LU", "PT", "NL"]) {
      for (let k = 0; k < 50; k++) {
        const number = foreignMobile(rng, country);
        assert.match(number, /^\+\d{8,15}$/);
        assert.equal(parsePhoneNumber(number).getType(), "MOBILE", number);
      }
    }
    assert.equal(foreignMobile(rng, "US"), "");
  });

  it("invalidPhone(rng, national) is invalid for France; placeholders are valid, mobile ones mobile", () => {
    const rng = new Rng(5);
    for (let i = 0; i < 500; i++) {
      const text = invalidPhone(rng, i % 2 ? frenchMobile(i) : frenchHome(i));
      assert.ok(!isValidMin(text, "FR") && !isValidPhoneNumber(text, "FR"), text);
    }
    for (const p of PLACEHOLDER_MOBILES) assert.equal(parsePhoneNumber(p, "FR").getType(), "MOBILE");
    for (const p of PLACEHOLDER_LANDLINES) assert.ok(isValidPhoneNumber(p, "FR"));
  });
});
