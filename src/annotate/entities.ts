/**
 * Entity tagger: people, organizations and places in a story's title and cleaned body, merged under
 * canonical names. Rules and gazetteers only, no model: one tokenizer pass, runs of capitalized words,
 * longest-match lookup, cue words around each unknown name, then in-story coreference ("Blinken" →
 * "Antony Blinken", "CARICOM" ↔ "Caribbean Community"). What counts and in which form is written in
 * docs/ENTITY-GUIDELINES.md; fixtures/entities/ holds the labelled set it is measured on.
 *
 * Since the trained tagger (entities/) these rules are its first stage: their mentions are features of the
 * model and their resolved names feed its document pass. annotate() calls the trained tagger.
 */
import type { Entity, EntityType, MentionSpan, SpanField } from "../model";
import {
  AMBIGUOUS_PLACES,
  CONNECTOR_WORDS,
  datelineState,
  EVENT_HEADS,
  exactWord,
  LEGAL_SUFFIX_WORDS,
  MOTION_VERB_WORDS,
  foldWord,
  lookupAlias,
  NAME_PARTICLES,
  OPENERS,
  ORG_CUE_WORDS,
  ORG_HEAD_WORDS,
  ORG_SUFFIX_WORDS,
  PERSON_CUE_WORDS,
  PHRASES,
  PLACE_CUE_WORDS,
  PLACE_MODIFIER_WORDS,
  PLACE_NOUN_WORDS,
  PLACE_PREFIX_WORDS,
  PLACE_SUFFIX_WORDS,
  PORTFOLIO,
  PORTFOLIO_TITLES,
  TITLE_HEAD_WORDS,
  type Phrase,
  type PhraseKind,
} from "./gazetteer";
import { isSpaceAt, tokenEnd } from "./entities/tokens";

/**
 * Bump on any change that alters the tagger's output, these rules or the trained tagger built on them
 * (entities/: its weights carry WEIGHTS_VERSION): stored stories are re-annotated. 3: the trained tagger.
 * 4: news agencies are organizations; wire layouts (ISO-date datelines, results rows, batting lines) settle types.
 * 5: names ending in News, Mobile, Wireless, Retail or SC (and any organization suffix, read as a person) are
 * organizations; weights retrained.
 * 6: closed-class capitalised words start no name, a role before a person leaves the rule feature, an
 * honorific-before feature, cued persons and particle names kept, police stations as organizations, headline
 * verbs dropped; weights retrained.
 * 7: trained on our marked page texts too (fixtures/entities-pages/); no name across a line; slug and compound
 * hyphens split; buildings and grounds are places; credited agencies kept; known places the model missed kept.
 * 8: sports clubs, venues and countries' own names in the gazetteer, Malaysian honorifics, a given-name feature;
 * weights retrained on more page texts.
 * 9: companies and exchanges in the gazetteer; 100 more page texts; surname particles and "X of Y and Z"
 * organizations joined; weights retrained.
 * 10: the document pass drops currency letters ("US$"), ages and counts before names, portfolios after "Head
 * of", meetings' names, headline verbs and function words; keeps "Royal Children's Hospital" whole; types
 * regional services ("NHS Grampian") and honorific-led names ("PM Shehbaz"); a town or a nickname is the club
 * the story names; stock indices untagged; more clubs, national sides' nicknames and British/American
 * spellings in the gazetteer; an honorific alone is no entity; 131,072 weight buckets (was 65,536); retrained.
 * 11: a weak place feature from GeoNames (gazetteer/geonames.ts); a list inherits only a type with evidence
 * behind it; "°C." is a unit and a full stop; the words of a law's title name nothing; a jurisdiction before
 * a court is part of its name; squad lists ("Player (Club, Country)"), clubs' opening words ("FC", "Olympique"),
 * a short organization linked to the one longer name it opens, an exchange's letters before a number (its index)
 * untagged; the headlines under a related-stories heading ("Trending Now") are furniture; retrained.
 * 12 (document pass only, weights unchanged): officials' letters ("CM", "DGP") are no part of a name; a party
 * with its faction in brackets ("JD(U)", "CPI(M)") is one organization; a named unit "of" a body ("Counter
 * Terrorism Unit of Dhaka Metropolitan Police") is two; an agency's credit glued to a byline's last name
 * ("Peter Nichollsreuters") is cut off; "DNA" and "ANA" name no agency outside the flags' datelines.
 */
export const ENTITY_TAGGER_VERSION = 14;

interface Token {
  /** Surface form, possessive dropped. */
  text: string;
  /** Where the surface form stands: UTF-16 offsets [start, end) into the title or the body. */
  field: SpanField;
  start: number;
  end: number;
  fold: string;
  exact: string;
  isWord: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Written in capitals (two letters or more): an acronym, or a shouted dateline. */
  caps: boolean;
  /** Was followed by 's or ': a name ends here. */
  poss: boolean;
  sentStart: boolean;
}

type SegKind = PhraseKind | "unknown" | "conn";

interface Segment {
  kind: SegKind;
  /** Token indexes [start, end) in the document's token list. */
  start: number;
  end: number;
  canonical: string;
}

interface Mention {
  name: string;
  /** null: a lone word that only counts if coreference finds what it stands for. */
  type: EntityType | null;
  /** How sure the rule that typed it is: gazetteer 3, cue 2, default 1. */
  weight: number;
  order: number;
  /** From the title: only counts when it is a known name or names something the body names. */
  strict: boolean;
  words: number;
  acronym: boolean;
  /** Token index just past the mention, for list inheritance. */
  end: number;
  /** Where the mention stands in the title or the body. */
  span: MentionSpan;
}

interface Doc {
  tokens: Token[];
  lowercaseWords: Set<string>;
  mentions: Mention[];
  /** Abbreviation → long form, from "Long Name (ABBR)". */
  abbreviations: Map<string, string>;
  /** The name that just closed a run, in case "(ABBR)" follows it. */
  pendingLong: { name: string; end: number } | undefined;
}

// Lowercase words first: they are most of the text, and no other alternative can start with one.
const TOKEN_RE =
  /\p{Ll}[\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+|[-&][\p{L}\p{M}\p{N}]+|\.(?=[\p{L}\p{N}]))*(?:['’]|\+(?![\p{L}\p{N}]))?|(?:\p{Lu}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Maj|Adm|Rev|Prof|Jr|Sr|Inc|Corp|Co|Ltd|Mt|Ft|Brig|Cmdr|Supt|Insp|Det|Hon|Messrs)\.|\p{Lu}\.(?=\s+\p{Lu}\p{Ll})|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+|[-&][\p{L}\p{M}\p{N}]+|\.(?=[\p{L}\p{N}]))*(?:['’]|\+(?![\p{L}\p{N}]))?|\S/gu;
export const TOKEN_AT_RE = new RegExp(TOKEN_RE.source, "uy");
const WORD_RE = /^[\p{L}\p{N}]/u;
const COMPOUND_MODIFIER_RE =
  /^(\p{Lu}[\p{L}.'’-]*?)-(based|led|backed|owned|born|run|made|listed|registered|headquartered|funded|linked|allied|aligned|controlled|style|era|bound|wide|bred|raised|focused|brokered|sponsored|supported|administered|occupied|held|built|designed)$/iu;
/** "al-Burhan", "el-Sisi": a lowercase particle joined to a capitalized name. */
const PARTICLE_NAME_RE = /^(?:al|el|ad|as|ash|at|ibn|bin|ben|bint|abu|van|von|de|da|di|du|le|la|d|o)[-'’]\p{Lu}/u;
const CAP_RE = /^\p{Lu}/u;
const TWO_LETTERS_RE = /\p{L}[^\p{L}]*\p{L}/u;
const LOWER_RE = /\p{Ll}/u;
const POSSESSIVE_RE = /(?:['’][sS]|['’])$/;
const SENTENCE_END = new Set([".", "!", "?", "…", ":"]);
const OPENING_PUNCT = new Set(['"', "“", "‘", "'", "(", "[", "—", "–", "-"]);
const QUOTES = new Set(['"', "“", "”", "‘", "’", "'"]);
const SAID = new Set(["said", "says", "told", "added", "wrote", "tweeted", "stated", "argued", "noted", "insisted"]);
const APPOSITION_OPENERS = new Set(["a", "an", "the", "who", "whose", "aged", "chief", "head", "director", "minister"]);
/** Words that can follow a noun but not an adjective: after them, "Caribbean" stood as a noun. */
const NOUN_FOLLOWERS = new Set(
  "and or in on at to from with for by as is was were are has have had will would could can should may might which that where who but than over into of".split(" "),
);
/** Words that end the look-ahead for a noun after a name: verbs of saying, determiners, prepositions. */
const LOOKAHEAD_STOP = new Set(
  "said says told added the a an of and or to in on at for with by from who which that has have had was is are were will would could can also".split(" "),
);
/** Nouns an adjectival region name often qualifies ("the Pacific island nations"). */
const ADJECTIVE_NOUNS = new Set(
  "island islands nation nations country countries state states leader leaders region regional community communities coast waters people governments government economies economy rim basin fleet route routes storm storms hurricane hurricanes ocean sea".split(" "),
);
const COMPASS = new Set("eastern western northern southern central north south east west wider greater".split(" "));
const NON_ORG_ACRONYMS = new Set(["OK", "TV", "AM", "PM", "ID", "UTC", "GMT", "DJ", "MC", "RIP", "VIP", "SUV", "FAQ"]);

const DATELINE_RE =
  /^\s*((?:\p{Lu}[\p{L}.'’-]*)(?:[ /-]\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})?)\s*,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)?(?:,?\s*\d{4})?\s*(?:\(([^)\n]{2,40})\)\s*)?(?:[-–—:]+\s+|(?<=\)\s*))/u;
/** US party-and-state tags after a politician's name ("Sen. Chuck Schumer, D-N.Y., said"). */
const PARTY_TAG_RE = /,\s[DRI]-[A-Z][A-Za-z.]*,/g;
/** A byline paragraph ("By Elena Marsh, Meridian World Report"): short, no sentence end. Its names are the writer's. */
const BYLINE_RE = /^[ \t]*By\s+\p{Lu}[^\n!?]{0,100}(?<![.!?])[ \t]*$/gmu;
const CREDIT_LINE_RE =
  /^\s*\(?\s*(?:(?:additional\s+)?reporting|editing|writing|compiled|produced|edited|written)\s+by\b.*$|^\s*\(?\s*with\s+inputs?\s+from\b.*$/gimu;

/**
 * Splits text into tokens, marking sentence starts and dropping possessives. `base` is added to every offset,
 * so a text given with a leading separator still points into the field it came from.
 */
/** A temperature's unit after a degree sign, with or without the sentence's full stop: "°C", "°F.". */
const DEGREE_UNIT_RE = /^[CFK]\.?$/u;

function tokenize(text: string, into: Token[], field: SpanField, base = 0): void {
  let pendingStart = true;
  for (let index = 0; index < text.length; ) {
    if (text.charCodeAt(index) === 10) pendingStart = true;
    if (isSpaceAt(text, index)) {
      index++;
      continue;
    }
    const start = index;
    index = tokenEnd(text, start, TOKEN_AT_RE);
    const raw = text.slice(start, index);
    const code = raw.charCodeAt(0);
    // WORD_RE settled by code for ASCII, which is nearly every token.
    const isWord = code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : WORD_RE.test(raw);
    if (!isWord) {
      if (SENTENCE_END.has(raw)) pendingStart = true;
      else if (!OPENING_PUNCT.has(raw) && !QUOTES.has(raw)) pendingStart = false;
      const at = base + start;
      into.push({ text: raw, field, start: at, end: at + raw.length, fold: raw, exact: raw, isWord, cap: false, caps: false, poss: false, sentStart: false });
      continue;
    }
    if (text.charCodeAt(start - 1) === 0xb0 && DEGREE_UNIT_RE.test(raw)) {
      // "46°C. Most of the country": the unit and a full stop, not an initial that opens a name.
      const at = base + start;
      into.push({ text: raw[0] as string, field, start: at, end: at + 1, fold: (raw[0] as string).toLowerCase(), exact: raw[0] as string, isWord: true, cap: false, caps: false, poss: false, sentStart: false });
      if (raw.length > 1) into.push({ text: ".", field, start: at + 1, end: at + 2, fold: ".", exact: ".", isWord: false, cap: false, caps: false, poss: false, sentStart: false });
      pendingStart = raw.length > 1;
      continue;
    }
    const poss = raw.length > 2 && (raw.includes("'") || raw.includes("’")) && POSSESSIVE_RE.test(raw) && !/^\p{Lu}['’]/u.test(raw.slice(-3));
    const word = poss ? raw.replace(POSSESSIVE_RE, "") : raw;
    const compound = word.includes("-") ? COMPOUND_MODIFIER_RE.exec(word) : null;
    if (compound?.[1] && compound[2]) {
      // "Lisbon-based", "Rwanda-backed": the place is a mention, the modifier ends the name.
      const at = base + start;
      into.push(wordToken(compound[1], false, pendingStart, field, at));
      into.push(wordToken(compound[2], poss, false, field, at + compound[1].length + 1));
    } else {
      into.push(wordToken(word, poss, pendingStart, field, base + start));
    }
    pendingStart = false;
  }
}

function wordToken(word: string, poss: boolean, sentStart: boolean, field: SpanField, start: number): Token {
  const code = word.charCodeAt(0);
  const end = start + word.length;
  // Fast path for the plain lowercase words that make up most of a story.
  if (code >= 97 && code <= 122 && isPlainLower(word)) {
    return { text: word, field, start, end, fold: word, exact: word, isWord: true, cap: false, caps: false, poss, sentStart };
  }
  const lower = word.toLowerCase();
  // An ASCII capital opens a name, and no particle name starts with anything but a lower-case letter.
  const cap = (code >= 65 && code <= 90) || (code >= 128 && CAP_RE.test(word)) || (code >= 97 && code <= 122 && PARTICLE_NAME_RE.test(word));
  // foldWord() and exactWord() in one: periods dropped and curly apostrophes straightened, then folded.
  const bare = exactWord(word);
  return {
    text: word,
    field,
    start,
    end,
    fold: bare === word ? lower : bare.toLowerCase(),
    exact: cap ? bare : word,
    isWord: true,
    cap,
    // Capitals: no lowercase letter and at least two letters ("UN", "U.S.", "NAIROBI"; not "G7").
    caps: cap && word !== lower && word === word.toUpperCase() && TWO_LETTERS_RE.test(word),
    poss,
    sentStart,
  };
}

/**
 * Whether a word that opens with a lower-case ASCII letter is plain, so its folded and exact forms are itself:
 * no capital, period, apostrophe or hyphen inside, and no character from U+00C0 up, where accented letters
 * and curly quotes are ("al-Burhan", "e.g.", "iPhone", "café" and "’s" are not plain).
 */
function isPlainLower(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 46 || c === 39 || c === 45 || c >= 0xc0) return false;
  }
  return true;
}

function phraseMatches(phrase: Phrase, tokens: Token[], at: number, end: number): boolean {
  if (at + phrase.words.length > end) return false;
  return phrase.words.every((w, i) => {
    const token = tokens[at + i];
    if (!token) return false;
    // A possessive closes a name: only the last word of a phrase may carry one.
    if (token.poss && i < phrase.words.length - 1) return false;
    return w.exact ? token.exact === w.key : token.fold === w.key;
  });
}

function longestPhrase(tokens: Token[], at: number, end: number, minWords = 1): Phrase | undefined {
  const token = tokens[at];
  if (!token) return undefined;
  for (const phrase of PHRASES.get(token.fold) ?? []) {
    if (phrase.words.length >= minWords && phraseMatches(phrase, tokens, at, end)) return phrase;
  }
  return undefined;
}

function isNameToken(token: Token | undefined): boolean {
  return !!token && token.isWord && token.cap;
}

/**
 * Runs of capitalized words, with connectors inside ("Bank of England") and quoted nicknames cut out
 * (Jimmy "Barbeque" Cherizier). Returns [start, end) pairs; `skip` collects the cut-out tokens.
 */
function findRuns(tokens: Token[], from: number, to: number, skip: Set<number>): [number, number][] {
  const runs: [number, number][] = [];
  let i = from;
  while (i < to) {
    if (!isNameToken(tokens[i])) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < to) {
      const prev = tokens[end - 1];
      if (prev?.poss) break;
      const token = tokens[end];
      if (!token) break;
      if (isNameToken(token) && !token.sentStart) {
        end++;
        continue;
      }
      const nickname = quotedNickname(tokens, end, to);
      if (nickname > 0) {
        for (let k = end; k < nickname; k++) skip.add(k);
        end = nickname + 1;
        continue;
      }
      if (token.isWord && CONNECTOR_WORDS.has(token.fold) && !token.cap) {
        let k = end;
        while (k < to && k - end < 2 && tokens[k]?.isWord && CONNECTOR_WORDS.has(tokens[k]?.fold ?? "") && !tokens[k]?.cap) k++;
        if (isNameToken(tokens[k]) && !tokens[k]?.sentStart) {
          end = k + 1;
          continue;
        }
      }
      if (token.text === "&" && isNameToken(tokens[end + 1])) {
        end += 2;
        continue;
      }
      break;
    }
    runs.push([start, end]);
    i = end;
  }
  return runs;
}

/** If tokens[at] opens a quoted nickname followed by a surname, the index of that surname; else 0. */
function quotedNickname(tokens: Token[], at: number, to: number): number {
  if (!QUOTES.has(tokens[at]?.text ?? "")) return 0;
  let k = at + 1;
  while (k < to && k - at <= 3 && isNameToken(tokens[k])) k++;
  if (k === at + 1 || !QUOTES.has(tokens[k]?.text ?? "")) return 0;
  return isNameToken(tokens[k + 1]) ? k + 1 : 0;
}

/** Longest-match segmentation of one run into known phrases, connectors and unknown words. */
function segmentRun(doc: Doc, start: number, end: number, skip: Set<number>): Segment[] {
  const { tokens } = doc;
  const segments: Segment[] = [];
  let i = start;
  while (i < end) {
    if (skip.has(i)) {
      i++;
      continue;
    }
    const token = tokens[i] as Token;
    if (!token.cap || !token.isWord) {
      segments.push({ kind: "conn", start: i, end: i + 1, canonical: token.fold });
      i++;
      continue;
    }
    const multi = longestPhrase(tokens, i, end, 2);
    if (!multi && token.sentStart && isSentenceWord(doc, token, end - start === 1)) {
      segments.push({ kind: "nonname", start: i, end: i + 1, canonical: token.text });
      i++;
      continue;
    }
    const phrase = multi ?? longestPhrase(tokens, i, end);
    if (phrase) {
      const title = phrase.kind === "title" ? extendTitle(tokens, i + phrase.words.length, end) : 0;
      const stop = i + phrase.words.length + title;
      segments.push({ kind: phrase.kind, start: i, end: stop, canonical: phrase.canonical });
      i = stop;
      continue;
    }
    segments.push({ kind: "unknown", start: i, end: i + 1, canonical: token.text });
    i++;
  }
  return absorbPortfolios(segments, tokens);
}

/** "Union Ports Minister", "Energy and Mines Minister": unknown words before a bare title head are its portfolio. */
function absorbPortfolios(segments: Segment[], tokens: Token[]): Segment[] {
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    if (seg.kind !== "title" || seg.end - seg.start !== 1 || !PORTFOLIO_TITLES.has((tokens[seg.start] as Token).fold)) continue;
    let left = i;
    for (;;) {
      const prev = segments[left - 1];
      if (prev?.kind === "unknown") left--;
      else if (prev?.kind === "conn" && JOINERS.has(prev.canonical) && segments[left - 2]?.kind === "unknown") left -= 2;
      else break;
    }
    if (left === i) continue;
    const merged: Segment = { kind: "title", start: (segments[left] as Segment).start, end: seg.end, canonical: "" };
    segments.splice(left, i - left + 1, merged);
    i = left;
  }
  return segments;
}

/** A capitalized sentence opener that is an ordinary word ("Countries have...", "Many, both..."). */
function isSentenceWord(doc: Doc, token: Token, alone: boolean): boolean {
  return OPENERS.has(token.fold) || (alone && doc.lowercaseWords.has(token.fold));
}

/** After a title head, "of Foreign Affairs" and the like belong to the title. Returns the words to absorb. */
function extendTitle(tokens: Token[], at: number, end: number): number {
  const head = tokens[at - 1];
  if (!head || !TITLE_HEAD_WORDS.has(head.fold) || tokens[at]?.fold !== "of") return 0;
  let k = at + 1;
  while (k < end && PORTFOLIO.has(tokens[k]?.fold ?? "")) k++;
  return k > at + 1 ? k - at : 0;
}

const ABSORBABLE: ReadonlySet<SegKind> = new Set<SegKind>(["unknown", "place", "demonym", "adjplace", "organization"]);
const JOINERS = new Set(["&", "and"]);
const RIGHT_JOINERS = new Set(["of", "for", "on"]);

type CompoundRole = "org" | "known-org" | "place" | "prefix" | "modifier";

/** What a segment does to its neighbours when names are built from words the gazetteer lacks. */
function compoundRole(tokens: Token[], seg: Segment, next: Segment | undefined): CompoundRole | undefined {
  const token = tokens[seg.start] as Token;
  if (seg.kind === "unknown") {
    const head = token.text.split("-")[0] ?? "";
    if (ORG_SUFFIX_WORDS.has(token.text) || ORG_SUFFIX_WORDS.has(head) || ORG_HEAD_WORDS.has(token.text)) return "org";
    if (PLACE_SUFFIX_WORDS.has(token.text)) return "place";
    if (PLACE_PREFIX_WORDS.has(token.text)) return "prefix";
  }
  if ((seg.kind === "unknown" || seg.kind === "demonym") && PLACE_MODIFIER_WORDS.has(token.fold)) {
    const nextWord = next ? (tokens[next.start] as Token).text : "";
    const nextIsTrigger = ORG_SUFFIX_WORDS.has(nextWord) || ORG_HEAD_WORDS.has(nextWord) || PLACE_SUFFIX_WORDS.has(nextWord);
    if (next && (next.kind === "place" || next.kind === "unknown") && !nextIsTrigger) return "modifier";
  }
  if (seg.kind === "organization" && seg.canonical && ORG_SUFFIX_WORDS.has((tokens[seg.end - 1] as Token).text)) {
    return "known-org";
  }
  return undefined;
}

/**
 * What may sit before "and" inside one longer name: an unknown word, or, when a legal form closes the name
 * ("Adani Ports and Special Economic Zone Ltd"), a name this stage built. Without the legal form, "University
 * of Arizona and Johns Hopkins University" stays two names.
 */
function isOpenName(seg: Segment | undefined, role: CompoundRole, tokens: Token[], trigger: Segment): boolean {
  if (!seg) return false;
  if (seg.kind === "unknown") return true;
  const legal = role === "org" && LEGAL_SUFFIX_WORDS.has((tokens[trigger.start] as Token).text.replace(/\.$/, ""));
  return legal && seg.kind === "organization" && !seg.canonical;
}

/**
 * Organization and place names built from words the gazetteer does not hold: a suffix or head word
 * absorbs its neighbours ("Kenya Airways", "Global Guardian", "University of Nairobi", "Lagos State",
 * "Liberal Democratic Party"), and a compass word opens a place ("North Darfur").
 */
function buildCompounds(doc: Doc, segments: Segment[]): Segment[] {
  const { tokens } = doc;
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    const role = compoundRole(tokens, seg, segments[i + 1]);
    if (!role) {
      out.push(seg);
      continue;
    }
    let left = out.length;
    if (role !== "prefix" && role !== "modifier") {
      const absorbable = role === "known-org" ? new Set<SegKind>(["unknown", "demonym"]) : ABSORBABLE;
      for (;;) {
        const prev = out[left - 1];
        if (prev && absorbable.has(prev.kind)) left--;
        else if (prev?.kind === "nonname" && (tokens[prev.start] as Token).caps) left--;
        else if (prev?.kind === "conn" && JOINERS.has(prev.canonical) && isOpenName(out[left - 2], role, tokens, seg) && out[left]?.kind === "unknown") {
          left -= 2;
        } else break;
      }
    }
    let right = i + 1;
    if (role === "prefix" || role === "modifier") {
      if (segments[right] && ABSORBABLE.has((segments[right] as Segment).kind)) right++;
    } else {
      while (segments[right]?.kind === "conn" && RIGHT_JOINERS.has((segments[right] as Segment).canonical)) {
        let k = right + 1;
        if (segments[k]?.canonical === "the") k++;
        const firstAfter = k;
        while (k < segments.length && ABSORBABLE.has((segments[k] as Segment).kind)) k++;
        if (k === firstAfter) break;
        right = k;
      }
    }
    const absorbedLeft = left < out.length;
    const absorbedRight = right > i + 1;
    if (!absorbedLeft && !absorbedRight) {
      out.push(seg);
      continue;
    }
    const first = absorbedLeft ? (out[left] as Segment) : seg;
    const last = segments[right - 1] as Segment;
    const kind: SegKind = role === "org" || role === "known-org" ? "organization" : "place";
    out.splice(left, out.length - left, { kind, start: first.start, end: last.end, canonical: "" });
    i = right - 1;
  }
  return out;
}

function surface(tokens: Token[], start: number, end: number, skip: Set<number>): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) {
    if (skip.has(i)) continue;
    const token = tokens[i] as Token;
    // Agencies' letters joined by a hyphen ("NNN-VNA") stay letters.
    const letters = token.text.includes("-") && token.text.split("-").every((part) => part.length <= 4);
    if (token.caps && token.text.length > 4 && !token.text.includes(".") && !letters) parts.push(titleCase(token.text));
    else parts.push(token.text);
  }
  if (parts[0] === "The" && parts.length > 1) parts.shift();
  return parts.join(" ").replace(/ & /g, " & ");
}

function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-\s])\p{L}/gu, (m) => m.toUpperCase());
}

const SKIPPED_BEFORE_CUE = new Set(["the", "a", "an", "of", "its", "his", "her", "their", "our", "this", "that", "rival", "fellow"]);
/** Before "at", words that make what follows a workplace ("an analyst at Bernstein", "worked at Northvolt"). */
const WORKPLACE_WORDS = new Set(["worked", "works", "working", "work", "employed", "job", "jobs", "staff", "employees", "executives", "officials", "analysts", "economists", "researchers", "scientists", "engineers", "traders", "strategists", "partners", "investors"]);

/**
 * The cue word before a name, looking past determiners and "of" ("the security firm X" → "firm", "the
 * city of Belem" → "city"). "at" after a role or a job ("an analyst at X") reads as an organization cue.
 */
function cueBefore(tokens: Token[], start: number): string {
  let k = start - 1;
  while (k >= 0 && k > start - 4 && tokens[k]?.isWord && SKIPPED_BEFORE_CUE.has(tokens[k]?.fold ?? "")) k--;
  const prev = tokens[k];
  if (!prev || !prev.isWord || prev.cap) return "";
  const before = tokens[k - 1];
  const lowerBefore = before?.isWord && !before.cap ? before.fold : "";
  if (prev.fold === "at" && (PERSON_CUE_WORDS.has(lowerBefore) || WORKPLACE_WORDS.has(lowerBefore))) return "firm";
  // "travel to Cusco", "visited Goma": a destination.
  if (prev.fold === "to" && MOTION_VERB_WORDS.has(lowerBefore)) return "in";
  if (prev.fold === "visit" || prev.fold === "visited" || prev.fold === "visiting") return "in";
  return prev.fold;
}

function personAfter(tokens: Token[], end: number): boolean {
  const next = tokens[end];
  if (!next) return false;
  if (next.isWord && SAID.has(next.fold)) return true;
  if (next.text !== ",") return false;
  const after = tokens[end + 1];
  return !!after && after.isWord && (APPOSITION_OPENERS.has(after.fold) || PERSON_CUE_WORDS.has(after.fold) || /^\d/.test(after.text));
}

/**
 * What an apposition or the next word says a name is: "Ukrenergo, the state grid operator" and "Skai
 * television" name organizations; "Mike Ballard, intelligence director at..." names a person.
 */
function typeAfter(tokens: Token[], end: number, loneOpener: boolean): EntityType | null {
  const next = tokens[end];
  if (!next) return null;
  if (next.isWord && !next.cap) {
    // A lone capitalized sentence opener ("Opposition leader X", "Energy company Y") is an ordinary word.
    if (loneOpener) return null;
    // "White Helmets civil defence group", "Bab al-Hawa border crossing": a noun within two modifiers.
    for (let k = end; k < end + 3; k++) {
      const token = tokens[k];
      if (!token || !token.isWord || token.cap || LOOKAHEAD_STOP.has(token.fold)) break;
      if (ORG_CUE_WORDS.has(token.fold)) return "organization";
      if (PLACE_NOUN_WORDS.has(token.fold)) return "place";
    }
    // "World Athletics president Sebastian Coe", "ODM secretary general Edwin Sifuna": the role belongs to it.
    if (PERSON_CUE_WORDS.has(next.fold) && [1, 2, 3].some((d) => isNameToken(tokens[end + d]))) return "organization";
    return null;
  }
  if (next.text !== ",") return null;
  const first = tokens[end + 1];
  if (!first?.isWord || first.cap) return null;
  // "Juan Carlos Guajardo, director of ...": the apposition's head comes first.
  if (PERSON_CUE_WORDS.has(first.fold)) return "person";
  if (!APPOSITION_OPENERS.has(first.fold)) return null;
  for (let k = end + 2; k < end + 6; k++) {
    const token = tokens[k];
    if (!token || !token.isWord) return null;
    if (token.cap) continue;
    if (ORG_CUE_WORDS.has(token.fold)) return "organization";
    if (PERSON_CUE_WORDS.has(token.fold)) return "person";
  }
  return null;
}

/** Types one group of unknown words from its shape and the cue words around it. */
function classifyUnknown(
  tokens: Token[],
  start: number,
  end: number,
  words: number,
  afterTitle: boolean,
): { type: EntityType | null; weight: number } {
  const first = tokens[start] as Token;
  if (afterTitle) return { type: "person", weight: 2 };
  const cue = cueBefore(tokens, start);
  if (PERSON_CUE_WORDS.has(cue)) return { type: "person", weight: 2 };
  if (ORG_CUE_WORDS.has(cue)) return { type: "organization", weight: 2 };
  const after = typeAfter(tokens, end, words === 1 && first.sentStart);
  if (after) return { type: after, weight: 2 };
  if (words === 1) {
    if (first.caps && first.text.length <= 7 && !NON_ORG_ACRONYMS.has(first.exact)) {
      return { type: "organization", weight: 1 };
    }
    if (PLACE_CUE_WORDS.has(cue) && !first.sentStart) return { type: "place", weight: 1 };
    return { type: null, weight: 0 };
  }
  if (PLACE_CUE_WORDS.has(cue)) return { type: "place", weight: 1 };
  if (personAfter(tokens, end)) return { type: "person", weight: 2 };
  if (words <= 4) return { type: "person", weight: 1 };
  return { type: null, weight: 0 };
}

function pushMention(
  doc: Doc,
  name: string,
  type: EntityType | null,
  weight: number,
  order: number,
  strict: boolean,
  words: number,
  span: MentionSpan,
  acronym = false,
): void {
  doc.mentions.push({ name, type, weight, order, strict, words, acronym, end: -1, span });
}

/** The text a mention of tokens [start, end) covers; a leading "The" is not part of the name (see surface). */
function tokenSpan(tokens: Token[], start: number, end: number): MentionSpan {
  const first = end - start > 1 && tokens[start]?.text === "The" ? start + 1 : start;
  const a = tokens[first] as Token;
  return { field: a.field, start: a.start, end: (tokens[end - 1] as Token).end };
}

/**
 * In a list ("Lesbos, Samos and Crete"), a lone word that nothing else types takes the type of the item
 * before it.
 */
function inheritFromList(doc: Doc, mention: Mention, start: number): void {
  const { tokens } = doc;
  const sep = tokens[start - 1];
  if (!sep || !(sep.text === "," || sep.fold === "and" || sep.fold === "or")) return;
  const listStart = sep.text === "," ? start - 1 : tokens[start - 2]?.text === "," ? start - 2 : start - 1;
  const previous = doc.mentions.find((m) => m.end === listStart && m !== mention);
  // Only a type with evidence behind it (a cue, a known name, a list typed so): a default guess passed down a
  // list of unknown words ("DG Khan, Bahawalnagar, Sibi") would type them all by one guess.
  if (previous?.type && previous.weight >= 2) {
    mention.type = previous.type;
    mention.weight = 1;
  }
}

/** Tags every run in tokens [from, to). */
function tagSpan(doc: Doc, from: number, to: number, strict: boolean): void {
  const { tokens } = doc;
  const skip = new Set<number>();
  for (const [start, end] of findRuns(tokens, from, to, skip)) {
    if (skip.has(start - 1) || isAbbreviationAfter(doc, start, end, skip)) continue;
    const segments = abbreviatedName(
      tokens,
      mergeSurnames(buildCompounds(doc, segmentRun(doc, start, end, skip)), tokens),
      end,
    );
    let afterTitle = false;
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s] as Segment;
      if (seg.kind === "title") {
        afterTitle = true;
        continue;
      }
      if (seg.kind === "nonname" && EVENT_HEADS.has((tokens[seg.start] as Token).fold)) {
        // "Hurricane Milton", "Operation Sindoor": the name that follows is an event's, not a person's.
        while (segments[s + 1]?.kind === "unknown") s++;
        continue;
      }
      if (seg.kind === "unknown") {
        let e = s + 1;
        while (e < segments.length && continuesName(segments, e, tokens)) e++;
        while (e - 1 > s && segments[e - 1]?.kind === "conn") e--;
        const last = segments[e - 1] as Segment;
        const words = segments.slice(s, e).filter((g) => g.kind === "unknown").length;
        const name = surface(tokens, seg.start, last.end, skip);
        const { type, weight } = classifyUnknown(tokens, seg.start, last.end, words, afterTitle);
        const caps = words === 1 && (tokens[seg.start] as Token).caps;
        pushMention(doc, name, type, weight, seg.start, strict, words, tokenSpan(tokens, seg.start, last.end), caps);
        const mention = doc.mentions[doc.mentions.length - 1] as Mention;
        mention.end = last.end;
        if (!type && s === 0) inheritFromList(doc, mention, seg.start);
        recordAbbreviation(doc, name, last.end === end ? end : -1);
        s = e - 1;
        afterTitle = false;
        continue;
      }
      afterTitle = false;
      if (seg.kind === "organization" || seg.kind === "place" || seg.kind === "person" || seg.kind === "agency") {
        const name = seg.canonical || surface(tokens, seg.start, seg.end, skip);
        const weight = seg.canonical ? 3 : 2;
        pushMention(doc, name, seg.kind === "agency" ? "organization" : seg.kind, weight, seg.start, strict, seg.end - seg.start, tokenSpan(tokens, seg.start, seg.end));
        (doc.mentions[doc.mentions.length - 1] as Mention).end = seg.end;
        recordAbbreviation(doc, name, seg.end === end ? end : -1);
      } else if (seg.kind === "adjplace" && adjectivePlaceStands(tokens, seg.start, seg.end)) {
        pushMention(doc, seg.canonical, "place", 2, seg.start, strict, 1, tokenSpan(tokens, seg.start, seg.end));
        (doc.mentions[doc.mentions.length - 1] as Mention).end = seg.end;
      }
    }
  }
}

/**
 * "Free Democrats (FDP)", "Christian Democrats (CDU)": a run of unknown words and adjectives followed by an
 * abbreviation in brackets is one organization's long name, whatever its words look like.
 */
function abbreviatedName(tokens: Token[], segments: Segment[], end: number): Segment[] {
  const abbreviation = tokens[end + 1];
  if (tokens[end]?.text !== "(" || tokens[end + 2]?.text !== ")" || !abbreviation?.caps) return segments;
  let first = 0;
  while (segments[first]?.kind === "nonname" || segments[first]?.kind === "title") first++;
  const rest = segments.slice(first);
  const words = rest.filter((g) => g.kind !== "conn").length;
  const plain = rest.every((g) => g.kind === "unknown" || g.kind === "demonym" || g.kind === "adjplace" || g.kind === "conn");
  if (words < 2 || !plain || !rest.some((g) => g.kind === "demonym" || g.kind === "adjplace")) return segments;
  const startSeg = rest[0] as Segment;
  return [...segments.slice(0, first), { kind: "organization", start: startSeg.start, end, canonical: "" }];
}

/** Inside an unknown name, the next segment continues it: another unknown word or a name particle. */
function continuesName(segments: Segment[], at: number, tokens: Token[]): boolean {
  const seg = segments[at] as Segment;
  if (seg.kind === "unknown") return true;
  // "Mistral AI": a capitals word that is no name on its own still ends one.
  if (seg.kind === "nonname" && (tokens[seg.start] as Token).caps) return segments[at - 1]?.kind === "unknown";
  if (seg.kind !== "conn") return false;
  const word = (tokens[seg.start] as Token).fold;
  return NAME_PARTICLES.has(word) && segments[at + 1]?.kind === "unknown";
}

/**
 * A lone place name right after unknown name words is a surname ("Denzel Washington"), and an ambiguous
 * first-name place right before one is a first name ("Jordan Henderson").
 */
function mergeSurnames(segments: Segment[], tokens: Token[]): Segment[] {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    if (seg.kind !== "place" && seg.kind !== "agency" && seg.kind !== "organization") continue;
    if (seg.end - seg.start !== 1 || !seg.canonical || (tokens[seg.start] as Token).caps) continue;
    const prev = segments[i - 1];
    const next = segments[i + 1];
    const prevToken = prev ? (tokens[prev.start] as Token) : undefined;
    // A sentence-opening word before a company is more often an adjective ("Rival Huawei") than a first name.
    const surname =
      prev?.kind === "unknown" &&
      !!prevToken &&
      !ORG_SUFFIX_WORDS.has(prevToken.text) &&
      !(seg.kind === "organization" && prevToken.sentStart) &&
      next?.kind !== "unknown";
    const firstName = AMBIGUOUS_PLACES.has((tokens[seg.start] as Token).fold) && next?.kind === "unknown" && i === 0;
    // "the Dallas Mavericks" is a team even though "Dallas" can be a first name; "Jordan Evans" is a person.
    const team = isTeamName(segments, i, tokens) && (!firstName || tokens[seg.start - 1]?.fold === "the");
    if (seg.kind === "place" && team) {
      const last = segments[i + 1] as Segment;
      segments.splice(i, 2, { kind: "organization", start: seg.start, end: last.end, canonical: "" });
      continue;
    }
    if (surname || firstName) segments[i] = { kind: "unknown", start: seg.start, end: seg.end, canonical: "" };
  }
  return segments;
}

/**
 * A city or country followed by one capitalized plural that ends the run is a team or a company
 * ("Dallas Mavericks", "Kolkata Knight Riders" is left to the suffix rules).
 */
function isTeamName(segments: Segment[], at: number, tokens: Token[]): boolean {
  const next = segments[at + 1];
  if (!next || next.kind !== "unknown" || segments[at + 2]?.kind === "unknown") return false;
  const word = (tokens[next.start] as Token).text;
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !(tokens[next.start] as Token).caps;
}

/** "the Caribbean" is a place; "Caribbean leaders" is an adjective. */
function adjectivePlaceStands(tokens: Token[], start: number, end: number): boolean {
  const next = tokens[end];
  if (!next || !next.isWord || NOUN_FOLLOWERS.has(next.fold)) return true;
  if (next.cap || ADJECTIVE_NOUNS.has(next.fold)) return false;
  let k = start - 1;
  while (k >= 0 && tokens[k]?.isWord && COMPASS.has(tokens[k]?.fold ?? "")) k--;
  return tokens[k]?.fold === "the";
}

/** "(CARICOM)" right after a name is the name's abbreviation, not a second mention. */
function isAbbreviationAfter(doc: Doc, start: number, end: number, skip: Set<number>): boolean {
  const { tokens } = doc;
  if (end - start !== 1 || tokens[start - 1]?.text !== "(" || tokens[end]?.text !== ")") return false;
  const before = tokens[start - 2];
  const long = doc.pendingLong;
  if (!before || !long || long.end !== start - 1) return false;
  const abbreviation = surface(tokens, start, end, skip);
  doc.abbreviations.set(foldWord(abbreviation), long.name);
  return true;
}

function recordAbbreviation(doc: Doc, name: string, end: number): void {
  doc.pendingLong = end >= 0 ? { name, end } : undefined;
}

const nameWordsCache = new Map<string, string[]>();

/** Splits a name into folded words for coreference keys (memoized per tagEntities call). */
function nameWords(name: string): string[] {
  let words = nameWordsCache.get(name);
  if (!words) {
    words = name.split(" ").map(foldWord);
    nameWordsCache.set(name, words);
  }
  return words;
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => CAP_RE.test(w))
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}

interface Tally {
  name: string;
  votes: Map<EntityType, number>;
  spans: MentionSpan[];
  order: number;
}

/**
 * In-story coreference: lone words become the full name they stand for (surname → person, abbreviation →
 * long form), title mentions count only when they name something known, then mentions are tallied.
 */
function resolve(doc: Doc): Entity[] {
  const body = doc.mentions.filter((m) => !m.strict);
  const persons = body.filter((m) => m.type === "person" && m.words >= 2).map((m) => m.name);
  const fullPerson = new Map<string, string>();
  for (const name of [...persons].sort((a, b) => b.length - a.length)) {
    const key = nameWords(name).join(" ");
    if (fullPerson.has(key)) continue;
    const longer = [...fullPerson.values()].find((p) => containsName(p, name));
    fullPerson.set(key, longer ?? name);
  }
  const surnames = new Map<string, string>();
  const firstNames = new Map<string, string | null>();
  for (const name of fullPerson.values()) {
    const words = nameWords(name);
    const last = words[words.length - 1] as string;
    if (!surnames.has(last)) surnames.set(last, name);
    const first = words[0] as string;
    firstNames.set(first, firstNames.has(first) && firstNames.get(first) !== name ? null : name);
  }
  for (const m of doc.mentions) if (m.type === "organization") m.name = withoutLegalSuffix(m.name);
  const orgsByInitials = new Map<string, string>();
  const longOrgs: string[][] = [];
  for (const m of body) {
    if (m.type === "organization" && m.words >= 2) {
      orgsByInitials.set(initials(m.name), m.name);
      longOrgs.push(m.name.split(" "));
    }
  }
  longOrgs.sort((a, b) => b.length - a.length);
  /** "Standard Bank" → "Standard Bank Group", "Celtics" → "Boston Celtics": a short form the story also spells out. */
  const longerOrg = (name: string): string | undefined => {
    const words = name.split(" ");
    for (const long of longOrgs) {
      if (long.length <= words.length) break;
      const prefix = words.every((w, i) => w === long[i]);
      const suffix = words.every((w, i) => w === long[long.length - words.length + i]);
      if (prefix || (suffix && words.length === 1)) return long.join(" ");
    }
    return undefined;
  };

  const tallies = new Map<string, Tally>();
  const add = (name: string, type: EntityType, weight: number, order: number, span: MentionSpan): void => {
    const key = foldWord(name);
    const tally: Tally = tallies.get(key) ?? { name, votes: new Map(), spans: [], order };
    tally.spans.push(span);
    tally.order = Math.min(tally.order, order);
    tally.votes.set(type, (tally.votes.get(type) ?? 0) + weight);
    tallies.set(key, tally);
  };

  const resolveOne = (m: Mention): { name: string; type: EntityType | null; weight: number } => {
    const key = nameWords(m.name).join(" ");
    if (m.type === "person" && m.words >= 2) return { name: fullPerson.get(key) ?? m.name, type: "person", weight: m.weight };
    if (m.weight < 3 && (m.type === "organization" || m.type === null)) {
      const long = longerOrg(m.name);
      if (long) return { name: long, type: "organization", weight: 2 };
    }
    if (m.words !== 1) return { name: m.name, type: m.type, weight: m.weight };
    const abbreviation = doc.abbreviations.get(key);
    if (abbreviation) return { name: abbreviation, type: null, weight: 0 };
    const person = surnames.get(key) ?? (m.weight < 3 ? firstNames.get(key) : undefined);
    if (person && !(m.weight >= 3 && m.type === "person")) return { name: person, type: "person", weight: 2 };
    if (m.acronym && m.weight < 3) {
      const long = orgsByInitials.get(m.name.replace(/\./g, ""));
      if (long) return { name: long, type: "organization", weight: 2 };
    }
    return { name: m.name, type: m.type, weight: m.weight };
  };

  const resolved = doc.mentions.map((m) => ({ m, r: resolveOne(m) }));
  const bodyNames = new Set<string>();
  for (const { m, r } of resolved) if (!m.strict && r.type) bodyNames.add(foldWord(r.name));
  for (const { m, r } of resolved) {
    if (m.strict && m.weight < 3 && !bodyNames.has(foldWord(r.name))) {
      for (const part of titleParts(doc.tokens, m, bodyNames, surnames)) add(part.name, "person", 0, m.order, part.span);
      continue;
    }
    if (r.type) add(r.name, r.type, r.weight, m.order, m.span);
    else if (bodyNames.has(foldWord(r.name))) add(r.name, "organization", 0, m.order, m.span);
  }

  const entities: (Entity & { order: number })[] = [];
  for (const tally of tallies.values()) {
    let best: EntityType | undefined;
    let bestVote = -1;
    for (const [type, vote] of tally.votes) {
      if (vote > bestVote) {
        best = type;
        bestVote = vote;
      }
    }
    if (!best) continue;
    // Title first, then reading order: the order a reader meets the mentions in.
    const spans = tally.spans.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === "title" ? -1 : 1));
    entities.push({ name: tally.name, type: best, mentions: spans.length, spans, order: tally.order });
  }
  entities.sort((a, b) => b.mentions - a.mentions || a.order - b.order);
  return entities.map(({ name, type, mentions, spans }) => ({ name, type, mentions, spans }));
}

function withoutLegalSuffix(name: string): string {
  const words = name.split(" ");
  while (words.length > 1 && LEGAL_SUFFIX_WORDS.has((words[words.length - 1] as string).replace(/\.$/, ""))) words.pop();
  return words.join(" ");
}

/** A longer name that contains every word of a shorter one, last word included ("Mottley" in "Mia Mottley"). */
function containsName(longer: string, shorter: string): boolean {
  const long = nameWords(longer);
  const short = nameWords(shorter);
  return short.length < long.length && short[short.length - 1] === long[long.length - 1] && short.every((w) => long.includes(w));
}

/**
 * In a headline, a run such as "Blinken Hopes For Progress" holds a known name somewhere inside: returns the
 * surnames and full names of people the body names. Only people: other names are found by the gazetteer.
 */
function titleParts(
  tokens: Token[],
  m: Mention,
  bodyNames: Set<string>,
  surnames: Map<string, string>,
): { name: string; span: MentionSpan }[] {
  const words: Token[] = [];
  for (let k = m.order; k < m.end; k++) if (tokens[k]?.isWord) words.push(tokens[k] as Token);
  const found: { name: string; span: MentionSpan }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Token;
    const next = words[i + 1];
    if (next && bodyNames.has(`${word.fold} ${next.fold}`) && surnames.has(next.fold)) {
      found.push({ name: surnames.get(next.fold) as string, span: { field: word.field, start: word.start, end: next.end } });
      i++;
      continue;
    }
    const person = surnames.get(word.fold);
    if (person) found.push({ name: person, span: { field: word.field, start: word.start, end: word.end } });
  }
  return found;
}

/**
 * Dateline places ("KINGSTON, March 11 (Reuters) -"): tagged as places, the agency as an organization. The dateline is
 * blanked, not cut, so every later offset still points into the body.
 */
function takeDateline(doc: Doc, text: string): string {
  const match = DATELINE_RE.exec(text);
  if (!match) return text;
  const [whole, where, source] = match;
  if (!where) return text;
  if (source) {
    if (lookupAlias(source.trim())?.kind !== "agency") return text;
  } else if (LOWER_RE.test(where.replace(/,.*$/, ""))) {
    return text;
  }
  const whereAt = match.index + whole.indexOf(where);
  for (const part of where.matchAll(/[^,/]+/g)) {
    const trimmed = part[0].trim();
    if (!trimmed) continue;
    const known = lookupAlias(trimmed);
    if (known && known.kind !== "place") continue;
    const state = known ? undefined : datelineState(trimmed);
    const name = known ? known.canonical : state ? state : trimmed.split(/\s+/).map((w) => (LOWER_RE.test(w) ? w : titleCase(w))).join(" ");
    const start = whereAt + part.index + part[0].indexOf(trimmed);
    const span: MentionSpan = { field: "text", start, end: start + trimmed.length };
    pushMention(doc, name, "place", 2, -1, false, name.split(/\s+/).length, span);
  }
  if (source) {
    // The agency credited for the copy is an organization, under its canonical name.
    const agency = lookupAlias(source.trim()) as NonNullable<ReturnType<typeof lookupAlias>>;
    const start = match.index + whole.lastIndexOf(source) + source.indexOf(source.trim());
    const span: MentionSpan = { field: "text", start, end: start + source.trim().length };
    pushMention(doc, agency.canonical, "organization", 3, -1, false, agency.words.length, span);
  }
  return blank(whole) + text.slice(whole.length);
}

/** Spaces in place of a removed passage: it yields no token, and the offsets after it stay true. */
function blank(passage: string): string {
  return passage.replace(/[^\n]/g, " ");
}

/** Tags people, organizations and places in a story; most mentioned first, ties by first appearance. */
export function tagEntities(title: string, text: string): Entity[] {
  const doc: Doc = { tokens: [], lowercaseWords: new Set(), mentions: [], abbreviations: new Map(), pendingLong: undefined };
  tokenize(title, doc.tokens, "title");
  const titleEnd = doc.tokens.length;
  const body = takeDateline(
    doc,
    text.replace(CREDIT_LINE_RE, blank).replace(BYLINE_RE, blank).replace(PARTY_TAG_RE, (tag) => `,${blank(tag.slice(1))}`),
  );
  // The leading line break marks the body's first word as a sentence start; base -1 undoes it in offsets.
  tokenize(`\n${body}`, doc.tokens, "text", -1);
  // Only a capitalised sentence opener is ever asked about (isSentenceWord): the set holds the body's
  // lower-case words that are such an opener's folded form, a lookup per word instead of an insert.
  const openers = new Set<string>();
  for (const token of doc.tokens) if (token.sentStart && token.cap && token.isWord) openers.add(token.fold);
  if (openers.size > 0) {
    for (let i = titleEnd; i < doc.tokens.length; i++) {
      const token = doc.tokens[i] as Token;
      if (token.isWord && !token.cap && openers.has(token.fold)) doc.lowercaseWords.add(token.fold);
    }
  }
  tagSpan(doc, titleEnd, doc.tokens.length, false);
  doc.pendingLong = undefined;
  tagSpan(doc, 0, titleEnd, true);
  nameWordsCache.clear();
  const entities = resolve(doc);
  nameWordsCache.clear();
  return entities;
}

/** The canonical form of a name ("U.N." → "United Nations"); unknown names come back trimmed. */
export function canonicalEntityName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const phrase = lookupAlias(trimmed);
  if (phrase && (phrase.kind === "person" || phrase.kind === "place" || phrase.kind === "organization" || phrase.kind === "agency")) {
    return phrase.canonical;
  }
  return trimmed;
}
