/**
 * Windows-1252 encoding, the code page of French CRM exports. Latin-1 covers
 * U+0000–U+00FF byte for byte except 0x80–0x9F, where Windows-1252 puts
 * € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. Characters outside the
 * code page become "?".
 */

const HIGH: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88,
  "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93,
  "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b,
  "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f
};

/** Characters that need the table: above U+00FF, or C1 controls that Windows-1252 reassigns. */
const OUTSIDE_LATIN1 = /[\u0080-\u009f\u0100-\uffff]/g;

export function encodeWindows1252(text: string): Buffer {
  const mapped = text.replace(OUTSIDE_LATIN1, (c) => String.fromCharCode(HIGH[c] ?? 0x3f));
  return Buffer.from(mapped, "latin1");
}
