/**
 * The shipped weights are the ones scripts/train-entities.ts writes: their checksum matches the bytes, they
 * were trained with the configuration the script uses now, and they decode to a table of the declared size.
 * (`npm run train:entities -- --check` retrains and compares the whole file.)
 */
import { describe, expect, it } from "vitest";
import { TAG_COUNT } from "../../src/annotate/entities/features";
import { TRAINING_CONFIG } from "../../src/annotate/entities/training-config";
import { TRAINED_WITH, WEIGHTS_BASE64, WEIGHTS_SHA256, WEIGHTS_VERSION } from "../../src/annotate/entities/weights";
import { decodeWeights, encodeWeights, fromBase64 } from "../../src/annotate/entities/weights-codec";

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("shipped entity weights", () => {
  const bytes = fromBase64(WEIGHTS_BASE64);

  it("match their recorded checksum and version", async () => {
    expect(WEIGHTS_VERSION).toBeGreaterThanOrEqual(1);
    expect(await sha256(bytes)).toBe(WEIGHTS_SHA256);
  });

  it("were trained with the configuration the training script uses", () => {
    expect(TRAINED_WITH).toEqual(TRAINING_CONFIG);
  });

  it("decode to the declared table and encode back to the same bytes", () => {
    const table = decodeWeights(bytes, TRAINED_WITH.buckets * TAG_COUNT);
    expect(table.some((v) => v !== 0)).toBe(true);
    expect(encodeWeights(table)).toEqual(bytes);
  });

  it("refuse a table that overruns its declared size", () => {
    expect(() => decodeWeights(bytes, 10)).toThrow(/overruns/);
  });
});
