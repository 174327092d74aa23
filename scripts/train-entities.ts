/**
 * Trains the entity tagger's weights, reproducibly: fixed data order, a seeded shuffle per epoch, the
 * configuration in src/annotate/entities/training-config.ts. Writes src/annotate/entities/weights.ts and
 * prints mention-level scores on the dev split (every devEvery-th GUM and WikiGold document, never trained
 * on). The data and how it is mapped to our guideline: scripts/entity-data.ts.
 *
 *   npm run train:entities            # retrain and write the weights
 *   npm run train:entities -- --check # retrain and fail if the result differs from the shipped weights
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TAG_COUNT, TAGS, type Tag } from "../src/annotate/entities/features";
import { decode } from "../src/annotate/entities/model";
import { TRAINING_CONFIG } from "../src/annotate/entities/training-config";
import { encodeWeights } from "../src/annotate/entities/weights-codec";
import { type Doc, loadTrainingData, mentionScores } from "./entity-data";

const root = join(import.meta.dirname, "..");
const check = process.argv.includes("--check");

/** Mulberry32: a small seeded generator, so every run shuffles alike. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const { train, dev, pageDev, contexts } = loadTrainingData();
console.log(`train ${train.length} documents (${train.reduce((n, d) => n + d.tokens.length, 0)} tokens), dev ${dev.length} (${dev.reduce((n, d) => n + d.tokens.length, 0)} tokens)`);

// Averaged perceptron with the lazy-average trick: avg = w - u / c.
const { buckets } = TRAINING_CONFIG;
const w = new Float32Array(buckets * TAG_COUNT);
const u = new Float32Array(buckets * TAG_COUNT);
let c = 1;
const mask = buckets - 1;
const rng = random(TRAINING_CONFIG.seed);
const repeats = (d: Doc): number => (d.source === "own" ? TRAINING_CONFIG.ownWeight : d.source === "page" ? TRAINING_CONFIG.pageWeight : 1);
const order = train.flatMap((d) => Array<Doc>(repeats(d)).fill(d));
for (let epoch = 0; epoch < TRAINING_CONFIG.epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as Doc, order[i] as Doc];
  }
  let errors = 0;
  for (const doc of order) {
    decode({ buckets, table: w }, contexts.get(doc)!, (i, feats, best) => {
      const gold = TAGS.indexOf(doc.gold[i] as Tag);
      if (best !== gold) {
        errors++;
        for (const f of feats) {
          const row = (f & mask) * TAG_COUNT;
          w[row + gold] = (w[row + gold] as number) + 1;
          u[row + gold] = (u[row + gold] as number) + c;
          w[row + best] = (w[row + best] as number) - 1;
          u[row + best] = (u[row + best] as number) - c;
        }
      }
      c++;
      return gold;
    });
  }
  console.log(`epoch ${epoch + 1}: ${errors} token errors`);
}

const averaged = new Float32Array(w.length);
let max = 0;
for (let i = 0; i < w.length; i++) {
  averaged[i] = (w[i] as number) - (u[i] as number) / c;
  max = Math.max(max, Math.abs(averaged[i] as number));
}
const scale = max / 127;
const table = new Int8Array(w.length);
for (let i = 0; i < w.length; i++) table[i] = Math.round((averaged[i] as number) / scale);

console.log(`\nmention-level, dev split (${dev.length} documents: GUM and WikiGold, every ${TRAINING_CONFIG.devEvery}th):`);
console.log(mentionScores(dev, contexts, { buckets, table }));
if (pageDev.length) {
  console.log(`\nmention-level, our page texts' dev split (${pageDev.length} of fixtures/entities-pages/, every ${TRAINING_CONFIG.devEvery}th, not trained on):`);
  console.log(mentionScores(pageDev, contexts, { buckets, table }));
}

const bytes = encodeWeights(table);
const checksum = createHash("sha256").update(bytes).digest("hex");
const out = `/**
 * The entity tagger's weights, written by scripts/train-entities.ts (npm run train:entities): do not edit.
 * int8, non-zero entries only (see weights-codec.ts), ${bytes.length} bytes before base64. Trained on GUM and
 * WikiGold (CC BY 4.0 annotations; texts CC BY 2.5 / CC BY-SA 3.0, see README "Entity tagger") and the
 * project's own labelled stories and page-like texts (fixtures/entities-pages/).
 */
export const WEIGHTS_VERSION = 1;
export const TRAINED_WITH = ${JSON.stringify(TRAINING_CONFIG)};
export const WEIGHTS_SHA256 = "${checksum}";
export const WEIGHTS_SCALE = ${scale};
export const WEIGHTS_BASE64 =
  "${Buffer.from(bytes).toString("base64")}";
`;
const target = join(root, "src", "annotate", "entities", "weights.ts");
if (check) {
  const shipped = readFileSync(target, "utf8");
  if (shipped !== out) {
    console.error(`\nthe shipped weights differ from what this training run produces (sha256 ${checksum})`);
    process.exit(1);
  }
  console.log(`\nshipped weights reproduced exactly (sha256 ${checksum})`);
} else {
  writeFileSync(target, out);
  console.log(`\nwrote ${target}: ${bytes.length} bytes, sha256 ${checksum}, scale ${scale}`);
}
