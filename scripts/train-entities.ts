/**
 * Trains the entity tagger's weights, reproducibly: fixed data order, a seeded shuffle per epoch, the
 * configuration below. Writes src/annotate/entities/weights.ts and prints mention-level scores on the dev
 * split (every DEV_EVERY-th document of each source, never trained on).
 *
 *   npm run train:entities            # retrain and write the weights
 *   npm run train:entities -- --check # retrain and fail if the result differs from the shipped weights
 *
 * Data (read here, never copied into the repository): ../shared/data/ner/{gum,wikigold}.conll (GUM and
 * WikiGold, see their README for licences), with GUM's "country acting politically" organizations mapped to
 * places as docs/ENTITY-GUIDELINES.md says; and the project's own labelled stories (fixtures/entities/,
 * split dev only: the held-out ones stay out), labelled by the spans of the rule tagger's entities that
 * agree with the story's gold list.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tagEntities } from "../src/annotate/entities";
import { parseGoldStory } from "../src/annotate/entities-eval";
import { type TaggedMention, mentionsFromTags, tagsFromMentions } from "../src/annotate/entities/decode";
import { buildContext, hash, TAG_COUNT, TAGS, type Tag } from "../src/annotate/entities/features";
import { decode } from "../src/annotate/entities/model";
import { classifyLines, type Token, tokenize } from "../src/annotate/entities/tokens";
import { encodeWeights } from "../src/annotate/entities/weights-codec";
import { ruleTags } from "../src/annotate/entities/rule-mentions";
import { TRAINING_CONFIG } from "../src/annotate/entities/training-config";
import { lookupAlias } from "../src/annotate/gazetteer";
import type { EntityType } from "../src/model";


const root = join(import.meta.dirname, "..");
const dataDir = join(root, "..", "shared", "data", "ner");
const check = process.argv.includes("--check");

interface Doc {
  id: string;
  text: string;
  source: "gum" | "wikigold" | "own";
  tokens: Token[];
  shouted: boolean[];
  gold: Tag[];
  /** The rule tagger's tags over the tokens (a feature). */
  rules: string[];
}

const TYPE: Record<string, EntityType> = { PER: "person", ORG: "organization", LOC: "place" };

/** CoNLL documents, one sentence per line, with BILOU gold tags. */
function readConll(file: string, source: "gum" | "wikigold"): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc | undefined;
  let sentence: { text: string; tag: string }[] = [];
  const flush = (): void => {
    if (!doc || sentence.length === 0) return;
    const line = doc.tokens.length ? (doc.tokens[doc.tokens.length - 1] as Token).line + 1 : 0;
    const text = sentence.map((t) => t.text).join(" ");
    const shouted = classifyLines(text)[0]?.shouted ?? false;
    const base = doc.tokens.length;
    const mentions: TaggedMention[] = [];
    // The document's text is rebuilt as tokens joined by spaces, a sentence a line, for the rule tagger.
    let at = doc.text.length;
    sentence.forEach((t, k) => {
      doc!.tokens.push({ text: t.text, field: "text", start: at, end: at + t.text.length, line, sentStart: k === 0 });
      at += t.text.length + 1;
      doc!.shouted.push(shouted);
      if (t.tag.startsWith("B-")) mentions.push({ type: TYPE[t.tag.slice(2)] as EntityType, start: base + k, end: base + k + 1 });
      else if (t.tag.startsWith("I-")) (mentions[mentions.length - 1] as TaggedMention).end = base + k + 1;
    });
    for (const m of mentions) {
      // GUM types a country acting politically ("North Korea puts…", a national team) as an organization;
      // our guideline, like the pages we are measured on, says a country is always a place.
      const name = sentence.slice(m.start - base, m.end - base).map((t) => t.text).join(" ");
      if (m.type === "organization" && lookupAlias(name)?.kind === "place") m.type = "place";
    }
    const tags = tagsFromMentions(mentions.length ? base + sentence.length : base + sentence.length, mentions);
    doc.gold.push(...tags.slice(base));
    doc.text += `${text}\n`;
    sentence = [];
  };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("-DOCSTART-")) {
      flush();
      doc = { id: line.slice(11).trim() || `${source}-${docs.length}`, source, tokens: [], shouted: [], gold: [], rules: [], text: "" };
      docs.push(doc);
    } else if (line.trim() === "") flush();
    else {
      const [text, tag] = line.split("\t") as [string, string];
      if (!doc) {
        doc = { id: `${source}-0`, source, tokens: [], shouted: [], gold: [], rules: [], text: "" };
        docs.push(doc);
      }
      sentence.push({ text, tag });
    }
  }
  flush();
  for (const d of docs) d.rules = ruleTags(d.tokens, tagEntities("", d.text)).tags;
  return docs.filter((d) => d.tokens.length > 0);
}

/** The project's own dev stories, tokenized as the Worker tokenizes them, labelled where the rule tagger agrees with gold. */
function readOwn(): Doc[] {
  const dir = join(root, "fixtures", "entities");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseGoldStory(f.replace(/\.txt$/, ""), readFileSync(join(dir, f), "utf8")))
    .filter((s) => s.split === "dev")
    .map((s): Doc => {
      const tokens = [...tokenize(s.title, "title"), ...tokenize(s.text, "text")];
      const lines = classifyLines(s.text);
      const shouted = tokens.map((t) => (t.field === "title" ? false : (lines[t.line]?.shouted ?? false)));
      const labelled = new Set(s.gold.map((g) => `${g.type}\u0000${g.name.toLowerCase()}`));
      const mentions: TaggedMention[] = [];
      const ruled = tagEntities(s.title, s.text);
      for (const e of ruled) {
        if (!labelled.has(`${e.type}\u0000${e.name.toLowerCase()}`)) continue;
        for (const span of e.spans ?? []) {
          const start = tokens.findIndex((t) => t.field === span.field && t.start === span.start);
          const end = tokens.findIndex((t) => t.field === span.field && t.end === span.end);
          if (start >= 0 && end >= start) mentions.push({ type: e.type, start, end: end + 1 });
        }
      }
      const gold = tagsFromMentions(tokens.length, mentions);
      return { id: s.id, text: s.text, source: "own", tokens, shouted, gold, rules: ruleTags(tokens, ruled).tags };
    });
}

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

const all = [...readConll(join(dataDir, "gum.conll"), "gum"), ...readConll(join(dataDir, "wikigold.conll"), "wikigold"), ...readOwn()];
const isDev = (d: Doc, i: number): boolean => d.source !== "own" && i % TRAINING_CONFIG.devEvery === TRAINING_CONFIG.devEvery - 1;
const dev = all.filter(isDev);
const train = all.filter((d, i) => !isDev(d, i));
const contexts = new Map(all.map((d) => [d, buildContext(d.tokens, d.shouted, d.rules)]));
console.log(`train ${train.length} documents (${train.reduce((n, d) => n + d.tokens.length, 0)} tokens), dev ${dev.length} (${dev.reduce((n, d) => n + d.tokens.length, 0)} tokens)`);

// Averaged perceptron with the lazy-average trick: avg = w - u / c.
const { buckets } = TRAINING_CONFIG;
const w = new Float32Array(buckets * TAG_COUNT);
const u = new Float32Array(buckets * TAG_COUNT);
let c = 1;
const mask = buckets - 1;
const rng = random(TRAINING_CONFIG.seed);
const order = train.flatMap((d) => Array<Doc>(d.source === "own" ? TRAINING_CONFIG.ownWeight : 1).fill(d));
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
          const row = (hash(f) & mask) * TAG_COUNT;
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

/** Mention-level precision, recall and F1 (exact span and type) of the shipped int8 table on the dev split. */
function mentionScores(docs: Doc[]): string {
  const rows: string[] = [];
  for (const type of ["person", "organization", "place", "all"] as const) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of docs) {
      const key = (m: TaggedMention): string => `${m.type}:${m.start}:${m.end}`;
      const pick = (ms: TaggedMention[]): Set<string> => new Set(ms.filter((m) => type === "all" || m.type === type).map(key));
      const gold = pick(mentionsFromTags(d.gold));
      const found = pick(mentionsFromTags(decode({ buckets, table }, contexts.get(d)!)));
      for (const k of found) if (gold.has(k)) tp++;
      else fp++;
      for (const k of gold) if (!found.has(k)) fn++;
    }
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    rows.push(`${type.padEnd(13)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  }
  return rows.join("\n");
}
console.log(`\nmention-level, dev split (${dev.length} documents: GUM and WikiGold, every ${TRAINING_CONFIG.devEvery}th):\n${mentionScores(dev)}`);

const bytes = encodeWeights(table);
const checksum = createHash("sha256").update(bytes).digest("hex");
const out = `/**
 * The entity tagger's weights, written by scripts/train-entities.ts (npm run train:entities): do not edit.
 * int8, non-zero entries only (see weights-codec.ts), ${bytes.length} bytes before base64. Trained on GUM and
 * WikiGold (CC BY 4.0 annotations; texts CC BY 2.5 / CC BY-SA 3.0, see README "Entity tagger") and the
 * project's own labelled stories.
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
