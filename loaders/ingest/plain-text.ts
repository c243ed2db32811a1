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
 * - valid UTF-8, or Windows-1252, which is written out as UTF-8 (each
 *   byte mapped to its letter), since DuckDB reads UTF-8 only.
 *
 * Anything else (and any row DuckDB then rejects, see delimited.ts) goes
 * through normalise-text.ts, which handles every case. Lines that hold
 * only spaces are blank to the first pass but too short a row to DuckDB:
 * the rejection sends such a file the long way too.
 */
import {open, type FileHandle} from "node:fs/promises";
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

/** Windows-1252 in UTF-8 can take three bytes a byte (the letters at 0x80–0x9F, as €). */
const MAX_UTF8_PER_BYTE = 3;
let converted = Buffer.alloc(0);

/**
 * Windows-1252 bytes as UTF-8, in one pass over the bytes: ASCII as it is,
 * 0xA0–0xFF (Latin-1's letters) in two bytes, 0x80–0x9F as their Windows-1252
 * letter. The result is a view of a buffer reused by the next call.
 */
function windows1252ToUtf8(bytes: Buffer): Buffer {
  if (converted.length < bytes.length * MAX_UTF8_PER_BYTE) converted = Buffer.allocUnsafe(bytes.length * MAX_UTF8_PER_BYTE);
  const out = converted;
  let j = 0;
  for (let i = 0, n = bytes.length; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out[j++] = b;
    else if (b >= 0xa0) {
      out[j++] = 0xc0 | (b >> 6);
      out[j++] = 0x80 | (b & 0x3f);
    } else {
      const letter = WINDOWS_1252_HIGH[b - 0x80]!;
      for (let k = 0; k < letter.length; k++) out[j++] = letter[k]!;
    }
  }
  return out.subarray(0, j);
}

/**
 * The file's dialect when it is plain (see above), else undefined. For
 * Windows-1252, `output` receives the UTF-8 copy.
 *
 * The file is read into one buffer, reused from chunk to chunk (the part of
 * a line that a chunk cuts is moved to its start), not a stream of new
 * buffers: a stream allocates, and the kernel zeroes, memory for every
 * chunk, which cost more than the checks themselves (0.45 s against 0.15 s
 * for 560 MB).
 */
export async function plainText(input: string, output: string, options: {encoding: Encoding; delimiter?: string}): Promise<PlainText | undefined> {
  const handle = await open(input, "r");
  let out: FileHandle | undefined;
  let crlf: boolean | undefined;
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
      const lines = bytes.subarray(0, lineEnd(bytes, SNIFF_LINES));
      const text = options.encoding === "utf-8" ? lines.toString("utf8") : windows1252ToUtf8(lines).toString("utf8");
      head = text.split("\n", SNIFF_LINES + 1).slice(0, SNIFF_LINES).map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
    }
    if (crlf) {
      for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 2)) if (bytes[i + 1] !== LF) return false;
      for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) if (bytes[i - 1] !== CR) return false;
    } else if (bytes.indexOf(CR) >= 0) return false;
    if (options.encoding === "utf-8") return isUtf8(bytes);
    out ??= await open(output, "w");
    await out.write(windows1252ToUtf8(bytes));
    return true;
  };

  let plain = true;
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    /** bytes in the buffer: the cut line carried over, then what was read */
    let filled = 0;
    let position = 0;
    for (;;) {
      if (filled === buffer.length) {
        // a line longer than the buffer, or fewer lines than the sniff needs: a larger buffer
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const {bytesRead} = await handle.read(buffer, filled, buffer.length - filled, position);
      if (bytesRead === 0) {
        if (filled > 0) plain = await take(buffer.subarray(0, filled));
        break;
      }
      position += bytesRead;
      filled += bytesRead;
      if (filled < buffer.length) continue;
      const cut = buffer.lastIndexOf(LF, filled - 1);
      // the first piece must hold the lines the delimiter is sniffed from
      if (cut < 0 || (first && countLines(buffer, cut, SNIFF_LINES) < SNIFF_LINES)) continue;
      if (!(await take(buffer.subarray(0, cut + 1)))) {
        plain = false;
        break;
      }
      buffer.copy(buffer, 0, cut + 1, filled);
      filled -= cut + 1;
    }
  } finally {
    await handle.close();
    await out?.close();
  }
  if (!plain || first) return undefined;
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  const header = parseRecord(head[0]!, delimiter, true);
  if (header.status !== "complete" || header.count < 2 || head[0]!.trim() === "") return undefined;
  return {encoding: options.encoding, delimiter, header: header.fields, path: options.encoding === "utf-8" ? input : output};
}

/** The offset just after the `lines`-th line end of bytes, or the end of bytes. */
function lineEnd(bytes: Buffer, lines: number): number {
  let at = -1;
  for (let n = 0; n < lines; n++) {
    const next = bytes.indexOf(LF, at + 1);
    if (next < 0) return bytes.length;
    at = next;
  }
  return at + 1;
}

/** Line ends in bytes[0..end], counting up to `enough`. */
function countLines(bytes: Buffer, end: number, enough: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0 && i <= end && n < enough; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}
