/**
 * The trained tagger's tokens (src/annotate/entities/tokens.ts): which hyphens join a word and which leave the
 * name in front a token of its own, so a slug's or a compound's name can be tagged (guideline rule 6).
 */
import { describe, expect, it } from "vitest";
import { TOKEN_AT_RE as RULE_TOKEN_AT_RE } from "../../src/annotate/entities";
import { isSpaceAt, TOKEN_AT_RE, tokenEnd, tokenize } from "../../src/annotate/entities/tokens";

const words = (text: string): string[] => tokenize(text, "text").map((t) => t.text);

describe("tokenize", () => {
  it.each([
    ["UPDATE 2-Nigeria central bank", ["UPDATE", "2", "-", "Nigeria", "central", "bank"]],
    ["EXCLUSIVE-SDF talks", ["EXCLUSIVE", "-", "SDF", "talks"]],
    ["CYCLING-Pogacar wins", ["CYCLING", "-", "Pogacar", "wins"]],
    ["a Lisbon-based startup", ["a", "Lisbon", "-", "based", "startup"]],
    ["the Kenya-born runner", ["the", "Kenya", "-", "born", "runner"]],
    ["the Russia-Ukraine war", ["the", "Russia", "-", "Ukraine", "war"]],
    ["China-U.S. ties", ["China", "-", "U.S", ".", "ties"]],
    ["India-Pakistan-China talks", ["India", "-", "Pakistan", "-", "China", "talks"]],
  ])("splits %j", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each(["Kashiwazaki-Kariwa", "COVID-19", "Rolls-Royce", "AL-SHABAAB", "1-0", "Jean-Pierre", "UPDATED-list", "Kallis-Dube", "Heung-min", "Kenya-Smith"])("keeps %j whole", (text) => {
    expect(words(text)).toEqual([text]);
  });

  it("keeps offsets into the text", () => {
    for (const text of ["UPDATE 2-Nigeria", "the Russia-Ukraine war"]) {
      for (const t of tokenize(text, "text")) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});

describe("tokenEnd's fast paths", () => {
  // Text where a fast path could go wrong: capitals before dots, hyphens, apostrophes and non-ASCII letters,
  // abbreviations, slugs, curly quotes and dashes, a possessive, an emoji, digits before a hyphen.
  const text = [
    "UPDATE 2-Nigeria's U.S. envoy Mr. Smith, Mrs Jones and Dr Lee met at St. Mary’s (AP) — “Yes,” said O’Neil.",
    "EXCLUSIVE-SDF CYCLING-Pogacar Lisbon-based AT&T 3.5% Rs 10,000 e.g. iPhone café Zürich São_Paulo …",
    "«Bonjour» • ‘quoted’ Tom′s A.B. Smith G7 F-16 No. 10 Co. Ltd. Inc A.K. 🙂 x+y C++ 46°C. Messrs. Ali al-Burhan",
  ].join("\n");
  for (const [name, re] of [["the model's", TOKEN_AT_RE], ["the rule tagger's", RULE_TOKEN_AT_RE]] as const) {
    it(`ends every token where ${name} pattern alone would`, () => {
      const pattern = new RegExp(re.source, "uy");
      let checked = 0;
      for (let p = 0; p < text.length; p++) {
        if (isSpaceAt(text, p)) continue;
        pattern.lastIndex = p;
        const expected = p + (pattern.exec(text)?.[0].length ?? 1);
        expect([p, tokenEnd(text, p, re)]).toEqual([p, expected]);
        checked++;
      }
      expect(checked).toBeGreaterThan(250);
    });
  }
});
