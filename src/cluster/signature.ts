/**
 * MinHash signatures and their LSH band keys. Pure.
 *
 * Each of the HASHES MinHash functions is x ↦ (a·x + b) mod 2³² over the shingle's xxHash32 value, with odd
 * a: the multiply-add family, whose high bits (the ones a minimum is decided by) are well mixed for inputs
 * that are themselves hash values. The coefficients come from xxHash32 of their index, so every isolate
 * computes the same signature. Band keys hash each band's ROWS values (with the band number as the seed)
 * into one integer below 2⁵³, the band number in the high bits, so a key is a plain SQLite INTEGER.
 */
import { xxHash32 } from "js-xxhash";
import { BANDS, HASHES, MIN_WORDS, ROWS } from "./params";
import { shingleHashes, words } from "./shingles";

const COEFF_A = Uint32Array.from({ length: HASHES }, (_, i) => xxHash32(`minhash-a-${i}`, 0x5157) | 1);
const COEFF_B = Uint32Array.from({ length: HASHES }, (_, i) => xxHash32(`minhash-b-${i}`, 0x5157));

export interface Signature {
  /** HASHES minimum values. */
  mins: Uint32Array;
  /** Distinct shingles: the set size that turns an estimated Jaccard into an estimated containment. */
  shingles: number;
}

/** The signature of a cleaned body, or null for a body under MIN_WORDS words. */
export function signature(text: string): Signature | null {
  const ws = words(text);
  if (ws.length < MIN_WORDS) return null;
  return minhash(shingleHashes(ws));
}

export function minhash(hashes: Uint32Array): Signature {
  const mins = new Uint32Array(HASHES);
  // Four functions per pass over the shingles keep their coefficients and running minima in registers
  // (HASHES is a multiple of 4).
  for (let i = 0; i < HASHES; i += 4) {
    const a0 = COEFF_A[i]!, a1 = COEFF_A[i + 1]!, a2 = COEFF_A[i + 2]!, a3 = COEFF_A[i + 3]!;
    const b0 = COEFF_B[i]!, b1 = COEFF_B[i + 1]!, b2 = COEFF_B[i + 2]!, b3 = COEFF_B[i + 3]!;
    let m0 = 0xffffffff, m1 = 0xffffffff, m2 = 0xffffffff, m3 = 0xffffffff;
    for (let s = 0; s < hashes.length; s++) {
      const x = hashes[s]!;
      const v0 = (Math.imul(a0, x) + b0) >>> 0;
      const v1 = (Math.imul(a1, x) + b1) >>> 0;
      const v2 = (Math.imul(a2, x) + b2) >>> 0;
      const v3 = (Math.imul(a3, x) + b3) >>> 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    mins[i] = m0;
    mins[i + 1] = m1;
    mins[i + 2] = m2;
    mins[i + 3] = m3;
  }
  return { mins, shingles: hashes.length };
}

/** BANDS integer keys; two signatures share a key exactly when one of their bands is equal. */
export function bandKeys(sig: Signature): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    const band = new Uint8Array(sig.mins.buffer, sig.mins.byteOffset + b * ROWS * 4, ROWS * 4);
    keys.push(b * 2 ** 32 + xxHash32(band, b));
  }
  return keys;
}

/** Base64 of the little-endian values: 684 characters for 128 values. */
export function encodeSignature(sig: Signature): string {
  const bytes = new Uint8Array(sig.mins.buffer, sig.mins.byteOffset, sig.mins.byteLength);
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin);
}

export function decodeSignature(encoded: string, shingles: number): Signature {
  const bin = atob(encoded);
  if (bin.length !== HASHES * 4) throw new Error(`cluster: a signature holds ${HASHES * 4} bytes, not ${bin.length}`);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { mins: new Uint32Array(bytes.buffer), shingles };
}
