/**
 * Word shingles of a cleaned body, hashed with xxHash32 (js-xxhash). Pure.
 *
 * Words are letters and digits after Unicode compatibility folding and lower-casing, so punctuation, quote
 * styles and case never decide whether two copies match. Lines that are page furniture of one outlet
 * ("Also read: ...") are left out: they are what a copy adds, not what it shares.
 */
import { xxHash32 } from "js-xxhash";
import { SHINGLE_WORDS } from "./params";

const FURNITURE = /^\s*(also read|read also|read more|also see|see also|related|recommended|watch)\b[^\n]*$/gimu;
const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.replace(FURNITURE, "").normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/** The distinct hashes of every SHINGLE_WORDS-word window (one shingle for a shorter text). */
export function shingleHashes(ws: readonly string[]): Uint32Array {
  const wordHashes = new Uint32Array(ws.length);
  for (let i = 0; i < ws.length; i++) wordHashes[i] = xxHash32(ws[i]!, 0);
  const count = Math.max(1, ws.length - SHINGLE_WORDS + 1);
  const bytes = new Uint8Array(SHINGLE_WORDS * 4);
  const view = new DataView(bytes.buffer);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    bytes.fill(0);
    for (let k = 0; k < SHINGLE_WORDS && i + k < ws.length; k++) view.setUint32(k * 4, wordHashes[i + k]!, true);
    seen.add(xxHash32(bytes, 0));
  }
  return Uint32Array.from(seen);
}
