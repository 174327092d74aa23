/**
 * Finds machine-spun copy: a story carrying several distinct phrases from SPUN_TEXT_RULE, the wording article
 * spinners leave behind ("final 12 months", "West Financial institution"). One combined pattern scans the text
 * once; each hit is then told apart by its own phrase, so a phrase repeated ten times still counts once.
 */
import { SPUN_TEXT_RULE } from "./rules";

const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";

const PHRASES = SPUN_TEXT_RULE.phrases.map(({ spun }) => new RegExp(`^(?:${spun.source})$`, "iu"));
const ANY_PHRASE = new RegExp(
  `${EDGE_BEFORE}(?:${SPUN_TEXT_RULE.phrases.map(({ spun }) => spun.source).join("|")})${EDGE_AFTER}`,
  "giu",
);

export interface SpunText {
  /** The distinct spun phrases found, as written, in order of first appearance. */
  readonly phrases: readonly string[];
  /** The paragraph the first one is in, and where it starts there. */
  readonly paragraph: number;
  readonly index: number;
}

/**
 * The spun phrases of a story, read paragraph by paragraph, when it has at least SPUN_TEXT_RULE.minDistinct
 * distinct ones; else null.
 */
export function findSpunText(paragraphs: readonly string[]): SpunText | null {
  const seen = new Set<number>();
  const phrases: string[] = [];
  let first: { paragraph: number; index: number } | null = null;
  for (const [paragraph, text] of paragraphs.entries()) {
    for (const match of text.matchAll(ANY_PHRASE)) {
      const which = PHRASES.findIndex((phrase) => phrase.test(match[0]));
      if (which === -1 || seen.has(which)) continue;
      seen.add(which);
      phrases.push(match[0]);
      first ??= { paragraph, index: match.index };
    }
  }
  return first !== null && seen.size >= SPUN_TEXT_RULE.minDistinct ? { phrases, ...first } : null;
}
