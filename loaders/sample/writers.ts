/**
 * Buffered, back-pressure-aware writers for the sample's text files.
 *
 *   const w = new CsvWriter(path, {separator: ";", eol: "\r\n", encoding: "windows-1252"}, header);
 *   if (w.row(["C0000001", "Mme", …])) await w.flush(); … await w.close();
 *
 * Fields are quoted only when they hold the separator, a quote, CR or LF.
 */
import {createWriteStream, type WriteStream} from "node:fs";
import {once} from "node:events";
import {encodeWindows1252} from "./windows-1252.ts";

export interface CsvFormat {
  separator: string;
  eol: string;
  encoding: "utf-8" | "windows-1252";
}

const CHUNK = 1 << 16;

export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer = "";
  private readonly needsQuotes: RegExp;
  /** Data rows written (the header excluded). */
  rows = 0;

  constructor(readonly path: string, readonly format: CsvFormat, header?: readonly string[]) {
    this.stream = createWriteStream(path, {highWaterMark: 1 << 20});
    this.needsQuotes = new RegExp(`[${format.separator === "," ? "," : ";"}"\\r\\n]`);
    if (header) this.buffer = this.line(header);
  }

  private field(value: string): string {
    return this.needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }

  private line(values: readonly string[]): string {
    return values.map((v) => this.field(v)).join(this.format.separator) + this.format.eol;
  }

  /** Queues one row; true when the buffer is full and `flush()` should be awaited. */
  row(values: readonly string[]): boolean {
    this.buffer += this.line(values);
    this.rows++;
    return this.buffer.length >= CHUNK;
  }

  /** Hands the buffer to the stream, waiting when the stream asks to. */
  async flush(): Promise<void> {
    if (!this.buffer) return;
    const bytes = this.format.encoding === "windows-1252" ? encodeWindows1252(this.buffer) : Buffer.from(this.buffer, "utf8");
    this.buffer = "";
    if (!this.stream.write(bytes)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}
