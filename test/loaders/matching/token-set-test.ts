import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as fuzz from "fuzzball";
import {lcsLength, ratio, tokenSetRatio} from "../../../loaders/matching/token-set.ts";

/** Repeatable pseudo-random texts: words, repeated words, spaces of several kinds, accents, astral characters, long runs. */
function texts(count: number, seed: number): [string, string][] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const parts = ["a", "b", "c", "rue", "de", "la", "12", " ", " ", "  ", "\t", "é", "ß", "😀", "\u00a0", "saint", "martin"];
  const text = () => {
    let t = "";
    const n = Math.floor(next() * (next() < 0.2 ? 80 : 12));
    for (let i = 0; i < n; i++) t += parts[Math.floor(next() * parts.length)];
    return t;
  };
  return Array.from({length: count}, () => {
    const a = text();
    return [a, next() < 0.4 ? a.split(" ").reverse().join(" ") + text() : text()];
  });
}

/** Longest common subsequence by the quadratic table, the reference. */
function lcsTable(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

describe("tokenSetRatio(a, b): fuzzball's token_set_ratio without text processing", () => {
  it("gives fuzzball's number on every pair, short and long, ASCII or not", () => {
    const edges: [string, string][] = [["", "x"], ["x", ""], ["", ""], ["   ", "a"], ["rue de la paix", "paix la de rue"]];
    for (const [a, b] of [...texts(20_000, 7), ...edges]) {
      assert.equal(tokenSetRatio(a, b), fuzz.token_set_ratio(a, b, {full_process: false}), JSON.stringify([a, b]));
    }
  });
  it("ratio gives fuzzball's ratio", () => {
    for (const [a, b] of texts(5_000, 11)) assert.equal(ratio(a, b), fuzz.ratio(a, b, {full_process: false}), JSON.stringify([a, b]));
  });
  it("counts the longest common subsequence over one word and over several (patterns of 32 characters and more)", () => {
    for (const [a, b] of texts(3_000, 13)) assert.equal(lcsLength(a, b), lcsTable(a, b), JSON.stringify([a, b]));
    const long = "ab".repeat(40);
    assert.equal(lcsLength(long, long.slice(3)), lcsTable(long, long.slice(3)));
    assert.equal(lcsLength("x".repeat(32), "x".repeat(33)), lcsTable("x".repeat(32), "x".repeat(33)));
  });
});
