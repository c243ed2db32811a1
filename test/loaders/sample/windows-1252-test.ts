import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {encodeWindows1252} from "../../../loaders/sample/windows-1252.ts";

describe("encodeWindows1252(text)", () => {
  it("writes Latin-1 letters as one byte and œ ’ € Œ … in the 0x80–0x9F range", () => {
    assert.deepEqual([...encodeWindows1252("é")], [0xe9]);
    assert.deepEqual([...encodeWindows1252("Cœur l’Église 5 € Œ…")], [
      0x43, 0x9c, 0x75, 0x72, 0x20, 0x6c, 0x92, 0xc9, 0x67, 0x6c, 0x69, 0x73, 0x65, 0x20, 0x35, 0x20, 0x80, 0x20, 0x8c, 0x85
    ]);
  });
  it("replaces characters outside the code page with ?", () => {
    assert.deepEqual([...encodeWindows1252("ł\u0085")], [0x3f, 0x3f]);
  });
});
