import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {MESSAGES, translator} from "../../src/lib/i18n.js";

describe("translator(language)", () => {
  it("has the same keys in French and English, none empty", () => {
    assert.deepEqual(Object.keys(MESSAGES.fr).sort(), Object.keys(MESSAGES.en).sort());
    for (const language of ["en", "fr"] as const) {
      for (const [key, text] of Object.entries(MESSAGES[language])) assert.ok(String(text).trim() !== "", `${language} ${key}`);
    }
  });

  it("uses the same placeholders in both languages", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(MESSAGES.en)) assert.deepEqual(names(MESSAGES.fr[key]), names(MESSAGES.en[key]), key);
  });

  it("fills placeholders with numbers formatted for the locale, and throws on an unknown key", () => {
    assert.equal(translator("en")("sources.balance", {loaded: 1234, rejected: 5, read: 1239}), "1,234 loaded + 5 rejected = 1,239 rows read.");
    assert.equal(translator("fr")("sources.balance", {loaded: 1234, rejected: 5, read: 1239}), "1\u202f234 chargées + 5 rejetées = 1\u202f239 lignes lues.");
    assert.throws(() => translator("fr")("no.such.key"), /no fr text for "no.such.key"/);
  });
});
