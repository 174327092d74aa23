/**
 * How much two bodies share, from their signatures. Pure.
 *
 * The share of equal MinHash values estimates the Jaccard index J = |A∩B| / |A∪B|. With the set sizes,
 * |A∩B| = J·(|A|+|B|) / (1+J), so the containment of the smaller body in the larger follows: a copy that cut
 * the last paragraphs has a low Jaccard index but is wholly contained in the original. Values are compared by
 * their stored digests (signature.ts), so a signature computed now and one read back agree.
 */
import { HASHES, JOIN_CONTAINMENT, MIN_SIZE_RATIO } from "./params";
import type { Signature } from "./signature";

export interface Similarity {
  /** Estimated Jaccard index. */
  jaccard: number;
  /** Estimated share of the smaller body found in the larger, 0–1. */
  containment: number;
  /** Smaller set size over larger. */
  sizeRatio: number;
}

export function similarity(a: Signature, b: Signature): Similarity {
  let equal = 0;
  for (let i = 0; i < HASHES; i++) if (a.bits[i] === b.bits[i]) equal++;
  const jaccard = equal / HASHES;
  const small = Math.min(a.shingles, b.shingles);
  const large = Math.max(a.shingles, b.shingles);
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return { jaccard, containment: small === 0 ? 0 : Math.min(1, shared / small), sizeRatio: large === 0 ? 0 : small / large };
}

/** The one test that decides whether two bodies are copies of one story. Symmetric. */
export function isCopy(s: Similarity): boolean {
  return s.sizeRatio >= MIN_SIZE_RATIO && s.containment >= JOIN_CONTAINMENT;
}

/** The figure a member reports: its containment, rounded to 3 places so equal inputs print alike. */
export function score(s: Similarity): number {
  return Math.round(s.containment * 1000) / 1000;
}
