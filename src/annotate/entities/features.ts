/**
 * Stage 2: the features of each token, as hashes into the model's weight table. Local features (the word,
 * its shape and affixes, its neighbours), the gazetteers and cue words of the rule tagger as features, and
 * non-local ones in the spirit of Ratinov & Roth (2009): whether the document also writes the word in lower
 * case, or capitalised away from a sentence start, and whether its line is Title-Case or capitals.
 */
import * as gazetteer from "../gazetteer";
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
  /**
   * Per token: whether a name could start here. A name starts with a capital, a digit ("7-Eleven") or a
   * particle ("al-Shabab"); other tokens outside a name are O without being scored, which is most of a story.
   */
  canStart: boolean[];
}

// Local names for the gazetteer's tables: the features read them for every scored token.
const { exactWord, foldWord, ORG_CUE_WORDS, ORG_SUFFIX_WORDS, PERSON_CUE_WORDS, PHRASES, PLACE_CUE_WORDS, PLACE_NOUN_WORDS, PLACE_SUFFIX_WORDS } = gazetteer;
const CAP_RE = /^\p{Lu}/u;
const START_RE = /^(?:\p{Lu}|\p{N}|(?:al|el|ad|as|ash|at|ibn|bin|abu|van|von|de|da|di|du|le|la)-\p{Lu})/u;
const LOWER_RE = /\p{Ll}/u;

export function buildContext(tokens: Token[], shouted: boolean[], rules: string[]): DocContext {
  const lowercase = new Set<string>();
  const midCapital = new Set<string>();
  for (const t of tokens) {
    const first = t.text.charCodeAt(0);
    if (first >= 97 && first <= 122) lowercase.add(t.text);
    else if (!t.sentStart && CAP_RE.test(t.text) && LOWER_RE.test(t.text)) midCapital.add(foldWord(t.text));
  }
  const canStart = tokens.map((t) => START_RE.test(t.text));
  return { tokens, lowercase, midCapital, gazetteer: gazetteerTags(tokens), shouted, rules, canStart };
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
  let last = "";
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    // ASCII by code; anything else by Unicode class (rare in English news).
    if (code >= 65 && code <= 90) c = "X";
    else if (code >= 97 && code <= 122) c = "x";
    else if (code >= 48 && code <= 57) c = "d";
    else if (code < 128) c = word[i] as string;
    else {
      const ch = word[i] as string;
      c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const FNV_START = 0x811c9dc5;

/** FNV-1a over UTF-16 code units, continued from state `h`: cheap, stable across runtimes. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The hash of one feature string. A feature's parts are hashed in sequence, as if joined, so none is built. */
export function hash(text: string): number {
  return fnv(FNV_START, text) >>> 0;
}

const BOUNDARY = "<s>";
const BOUNDARY_SHAPE = shape(BOUNDARY);
const BAR = "|";

/**
 * Per token, what several features read: the word in lower case and its shape, worked out on first use
 * (only tokens near a possible name are ever scored).
 */
class TokenView {
  private readonly lowers: (string | undefined)[] = [];
  private readonly shapes: (string | undefined)[] = [];
  constructor(private readonly tokens: Token[]) {}
  lower(i: number): string {
    const t = this.tokens[i];
    if (!t) return BOUNDARY;
    return (this.lowers[i] ??= t.text.toLowerCase());
  }
  shape(i: number): string {
    const t = this.tokens[i];
    if (!t) return BOUNDARY_SHAPE;
    return (this.shapes[i] ??= shape(t.text));
  }
}

const views = new WeakMap<DocContext, TokenView>();

function view(ctx: DocContext): TokenView {
  let v = views.get(ctx);
  if (!v) {
    v = new TokenView(ctx.tokens);
    views.set(ctx, v);
  }
  return v;
}

// Each template's prefix, hashed once (a template's id: equal values of different templates hash apart).
const P_b = fnv(FNV_START, "b");
const P_weq = fnv(FNV_START, "w=");
const P_sheq = fnv(FNV_START, "sh=");
const P_p3eq = fnv(FNV_START, "p3=");
const P_s3eq = fnv(FNV_START, "s3=");
const P_s2eq = fnv(FNV_START, "s2=");
const P_wminus1eq = fnv(FNV_START, "w-1=");
const P_wplus1eq = fnv(FNV_START, "w+1=");
const P_wminus2eq = fnv(FNV_START, "w-2=");
const P_wplus2eq = fnv(FNV_START, "w+2=");
const P_wminus1weq = fnv(FNV_START, "w-1w=");
const P_wwplus1eq = fnv(FNV_START, "ww+1=");
const P_shminus1eq = fnv(FNV_START, "sh-1=");
const P_shplus1eq = fnv(FNV_START, "sh+1=");
const P_shminus1shplus1eq = fnv(FNV_START, "sh-1sh+1=");
const P_tminus1eq = fnv(FNV_START, "t-1=");
const P_tminus2eq = fnv(FNV_START, "t-2=");
const P_tminus1sheq = fnv(FNV_START, "t-1sh=");
const P_tminus1weq = fnv(FNV_START, "t-1w=");
const P_geq = fnv(FNV_START, "g=");
const P_gminus1eq = fnv(FNV_START, "g-1=");
const P_gplus1eq = fnv(FNV_START, "g+1=");
const P_gteq = fnv(FNV_START, "gt=");
const P_req = fnv(FNV_START, "r=");
const P_rminus1eq = fnv(FNV_START, "r-1=");
const P_rteq = fnv(FNV_START, "rt=");
const P_rseq = fnv(FNV_START, "rs=");
const P_sseq = fnv(FNV_START, "ss=");
const P_lceq = fnv(FNV_START, "lc=");
const P_mceq = fnv(FNV_START, "mc=");
const P_shoutbar = fnv(FNV_START, "shout|");
const P_shoutbargeq = fnv(FNV_START, "shout|g=");
const P_title = fnv(FNV_START, "title");
const P_cueminus1eqperson = fnv(FNV_START, "cue-1=person");
const P_cueminus1eqorg = fnv(FNV_START, "cue-1=org");
const P_cueminus1eqplace = fnv(FNV_START, "cue-1=place");
const P_cueplus1eqorg = fnv(FNV_START, "cue+1=org");
const P_cueplus1eqplace = fnv(FNV_START, "cue+1=place");
const P_cueplus1eqperson = fnv(FNV_START, "cue+1=person");
const P_orgsuffix = fnv(FNV_START, "orgsuffix");
const P_placesuffix = fnv(FNV_START, "placesuffix");
const P_orgsuffixplus1 = fnv(FNV_START, "orgsuffix+1");

const f1 = (prefix: number, a: string): number => fnv(prefix, a) >>> 0;
const f2 = (prefix: number, a: string, b: string): number => fnv(fnv(fnv(prefix, a), BAR), b) >>> 0;

/**
 * The feature hashes of token i, given the two tags decoded before it. Each feature is a template prefix and
 * its values ("w-1w=" + previous word + "|" + word), hashed without building the string, so equal values of
 * different templates hash apart.
 */
export function features(ctx: DocContext, i: number, prev: string, prev2: string, out: number[]): void {
  out.length = 0;
  const v = view(ctx);
  const t = ctx.tokens[i] as Token;
  const n = ctx.tokens.length;
  const lw = v.lower(i);
  const sh = v.shape(i);
  const lp1 = v.lower(i - 1);
  const ln1 = v.lower(i + 1);
  const shp = v.shape(i - 1);
  const shn = v.shape(i + 1);
  const g = ctx.gazetteer[i] as string;
  const r = ctx.rules[i] as string;
  out.push(
    P_b >>> 0,
    f1(P_weq, lw),
    f1(P_sheq, sh),
    f1(P_p3eq, lw.slice(0, 3)),
    f1(P_s3eq, lw.slice(-3)),
    f1(P_s2eq, lw.slice(-2)),
    f1(P_wminus1eq, lp1),
    f1(P_wplus1eq, ln1),
    f1(P_wminus2eq, v.lower(i - 2)),
    f1(P_wplus2eq, v.lower(i + 2)),
    f2(P_wminus1weq, lp1, lw),
    f2(P_wwplus1eq, lw, ln1),
    f1(P_shminus1eq, shp),
    f1(P_shplus1eq, shn),
    fnv(fnv(fnv(fnv(fnv(P_shminus1shplus1eq, shp), BAR), sh), BAR), shn) >>> 0,
    f1(P_tminus1eq, prev),
    f2(P_tminus2eq, prev2, prev),
    f2(P_tminus1sheq, prev, sh),
    f2(P_tminus1weq, prev, lw),
    f1(P_geq, g),
    f1(P_gminus1eq, ctx.gazetteer[i - 1] ?? BOUNDARY),
    f1(P_gplus1eq, ctx.gazetteer[i + 1] ?? BOUNDARY),
    f2(P_gteq, g, prev),
    f1(P_req, r),
    fnv(fnv(fnv(P_rminus1eq, ctx.rules[i - 1] ?? BOUNDARY), "|r+1="), ctx.rules[i + 1] ?? BOUNDARY) >>> 0,
    f2(P_rteq, r, prev),
    f2(P_rseq, r, sh),
  );
  if (CAP_RE.test(t.text)) {
    const start = t.sentStart ? "true" : "false";
    out.push(
      f1(P_sseq, start),
      f2(P_lceq, ctx.lowercase.has(lw) ? "true" : "false", start),
      f2(P_mceq, ctx.midCapital.has(foldWord(t.text)) ? "true" : "false", start),
    );
    if (ctx.shouted[i]) out.push(f1(P_shoutbar, sh), f1(P_shoutbargeq, g));
    if (t.field === "title") out.push(P_title >>> 0);
  }
  const w = t.text;
  const n1 = i + 1 < n ? (ctx.tokens[i + 1] as Token).text : BOUNDARY;
  if (PERSON_CUE_WORDS.has(lp1)) out.push(P_cueminus1eqperson >>> 0);
  if (ORG_CUE_WORDS.has(lp1)) out.push(P_cueminus1eqorg >>> 0);
  if (PLACE_CUE_WORDS.has(lp1)) out.push(P_cueminus1eqplace >>> 0);
  if (ORG_CUE_WORDS.has(ln1)) out.push(P_cueplus1eqorg >>> 0);
  if (PLACE_NOUN_WORDS.has(ln1)) out.push(P_cueplus1eqplace >>> 0);
  if (PERSON_CUE_WORDS.has(ln1)) out.push(P_cueplus1eqperson >>> 0);
  if (ORG_SUFFIX_WORDS.has(w)) out.push(P_orgsuffix >>> 0);
  if (PLACE_SUFFIX_WORDS.has(w)) out.push(P_placesuffix >>> 0);
  if (ORG_SUFFIX_WORDS.has(n1)) out.push(P_orgsuffixplus1 >>> 0);
}
