/**
 * The fast way through a delimited text file that needs no first pass: one
 * record per line, so DuckDB can read it as it is and a row's line is its
 * position plus one (the header). A byte scan, without decoding, tells:
 *
 * - no `"` anywhere (no quoted value, so no record over several lines and
 *   no stray quote);
 * - no blank line (`\n\n`, `\n\r\n`, a first line that is empty);
 * - line ends all LF, or all CRLF (no lone CR that DuckDB and the first pass
 *   would read differently);
 * - no byte-order mark, a header of two fields or more;
 * - valid UTF-8, or Windows-1252, which is written out as UTF-8 (a native
 *   Latin-1 decoding with the 32 letters where Windows-1252 differs put
 *   back), since DuckDB reads UTF-8 only.
 *
 * Anything else (and any row DuckDB then rejects, see delimited.ts) goes
 * through normalise-text.ts, which handles every case. Lines that hold
 * only spaces are blank to the first pass but too short a row to DuckDB:
 * the rejection sends such a file the long way too.
 */
import {createReadStream, createWriteStream, type WriteStream} from "node:fs";
import {once} from "node:events";
import {isUtf8} from "node:buffer";
import type {Encoding} from "./encoding.ts";
import {parseRecord} from "./record.ts";
import {sniffDelimiter} from "./delimiter.ts";

export interface PlainText {
  encoding: Encoding;
  delimiter: string;
  /** header fields, as written */
  header: string[];
  /** the file DuckDB reads: the input itself, or its UTF-8 copy */
  path: string;
}

const CHUNK = 8 << 20;
/** Lines the delimiter is sniffed from, as the first pass does. */
const SNIFF_LINES = 50;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Windows-1252's characters at 0x80–0x9F, where Latin-1 has control codes
 * (the WHATWG table; the five unassigned bytes stay as they are), in UTF-8.
 * Written out because Node 20's TextDecoder decodes some inputs as plain Latin-1.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
].map((code) => Buffer.from(String.fromCharCode(code), "utf8"));

/**
 * Latin-1 to UTF-8 natively, then the bytes 0x80–0x9F, which that writes as
 * C2 80–C2 9F, replaced by their Windows-1252 letter. Every character is
 * below U+0100, so 0xC2 is only ever the first byte of a character.
 */
function windows1252ToUtf8(bytes: Buffer): Buffer {
  const utf8 = Buffer.from(bytes.toString("latin1"), "utf8");
  const pieces: Buffer[] = [];
  let from = 0;
  for (let i = utf8.indexOf(0xc2); i >= 0; i = utf8.indexOf(0xc2, i + 2)) {
    const next = utf8[i + 1]!;
    if (next < 0xa0) {
      pieces.push(utf8.subarray(from, i), WINDOWS_1252_HIGH[next - 0x80]!);
      from = i + 2;
    }
  }
  if (from === 0) return utf8;
  pieces.push(utf8.subarray(from));
  return Buffer.concat(pieces);
}

/**
 * The file's dialect when it is plain (see above), else undefined. For
 * Windows-1252, `output` receives the UTF-8 copy.
 */
export async function plainText(input: string, output: string, options: {encoding: Encoding; delimiter?: string}): Promise<PlainText | undefined> {
  const stream = createReadStream(input, {highWaterMark: CHUNK});
  let out: WriteStream | undefined;
  let crlf: boolean | undefined;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  let head: string[] = [];

  /** Checks (and for Windows-1252 copies) whole lines; the last one may lack its line end. */
  const take = async (bytes: Buffer): Promise<boolean> => {
    if (bytes.indexOf(QUOTE) >= 0 || bytes.indexOf("\n\n") >= 0 || bytes.indexOf("\n\r\n") >= 0) return false;
    if (first) {
      first = false;
      if (bytes[0] === LF || bytes[0] === CR || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return false;
      const end = bytes.indexOf(LF);
      crlf = end > 0 && bytes[end - 1] === CR;
      const text = options.encoding === "utf-8" ? bytes.toString("utf8") : windows1252ToUtf8(bytes).toString("utf8");
      head = text.split("\n", SNIFF_LINES + 1).slice(0, SNIFF_LINES).map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
    }
    if (crlf) {
      for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 2)) if (bytes[i + 1] !== LF) return false;
      for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) if (bytes[i - 1] !== CR) return false;
    } else if (bytes.indexOf(CR) >= 0) return false;
    if (options.encoding === "utf-8") return isUtf8(bytes);
    out ??= createWriteStream(output);
    if (!out.write(windows1252ToUtf8(bytes))) await once(out, "drain");
    return true;
  };

  let plain = true;
  try {
    for await (const chunk of stream) {
      const bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      const cut = bytes.lastIndexOf(LF);
      if (cut < 0) {
        carry = bytes;
        continue;
      }
      carry = bytes.subarray(cut + 1);
      // the first piece must hold the lines the delimiter is sniffed from
      if (first && countLines(bytes, cut, SNIFF_LINES) < SNIFF_LINES) {
        carry = bytes;
        continue;
      }
      if (!(await take(bytes.subarray(0, cut + 1)))) {
        plain = false;
        break;
      }
    }
    if (plain && carry.length > 0) plain = await take(carry);
  } finally {
    stream.destroy();
    if (out) {
      out.end();
      await once(out, "close");
    }
  }
  if (!plain || first) return undefined;
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  const header = parseRecord(head[0]!, delimiter, true);
  if (header.status !== "complete" || header.count < 2 || head[0]!.trim() === "") return undefined;
  return {encoding: options.encoding, delimiter, header: header.fields, path: options.encoding === "utf-8" ? input : output};
}

/** Line ends in bytes[0..end], counting up to `enough`. */
function countLines(bytes: Buffer, end: number, enough: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0 && i <= end && n < enough; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}
