/**
 * The first pass over a delimited text file: decode it (UTF-8, else
 * Windows-1252), find its records, and write them as UTF-8 with the file's
 * line number in front of each, so that every loaded row and every rejected
 * one keeps the line it came from. Records with a broken quote are rejected
 * here, with their line; blank lines are counted and skipped; everything
 * else goes on to DuckDB, which rejects ragged rows with its own reasons.
 */
import {createReadStream, createWriteStream} from "node:fs";
import {once} from "node:events";
import {decoderFor, type Encoding} from "./encoding.ts";
import {parseRecord} from "./record.ts";
import {sniffDelimiter} from "./delimiter.ts";

export interface Rejected {
  line: number;
  reason: string;
  text: string;
}

export interface NormalisedText {
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  /** header fields, as written (unquoted) */
  header: string[];
  /** line of the header */
  headerLine: number;
  /** records written for DuckDB */
  records: number;
  /** records rejected here */
  rejected: Rejected[];
  blankLines: number;
  lines: number;
}

/** A quoted value may run over at most this many lines before it counts as a stray quote. */
const MAX_RECORD_LINES = 100;
const FLUSH_CHARS = 1 << 20;

export class EncodingMismatch extends Error {}

export async function normaliseText(
  input: string,
  output: string,
  options: {encoding: Encoding; delimiter?: string}
): Promise<NormalisedText> {
  const decoder = decoderFor(options.encoding);
  const out = createWriteStream(output, {encoding: "utf8"});
  const result: NormalisedText = {
    encoding: options.encoding,
    bom: false,
    delimiter: options.delimiter ?? ",",
    header: [],
    headerLine: 0,
    records: 0,
    rejected: [],
    blankLines: 0,
    lines: 0
  };
  let buffer: string[] = [];
  let buffered = 0;
  const write = async (text: string) => {
    buffer.push(text);
    buffered += text.length;
    if (buffered >= FLUSH_CHARS) await flush();
  };
  const flush = async () => {
    if (buffered === 0) return;
    const ok = out.write(buffer.join(""));
    buffer = [];
    buffered = 0;
    if (!ok) await once(out, "drain");
  };

  let delimiter = options.delimiter;
  let expected = 0;
  let pending: {line: number; parts: string[]} | undefined;
  const early: string[] = []; // first lines, kept until the delimiter is known

  const emit = async (line: number, text: string) => {
    result.records++;
    await write(`${line}${delimiter}${text}\n`);
  };

  /** Handles one physical line (without its end-of-line). */
  const take = async (text: string, line: number): Promise<void> => {
    if (pending) {
      pending.parts.push(text);
      const joined = pending.parts.join("\n");
      const parsed = parseRecord(joined, delimiter!);
      if (parsed.status === "open" && pending.parts.length < MAX_RECORD_LINES) return;
      const start = pending;
      pending = undefined;
      if (parsed.status === "complete" && parsed.count === expected) return emit(start.line, joined);
      // the quote never closed where a record could end: only the first line is bad
      result.rejected.push({line: start.line, reason: "a quoted value is never closed (stray quote)", text: start.parts[0]!});
      for (let i = 1; i < start.parts.length; i++) await take(start.parts[i]!, start.line + i);
      return;
    }
    if (text.trim() === "") {
      result.blankLines++;
      return;
    }
    if (result.headerLine === 0) {
      const parsed = parseRecord(text, delimiter!, true);
      result.headerLine = line;
      result.header = parsed.fields;
      expected = parsed.count;
      if (parsed.status !== "complete") throw new Error(`line ${line}: the header has a broken quote`);
      await write(["__line", ...parsed.fields].map((f) => `"${f.replaceAll('"', '""')}"`).join(delimiter) + "\n");
      return;
    }
    if (!text.includes('"')) return emit(line, text);
    const parsed = parseRecord(text, delimiter!);
    if (parsed.status === "complete") return emit(line, text);
    if (parsed.status === "stray") {
      result.rejected.push({line, reason: `a quote inside an unquoted value (field ${parsed.strayField})`, text});
      return;
    }
    pending = {line, parts: [text]};
  };

  let carry = "";
  let line = 0;
  let first = true;
  const stream = createReadStream(input, {highWaterMark: 1 << 20});
  try {
    for await (const chunk of stream) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, {stream: true});
      } catch {
        throw new EncodingMismatch(`not valid UTF-8 after line ${line}`);
      }
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) {
          result.bom = true;
          text = text.slice(1);
        }
      }
      text = carry + text;
      let start = 0;
      for (;;) {
        const end = text.indexOf("\n", start);
        if (end < 0) break;
        line++;
        const content = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
        start = end + 1;
        if (delimiter === undefined) {
          early.push(content);
          if (early.length >= 50) {
            delimiter = sniffDelimiter(early);
            result.delimiter = delimiter;
            const lines = early.splice(0);
            for (let i = 0; i < lines.length; i++) await take(lines[i]!, i + 1);
          }
        } else {
          await take(content, line);
        }
      }
      carry = text.slice(start);
    }
    const tail = carry + decoder.decode();
    if (tail !== "") {
      line++;
      const content = tail.endsWith("\r") ? tail.slice(0, -1) : tail;
      if (delimiter === undefined) early.push(content);
      else await take(content, line);
    }
    if (delimiter === undefined) {
      delimiter = sniffDelimiter(early);
      result.delimiter = delimiter;
      for (let i = 0; i < early.length; i++) await take(early[i]!, i + 1);
    }
    while (pending) {
      const start: {line: number; parts: string[]} = pending;
      pending = undefined;
      result.rejected.push({line: start.line, reason: "a quoted value is never closed (stray quote)", text: start.parts[0]!});
      for (let i = 1; i < start.parts.length; i++) await take(start.parts[i]!, start.line + i);
    }
    result.lines = line;
    await flush();
  } finally {
    out.end();
    await once(out, "close");
  }
  return result;
}
