/**
 * The trained entity tagger, stage by stage: tokens and page-furniture lines (tokens.ts), features
 * (features.ts), the averaged perceptron and its shipped int8 weights (model.ts, weights.ts), BILOU decoding
 * (decode.ts), then the document pass: canonical names, linked short forms, one type per name (document.ts).
 */
import type { Entity } from "../../model";
import { mentionsFromTags, type TaggedMention } from "./decode";
import { buildContext, type Tag } from "./features";
import { decode, type Weights } from "./model";
import { classifyLines, type Token, tokenize } from "./tokens";
import { ARTICLE_WORDS, FORCE_WORDS, INSTITUTION_TITLES, isRole, resolveEntities, STATE_HEADS, VENUE_WORDS } from "./document";
import { decodeWeights, fromBase64 } from "./weights-codec";
import { TRAINED_WITH, WEIGHTS_BASE64 } from "./weights";
import { TAG_COUNT } from "./features";
import { tagEntities } from "../entities";
import { CLUB_NAMES, FIRST_NAMES, foldWord, lookupAlias, NAME_PARTICLES, ORG_HEAD_WORDS, ORG_SUFFIX_WORDS } from "../gazetteer";
import { ruleTags } from "./rule-mentions";
import { layoutMentions, withLayout } from "./layout";
import { LEAGUE_CLUBS } from "../gazetteer/leagues";
import { isGeoName } from "../gazetteer/geonames";
import { hash } from "./features";

let weights: Weights | undefined;
/**
 * Weights per bucket row in the Worker's table: 13 tags padded to 16. Scoring reads one row per feature at
 * random, and a 16-byte row (the buffer is 16-byte aligned) sits inside one 64-byte cache line, where a
 * 13-byte row straddles two about one time in five.
 */
const STRIDE = 16;

/** Decoded on first use, once per isolate: about 0.23 MB of varint pairs into the dense int8 table (2 MB). */
export function shippedWeights(): Weights {
  if (weights) return weights;
  const { buckets } = TRAINED_WITH;
  const dense = decodeWeights(fromBase64(WEIGHTS_BASE64), buckets * TAG_COUNT);
  const table = new Int8Array(buckets * STRIDE);
  for (let b = 0; b < buckets; b++) table.set(dense.subarray(b * TAG_COUNT, (b + 1) * TAG_COUNT), b * STRIDE);
  weights = { buckets, table, stride: STRIDE };
  return weights;
}

/** Options for measuring the tagger's parts: furniture lines dropped before tagging (the default) or not. */
export interface TaggerOptions {
  dropFurniture?: boolean;
}

/** People, organizations and places in a title and a body, with a span per mention; most mentioned first. */
export function tagEntitiesTrained(title: string, text: string, { dropFurniture = true }: TaggerOptions = {}): Entity[] {
  const lines = classifyLines(text);
  // One pass: the title's tokens, then the body's off furniture lines, each with its line's shouting.
  const tokens: Token[] = tokenize(title, "title");
  const shouted: boolean[] = tokens.map(() => false);
  for (const t of tokenize(text, "text")) {
    const line = lines[t.line];
    if (dropFurniture && line?.furniture) continue;
    tokens.push(t);
    shouted.push(line?.shouted ?? false);
  }
  const rules = ruleTags(tokens, tagEntities(title, text));
  const ctx = buildContext(tokens, shouted, rules.tags);
  const decoded = withCued(withLayout(mentionsFromTags(decode(shippedWeights(), ctx)), layoutMentions(text, tokens)), rules.cued);
  const joined = withRepeats(withPossessiveInstitutions(withForJoins(withAndJoins(withParticles(withKnownNames(decoded, mentionsFromTags(rules.tags as Tag[]), tokens, shouted), tokens), tokens), tokens), tokens), tokens);
  // The passes over the model's mentions, in order: each reads the mentions the one before left.
  let mentions = withPlaceCourts(joined, tokens);
  mentions = withoutLawTitles(mentions, tokens, shouted);
  mentions = withBracketParties(mentions, tokens);
  mentions = withUnitsApart(mentions, tokens);
  mentions = withPlatforms(mentions, tokens, text);
  mentions = withVenues(mentions, tokens);
  mentions = withSpacedInitials(mentions, tokens);
  mentions = withoutTickers(mentions, tokens);
  mentions = withClubNames(mentions, tokens);
  mentions = withNamesApart(mentions, tokens);
  mentions = withTeamNicknames(mentions, tokens);
  mentions = withPoliceStations(mentions, tokens);
  mentions = withTitledInstitutions(mentions, tokens);
  mentions = withStateNames(mentions, tokens);
  mentions = withPortfolioLists(mentions, tokens);
  mentions = withDepartments(mentions, tokens);
  mentions = withMagistratesCourts(mentions, tokens);
  mentions = withParticleNames(mentions, tokens);
  mentions = withForceRanks(mentions, tokens);
  return resolveEntities(tokens, mentions, rules.bySpan, ctx.lowercase);
}

const NAME_START = /^[\p{Lu}\p{N}]/u;

/** Whether a token opens with a capital or a digit, as NAME_START reads it; ASCII, nearly every token, by code. */
function startsName(text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 128 ? (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : NAME_START.test(text);
}

/** The word that ends a law's title ("Protection of Lawful Commerce in Arms Act", "Anti-Terrorism Ordinance"). */
const LAW_HEADS = new Set(["Act", "Ordinance"]);
/** Lower-case words inside a law's title. */
const LAW_CONNECTORS = new Set(["of", "in", "on", "for", "and", "the", "to", "against", "from", "&"]);

/**
 * A law is no entity (docs/ENTITY-GUIDELINES.md), and the capitalised words of its title name nothing on their
 * own: "Lawful Commerce" and "Arms Act" in the Protection of Lawful Commerce in Arms Act are no person and no
 * place. Every mention inside such a title, from its first capitalised word to "Act", is dropped (in prose: in
 * a headline the word may be the verb).
 */
function withoutLawTitles(mentions: TaggedMention[], tokens: readonly Token[], shouted: readonly boolean[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const head = tokens[i] as Token;
    // In a headline or a Title-Case line "Act" may be the verb ("Leaders Must Act Now"): prose only.
    if (!LAW_HEADS.has(head.text) || head.field === "title" || shouted[i]) continue;
    let start = i;
    for (let k = i - 1; k >= 0; k--) {
      const t = tokens[k] as Token;
      if (t.line !== head.line || t.field !== head.field || t.text === "The") break;
      if (startsName(t.text)) start = k;
      else if (!LAW_CONNECTORS.has(t.text)) break;
    }
    if (start === i) continue;
    const kept = (out ?? mentions).filter((m) => m.end <= start || m.start > i);
    if (kept.length !== (out ?? mentions).length) out = kept;
  }
  return out ?? mentions;
}

/**
 * Lower-case surname particles that sit between a given name and a surname ("Erik ten Hag", "Rafael van der Vaart"):
 * the gazetteer's name particles, and Portuguese "do", but not "y", "la" or "le", which between two people are
 * mostly a conjunction or an article ("Rajoy y Sánchez").
 */
const SURNAME_PARTICLES = new Set([...NAME_PARTICLES].filter((p) => p !== "y" && p !== "la" && p !== "le").concat("do"));

/**
 * Two people read either side of one or two lower-case surname particles on one line are one person: the model
 * has seen "van der" inside names often and "ten" rarely, and splits "Erik ten Hag" into "Erik" and "Hag".
 */
function withParticles(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  const out: TaggedMention[] = [];
  let merged = false;
  for (const b of mentions) {
    const a = out[out.length - 1];
    // Portuguese joins two surnames with "e" ("Joaquim Silva e Luna"): the second, one word, may be read as anything.
    const portuguese = a?.type === "person" && b.end - b.start === 1 && b.start - a.end === 1 && tokens[a.end]?.text === "e";
    if (a && a.type === "person" && (b.type === "person" || portuguese) && b.start - a.end >= 1 && b.start - a.end <= 2) {
      const line = (tokens[a.start] as Token).line;
      const between = tokens.slice(a.end, b.start);
      if ((tokens[b.start] as Token).line === line && between.every((t) => (SURNAME_PARTICLES.has(t.text) || portuguese) && t.line === line)) {
        out[out.length - 1] = { type: "person", start: a.start, end: b.end };
        merged = true;
        continue;
      }
    }
    out.push(b);
  }
  return merged ? out : mentions;
}

const HEAD_CONNECTORS = new Set(["of", "for"]);
const INNER_CONNECTORS = new Set(["of", "for", "in", "the"]);

/**
 * An organization named "X of Y and Z" that the model ended at "and" ("Ministry of Local Government" | "and
 * Public Works", "National Institute of Water" | "and Atmospheric Research"): when the capitalised words after
 * "and" on the same line open with no name the lists know (so "Ministry of Health and Kenya Red Cross" stays two),
 * they are the rest of the organization's name.
 */
function withAndJoins(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined = splitAtKnownNames(mentions, tokens);
  for (let i = 0; i < (out ?? mentions).length; i++) {
    const list = out ?? mentions;
    const a = list[i] as TaggedMention;
    if (a.type !== "organization" || !tokens.slice(a.start + 1, a.end).some((t) => HEAD_CONNECTORS.has(t.text))) continue;
    const and = tokens[a.end];
    const line = (tokens[a.start] as Token).line;
    if (!and || and.text !== "and" || and.line !== line) continue;
    const first = tokens[a.end + 1];
    if (!first || first.line !== line || !startsName(first.text) || first.sentStart) continue;
    if (lookupAlias(first.text) !== undefined || FIRST_NAMES.has(first.text.toLowerCase())) continue;
    let end = a.end + 1;
    while (end < tokens.length && end - a.end <= 6) {
      const t = tokens[end] as Token;
      if (t.line !== line) break;
      if (startsName(t.text)) end++;
      else if (INNER_CONNECTORS.has(t.text) && startsName(tokens[end + 1]?.text ?? "") && tokens[end + 1]?.line === line) end += 2;
      else break;
    }
    // Mentions inside the run are swallowed; one that runs past it leaves the name as it was.
    const inside = list.filter((m) => m !== a && m.start < end && a.end < m.end);
    if (inside.some((m) => m.end > end || m.type === "person")) continue;
    const joined: TaggedMention = { type: "organization", start: a.start, end };
    const next = [...list.filter((m) => !inside.includes(m) && m !== a), joined].sort((x, y) => x.start - y.start);
    out = next;
    i = next.indexOf(joined);
  }
  return out ?? mentions;
}

/**
 * An institution named "X for (the) Y" that the model read as two names ("U.S. District Court" | "for the" |
 * "Northern District of Texas", "Centre" | "for" | "Disease Control"): an organization ending in an
 * institution's word, "for" and an optional "the" on its line, then the next name, are one organization.
 */
function withForJoins(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  return joinPairs(mentions, (a, b) => {
    if (a.type !== "organization" || b.type === "person") return false;
    const head = (tokens[a.end - 1] as Token).text;
    if (!ORG_SUFFIX_WORDS.has(head) && !ORG_HEAD_WORDS.has(head)) return false;
    const between = tokens.slice(a.end, b.start).map((t) => t.text);
    if (!(between.length === 1 && between[0] === "for") && !(between.length === 2 && between[0] === "for" && between[1] === "the")) return false;
    return (tokens[b.end - 1] as Token).line === (tokens[a.start] as Token).line;
  });
}

/** Adjacent mentions `a`, `b` that `joins` accepts become one organization from a's start to b's end, left to right. */
function joinPairs(mentions: TaggedMention[], joins: (a: TaggedMention, b: TaggedMention) => boolean): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 0; i + 1 < (out ?? mentions).length; i++) {
    const list = out ?? mentions;
    const a = list[i] as TaggedMention;
    const b = list[i + 1] as TaggedMention;
    if (joins(a, b)) out = [...list.slice(0, i), { type: "organization", start: a.start, end: b.end }, ...list.slice(i + 2)];
  }
  return out ?? mentions;
}

/** The words a court's name opens with after its jurisdiction ("Nova Scotia Court of Appeal"). */
const COURT_OPENERS = new Set("Court High Supreme Superior District Federal Provincial Constitutional Appeals Appellate Magistrates Magistrate's Family Circuit".split(" "));

/**
 * A place read just before a court the gazetteer knows by its generic name ("Nova Scotia" | "Court of Appeal"):
 * the jurisdiction is part of the court's name, and the longest name wins (docs/ENTITY-GUIDELINES.md rule 5,
 * "U.S. Supreme Court" is one organization).
 */
function withPlaceCourts(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  return joinPairs(mentions, (a, b) => {
    if (a.type !== "place" || b.type !== "organization" || b.start !== a.end) return false;
    const first = tokens[b.start] as Token;
    if (first.line !== (tokens[a.end - 1] as Token).line || !COURT_OPENERS.has(first.text)) return false;
    return tokens.slice(b.start, b.end).some((t) => t.text === "Court");
  });
}

/**
 * "Ntuzuma Magistrates' Court", "the Magistrate's Court", "Kibera Chief Magistrate's Court": a magistrates'
 * court with its possessive is one organization, the place words before it included, where the model read a
 * place ("Ntuzuma Magistrates") or nothing. Mentions inside are replaced; one running past it is left as read.
 */
function withMagistratesCourts(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i] as Token;
    if (word.text !== "Magistrate" && word.text !== "Magistrates" && word.text !== "Magistrate's" && word.text !== "Magistrates'") continue;
    const on = (t: Token | undefined): t is Token => !!t && t.line === word.line && t.field === word.field;
    let k = i + 1;
    if (on(tokens[k]) && POSSESSIVE_MARKS.has((tokens[k] as Token).text)) k++;
    if (!(on(tokens[k]) && (tokens[k] as Token).text === "Court")) continue;
    const end = k + 1;
    // The court's place and rank before it: capitalised words on the line, not an article.
    let start = i;
    while (start > 0 && i - start < 3 && on(tokens[start - 1]) && startsName((tokens[start - 1] as Token).text) && (tokens[start - 1] as Token).text !== "The") start--;
    const next = replacedInside(out ?? mentions, start, end, { type: "organization", start, end });
    if (!next) continue;
    out = next;
    i = end - 1;
  }
  return out ?? mentions;
}

/**
 * The mentions with `mention` in place of every one inside [start, end), or undefined where one runs across the
 * range's edge: a longer name read there is left as read.
 */
function replacedInside(list: TaggedMention[], start: number, end: number, mention: TaggedMention): TaggedMention[] | undefined {
  if (list.some((m) => m.start < end && start < m.end && (m.start < start || m.end > end))) return undefined;
  return [...list.filter((m) => m.end <= start || m.start >= end), mention].sort((a, b) => a.start - b.start);
}

const CAPITALS_RE = /^[A-Z]{2,5}$/;
const FACTION_RE = /^[A-Z]{1,3}$/;

/**
 * A party written with its faction's letters in brackets, all glued ("JD(U)", "CPI(M)", "JD(S)"): one
 * organization of four tokens, where the model may read only the letters inside ("U") or stop at the bracket.
 */
function withBracketParties(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i + 1]?.text !== "(" || tokens[i + 3]?.text !== ")") continue;
    const [party, open, faction, close] = tokens.slice(i, i + 4) as [Token, Token, Token, Token];
    if (!CAPITALS_RE.test(party.text) || !FACTION_RE.test(faction.text)) continue;
    if (open.start !== party.end || faction.start !== open.end || close.start !== faction.end) continue;
    const after = tokens[i + 4];
    if (after && after.start === close.end && /^[\p{L}\p{N}]/u.test(after.text)) continue;
    const list = out ?? mentions;
    // Only where no mention runs past the four tokens: a longer name that holds them is left as read.
    if (list.some((m) => m.start < i + 4 && i < m.end && (m.start < i || m.end > i + 4))) continue;
    out = [...list.filter((m) => m.end <= i || m.start >= i + 4), { type: "organization" as const, start: i, end: i + 4 }].sort((a, b) => a.start - b.start);
    i += 3;
  }
  return out ?? mentions;
}

/** Words that end the name of a body's part: a unit, a department, a laboratory. */
const UNIT_WORDS = new Set("Unit Division Department Wing Cell Branch Bureau Directorate Squad Laboratory".split(" "));
/** Words that end the whole body's name after "of" ("Dhaka Metropolitan Police", "Dang Wangi District Police HQ"). */
const PARENT_ENDS = new Set(["Headquarters", "HQ"]);

/**
 * A named part of a body "of" the body ("Counter Terrorism Unit of Dhaka Metropolitan Police", "Mass
 * Communication and Journalism Department of Dhaka University") is two organizations, each with its own
 * name: the part's name has a word before its unit word, the body's two words or more ending in an
 * organization's word. "Department of Health" and "Gauteng Department of Health" stay one name.
 */
function withUnitsApart(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  mentions.forEach((m) => {
    if (m.type !== "organization" || m.end - m.start < 5) return;
    for (let k = m.start + 1; k < m.end - 3; k++) {
      if (!UNIT_WORDS.has((tokens[k] as Token).text) || tokens[k + 1]?.text !== "of") continue;
      const parent = tokens[k + 2]?.text === "the" ? k + 3 : k + 2;
      const body = tokens.slice(parent, m.end);
      const last = (body[body.length - 1] as Token).text;
      if (body.length < 2 || !body.every((t) => startsName(t.text)) || !(ORG_SUFFIX_WORDS.has(last) || PARENT_ENDS.has(last))) return;
      out ??= [...mentions];
      out.splice(out.indexOf(m), 1, { type: "organization", start: m.start, end: k + 1 }, { type: "organization", start: parent, end: m.end });
      return;
    }
  });
  return out ?? mentions;
}

/** Social platforms, the companies behind them: the model, trained on text that reads "on Facebook" as no name, misses them. */
const PLATFORMS = new Set("Facebook YouTube Instagram LinkedIn Twitter WhatsApp TikTok Snapchat Reddit Telegram".split(" "));
/** A page's prompt to follow it ("follow us on Twitter", "Join our WhatsApp channel"): the platform there is chrome. */
const FOLLOW_PROMPT = /\b(?:follow|subscribe|like|join|find)\s+(?:us|our)\b|\bon\s+(?:our|its)\s+\S+\s+(?:page|channel|handle|account)\b|@/iu;

/**
 * A name the model ended just before a venue's word ("Tokyo" | "Dome", "Jawaharlal Nehru" | "Stadium"): the
 * venue is the name, and a place (docs/ENTITY-GUIDELINES.md).
 */
function withVenues(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  mentions.forEach((m, i) => {
    const word = tokens[m.end];
    const last = tokens[m.end - 1] as Token;
    if (!word || !VENUE_WORDS.has(word.text) || word.line !== last.line || word.field !== last.field) return;
    const next = mentions[i + 1];
    if (next && next.start <= m.end) return;
    out ??= [...mentions];
    out[i] = { type: "place", start: m.start, end: m.end + 1 };
  });
  return out ?? mentions;
}

/** A single capital and the full stop after it, glued: one initial of a name written "A. K. Singh". */
function initialAt(tokens: readonly Token[], i: number, line: number): boolean {
  const letter = tokens[i];
  const stop = tokens[i + 1];
  return !!letter && !!stop && /^\p{Lu}$/u.test(letter.text) && stop.text === "." && stop.start === letter.end && letter.line === line && stop.line === line;
}

/**
 * A person written with spaced initials ("A. K. Singh", "D. S. Rawat"), which the model may start at the second
 * initial or end at the last one: the name takes every initial before it and, when it ends on one, the surname
 * after it; and two persons either side of one initial's full stop are one.
 */
function withSpacedInitials(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  // A person read up to an initial ("Lt Col D") just before a person that opens on the next initial ("S. Rawat"):
  // one name.
  const joined: TaggedMention[] = [];
  for (const m of mentions) {
    const a = joined[joined.length - 1];
    const line = (tokens[m.start] as Token).line;
    if (a && a.type === "person" && m.type === "person" && a.end === m.start - 1 && initialAt(tokens, a.end - 1, line)) {
      joined[joined.length - 1] = { type: "person", start: a.start, end: m.end };
      continue;
    }
    joined.push(m);
  }
  if (joined.length !== mentions.length) mentions = joined;
  let out: TaggedMention[] | undefined;
  mentions.forEach((m, i) => {
    if (m.type !== "person") return;
    const line = (tokens[m.start] as Token).line;
    let start = m.start;
    let end = m.end;
    const previous = (out ?? mentions)[i - 1];
    while (start >= 2 && initialAt(tokens, start - 2, line) && (!previous || previous.end <= start - 2)) start -= 2;
    // Ends on an initial ("D. S" | ". Rawat"): the full stop and the capitalised surname after it.
    const next = (out ?? mentions)[i + 1];
    const lastIsInitial = /^\p{Lu}$/u.test((tokens[end - 1] as Token).text);
    const surname = tokens[end + 1];
    if (lastIsInitial && initialAt(tokens, end - 1, line) && surname && surname.line === line && /^\p{Lu}\p{Ll}/u.test(surname.text) && (!next || next.start > end + 1)) end += 2;
    if (start === m.start && end === m.end) return;
    out ??= [...mentions];
    out[i] = { type: "person", start, end };
  });
  return out ?? mentions;
}

/**
 * A company's ticker in brackets after it ("Commonwealth Bank (ASX: CBA)", "(NYSE:BHP)") is the company's code,
 * not a second organization: mentions of the code are dropped (the exchange stays).
 */
function withoutTickers(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  const tickers = new Set<number>();
  for (let i = 1; i + 3 < tokens.length; i++) {
    if (tokens[i - 1]?.text !== "(" || tokens[i + 1]?.text !== ":" || !TICKER_EXCHANGES.has((tokens[i] as Token).text)) continue;
    const code = tokens[i + 2] as Token;
    if (/^[A-Z0-9.]{1,6}$/u.test(code.text) && tokens[i + 3]?.text === ")") tickers.add(i + 2);
  }
  if (tickers.size === 0) return mentions;
  return mentions.filter((m) => !(m.end - m.start === 1 && tickers.has(m.start)));
}
const TICKER_EXCHANGES = new Set("ASX NYSE NASDAQ Nasdaq NSE BSE TSX TSXV LSE JSE NZX SGX HKEX KRX TYO".split(" "));

/** Club words that are no nickname alone ("City", "Town"): a story's "City" is not Manchester City. */
const NOT_NICKNAMES = new Set(
  "City Town County Athletic United Albion FC AFC SC CF Club Sporting Real Inter Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "),
);
/**
 * The known clubs' nicknames (the gazetteer's and the North American leagues'), every ending of two or more words' names after the town ("Bruins" of "Boston
 * Bruins", "Maple Leafs" and "Leafs" of "Toronto Maple Leafs"), by their first word, longest first. Built on
 * first use, once per isolate, so that a Worker that tags no story does not pay for it at start-up.
 */
let nicknames: Map<string, string[][]> | undefined;
function clubNicknames(): Map<string, string[][]> {
  if (nicknames) return nicknames;
  const out = new Map<string, string[][]>();
  for (const club of new Set([...CLUB_NAMES, ...LEAGUE_CLUBS])) {
    const words = club.split(" ");
    for (let k = 1; k < words.length; k++) {
      const nick = words.slice(k);
      if (nick.length === 1 && NOT_NICKNAMES.has(nick[0] as string)) continue;
      if (!/^\p{Lu}\p{Ll}/u.test(nick[0] as string)) continue;
      const list = out.get(nick[0] as string) ?? [];
      if (!list.some((n) => n.join(" ") === nick.join(" "))) list.push(nick);
      out.set(nick[0] as string, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  nicknames = out;
  return out;
}

let clubs: Set<string> | undefined;

/**
 * "San Jose" | "Sharks", "Los Angeles" | "Angels": a place the model read just before the rest of a known club's
 * name (the gazetteer's clubs and the North American leagues') is the club, one organization.
 */
function withClubNames(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  clubs ??= new Set([...CLUB_NAMES, ...LEAGUE_CLUBS]);
  let out: TaggedMention[] | undefined;
  mentions.forEach((m, i) => {
    if (m.type !== "place") return;
    const last = tokens[m.end - 1] as Token;
    const next = mentions[i + 1];
    let name = tokens.slice(m.start, m.end).map((t) => t.text).join(" ");
    for (let k = m.end; k < m.end + 2 && k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (t.line !== last.line || t.field !== last.field || !startsName(t.text) || (next && next.start <= k && next.end > k + 1)) return;
      name += ` ${t.text}`;
      if (!clubs!.has(name)) continue;
      out ??= [...mentions];
      out = out.filter((o) => o === m || o.end <= m.start || o.start > k);
      out[out.indexOf(m)] = { type: "organization", start: m.start, end: k + 1 };
      return;
    }
  });
  return out ?? mentions;
}

/**
 * A results round-up names its teams by their nicknames alone ("Bruins 7, Capitals 3", "the Hurricanes
 * timeout"): where a story prints three different known clubs' nicknames or more, each is the club, an
 * organization under the name printed; the model, which reads "Capitals" or "Wild" as words, may miss them or
 * type them otherwise. Fewer than three, or no score in the story, is no round-up ("Senators voted", "the Kings
 * of Spain").
 */
function withTeamNicknames(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  const hits: { start: number; end: number; nick: string }[] = [];
  const known = clubNicknames();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const candidates = known.get(t.text);
    if (!candidates) continue;
    for (const nick of candidates) {
      if (i + nick.length > tokens.length) continue;
      if (!nick.every((w, k) => tokens[i + k]?.text === w && (tokens[i + k] as Token).line === t.line)) continue;
      // Inside a longer capitalised name ("Carolina Hurricanes" read whole, "Macarthur Bulls") the club is
      // already named, or is another one.
      const after = tokens[i + nick.length];
      const before = tokens[i - 1];
      if (after && after.line === t.line && /^\p{Lu}\p{Ll}/u.test(after.text)) break;
      if (before && before.line === t.line && !t.sentStart && /^\p{Lu}/u.test(before.text)) break;
      hits.push({ start: i, end: i + nick.length, nick: nick.join(" ") });
      i += nick.length - 1;
      break;
    }
  }
  if (new Set(hits.map((h) => h.nick)).size < 3) return mentions;
  // And a score: a nickname followed by its goals ("Bruins 7") or a result written "8-6".
  const scored = hits.some((h) => /^\d{1,3}$/u.test(tokens[h.end]?.text ?? "")) || tokens.some((t) => /^\d{1,3}-\d{1,3}$/u.test(t.text));
  if (!scored) return mentions;
  // Forced, as a layout's mentions are: "Wild" is the club even where the story also writes "a wild third period".
  let out = mentions;
  for (const h of hits) {
    const club: TaggedMention & { forced: true } = { type: "organization", start: h.start, end: h.end, forced: true };
    const same = out.findIndex((m) => m.start === h.start && m.end === h.end);
    if (same >= 0) {
      out = out.map((m, k) => (k === same ? club : m));
      continue;
    }
    if (out.some((m) => m.start < h.end && h.start < m.end)) continue;
    out = [...out, club].sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * A town's name before "police station" in lower case is the station's name, as pages-dev labels it ("Azad
 * Maidan police station"): one organization, where the model read nothing there (the document pass's
 * stationEnd() joins the words to a town the model did read). The town is still a mention of the town wherever
 * the story names it alone.
 */
function withPoliceStations(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const force = tokens[i] as Token;
    const station = tokens[i + 1] as Token;
    if (!FORCE_WORDS.has(force.text) || station.text !== "station" || station.line !== force.line) continue;
    // The town: the capitalised words just before, on the line.
    let start = i;
    while (start > 0 && (tokens[start - 1] as Token).line === force.line && /^\p{Lu}/u.test((tokens[start - 1] as Token).text) && (tokens[start - 1] as Token).text !== "The" && i - start < 4) start--;
    if (start === i) continue;
    // Only mentions inside the town's words are replaced; one running past them is left as read.
    out = replacedInside(out ?? mentions, start, i + 2, { type: "organization", start, end: i + 2 }) ?? out;
  }
  return out ?? mentions;
}

const PROSE_WORD = /(?<![\p{L}\p{N}])\p{Ll}{2,}(?![\p{L}\p{N}])/gu;

/**
 * A platform's name in the story's own prose ("Facebook, YouTube and Twitter had been blocked") that no mention
 * covers is the organization; on a line that asks readers to follow the site, or in a share bar, it is chrome.
 */
function withPlatforms(mentions: TaggedMention[], tokens: readonly Token[], text: string): TaggedMention[] {
  const extra: TaggedMention[] = [];
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!PLATFORMS.has(t.text) || t.field !== "text") continue;
    while (m < mentions.length && (mentions[m] as TaggedMention).end <= i) m++;
    if (m < mentions.length && (mentions[m] as TaggedMention).start <= i) continue;
    const lineStart = text.lastIndexOf("\n", t.start) + 1;
    const lineEnd = text.indexOf("\n", t.end);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    // A share bar ("Twitter Facebook Reddit Pinterest Email") is no prose: prose has lower-case words.
    if (FOLLOW_PROMPT.test(line) || (line.match(PROSE_WORD) ?? []).length < 3) continue;
    extra.push({ type: "organization", start: i, end: i + 1 });
  }
  return extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

/** Institutions named for a person or a group in the possessive ("Royal Children's Hospital", "King's College"). */
const INSTITUTION_WORDS_LIST = "Hospital College School University Academy Church Cathedral Institute Centre Center Foundation Society Club".split(" ");
const INSTITUTION_WORDS = new Set(INSTITUTION_WORDS_LIST);
const POSSESSIVE_MARKS = new Set(["'s", "’s", "'", "’"]);

/**
 * A name the model ended before a possessive that an institution's word follows ("Royal Children" | "'s
 * Hospital"): the three are one organization. Not after a known place ("Kenya's Parliament" names Kenya's parliament).
 */
function withPossessiveInstitutions(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  mentions.forEach((m, i) => {
    const mark = tokens[m.end];
    const word = tokens[m.end + 1];
    const last = tokens[m.end - 1] as Token;
    if (!mark || !word || !POSSESSIVE_MARKS.has(mark.text) || mark.start !== last.end || word.line !== last.line || !INSTITUTION_WORDS.has(word.text)) return;
    // A known place keeps its own reading ("Kenya's Parliament"); a name the model only guessed a place is the
    // institution's ("Royal Children" | "'s Hospital").
    if (knownType(tokens.slice(m.start, m.end).map((t) => t.text).join(" ")) === "place") return;
    const next = (out ?? mentions)[i + 1];
    if (next && next.start <= m.end + 1) return;
    out ??= [...mentions];
    out[i] = { type: "organization", start: m.start, end: m.end + 2 };
  });
  return out ?? mentions;
}

/** Last words of an institution's or a venue's name that a title may open. */
const TITLED_ENDS = new Set([...INSTITUTION_WORDS_LIST, ..."Airport Stadium Park Bridge Hall Memorial Trust Fund Square".split(" ")]);

/**
 * "Princess Marina Referral Hospital", "King Faisal Specialist Hospital": a title just before an institution's
 * name the model read without it is the first word of the name, which is named for that person; the whole is
 * the institution (an organization, or the place a venue's word makes it). Not where another mention holds the
 * title, or it is on another line.
 */
function withTitledInstitutions(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  mentions.forEach((m, i) => {
    const title = tokens[m.start - 1];
    const first = tokens[m.start] as Token;
    const last = tokens[m.end - 1] as Token;
    if (!title || !INSTITUTION_TITLES.has(title.text) || title.line !== first.line || title.field !== first.field || !TITLED_ENDS.has(last.text)) return;
    const before = (out ?? mentions)[i - 1];
    if (before && before.end >= m.start) return;
    out ??= [...mentions];
    out[i] = { type: INSTITUTION_WORDS.has(last.text) ? "organization" : m.type, start: m.start - 1, end: m.end };
  });
  return out ?? mentions;
}

/** Words of a state's style before "Republic" or "Kingdom" ("People's Republic of China", "Islamic Republic of Iran"). */
const STATE_STYLE_WORDS = new Set("People Islamic Federal Democratic Arab Socialist United Bolivarian Hashemite Plurinational Cooperative Kyrgyz Czech Dominican Central African".split(" "));

/**
 * A state's formal name is the place ("Republic of Namibia", "the People's Republic of China", "Kingdom of
 * Saudi Arabia"), however the model split or typed its words; and "Islamic Republic" alone, styled without the
 * country, is the state too, a place, never a person. Mentions inside the name are replaced by it; a longer
 * name around it ("Central Bank of the Republic of Turkey") is left as read.
 */
function withStateNames(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i] as Token;
    if (!STATE_HEADS.has(head.text)) continue;
    const on = (t: Token | undefined): t is Token => !!t && t.line === head.line && t.field === head.field;
    // The style before: capitalised style words, and a possessive after "People".
    let start = i;
    for (let k = i - 1; k >= 0; k--) {
      const t = tokens[k] as Token;
      if (!on(t)) break;
      if (STATE_STYLE_WORDS.has(t.text)) start = k;
      else if (!(POSSESSIVE_MARKS.has(t.text) && tokens[k - 1]?.text === "People")) break;
    }
    // The country after "of" (and "the"): its capitalised words.
    let end = i + 1;
    if (on(tokens[i + 1]) && tokens[i + 1]?.text === "of") {
      let k = i + 2;
      if (on(tokens[k]) && tokens[k]?.text === "the") k++;
      const from = k;
      // The country's capitalised words, up to a role ("Democratic Republic of Congo President Felix Tshisekedi").
      while (on(tokens[k]) && startsName((tokens[k] as Token).text) && !isRole((tokens[k] as Token).text) && k - from < 4) k++;
      // A name the lists know as a place may be shorter than the words ("Republic of Korea Navy").
      for (let j = k; j > from; j--) {
        if (knownType(tokens.slice(from, j).map((t) => t.text).join(" ")) === "place") {
          k = j;
          break;
        }
      }
      // "Republic of Korea Navy", "Kingdom of Bahrain Bank": a body's word after the country makes a longer name.
      if (k > from && !tokens.slice(from, k).some((t) => ORG_SUFFIX_WORDS.has(t.text))) end = k;
      else continue;
    }
    // "Republic" alone, or "Kingdom" after a style ("United Kingdom" is known already), is not a state's name.
    if (end === i + 1 && !(head.text === "Republic" && start < i)) continue;
    // Forced, as a layout's mentions are: the rules may read "Islamic Republic" as a person's two words.
    const state: TaggedMention & { forced: true } = { type: "place", start, end, forced: true };
    const next = replacedInside(out ?? mentions, start, end, state);
    if (!next) continue;
    out = next;
    i = end - 1;
  }
  return out ?? mentions;
}

/**
 * "Members of al Qaeda attacked": a name the gazetteer knows that opens with a lower-case Arabic article is
 * the organization or place it lists, where no mention covers its words (the model and the rules look for a
 * capital to open a name).
 */
function withParticleNames(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  const extra: TaggedMention[] = [];
  let m = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const particle = tokens[i] as Token;
    if (!ARTICLE_WORDS.has(particle.text)) continue;
    const next = tokens[i + 1] as Token;
    if (next.line !== particle.line || next.field !== particle.field || !startsName(next.text)) continue;
    while (m < mentions.length && (mentions[m] as TaggedMention).end <= i) m++;
    if (m < mentions.length && (mentions[m] as TaggedMention).start <= i + 1) continue;
    const type = knownType(`${particle.text} ${next.text}`);
    if (type === "organization" || type === "place") extra.push({ type, start: i, end: i + 2 });
  }
  return extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

/** A police force's word after its place: "Victoria Police", "Mumbai Police", "Kildare Garda". */
const FORCE_NAMES = new Set(["Police", "Garda", "Constabulary"]);
/** Words before an officer's rank that are no rank alone ("Assistant Commissioner", "Senior Superintendent"). */
const RANK_MODIFIERS = new Set(["Assistant", "Senior", "Acting", "Deputy", "Chief", "Detective"]);

/**
 * "Victoria Police Assistant Commissioner Steve Fontana", "Mumbai Police Commissioner Vivek Phansalkar": a
 * known place, the force's word, then an officer's rank is the force, an organization; the rank belongs to the
 * person after it, no name. The model read nothing there, or the force and the rank as one organization.
 */
function withForceRanks(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const force = tokens[i] as Token;
    if (!FORCE_NAMES.has(force.text)) continue;
    const on = (t: Token | undefined): t is Token => !!t && t.line === force.line && t.field === force.field;
    // The ranks after it, one or more ("Assistant Commissioner").
    let j = i + 1;
    let ranked = false;
    for (; on(tokens[j]) && startsName((tokens[j] as Token).text) && j - i < 4; j++) {
      const word = (tokens[j] as Token).text;
      if (isRole(word)) ranked = true;
      else if (!RANK_MODIFIERS.has(word)) break;
    }
    if (!ranked) continue;
    // The place before it: one to three capitalised words the lists or GeoNames know as a place.
    let start = -1;
    for (let k = Math.max(0, i - 3); k < i; k++) {
      if (!tokens.slice(k, i).every((t) => on(t) && startsName(t.text))) continue;
      const place = tokens.slice(k, i).map((t) => t.text).join(" ");
      const type = knownType(place);
      if (type === "place" || (type === undefined && isGeoName(hash(place.split(" ").map(foldWord).join(" "))))) {
        start = k;
        break;
      }
    }
    if (start < 0) continue;
    // A mention running past the ranks (into the officer's name) or opening before the place is left as read.
    const next = replacedInside(out ?? mentions, start, j, { type: "organization", start, end: i + 1 });
    if (!next) continue;
    out = next;
    i = j - 1;
  }
  return out ?? mentions;
}

/** Lower-case words inside a department's portfolio ("Ministry of Mines and Minerals Development"); not "of", which opens its parent ("... of Kazakhstan"). */
const PORTFOLIO_CONNECTORS = new Set(["and", "&", "for", "the"]);

/**
 * "Ministry of Mines and Minerals Development Permanent Secretary Barnaby Mulenga": a ministry or department
 * "of" its capitalised portfolio, up to an official's title, is the organization where no mention covers any of
 * its words (the model, reading the title run on after it, may leave the whole line to the person), or where
 * the only one there ends at the department's word.
 */
function withDepartments(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out = mentions;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const head = tokens[i] as Token;
    if (!DEPARTMENT_HEADS.has(head.text) || tokens[i + 1]?.text !== "of") continue;
    const on = (t: Token | undefined): t is Token => !!t && t.line === head.line && t.field === head.field;
    let end = i + 2;
    for (let k = i + 2; on(tokens[k]) && k - i < 10; k++) {
      const word = (tokens[k] as Token).text;
      if (isRole(word) || RANK_MODIFIERS.has(word) || word === "Permanent" || word === "Principal") break;
      if (startsName(word)) end = k + 1;
      else if (!PORTFOLIO_CONNECTORS.has(word)) break;
      // "Ministry of Health and UNICEF": a name the lists know after "and" is another body, no portfolio.
      else if (word === "and" || word === "&") {
        let next = k + 1;
        while (on(tokens[next]) && startsName((tokens[next] as Token).text)) next++;
        if (next > k + 1 && knownType(tokens.slice(k + 1, next).map((t) => t.text).join(" ")) !== undefined) break;
      }
    }
    if (end === i + 2) continue;
    // A portfolio is a subject ("Health"), not a body or a place: "Journalism Department of Dhaka University" is
    // a unit of the university, two names (withUnitsApart()).
    const portfolio = tokens.slice(i + 2, end).map((t) => t.text);
    if (knownType(portfolio.join(" ")) !== undefined || ORG_SUFFIX_WORDS.has(portfolio[portfolio.length - 1] as string)) continue;
    // "Oklahoma State Department" | "of Health", "New Hampshire Department of Health" | "and" | "Human
    // Services": an organization the model ended inside the department's name runs on over its portfolio.
    const owner = out.find((m) => m.type === "organization" && m.start <= i && i < m.end);
    const start = owner ? owner.start : i;
    if (owner && owner.end >= end) continue;
    const next = replacedInside(out, start, end, { type: "organization", start, end });
    if (!next) continue;
    out = next;
    i = end - 1;
  }
  return out;
}

/** A firm's legal form written with its full stop, which ends the firm's name ("BHP Billiton Ltd."). */
const DOTTED_LEGAL_FORMS = new Set(["Ltd.", "Inc.", "Corp.", "Co.", "Plc.", "Bhd.", "Tbk."]);

/**
 * "BHP Billiton Ltd. Guido Cortes said": an organization the model ran over its legal form's full stop into the
 * next sentence ends there; the words after it are a person where a given name opens them, and nothing
 * otherwise. Two known clubs run together ("Los Angeles Lakers Golden State Warriors", a table's row) are two.
 */
function withNamesApart(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  clubs ??= new Set([...CLUB_NAMES, ...LEAGUE_CLUBS]);
  let out: TaggedMention[] | undefined;
  mentions.forEach((m) => {
    if (m.type !== "organization" || m.end - m.start < 3) return;
    const words = tokens.slice(m.start, m.end).map((t) => t.text);
    const legal = words.findIndex((w, k) => k > 0 && k < words.length - 1 && DOTTED_LEGAL_FORMS.has(w));
    if (legal > 0 && startsName(words[legal + 1] as string)) {
      const rest = tokens.slice(m.start + legal + 1, m.end);
      const person = rest.length >= 2 && rest.length <= 3 && FIRST_NAMES.has((rest[0] as Token).text.toLowerCase());
      out ??= [...mentions];
      out.splice(out.indexOf(m), 1, { type: "organization", start: m.start, end: m.start + legal + 1 }, ...(person ? [{ type: "person" as const, start: m.start + legal + 1, end: m.end }] : []));
      return;
    }
    // Known clubs end to end, each the longest that fits, and nothing left over.
    const parts: TaggedMention[] = [];
    for (let at = 0; at < words.length; ) {
      let k = words.length;
      while (k > at + 1 && !clubs!.has(words.slice(at, k).join(" "))) k--;
      if (k === at + 1) return;
      parts.push({ type: "organization", start: m.start + at, end: m.start + k });
      at = k;
    }
    if (parts.length < 2) return;
    out ??= [...mentions];
    out.splice(out.indexOf(m), 1, ...parts);
  });
  return out ?? mentions;
}

/** Words that open a government department's name ("Ministry of Trade, Industry and Energy"). */
const DEPARTMENT_HEADS = new Set(["Ministry", "Department", "Secretariat"]);

/**
 * "Ministry of Digital Development, Defense and Aerospace Industry", "Ministry of Trade, Industry and Energy":
 * a department whose portfolios are listed with commas and a last "and" is one organization, where the model
 * ended it at the first comma and read the portfolios after it as names of their own. Each portfolio is one
 * to three capitalised words on the line, none a name the lists know (a place, a person, another body).
 */
function withPortfolioLists(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  let out: TaggedMention[] | undefined;
  for (let i = 0; i < (out ?? mentions).length; i++) {
    const list = out ?? mentions;
    const m = list[i] as TaggedMention;
    const head = tokens[m.start] as Token;
    if (m.type !== "organization" || !DEPARTMENT_HEADS.has(head.text) || tokens[m.start + 1]?.text !== "of") continue;
    const on = (t: Token | undefined): t is Token => !!t && t.line === head.line && t.field === head.field;
    // One portfolio: capitalised words (and "of"/"&" between them), ending before a separator.
    const portfolio = (from: number): number => {
      let k = from;
      while (on(tokens[k]) && k - from < 4 && (startsName((tokens[k] as Token).text) || (k > from && (tokens[k] as Token).text === "&"))) k++;
      if (k === from || k - from > 3) return -1;
      const name = tokens.slice(from, k).map((t) => t.text).join(" ");
      return knownType(name) === undefined ? k : -1;
    };
    let k = m.end;
    let end = -1;
    while (on(tokens[k]) && tokens[k]?.text === ",") {
      const next = portfolio(k + 1);
      if (next < 0) break;
      k = next;
      if (on(tokens[k]) && tokens[k]?.text === "and") {
        const last = portfolio(k + 1);
        // The last portfolio ends the name: no capitalised word runs on after it.
        if (last > 0 && !(on(tokens[last]) && startsName((tokens[last] as Token).text))) end = last;
        break;
      }
    }
    if (end < 0) continue;
    if (list.some((o) => o.start < end && m.end <= o.start && o.end > end)) continue;
    out = [...list.filter((o) => o.end <= m.start || o.start >= end), { type: "organization" as const, start: m.start, end }].sort((a, b) => a.start - b.start);
  }
  return out ?? mentions;
}

/** The gazetteer's entity type for a known name, or undefined. */
function knownType(name: string): TaggedMention["type"] | undefined {
  const kind = lookupAlias(name)?.kind;
  return kind === "person" || kind === "organization" || kind === "place" ? kind : kind === "agency" ? "organization" : undefined;
}

/**
 * The other way round: an organization the model read across "and" whose words after it are, all of them, a
 * name the lists know ("Ministry of Health and UNICEF", "... and Kenya") is two names.
 */
function splitAtKnownNames(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] | undefined {
  let out: TaggedMention[] | undefined;
  for (const m of mentions) {
    if (m.type !== "organization") continue;
    for (let k = m.start + 1; k < m.end - 1; k++) {
      if ((tokens[k] as Token).text !== "and") continue;
      const type = knownType(tokens.slice(k + 1, m.end).map((t) => t.text).join(" "));
      if (type === undefined || knownType(tokens.slice(m.start, m.end).map((t) => t.text).join(" ")) !== undefined) continue;
      out ??= [...mentions];
      out.splice(out.indexOf(m), 1, { type: "organization", start: m.start, end: k }, { type, start: k + 1, end: m.end });
      break;
    }
  }
  return out;
}

/**
 * A name of two or more capitalised words read somewhere in the story ("ODENSE BK" in its results row) that
 * the story prints again, word for word on one line (in any case), where the model read nothing ("Odense BK stay top"): the
 * same words are the same name, so the repeat is a mention of it, with its type. A repeat inside a longer run
 * of capitalised words ("Odense BK Stadium") is left alone.
 */
function withRepeats(mentions: TaggedMention[], tokens: readonly Token[]): TaggedMention[] {
  const byFirst = new Map<string, TaggedMention[]>();
  const covered = new Uint8Array(tokens.length);
  const add = (m: TaggedMention): void => {
    const first = (tokens[m.start] as Token).text.toLowerCase();
    const list = byFirst.get(first);
    if (list) list.push(m);
    else byFirst.set(first, [m]);
  };
  for (const m of mentions) {
    for (let k = m.start; k < m.end; k++) covered[k] = 1;
    if (m.end - m.start < 2) continue;
    if (tokens.slice(m.start, m.end).every((t) => startsName(t.text) || t.text === "&" || t.text === "-")) add(m);
    if (m.type !== "person") continue;
    // A surname with its particle ("ten Hag" of "Erik ten Hag") is the person where a sentence opens with it
    // ("Ten Hag said"): the model reads a capitalised "Ten" as a number word.
    let tail = m.end - 1;
    while (tail - 1 > m.start && SURNAME_PARTICLES.has((tokens[tail - 1] as Token).text)) tail--;
    if (tail < m.end - 1) add({ type: "person", start: tail, end: m.end });
  }
  if (byFirst.size === 0) return mentions;
  const extra: TaggedMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    if (!startsName((tokens[i] as Token).text)) continue;
    const candidates = byFirst.get((tokens[i] as Token).text.toLowerCase());
    if (!candidates) continue;
    for (const m of candidates) {
      const n = m.end - m.start;
      const end = i + n;
      if (end > tokens.length) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) {
        const t = tokens[i + k] as Token;
        same = !covered[i + k] && t.text.toLowerCase() === (tokens[m.start + k] as Token).text.toLowerCase() && t.line === (tokens[i] as Token).line && t.field === (tokens[i] as Token).field;
      }
      if (!same) continue;
      const before = tokens[i - 1];
      const after = tokens[end];
      const joins = (t: Token | undefined): boolean => !!t && t.line === (tokens[i] as Token).line && t.field === (tokens[i] as Token).field && startsName(t.text);
      if (joins(after) || (joins(before) && !(before as Token).sentStart)) continue;
      extra.push({ type: m.type, start: i, end });
      for (let k = i; k < end; k++) covered[k] = 1;
      i = end - 1;
      break;
    }
  }
  return extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

const PATRONYMICS = new Set(["bin", "bint", "ibn"]);

/**
 * A place the gazetteer knows by that exact name ("Kenya", "Nairobi"), or an organization of two words or more
 * ("HDFC Bank"), that the rules read in the body with the list's type and the model left outside every name: the
 * list is surer than the model there, which can be swayed by a Title-Case line just before it ("By Elena Marsh,
 * Meridian World Report" over "Kenya agreed.") or run two companies into one ("Bharti Airtel and HDFC Bank");
 * and a person's name with an Arabic patronymic.
 */
function withKnownNames(mentions: TaggedMention[], ruled: TaggedMention[], tokens: readonly Token[], shouted: readonly boolean[]): TaggedMention[] {
  const extra = ruled.filter((r) => {
    if ((tokens[r.start] as Token).field !== "text") return false;
    if (mentions.some((m) => m.start < r.end && r.start < m.end)) return false;
    // A person's name of four words or more joined by "bin", "bint" or "ibn" ("Mohamed bin Zayed Al Nahyan"):
    // the patronymic makes it a name whatever the model read.
    if (r.type === "person") return r.end - r.start >= 4 && tokens.slice(r.start + 1, r.end - 1).some((t) => PATRONYMICS.has(t.text));
    const words = tokens.slice(r.start, r.end);
    const known = lookupAlias(words.map((t) => t.text).join(" "))?.kind;
    if (known === r.type && (known === "place" || r.end - r.start > 1)) return true;
    // "Diamond Bank", "Mansard Insurance": capitalised words ending in a body's word, on a line of prose. Not
    // "News": "Local News", "MPR News" are a page's menu entries as often as outlets.
    const head = (words[words.length - 1] as Token).text;
    return r.type === "organization" && words.length >= 2 && words.length <= 5 && head !== "News" && ORG_SUFFIX_WORDS.has(head) && words.every((t) => startsName(t.text)) && !(tokens[r.start] as Token).sentStart && !shouted[r.start];
  });
  return extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * A person the rules read after an honorific or a role ("MLA Ravi Desai", "Shri Anil Rao") where the model
 * left every word outside a name: the cue is the strongest evidence a story gives, so the person is kept.
 */
function withCued(mentions: TaggedMention[], cued: TaggedMention[]): TaggedMention[] {
  const extra = cued.filter((c) => !mentions.some((m) => m.start < c.end && c.start < m.end));
  return extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start);
}
