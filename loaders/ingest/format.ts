/**
 * The format of an input file, from its extension, checked against its first
 * bytes: a file that is not what its extension says is an error that says so.
 */
import {open, stat} from "node:fs/promises";
import {extname} from "node:path";

export type Format = "csv" | "xlsx" | "parquet" | "json";

const EXTENSIONS: Record<string, Format> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".psv": "csv",
  ".tab": "csv",
  ".xlsx": "xlsx",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".json": "json",
  ".jsonl": "json",
  ".ndjson": "json"
};

export async function formatOf(file: string): Promise<Format> {
  const extension = extname(file).toLowerCase();
  if (extension === ".xls") throw new Error("old binary Excel (.xls) is not read: save the sheet as .xlsx or CSV");
  const format = EXTENSIONS[extension];
  if (!format) throw new Error(`unknown file type "${extension || "(none)"}": use .csv, .tsv, .txt, .xlsx, .parquet or .json`);
  const size = (await stat(file)).size;
  if (size === 0) throw new Error("the file is empty (0 bytes)");
  const head = await firstBytes(file, 4096);
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  const parquet = head.subarray(0, 4).toString("latin1") === "PAR1";
  const binary = head.includes(0);
  const found = zip ? "a zip archive (such as .xlsx)" : parquet ? "a Parquet file" : binary ? "a binary file" : "text";
  const ok =
    format === "xlsx" ? zip : format === "parquet" ? parquet : format === "json" ? !binary && /^\s*[[{]/.test(head.toString("utf8").replace(/^\uFEFF/, "")) : !zip && !parquet && !binary;
  if (!ok) {
    throw new Error(`the file is named ${extension} but its content is ${format === "json" && found === "text" ? "not JSON" : found}: rename it or export it again`);
  }
  return format;
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(n);
    const {bytesRead} = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
