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
const encoder = new TextEncoder();
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORD = /[a-z0-9]+/g;

export function words(text: string): string[] {
  const kept = text.replace(FURNITURE, "");
  // Most wire copy is ASCII: it needs no compatibility folding, and a plain class finds the same words faster.
  if (!NON_ASCII.test(kept)) return kept.toLowerCase().match(ASCII_WORD) ?? [];
  return kept.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/**
 * The distinct hashes of every SHINGLE_WORDS-word window (one shingle for a shorter text): xxHash32 of the
 * window's UTF-8 bytes, words joined by single spaces. The words are encoded once, and each window is hashed
 * straight from that buffer.
 */
export function shingleHashes(ws: readonly string[]): Uint32Array {
  const bytes = encoder.encode(ws.join(" "));
  // Word i spans [starts[i], starts[i + 1] - 1): words hold no spaces, so the spaces are the boundaries.
  const starts = new Uint32Array(ws.length + 1);
  let w = 1;
  for (let i = 0; i < bytes.length && w < ws.length; i++) if (bytes[i] === 0x20) starts[w++] = i + 1;
  starts[ws.length] = bytes.length + 1;
  const count = Math.max(1, ws.length - SHINGLE_WORDS + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const end = starts[Math.min(i + SHINGLE_WORDS, ws.length)]! - 1;
    hashes[i] = xxHash32(bytes.subarray(starts[i]!, end), 0);
  }
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i]!;
  return hashes.slice(0, n);
}
