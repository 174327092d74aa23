/**
 * The trained tagger's tokens (src/annotate/entities/tokens.ts): which hyphens join a word and which leave the
 * name in front a token of its own, so a slug's or a compound's name can be tagged (guideline rule 6).
 */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/annotate/entities/tokens";

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
