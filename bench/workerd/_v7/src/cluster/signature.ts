/**
 * MinHash signatures and their LSH band keys. Pure.
 *
 * Each of the HASHES MinHash functions is x ↦ (a·x + b) mod 2³² over the shingle's xxHash32 value, with odd
 * a: the multiply-add family, whose high bits (the ones a minimum is decided by) are well mixed for inputs
 * that are themselves hash values. The coefficients come from xxHash32 of their index, so every isolate
 * computes the same signature. Band keys hash each band's ROWS values (with the band number as the seed)
 * into one integer below 2⁵³, the band number in the high bits, so a key is a plain SQLite INTEGER.
 *
 * What is stored and compared is a 16-bit digest of each minimum (b-bit MinHash): two bodies agree on a
 * position exactly when their minima agree, save a chance collision (2⁻¹⁶ per differing position, far below
 * the 1/128 resolution of the estimate). The digest is the high half of the minimum times an odd constant,
 * not its low bits: under the multiply-add family the low bits of a value depend only on the low bits of the
 * shingle hash, so low-bit collisions would repeat across functions. Band keys are computed at signing from
 * the whole minima, so the keys stored before and after this change agree; a signature read back from storage
 * has no band keys of its own, and the clustering pairs signatures in memory by pairKeys over the digests.
 */
import { xxHash32 } from "js-xxhash";
import { BANDS, HASHES, MIN_WORDS, ROWS } from "./params";
import { shingleHashes, words } from "./shingles";

const COEFF_A = Uint32Array.from({ length: HASHES }, (_, i) => xxHash32(`minhash-a-${i}`, 0x5157) | 1);
const COEFF_B = Uint32Array.from({ length: HASHES }, (_, i) => xxHash32(`minhash-b-${i}`, 0x5157));

/** The 16-bit digest of a minimum: the high half of its product with an odd constant (Fibonacci hashing). */
const digest = (m: number): number => Math.imul(m, 0x9e3779b1) >>> 16;

export interface Signature {
  /** HASHES whole minimum values when computed from text; empty when read back from storage. */
  mins: Uint32Array;
  /** The 16-bit digest of each minimum: what is stored and compared. */
  bits: Uint16Array;
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
  const bits = new Uint16Array(HASHES);
  for (let i = 0; i < HASHES; i++) bits[i] = digest(mins[i]!);
  return { mins, bits, shingles: hashes.length };
}

function keysOf(values: Uint32Array | Uint16Array): number[] {
  const width = values.BYTES_PER_ELEMENT * ROWS;
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(b * 2 ** 32 + xxHash32(new Uint8Array(values.buffer, values.byteOffset + b * width, width), b));
  return keys;
}

/**
 * BANDS integer keys of a signature computed from text, the ones stored in band_keys and looked up; two
 * signatures share a key exactly when one of their bands is equal.
 */
export function bandKeys(sig: Signature): number[] {
  if (sig.mins.length !== HASHES) throw new Error("cluster: a signature read from storage keeps only digests of its minima: it has no band keys");
  return keysOf(sig.mins);
}

/**
 * Keys over the digests, for pairing signatures in memory where some are read back from storage: two
 * signatures share one when a band agrees in its digests (so whenever they share a band key).
 */
export function pairKeys(sig: Signature): number[] {
  return keysOf(sig.bits);
}

/** Base64 of the digests, little-endian: 344 characters (256 bytes) for 128 values. */
export function encodeSignature(sig: Signature): string {
  const bytes = new Uint8Array(sig.bits.buffer, sig.bits.byteOffset, sig.bits.byteLength);
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin);
}

/**
 * The stored form back: 256 bytes of digests, or the 512 bytes of whole minima the code stored before
 * migrations/0013, digested here (the same signature: nothing needs re-signing).
 */
export function decodeSignature(encoded: string, shingles: number): Signature {
  const bin = atob(encoded);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  if (bytes.length === HASHES * 2) return { mins: new Uint32Array(0), bits: new Uint16Array(bytes.buffer), shingles };
  if (bytes.length !== HASHES * 4) throw new Error(`cluster: a signature holds ${HASHES * 2} bytes (${HASHES * 4} before migrations/0013), not ${bytes.length}`);
  const whole = new Uint32Array(bytes.buffer);
  return { mins: new Uint32Array(0), bits: Uint16Array.from(whole, digest), shingles };
}
