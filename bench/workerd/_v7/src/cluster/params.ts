/**
 * The clustering parameters, in one place: docs/CLUSTERS.md derives the false-positive and false-negative
 * rates they imply. Changing any of them changes what a signature means, so SIGNATURE_VERSION grows with it.
 */

/** Stored with every signature; a stored signature of another version is recomputed, never compared. */
export const SIGNATURE_VERSION = 1;

/** A body shorter than this (in words) gets no signature: too few shingles for a stable estimate. */
export const MIN_WORDS = 50;

/** Word shingles: 5 consecutive words. Long enough that two independent reports rarely share one by chance. */
export const SHINGLE_WORDS = 5;

/** MinHash values per signature, read as BANDS bands of ROWS values for locality-sensitive lookup. */
export const HASHES = 128;
export const BANDS = 32;
export const ROWS = 4;

/**
 * Two bodies are copies when the smaller is at least JOIN_CONTAINMENT contained in the larger and the
 * smaller is at least MIN_SIZE_RATIO of the larger. The ratio keeps a daily round-up that quotes a whole
 * short item from joining that item's cluster (and from bridging several clusters into one).
 */
export const JOIN_CONTAINMENT = 0.7;
export const MIN_SIZE_RATIO = 0.4;

/** Inferred `syndicated`: the body is at least this much shared (containment) with another outlet's story. */
export const SYNDICATED_SIMILARITY = 0.8;

/** Inferred `unedited`: near-verbatim both ways (estimated Jaccard) with a member that states its wire. */
export const UNEDITED_JACCARD = 0.9;

/** Copies are looked for among stories dated (published_at, else fetched_at) within this many days. */
export const WINDOW_DAYS = 14;
export const WINDOW_MS = WINDOW_DAYS * 86_400_000;
