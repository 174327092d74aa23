/**
 * Stage 3: the model. A greedy averaged perceptron (Collins 2002) over hashed features: one weight per
 * (feature bucket, tag), the tags BILOU over person / organization / place. Shipped weights are int8 with one
 * scale; training (scripts/train-entities.ts) uses the float form of the same table.
 */
import { type DocContext, features, TAG_COUNT, TAGS, type Tag } from "./features";

export interface Weights {
  /** Buckets in the table: a power of two. */
  buckets: number;
  /** buckets × stride weights, bucket-major: each bucket's TAG_COUNT weights, then padding. */
  table: ArrayLike<number>;
  /** Entries per bucket row: TAG_COUNT (training) or more, padded so a row never straddles a cache line. */
  stride?: number;
}

/** Whether tag `next` may follow tag `prev` under BILOU (B and I continue the same type; L, U, O close). */
export function allowed(prev: Tag, next: Tag): boolean {
  const open = prev[0] === "B" || prev[0] === "I";
  const continues = next[0] === "I" || next[0] === "L";
  if (open) return continues && prev.slice(2) === next.slice(2);
  return !continues;
}

// Module-level copies: a bundler may turn an imported binding into a property read, too slow for the inner loops.
const N = TAG_COUNT;
const ALLOWED: boolean[][] = TAGS.map((p) => TAGS.map((n) => allowed(p, n)));
const START = TAGS.indexOf("O");
/** Tags that leave a name open (B, I): the next tag must continue it, and the last token may not be one. */
const OPENS: boolean[] = TAGS.map((t) => t[0] === "B" || t[0] === "I");

/**
 * Adds each feature's row of weights into `scores`. The 13 sums live in locals, not in the array: this loop is
 * most of decoding's time, and locals stay in registers where array slots are loaded and stored on every add.
 */
export function score(w: Weights, feats: number[], scores: Float64Array): void {
  if (N !== 13) throw new Error("entities: score() is written for 13 tags");
  const mask = w.buckets - 1;
  const t = w.table;
  const stride = w.stride ?? N;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0;
  for (let j = 0; j < feats.length; j++) {
    const r = ((feats[j] as number) & mask) * stride;
    s0 += t[r] as number;
    s1 += t[r + 1] as number;
    s2 += t[r + 2] as number;
    s3 += t[r + 3] as number;
    s4 += t[r + 4] as number;
    s5 += t[r + 5] as number;
    s6 += t[r + 6] as number;
    s7 += t[r + 7] as number;
    s8 += t[r + 8] as number;
    s9 += t[r + 9] as number;
    s10 += t[r + 10] as number;
    s11 += t[r + 11] as number;
    s12 += t[r + 12] as number;
  }
  scores[0] = s0;
  scores[1] = s1;
  scores[2] = s2;
  scores[3] = s3;
  scores[4] = s4;
  scores[5] = s5;
  scores[6] = s6;
  scores[7] = s7;
  scores[8] = s8;
  scores[9] = s9;
  scores[10] = s10;
  scores[11] = s11;
  scores[12] = s12;
}

/**
 * Greedy left-to-right decoding: each token takes the best tag the previous one allows; the last token may
 * not leave a name open; a token where no name can start, outside a name, is O unscored (training skips it
 * alike). `onToken` lets training see each step's features and choice.
 */
export function decode(
  w: Weights,
  ctx: DocContext,
  onToken?: (i: number, feats: number[], best: number) => number,
): Tag[] {
  const tags: Tag[] = [];
  const feats: number[] = [];
  const scores = new Float64Array(N);
  let prev = START;
  let prev2 = START;
  const n = ctx.tokens.length;
  for (let i = 0; i < n; i++) {
    if (!OPENS[prev] && !ctx.canStart[i]) {
      tags.push("O");
      prev2 = prev;
      prev = START;
      continue;
    }
    features(ctx, i, prev, prev2, feats);
    score(w, feats, scores);
    // No name runs past its line ("Nairobi\n\nKenya agreed." is two names) or its field.
    const here = ctx.tokens[i];
    const next = ctx.tokens[i + 1];
    const last = next === undefined || next.field !== here?.field || next.line !== here.line;
    let best = -1;
    const allowedAfter = ALLOWED[prev] as boolean[];
    for (let k = 0; k < N; k++) {
      if (!allowedAfter[k] || (last && OPENS[k])) continue;
      if (best < 0 || (scores[k] as number) > (scores[best] as number)) best = k;
    }
    // Training may substitute the gold tag, so the next step sees the history it would have seen.
    const chosen = onToken ? onToken(i, feats, best) : best;
    tags.push(TAGS[chosen] as Tag);
    prev2 = prev;
    prev = chosen;
  }
  return tags;
}
