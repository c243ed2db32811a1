import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {translator} from "../../src/lib/i18n.js";
import {MESSAGES} from "../../src/lib/messages/index.js";
import {pageTitles} from "../../src/lib/pages.js";

const meta = (language: "en" | "fr") => ({language, messages: MESSAGES[language], pages: pageTitles(language)});

describe("translator(meta)", () => {
  it("has the same keys in French and English, none empty", () => {
    assert.deepEqual(Object.keys(MESSAGES.fr).sort(), Object.keys(MESSAGES.en).sort());
    for (const language of ["en", "fr"] as const) {
      for (const [key, text] of Object.entries(MESSAGES[language])) assert.ok(String(text).trim() !== "", `${language} ${key}`);
    }
  });

  it("uses the same placeholders in both languages", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(MESSAGES.en)) assert.deepEqual(names(MESSAGES.fr[key] ?? ""), names(MESSAGES.en[key] ?? ""), key);
  });

  it("fills placeholders with numbers formatted for the locale, and throws on an unknown key", () => {
    assert.equal(translator(meta("en"))("sources.balance", {loaded: 1234, rejected: 5, read: 1239}), "1,234 loaded + 5 rejected = 1,239 rows read.");
    assert.equal(translator(meta("fr"))("sources.balance", {loaded: 1234, rejected: 5, read: 1239}), "1\u202f234 chargées + 5 rejetées = 1\u202f239 lignes lues.");
    assert.throws(() => translator(meta("fr"))("no.such.key"), /no fr text for "no.such.key"/);
  });
});
