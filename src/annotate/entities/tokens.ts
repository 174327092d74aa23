/**
 * Stage 1 of the trained tagger: text → tokens with their offsets, and the page-furniture lines that carry no
 * names worth tagging. Tokens follow the training data's conventions (CoNLL / Penn Treebank): punctuation
 * stands alone and a possessive "'s" is its own token, so the model sees news text the way it was trained.
 */
import type { SpanField } from "../../model";
import { lookupAlias } from "../gazetteer";
import { isLayoutLine } from "./layout";

export interface Token {
  text: string;
  field: SpanField;
  /** UTF-16 offsets [start, end) into the field's text. */
  start: number;
  end: number;
  /** Index of the token's line within its field (titles are one line). */
  line: number;
  /** First token of a sentence or a line: capitalisation there says little. */
  sentStart: boolean;
}

// Abbreviations with periods ("U.S.", "Gen."), words with inner apostrophes, hyphens or dots, possessives
// split off, numbers, then any other single character. Three kinds of hyphen do not join: after a number before
// a capital (a Reuters slug's "UPDATE 2-Nigeria"), after a slug's keyword ("EXCLUSIVE-SDF", "CYCLING-Pogacar"),
// and before a compound's adjective ("Lisbon-based", "Kenya-born"), so the name is a token of its own, as the
// guideline counts it (rule 6).
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Maj|Adm|Rev|Prof|Jr|Sr|Inc|Corp|Co|Ltd|Mt|Ft|Brig|Cmdr|Supt|Insp|Det|Hon|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.|['’][sS]\b|\p{N}+(?=-\p{Lu})|(?:EXCLUSIVE|UPDATE|REFILE|CORRECTED|WRAPUP|FACTBOX|ANALYSIS|INSIGHT|BRIEF|PREVIEW|SOCCER|CYCLING|TENNIS|GOLF|CRICKET|RUGBY|ATHLETICS|BASKETBALL|BOXING|RACING|OLYMPICS|HOCKEY|SWIMMING|SKIING|MARKETS|STOCKS|FOREX|METALS|GRAINS|BONDS)(?=-[\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:(?:['’](?![sS]\b)|[&.]|-(?!(?:based|born|bred|led|backed|owned|bound|made|listed|headquartered|registered|run|controlled|funded|linked|area)\b))[\p{L}\p{M}\p{N}]+)*|\S/gu;
const SENTENCE_END = new Set([".", "!", "?", "…", ":", ";", "|"]);

/** The same pattern anchored at one position: what tokenEnd() hands every case it does not know. */
export const TOKEN_AT_RE = new RegExp(TOKEN_RE.source, "uy");
const SPACE_RE = /\s/u;
/**
 * Punctuation outside ASCII that is always a token of one character under both token patterns (only their `\S`
 * matches it): curly double quotes, the opening single quote, dashes, the ellipsis, bullets and guillemets. The
 * closing single quote is not here: it is an apostrophe inside words and opens a possessive.
 */
const LONE_MARKS = new Set([0x201c, 0x201d, 0x2018, 0x2013, 0x2014, 0x2026, 0x2022, 0xab, 0xbb, 0xb7, 0x2032]);

/** ASCII letters and digits. */
function isAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Whether the character at `p` is one a global token pattern skips: white space, as `\s` reads it. */
export function isSpaceAt(text: string, p: number): boolean {
  const code = text.charCodeAt(p);
  return code === 32 || (code >= 9 && code <= 13) || (code >= 128 && SPACE_RE.test(text[p] as string));
}

/**
 * Where the token starting at `p` (not a space) ends, under `atRe`: a token pattern anchored with the sticky
 * flag whose only alternatives are capitals, quotes, words of letters, marks and digits, and `\S`. The plain
 * cases that make up most of a story are read here: a word of ASCII letters and digits followed by ASCII that
 * cannot extend it (every other alternative that may start with a capital or a digit needs a dot or a hyphen
 * next to it: "U.S.", "Mr.", "2-Nigeria", "UPDATE-"), or one punctuation mark no alternative starts with (ASCII,
 * or LONE_MARKS). Anything else goes to `atRe`: the same tokens, without a match object each.
 */
export function tokenEnd(text: string, p: number, atRe: RegExp): number {
  const code = text.charCodeAt(p);
  if (isAlnum(code)) {
    let q = p + 1;
    while (q < text.length && isAlnum(text.charCodeAt(q))) q++;
    if (q === text.length) return q;
    const next = text.charCodeAt(q);
    // An apostrophe, hyphen, ampersand, dot or plus may extend the word; anything non-ASCII may be a letter.
    if (next < 128 && next !== 39 && next !== 45 && next !== 38 && next !== 46 && next !== 43 && next !== 95) return q;
  } else if (code < 128 ? code !== 39 && code !== 95 : LONE_MARKS.has(code)) {
    return p + 1;
  }
  atRe.lastIndex = p;
  const m = atRe.exec(text);
  // `\S` matches any character that is not a space, so there is always a match here.
  return m ? p + m[0].length : p + 1;
}

const JOINABLE = new Set(["place", "organization", "agency"]);

/**
 * The parts of a hyphen-joined run of two or three capitalised names the gazetteer knows as places or
 * organizations ("Russia-Ukraine", "India-Pakistan", "China-U.S"), or undefined. A double-barrelled surname
 * ("Kallis-Dube") or a name with a lower-case part ("Heung-min") stays one token.
 */
function joinedNames(raw: string): string[] | undefined {
  const code = raw.charCodeAt(0);
  if (code < 65 || code > 90 || raw.indexOf("-") < 0) return undefined;
  const parts = raw.split("-");
  if (parts.length > 3) return undefined;
  for (const part of parts) {
    const first = part.charCodeAt(0);
    if (!(first >= 65 && first <= 90)) return undefined;
    const kind = lookupAlias(part)?.kind;
    if (kind === undefined || !JOINABLE.has(kind)) return undefined;
  }
  return parts;
}

/** Tokens of one field; `line` counts the field's line breaks. */
export function tokenize(text: string, field: SpanField): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let sentStart = true;
  let lineStart = true;
  for (let p = 0; p < text.length; ) {
    const code = text.charCodeAt(p);
    if (code === 10) {
      line++;
      lineStart = true;
      p++;
      continue;
    }
    if (isSpaceAt(text, p)) {
      p++;
      continue;
    }
    const end = tokenEnd(text, p, TOKEN_AT_RE);
    const raw = text.slice(p, end);
    const parts = joinedNames(raw);
    if (parts) {
      // "Russia-Ukraine", "China-U.S.": names the gazetteer knows, joined by a hyphen, are tokens apart.
      let at = p;
      for (const [k, part] of parts.entries()) {
        if (k > 0) tokens.push({ text: "-", field, start: at, end: ++at, line, sentStart: false });
        tokens.push({ text: part, field, start: at, end: at + part.length, line, sentStart: k === 0 && (sentStart || lineStart) });
        at += part.length;
      }
      sentStart = false;
      lineStart = false;
      p = end;
      continue;
    }
    tokens.push({ text: raw, field, start: p, end, line, sentStart: sentStart || lineStart });
    const opener = raw === '"' || raw === "“" || raw === "‘" || raw === "(" || raw === "'";
    if (!opener) {
      sentStart = SENTENCE_END.has(raw);
      lineStart = false;
    }
    p = end;
  }
  return tokens;
}

const WORD_RE = /^[\p{L}\p{N}]/u;
const CAP_RE = /^\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
/** Function words a Title-Case line leaves in lower case ("News of the Week"). */
const MINOR = new Set("a an and as at but by for from in into of on or the to with vs via".split(" "));
/** Words of site chrome: navigation, sharing, sign-up prompts, related-story blocks, credits. */
const CHROME_WORDS =
  /\b(?:read more|also read|view more|see more|show more|load more|related (?:stories|articles|topics|news)|more from|most (?:read|recent|popular|viewed)|trending|subscribe|sign up|newsletter|follow us|share (?:this|on)|click here|advertisement|sponsored|terms of use|privacy policy|cookie|all rights reserved|download (?:the )?app|latest news|top stories|recommended|photo(?:s)? ?:|image(?:s)? ?:|credit ?:|getty images|file photo|watch:|listen to)\b/i;

export interface LineInfo {
  /** Chrome: a menu, a share bar, a list of headlines, a prompt or a credit; its names are not the story's. */
  furniture: boolean;
  /** Title-Case or capitals: capitalisation says nothing about names on this line. */
  shouted: boolean;
}

/**
 * Classifies every line of a body. A line is furniture when it holds chrome words, or when it is short, has no
 * sentence punctuation and sits among other such lines (a menu or a headline list), or when it is one of the
 * headlines under a related-stories heading; a lone short line (a heading, a byline, a dateline paragraph) is kept.
 */
export function classifyLines(text: string): LineInfo[] {
  const lines = text.split("\n");
  // A hard-wrapped paragraph is prose, however its lines end: the next line carries on in lower case.
  const shape = lines.map((l, i) => lineShape(l, /^\s*\p{Ll}/u.test(lines[i + 1] ?? "")));
  // Neighbours are the nearest lines with words: blank lines between menu items do not break a menu.
  const filled = shape.flatMap((s, i) => (s.words > 0 ? [i] : []));
  const rank = new Map(filled.map((line, r) => [line, r]));
  const listed = headlineLists(lines, shape);
  return lines.map((l, i) => {
    const s = shape[i] as ReturnType<typeof lineShape>;
    if (s.words === 0) return { furniture: false, shouted: false };
    const chrome = s.words <= 14 && CHROME_WORDS.test(l);
    const r = rank.get(i) as number;
    const near = [r - 2, r - 1, r + 1, r + 2].filter((k) => shape[filled[k] ?? -1]?.bare).length;
    // A results row ("Bruins 7, Capitals 3") is the story's own text, however short and bare its neighbours.
    const menu = s.bare && s.words <= 5 && near >= 2 && !RESULT_ROW.test(l);
    return { furniture: chrome || menu || listed.has(i) || bulletedHeadlines(l), shouted: s.titleCase || s.caps };
  });
}

const RESULT_ROW = /^\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}\s\d{1,3},\s\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}\s\d{1,3}(?:\s*\((?:OT|SO|\d*OT)\))?\s*$/u;

const BULLET_SPLIT = /\s[•·▪|]\s/u;

/**
 * A row of headlines run onto one line between bullets ("Zambia to host talks  • Central bank makes cash injection
 * • Nikkei falls"): three or more pieces, none of them a sentence that ends in a full stop.
 */
function bulletedHeadlines(line: string): boolean {
  if (!line.includes("•") && !line.includes("·") && !line.includes("▪")) return false;
  const pieces = line.split(BULLET_SPLIT).map((p) => p.trim()).filter((p) => p !== "");
  return pieces.length >= 3 && pieces.every((p) => p.length <= 160 && !/[.!]["”’]?$/u.test(p));
}

/** A related-stories block's heading, alone on its line ("Trending Now", "Most Read", "You may also like"). */
const LIST_HEADING =
  /^\s*(?:trending(?:\s+(?:now|stories|news|today))?|most\s+(?:read|popular|viewed|shared)|related(?:\s+(?:stories|articles|news|posts|coverage))?|more\s+(?:stories|news|headlines|from\s+[\p{L} ]{2,30})|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|popular(?:\s+(?:now|stories))?|top\s+stories|latest(?:\s+(?:news|stories|headlines))?|read\s+next|editor'?s\s+picks)\s*:?\s*$/iu;

/**
 * The headlines under such a heading: the lines after it (blank lines between them allowed), up to twelve, while
 * each is headline-sized (22 words or fewer). Headlines often end in a question mark or hold a full stop
 * ("Cities feel the pain. But could the Kiwis help?"), so the short-bare-line test alone misses them; the first
 * line of prose ends the block.
 */
function headlineLists(lines: readonly string[], shape: readonly { words: number }[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!LIST_HEADING.test(lines[i] as string)) continue;
    let taken = 0;
    for (let k = i + 1; k < lines.length && taken < 12; k++) {
      const words = (shape[k] as { words: number }).words;
      if (words === 0) continue;
      if (words > 22 || (lines[k] as string).length > 160) break;
      out.add(k);
      taken++;
    }
  }
  return out;
}

function lineShape(line: string, continued: boolean): { words: number; bare: boolean; titleCase: boolean; caps: boolean } {
  // Words are runs between spaces that start with a letter or digit; content words are those not in MINOR.
  let words = 0;
  let content = 0;
  let capped = 0;
  for (let p = 0; p < line.length; ) {
    if (isSpaceAt(line, p)) {
      p++;
      continue;
    }
    let q = p + 1;
    while (q < line.length && !isSpaceAt(line, q)) q++;
    const code = line.charCodeAt(p);
    const isWord = code < 128 ? isAlnum(code) : WORD_RE.test(line.slice(p, q));
    if (isWord) {
      words++;
      // Only short words can be minor ones ("with" is the longest): no lower-casing of the rest.
      if (q - p > 4 || !MINOR.has(line.slice(p, q).toLowerCase())) {
        content++;
        if (code < 128 ? code >= 65 && code <= 90 : CAP_RE.test(line.slice(p, q))) capped++;
      }
    }
    p = q;
  }
  if (words === 0) return { words: 0, bare: false, titleCase: false, caps: false };
  const titleCase = content >= 3 && capped === content;
  const caps = words >= 3 && !LOWER_RE.test(line);
  // No sentence inside: it ends without a full stop and holds none.
  const trimmed = line.trim();
  // The layout test (two regexes) goes last: the cheap tests settle most lines.
  const bare =
    !continued &&
    trimmed.length <= 70 &&
    !/^\p{Ll}/u.test(trimmed) &&
    !/[.!?,;]["”’)]?$/.test(trimmed) &&
    !/[.!?]\s+\p{Lu}/u.test(trimmed) &&
    !isLayoutLine(line);
  return { words, bare, titleCase, caps };
}
