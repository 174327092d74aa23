/**
 * Stage 2: the features of each token, as hashes into the model's weight table. Local features (the word,
 * its shape and affixes, its neighbours), the gazetteers and cue words of the rule tagger as features, and
 * non-local ones in the spirit of Ratinov & Roth (2009): whether the document also writes the word in lower
 * case, or capitalised away from a sentence start, and whether its line is Title-Case or capitals; and a weak
 * place feature, whether a phrase is a GeoNames name (gazetteer/geonames.ts).
 */
import * as gazetteer from "../gazetteer";
import { isGeoName } from "../gazetteer/geonames";
import { HONORIFICS } from "./document";
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
  /**
   * Words the document writes in lower case somewhere (their text starts with a-z), of those it also writes
   * capitalised or in a non-ASCII letter: the only ones asked about. Ask through writesLower().
   */
  lowercase: Set<string>;
  /** Per token: foldWord() of a capitalised token's or a particle name's text, "" for any other. */
  folded: string[];
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
  /** The tokens' cached hashes, filled as decoding reaches them (kept on the context: no WeakMap entry per story). */
  view: TokenView;
  /** Per token, the hash of its gazetteer tag and of its rule tag: worked out once, where five features read each. */
  gazetteerHash: Int32Array;
  rulesHash: Int32Array;
  /** Per token, the hash of its BILOU tag in the longest GeoNames phrase covering it (H_EMPTY for none). */
  geoHash: Int32Array;
}

// Local names for the gazetteer's tables: the features read them for every scored token.
const { exactWord, FIRST_NAMES, foldWord, ORG_CUE_WORDS, ORG_SUFFIX_WORDS, PERSON_CUE_WORDS, PHRASES, PLACE_CUE_WORDS, PLACE_NOUN_WORDS, PLACE_SUFFIX_WORDS } = gazetteer;
const CAP_RE = /^\p{Lu}/u;
const START_RE = /^(?:\p{Lu}|\p{N}|(?:al|el|ad|as|ash|at|ibn|bin|abu|van|von|de|da|di|du|le|la)-\p{Lu})/u;
const LOWER_RE = /\p{Ll}/u;

/** CAP_RE.test without a regex for ASCII, the usual case: this runs for every token. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAP_RE.test(text);
}

/**
 * Capitalised words that start no name the guideline tags: articles (the document pass drops a leading "The"
 * anyway), pronouns, conjunctions, prepositions, determiners, weekdays and months that are no first names.
 * Outside a name they are O unscored, like lower-case words (about a sixth of the tokens that would be
 * scored); inside one ("Bank of The West") they are scored as before. Training maps gold alike
 * (scripts/entity-data.ts drops them from the front of a mention).
 */
export const NEVER_START = new Set(
  (
    "The A An In On At By For From With Into Of To But And Or Nor If As It Its He She They We I You His Her Their Our " +
    "This That These Those There Here When While After Before During What Which Who Whom Whose How Why Where " +
    "Some Many Several Both Such Also However Meanwhile Since Than Then Thus So Each Every Any Not No Yes Although " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July September October November December"
  ).split(" "),
);

/** START_RE.test, with ASCII settled by code: a lower-case word can only start a name as a hyphenated particle. */
function canStartName(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 128) return START_RE.test(text);
  if (c >= 65 && c <= 90) return !NEVER_START.has(text);
  if (c >= 48 && c <= 57) return true;
  if (c < 97 || c > 122) return false;
  const hyphen = text.indexOf("-");
  return hyphen >= 2 && hyphen <= 4 && START_RE.test(text);
}

export function buildContext(tokens: Token[], shouted: boolean[], rules: string[]): DocContext {
  const lowercase = new Set<string>();
  const midCapital = new Set<string>();
  const folded = new Array<string>(tokens.length).fill("");
  // What the lower-case set is asked about (a capitalised word, lower-cased): only such words are kept.
  const asked = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const text = t.text;
    const first = text.charCodeAt(0);
    if (first >= 97 && first <= 122) {
      // A particle name ("al-Qaeda") is looked up in the gazetteer like a capitalised word.
      if (text.indexOf("-") > 0 && canStartName(text)) folded[i] = foldWord(text);
      continue;
    }
    if (startsUpper(text)) {
      const fold = foldWord(text);
      folded[i] = fold;
      if (!t.sentStart && LOWER_RE.test(text)) midCapital.add(fold);
      asked.add(text.toLowerCase());
    } else if (first >= 128) asked.add(text.toLowerCase());
  }
  for (const t of tokens) {
    const first = t.text.charCodeAt(0);
    if (first >= 97 && first <= 122 && asked.has(t.text)) lowercase.add(t.text);
  }
  const canStart = tokens.map((t) => canStartName(t.text));
  const gazetteer = gazetteerTags(tokens, folded);
  return {
    tokens,
    folded,
    lowercase,
    midCapital,
    gazetteer,
    shouted,
    rules,
    canStart,
    view: new TokenView(tokens),
    gazetteerHash: labelHashes(gazetteer),
    rulesHash: labelHashes(rules),
    geoHash: geoTags(tokens, folded),
  };
}

/**
 * The longest GeoNames phrase (up to four words on one line) starting at each capitalised token, as BILOU label
 * hashes: the phrase's hash is continued word by word, so no key string is built.
 */
function geoTags(tokens: Token[], folded: readonly string[]): Int32Array {
  const out = new Int32Array(tokens.length).fill(H_EMPTY);
  for (let i = 0; i < tokens.length; ) {
    if (folded[i] === "") {
      i++;
      continue;
    }
    let h = fnv(FNV_START, folded[i] as string);
    let best = isGeoName(h >>> 0) ? 1 : 0;
    const line = (tokens[i] as Token).line;
    for (let n = 2; n <= 4 && i + n <= tokens.length; n++) {
      const t = tokens[i + n - 1] as Token;
      if (t.line !== line) break;
      const c = t.text.charCodeAt(0);
      // Only words continue a place's name: punctuation and numbers end it.
      if (!(c >= 65 && c <= 90) && !(c >= 97 && c <= 122) && c < 128) break;
      h = fnv(fnv(h, " "), folded[i + n - 1] || t.text.toLowerCase());
      if (isGeoName(h >>> 0)) best = n;
    }
    if (best === 0) {
      i++;
      continue;
    }
    if (best === 1) out[i] = GEO_LABELS[3] as number;
    else for (let k = 0; k < best; k++) out[i + k] = GEO_LABELS[k === 0 ? 0 : k === best - 1 ? 2 : 1] as number;
    i += best;
  }
  return out;
}

/** labelHash() of every tag, with the empty tag (most tokens) filled without a lookup. */
function labelHashes(tags: readonly string[]): Int32Array {
  const out = new Int32Array(tags.length).fill(H_EMPTY);
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag !== "") out[i] = labelHash(tag);
  }
  return out;
}

/**
 * Whether the document writes `word` in lower case somewhere, as a set of every a-z word would say: the
 * context's set answers for capitalised words, a lower-case word is its own witness, and the rare mixed one
 * ("iPhone", "al-Shabab") is looked for token by token.
 */
export function writesLower(tokens: readonly Token[], lowercase: Set<string>, word: string): boolean {
  const lower = word.toLowerCase();
  const first = word.charCodeAt(0);
  if (first < 97 || first > 122) return lowercase.has(lower);
  if (lower === word) return true;
  for (const t of tokens) if (t.text === lower) return true;
  return false;
}

/** Longest-match lookup of every known phrase, as BILOU tags of the phrase's kind. */
function gazetteerTags(tokens: Token[], folded: readonly string[]): string[] {
  const tags = new Array<string>(tokens.length).fill("");
  // Each token's folded and exact forms, made once on first use: a bucket ("the", "new") holds dozens of phrases.
  const folds: (string | undefined)[] = [];
  const exacts: (string | undefined)[] = [];
  const matches = (w: { exact: boolean; key: string }, at: number): boolean => {
    if (w.exact) return (exacts[at] ??= exactWord((tokens[at] as Token).text)) === w.key;
    return (folds[at] ??= foldWord((tokens[at] as Token).text)) === w.key;
  };
  for (let i = 0; i < tokens.length; ) {
    if (folded[i] === "") {
      i++;
      continue;
    }
    let best = 0;
    let kind = "";
    for (const phrase of PHRASES.get(folded[i] as string) ?? []) {
      const n = phrase.words.length;
      if (n <= best || i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = matches(phrase.words[k] as { exact: boolean; key: string }, i + k);
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

/** fnv() over text[from, to). */
function fnvRange(h: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** fnv(FNV_START, shape(word)), hashed as the shape is read instead of built as a string first. */
function shapeHash(word: string): number {
  let h = FNV_START;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: number;
    if (code >= 65 && code <= 90) c = 88; // X
    else if (code >= 97 && code <= 122) c = 120; // x
    else if (code >= 48 && code <= 57) c = 100; // d
    else if (code < 128) c = code;
    else {
      const ch = word[i] as string;
      c = /\p{Lu}/u.test(ch) ? 88 : /\p{Ll}/u.test(ch) ? 120 : /\p{N}/u.test(ch) ? 100 : code;
    }
    if (c !== last) {
      h ^= c;
      h = Math.imul(h, 0x01000193);
    }
    last = c;
  }
  return h;
}

/** The hash of one feature string. A feature's parts are hashed in sequence, as if joined, so none is built. */
export function hash(text: string): number {
  return fnv(FNV_START, text) >>> 0;
}

const BOUNDARY = "<s>";
const BOUNDARY_SHAPE = shape(BOUNDARY);

/** Mixes two 32-bit values (murmur3's finalizer over their xor-multiply): a feature from its template and values. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hashes of the short strings the features read again and again (tags, gazetteer and rule labels). */
const LABEL_HASHES = new Map<string, number>();
function labelHash(label: string): number {
  let h = LABEL_HASHES.get(label);
  if (h === undefined) {
    h = fnv(FNV_START, label);
    LABEL_HASHES.set(label, h);
  }
  return h;
}
const TAG_HASHES = TAGS.map((t) => fnv(FNV_START, t));
const H_BOUNDARY = fnv(FNV_START, BOUNDARY);
const H_BOUNDARY_SHAPE = fnv(FNV_START, BOUNDARY_SHAPE);
const H_EMPTY = fnv(FNV_START, "");
const H_TRUE = fnv(FNV_START, "true");
const H_FALSE = fnv(FNV_START, "false");
const GEO_LABELS = ["B-geo", "I-geo", "L-geo", "U-geo"].map((t) => fnv(FNV_START, t));

/**
 * Per token, the hashes several features read: the word in lower case, its shape, prefix and suffixes, worked
 * out on first use (only tokens near a possible name are ever scored) and kept for the neighbours' features.
 */
export class TokenView {
  readonly lower: Int32Array;
  readonly shape: Int32Array;
  readonly p3: Int32Array;
  readonly s3: Int32Array;
  readonly s2: Int32Array;
  private readonly done: Uint8Array;
  readonly lowerText: (string | undefined)[] = [];
  constructor(private readonly tokens: Token[]) {
    const n = tokens.length;
    this.lower = new Int32Array(n);
    this.shape = new Int32Array(n);
    this.p3 = new Int32Array(n);
    this.s3 = new Int32Array(n);
    this.s2 = new Int32Array(n);
    this.done = new Uint8Array(n);
  }
  /** Fills token i's hashes; false outside the document (the features then read the boundary). */
  ready(i: number): boolean {
    if (i < 0 || i >= this.tokens.length) return false;
    if (this.done[i] === 0) {
      const text = (this.tokens[i] as Token).text;
      const lw = text.toLowerCase();
      this.lowerText[i] = lw;
      this.lower[i] = fnv(FNV_START, lw);
      this.shape[i] = shapeHash(text);
      // The affixes hashed in place: fnv over a range is fnv over the slice, without the slice.
      this.p3[i] = fnvRange(FNV_START, lw, 0, Math.min(3, lw.length));
      this.s3[i] = fnvRange(FNV_START, lw, Math.max(0, lw.length - 3), lw.length);
      this.s2[i] = fnvRange(FNV_START, lw, Math.max(0, lw.length - 2), lw.length);
      this.done[i] = 1;
    }
    return true;
  }
  lowerAt(i: number): number {
    return this.ready(i) ? (this.lower[i] as number) : H_BOUNDARY;
  }
  shapeAt(i: number): number {
    return this.ready(i) ? (this.shape[i] as number) : H_BOUNDARY_SHAPE;
  }
  word(i: number): string {
    return this.ready(i) ? (this.lowerText[i] as string) : BOUNDARY;
  }
}

// Each template's id, hashed once: equal values of different templates hash apart.
const T = (name: string): number => fnv(FNV_START, name);
const P_b = T("b");
const P_weq = T("w=");
const P_sheq = T("sh=");
const P_p3eq = T("p3=");
const P_s3eq = T("s3=");
const P_s2eq = T("s2=");
const P_wminus1eq = T("w-1=");
const P_wplus1eq = T("w+1=");
const P_wminus2eq = T("w-2=");
const P_wplus2eq = T("w+2=");
const P_wminus1weq = T("w-1w=");
const P_wwplus1eq = T("ww+1=");
const P_shminus1eq = T("sh-1=");
const P_shplus1eq = T("sh+1=");
const P_shminus1shplus1eq = T("sh-1sh+1=");
const P_tminus1eq = T("t-1=");
const P_tminus2eq = T("t-2=");
const P_tminus1sheq = T("t-1sh=");
const P_tminus1weq = T("t-1w=");
const P_geq = T("g=");
const P_gminus1eq = T("g-1=");
const P_gplus1eq = T("g+1=");
const P_gteq = T("gt=");
const P_req = T("r=");
const P_rminus1eq = T("r-1r+1=");
const P_rteq = T("rt=");
const P_rseq = T("rs=");
const P_sseq = T("ss=");
const P_lceq = T("lc=");
const P_mceq = T("mc=");
const P_shoutbar = T("shout|");
const P_shoutbargeq = T("shout|g=");
const P_title = mix(T("title"), 0);
const P_cueminus1eqperson = mix(T("cue-1=person"), 0);
const P_cueminus1eqorg = mix(T("cue-1=org"), 0);
const P_cueminus1eqplace = mix(T("cue-1=place"), 0);
const P_cueplus1eqorg = mix(T("cue+1=org"), 0);
const P_cueplus1eqplace = mix(T("cue+1=place"), 0);
const P_cueplus1eqperson = mix(T("cue+1=person"), 0);
const P_orgsuffix = mix(T("orgsuffix"), 0);
/** The word before is an honorific or a role the document pass strips ("MLA", "Shri", "Dr"): a name may follow. */
const P_honorificminus1 = mix(T("honorific-1"), 0);
const P_placesuffix = mix(T("placesuffix"), 0);
const P_orgsuffixplus1 = mix(T("orgsuffix+1"), 0);
const P_bias = mix(P_b, 0);
/** The word is a known given name ("Daniel"), or the word before it is one ("Daniel Farke"). */
const P_firstname = mix(T("firstname"), 0);
const P_firstnameminus1 = mix(T("firstname-1"), 0);
const P_geoeq = T("geo=");
const P_geotmeq = T("geot=");

/**
 * The feature hashes of token i, given the indices of the two tags decoded before it. Each feature mixes its
 * template's id with its values' hashes (cached per token), so no string is built or hashed twice.
 */
export function features(ctx: DocContext, i: number, prev: number, prev2: number, out: number[]): void {
  out.length = 0;
  const v = ctx.view;
  const t = ctx.tokens[i] as Token;
  const n = ctx.tokens.length;
  v.ready(i);
  const lw = v.lower[i] as number;
  const sh = v.shape[i] as number;
  const lp1 = v.lowerAt(i - 1);
  const ln1 = v.lowerAt(i + 1);
  const shp = v.shapeAt(i - 1);
  const shn = v.shapeAt(i + 1);
  const gh = ctx.gazetteerHash;
  const rh = ctx.rulesHash;
  const g = gh[i] as number;
  const r = rh[i] as number;
  const tp = TAG_HASHES[prev] as number;
  const tp2 = TAG_HASHES[prev2] as number;
  out.push(
    P_bias,
    mix(P_weq, lw),
    mix(P_sheq, sh),
    mix(P_p3eq, v.p3[i] as number),
    mix(P_s3eq, v.s3[i] as number),
    mix(P_s2eq, v.s2[i] as number),
    mix(P_wminus1eq, lp1),
    mix(P_wplus1eq, ln1),
    mix(P_wminus2eq, v.lowerAt(i - 2)),
    mix(P_wplus2eq, v.lowerAt(i + 2)),
    mix(mix(P_wminus1weq, lp1), lw),
    mix(mix(P_wwplus1eq, lw), ln1),
    mix(P_shminus1eq, shp),
    mix(P_shplus1eq, shn),
    mix(mix(mix(P_shminus1shplus1eq, shp), sh), shn),
    mix(P_tminus1eq, tp),
    mix(mix(P_tminus2eq, tp2), tp),
    mix(mix(P_tminus1sheq, tp), sh),
    mix(mix(P_tminus1weq, tp), lw),
    mix(P_geq, g),
    mix(P_gminus1eq, i > 0 ? (gh[i - 1] as number) : H_BOUNDARY),
    mix(P_gplus1eq, i + 1 < n ? (gh[i + 1] as number) : H_BOUNDARY),
    mix(mix(P_gteq, g), tp),
    mix(P_req, r),
    mix(mix(P_rminus1eq, i > 0 ? (rh[i - 1] as number) : H_BOUNDARY), i + 1 < n ? (rh[i + 1] as number) : H_BOUNDARY),
    mix(mix(P_rteq, r), tp),
    mix(mix(P_rseq, r), sh),
  );
  const geo = ctx.geoHash[i] as number;
  if (geo !== H_EMPTY) out.push(mix(P_geoeq, geo), mix(mix(P_geotmeq, geo), g));
  if (startsUpper(t.text)) {
    const start = t.sentStart ? H_TRUE : H_FALSE;
    const word = v.word(i);
    out.push(
      mix(P_sseq, start),
      mix(mix(P_lceq, ctx.lowercase.has(word) ? H_TRUE : H_FALSE), start),
      mix(mix(P_mceq, ctx.midCapital.has(ctx.folded[i] as string) ? H_TRUE : H_FALSE), start),
    );
    if (ctx.shouted[i]) out.push(mix(P_shoutbar, sh), mix(P_shoutbargeq, g));
    if (t.field === "title") out.push(P_title);
    if (FIRST_NAMES.has(word)) out.push(P_firstname);
    if (i > 0 && FIRST_NAMES.has(v.word(i - 1)) && startsUpper((ctx.tokens[i - 1] as Token).text)) out.push(P_firstnameminus1);
  }
  const w = t.text;
  const wp1 = v.word(i - 1);
  const wn1 = v.word(i + 1);
  const n1 = i + 1 < n ? (ctx.tokens[i + 1] as Token).text : BOUNDARY;
  if (PERSON_CUE_WORDS.has(wp1)) out.push(P_cueminus1eqperson);
  if (HONORIFICS.has(wp1)) out.push(P_honorificminus1);
  if (ORG_CUE_WORDS.has(wp1)) out.push(P_cueminus1eqorg);
  if (PLACE_CUE_WORDS.has(wp1)) out.push(P_cueminus1eqplace);
  if (ORG_CUE_WORDS.has(wn1)) out.push(P_cueplus1eqorg);
  if (PLACE_NOUN_WORDS.has(wn1)) out.push(P_cueplus1eqplace);
  if (PERSON_CUE_WORDS.has(wn1)) out.push(P_cueplus1eqperson);
  if (ORG_SUFFIX_WORDS.has(w)) out.push(P_orgsuffix);
  if (PLACE_SUFFIX_WORDS.has(w)) out.push(P_placesuffix);
  if (ORG_SUFFIX_WORDS.has(n1)) out.push(P_orgsuffixplus1);
}
