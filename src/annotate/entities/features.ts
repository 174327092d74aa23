/**
 * Stage 2: the features of each token, as hashes into the model's weight table. Local features (the word,
 * its shape and affixes, its neighbours), the gazetteers and cue words of the rule tagger as features, and
 * non-local ones in the spirit of Ratinov & Roth (2009): whether the document also writes the word in lower
 * case, or capitalised away from a sentence start, and whether its line is Title-Case or capitals.
 */
import {
  exactWord,
  foldWord,
  ORG_CUE_WORDS,
  ORG_SUFFIX_WORDS,
  PERSON_CUE_WORDS,
  PHRASES,
  PLACE_CUE_WORDS,
  PLACE_NOUN_WORDS,
  PLACE_SUFFIX_WORDS,
} from "../gazetteer";
import type { Token } from "./tokens";

export const TAGS = [
  "O",
  "B-person", "I-person", "L-person", "U-person",
  "B-organization", "I-organization", "L-organization", "U-organization",
  "B-place", "I-place", "L-place", "U-place",
] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;

/** What the tagger knows of a document beyond one token: its words' other spellings and its lines' shapes. */
export interface DocContext {
  tokens: Token[];
  /** Folded words the document writes in lower case somewhere. */
  lowercase: Set<string>;
  /** Folded words the document capitalises somewhere other than a sentence start. */
  midCapital: Set<string>;
  /** Per token: the gazetteer's BILOU tag for the longest known phrase covering it ("B-place"), or "". */
  gazetteer: string[];
  /** Per token: its line is Title-Case or capitals. */
  shouted: boolean[];
  /** Per token: the rule tagger's BILOU tag for the mention covering it ("U-person"), or "". */
  rules: string[];
}

const CAP_RE = /^\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

export function buildContext(tokens: Token[], shouted: boolean[], rules: string[]): DocContext {
  const lowercase = new Set<string>();
  const midCapital = new Set<string>();
  for (const t of tokens) {
    const first = t.text.charCodeAt(0);
    if (first >= 97 && first <= 122) lowercase.add(t.text);
    else if (!t.sentStart && CAP_RE.test(t.text) && LOWER_RE.test(t.text)) midCapital.add(foldWord(t.text));
  }
  return { tokens, lowercase, midCapital, gazetteer: gazetteerTags(tokens), shouted, rules };
}

/** Longest-match lookup of every known phrase, as BILOU tags of the phrase's kind. */
function gazetteerTags(tokens: Token[]): string[] {
  const tags = Array.from({ length: tokens.length }, () => "");
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as Token;
    if (!CAP_RE.test(t.text)) {
      i++;
      continue;
    }
    let best = 0;
    let kind = "";
    for (const phrase of PHRASES.get(foldWord(t.text)) ?? []) {
      const n = phrase.words.length;
      if (n <= best || i + n > tokens.length) continue;
      const ok = phrase.words.every((w, k) => {
        const word = (tokens[i + k] as Token).text;
        return w.exact ? exactWord(word) === w.key : foldWord(word) === w.key;
      });
      if (ok) {
        best = n;
        kind = phrase.kind;
      }
    }
    if (best === 0) {
      i++;
      continue;
    }
    if (best === 1) tags[i] = `U-${kind}`;
    else for (let k = 0; k < best; k++) tags[i + k] = `${k === 0 ? "B" : k === best - 1 ? "L" : "I"}-${kind}`;
    i += best;
  }
  return tags;
}

/** A word's shape: X for capitals, x for lower case, d for digits, runs collapsed ("Xx", "X.X.", "dd"). */
export function shape(word: string): string {
  let out = "";
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    if (!out.endsWith(c)) out += c;
  }
  return out;
}

/** FNV-1a over UTF-16 code units: cheap, stable across runtimes, good enough to spread features over buckets. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const BOUNDARY = "<s>";

function word(ctx: DocContext, i: number): string {
  const t = ctx.tokens[i];
  return t ? t.text : BOUNDARY;
}

/**
 * The feature strings of token i, given the two tags decoded before it. Each is prefixed with its template
 * so that equal strings from different templates hash apart.
 */
export function features(ctx: DocContext, i: number, prev: string, prev2: string, out: string[]): void {
  out.length = 0;
  const t = ctx.tokens[i] as Token;
  const w = t.text;
  const lw = w.toLowerCase();
  const fold = foldWord(w);
  const cap = CAP_RE.test(w);
  const p1 = word(ctx, i - 1);
  const n1 = word(ctx, i + 1);
  const lp1 = p1.toLowerCase();
  const ln1 = n1.toLowerCase();
  const sh = shape(w);
  out.push(
    "b",
    `w=${lw}`,
    `sh=${sh}`,
    `p3=${lw.slice(0, 3)}`,
    `s3=${lw.slice(-3)}`,
    `s2=${lw.slice(-2)}`,
    `w-1=${lp1}`,
    `w+1=${ln1}`,
    `w-2=${word(ctx, i - 2).toLowerCase()}`,
    `w+2=${word(ctx, i + 2).toLowerCase()}`,
    `w-1w=${lp1}|${lw}`,
    `ww+1=${lw}|${ln1}`,
    `sh-1=${shape(p1)}`,
    `sh+1=${shape(n1)}`,
    `sh-1sh+1=${shape(p1)}|${sh}|${shape(n1)}`,
    `t-1=${prev}`,
    `t-2=${prev2}|${prev}`,
    `t-1sh=${prev}|${sh}`,
    `t-1w=${prev}|${lw}`,
    `g=${ctx.gazetteer[i]}`,
    `g-1=${ctx.gazetteer[i - 1] ?? BOUNDARY}`,
    `g+1=${ctx.gazetteer[i + 1] ?? BOUNDARY}`,
    `gt=${ctx.gazetteer[i]}|${prev}`,
    `r=${ctx.rules[i]}`,
    `r-1=${ctx.rules[i - 1] ?? BOUNDARY}|r+1=${ctx.rules[i + 1] ?? BOUNDARY}`,
    `rt=${ctx.rules[i]}|${prev}`,
    `rs=${ctx.rules[i]}|${sh}`,
  );
  if (cap) {
    out.push(`ss=${t.sentStart}`, `lc=${ctx.lowercase.has(lw)}|${t.sentStart}`, `mc=${ctx.midCapital.has(fold)}|${t.sentStart}`);
    if (ctx.shouted[i]) out.push(`shout|${sh}`, `shout|g=${ctx.gazetteer[i]}`);
    if (t.field === "title") out.push("title");
  }
  if (PERSON_CUE_WORDS.has(lp1)) out.push("cue-1=person");
  if (ORG_CUE_WORDS.has(lp1)) out.push("cue-1=org");
  if (PLACE_CUE_WORDS.has(lp1)) out.push("cue-1=place");
  if (ORG_CUE_WORDS.has(ln1)) out.push("cue+1=org");
  if (PLACE_NOUN_WORDS.has(ln1)) out.push("cue+1=place");
  if (PERSON_CUE_WORDS.has(ln1)) out.push("cue+1=person");
  if (ORG_SUFFIX_WORDS.has(w)) out.push("orgsuffix");
  if (PLACE_SUFFIX_WORDS.has(w)) out.push("placesuffix");
  if (ORG_SUFFIX_WORDS.has(n1)) out.push("orgsuffix+1");
}
