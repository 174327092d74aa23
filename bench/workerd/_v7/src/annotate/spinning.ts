/**
 * Finds machine-spun or machine-translated copy: a story carrying several distinct phrases of one of the
 * MACHINE_TEXT_RULES, the wording article spinners and translation engines leave behind ("final 12 months",
 * "West Financial institution", "this Saturday, 2,"). One combined pattern per rule scans the text once, with a
 * group per phrase that tells the hits apart, so a phrase repeated ten times still counts once.
 */
import { MACHINE_TEXT_RULES, type SpinningRule } from "./rules";

/**
 * Spinners and translation engines rewrite the whole text, so its opening shows them as well as the whole would,
 * at a fraction of the cost on a long story.
 */
export const SPIN_WINDOW_CHARS = 1000;

/** A paragraph as flags.ts holds it: the text and the text lower-cased once (costly for non-Latin-1 text). */
export interface SpinParagraph {
  readonly text: string;
  readonly lower: string;
}

interface CompiledSpinning {
  readonly rule: SpinningRule;
  /** Named group `p${i}` is phrase i. */
  readonly pattern: RegExp;
  /** Per phrase, the alternatives of each of its words. */
  readonly words: readonly (readonly (readonly string[])[])[];
}

/**
 * Phrase sources are lower-case ASCII; a phrase may name a group of its own to repeat it (a dateline that gives
 * the same place twice). They run on the lower-cased text without the i and u flags and with plain ASCII edges: a
 * case-insensitive Unicode pattern with lookbehind edges cost ten times as much per story.
 */
function compile(rule: SpinningRule): CompiledSpinning {
  const groups = rule.phrases.map(({ spun }, i) => `(?<p${i}>${spun.source})`).join("|");
  return {
    rule,
    // Every phrase starts on a letter or digit; some end on ")", where \b would fail.
    pattern: new RegExp(`\\b(?:${groups})(?![a-z0-9])`, "g"),
    words: rule.phrases.map((phrase) => phrase.words.map((entry) => entry.split("|"))),
  };
}

const COMPILED: readonly CompiledSpinning[] = MACHINE_TEXT_RULES.map(compile);

/** Every word the phrases' `words` name, as whole words, longest first: one pass finds those a window holds. */
const PHRASE_WORD = new RegExp(
  `\\b(?:${[...new Set(COMPILED.flatMap(({ words }) => words.flat(2)))].sort((a, b) => b.length - a.length).join("|")})\\b`,
  "g",
);

export interface SpunText {
  readonly rule: SpinningRule;
  /** The distinct phrases found, as written, in order of first appearance. */
  readonly phrases: readonly string[];
  /** The paragraph the first one is in, and where it starts there. */
  readonly paragraph: number;
  readonly index: number;
}

/**
 * The first of MACHINE_TEXT_RULES whose phrases the opening SPIN_WINDOW_CHARS of a story hold at least
 * `minDistinct` distinct times, with those phrases; null when none does.
 */
export function findSpunText(paragraphs: readonly SpinParagraph[], rules: readonly SpinningRule[] = MACHINE_TEXT_RULES): SpunText | null {
  let count = 0;
  let budget = SPIN_WINDOW_CHARS;
  while (count < paragraphs.length && budget > 0) budget -= paragraphs[count++]!.text.length;
  const window = paragraphs.slice(0, count);
  const lower = window.map((paragraph) => paragraph.lower).join("\n").slice(0, SPIN_WINDOW_CHARS + count);
  const words = new Set(lower.match(PHRASE_WORD));
  for (const compiled of COMPILED) {
    if (!rules.includes(compiled.rule) || !enoughWords(compiled, words)) continue;
    const found = matchPhrases(compiled, window);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Whether at least minDistinct phrases have all their words among the window's words: the cheap test before the
 * pattern (one pass of PHRASE_WORD over the window, then set look-ups, where a substring search per word scanned
 * the window some sixty times), so it can let a story through but never hide a match.
 */
function enoughWords({ rule, words }: CompiledSpinning, present: ReadonlySet<string>): boolean {
  let candidates = 0;
  for (const phrase of words) {
    if (phrase.every((alternatives) => alternatives.some((word) => present.has(word))) && ++candidates >= rule.minDistinct) {
      return true;
    }
  }
  return false;
}

function matchPhrases({ rule, pattern }: CompiledSpinning, window: readonly SpinParagraph[]): SpunText | null {
  const seen = new Set<number>();
  const phrases: string[] = [];
  let first: { paragraph: number; index: number } | null = null;
  let budget = SPIN_WINDOW_CHARS;
  for (const [paragraph, { text, lower }] of window.entries()) {
    const scanned = budget >= lower.length ? lower : lower.slice(0, budget);
    budget -= lower.length;
    for (const match of scanned.matchAll(pattern)) {
      const which = phraseOf(match);
      if (which < 0 || seen.has(which)) continue;
      seen.add(which);
      // Lower-casing keeps offsets except for a few letters ("İ"); then the phrase is cited as lower-cased.
      const sameOffsets = lower.length === text.length;
      phrases.push(sameOffsets ? text.slice(match.index, match.index + match[0].length) : match[0]);
      first ??= { paragraph, index: sameOffsets ? match.index : 0 };
    }
  }
  return first !== null && seen.size >= rule.minDistinct ? { rule, phrases, ...first } : null;
}

/** Which phrase a match of the combined pattern is: the index of its named group; -1 for none. */
function phraseOf(match: RegExpMatchArray): number {
  const groups = match.groups ?? {};
  for (let i = 0; `p${i}` in groups; i++) if (groups[`p${i}`] !== undefined) return i;
  return -1;
}
