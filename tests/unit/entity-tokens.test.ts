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
  ])("splits %j", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each(["Kashiwazaki-Kariwa", "COVID-19", "Rolls-Royce", "AL-SHABAAB", "1-0", "Jean-Pierre", "UPDATED-list"])("keeps %j whole", (text) => {
    expect(words(text)).toEqual([text]);
  });

  it("keeps offsets into the text", () => {
    const text = "UPDATE 2-Nigeria";
    for (const t of tokenize(text, "text")) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
