/**
 * Text encodings of customer exports. UTF-8 (with or without BOM) is read as
 * is; anything that is not valid UTF-8 is Windows-1252, the superset of
 * Latin-1 that French exports use (it has œ, ’ and € where Latin-1 has
 * control codes).
 */
import {open} from "node:fs/promises";

export type Encoding = "utf-8" | "windows-1252";

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
}

const SAMPLE_BYTES = 1 << 20;

/** Guesses from the first megabyte; the reader re-checks the rest as it goes. */
export async function detectEncoding(path: string): Promise<EncodingGuess> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const {bytesRead} = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return {encoding: isUtf8Prefix(bytes) ? "utf-8" : "windows-1252", bom};
  } finally {
    await handle.close();
  }
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the sample. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes, {stream: true});
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder: `fatal` for UTF-8, so a bad byte later in the file is noticed. */
export function decoderFor(encoding: Encoding): TextDecoder {
  return encoding === "utf-8" ? new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}) : new TextDecoder("windows-1252");
}
