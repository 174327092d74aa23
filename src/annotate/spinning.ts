/**
 * Finds machine-spun or machine-translated copy: a story carrying several distinct phrases of one of the
 * MACHINE_TEXT_RULES, the wording article spinners and translation engines leave behind ("final 12 months",
 * "West Financial institution", "this Saturday, 2,"). One combined pattern per rule scans the text once, with a
 * group per phrase that tells the hits apart, so a phrase repeated ten times still counts once.
 */
import type { SpinningRule } from "./rules";

const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";

const COMPILED = new WeakMap<SpinningRule, RegExp>();

/** Phrase sources use only non-capturing groups, so group i + 1 is phrase i. */
function compiled(rule: SpinningRule): RegExp {
  let found = COMPILED.get(rule);
  if (found === undefined) {
    const groups = rule.phrases.map(({ spun }) => `(${spun.source})`).join("|");
    found = new RegExp(`${EDGE_BEFORE}(?:${groups})${EDGE_AFTER}`, "giu");
    COMPILED.set(rule, found);
  }
  return found;
}

export interface SpunText {
  /** The distinct phrases found, as written, in order of first appearance. */
  readonly phrases: readonly string[];
  /** The paragraph the first one is in, and where it starts there. */
  readonly paragraph: number;
  readonly index: number;
}

/**
 * The rule's phrases in a story, read paragraph by paragraph, when it has at least `rule.minDistinct` distinct
 * ones; else null.
 */
export function findSpunText(rule: SpinningRule, paragraphs: readonly string[]): SpunText | null {
  const any = compiled(rule);
  const seen = new Set<number>();
  const phrases: string[] = [];
  let first: { paragraph: number; index: number } | null = null;
  for (const [paragraph, text] of paragraphs.entries()) {
    for (const match of text.matchAll(any)) {
      const which = match.findIndex((group, index) => index > 0 && group !== undefined) - 1;
      if (which === -1 || seen.has(which)) continue;
      seen.add(which);
      phrases.push(match[0]);
      first ??= { paragraph, index: match.index };
    }
  }
  return first !== null && seen.size >= rule.minDistinct ? { phrases, ...first } : null;
}
