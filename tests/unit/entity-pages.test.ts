/// <reference types="vite/client" />
/**
 * The marked-up page texts the tagger trains on (fixtures/entities-pages/, format in
 * scripts/entity-pages-format.ts): marks come off cleanly with their offsets, malformed marks are refused, and
 * every shipped file parses with every mark on the Worker's token boundaries (a mark off them would silently
 * train a wrong span).
 */
import { describe, expect, it } from "vitest";
import { mentionTokens, parseMarkedPage } from "../../scripts/entity-pages-format";
import { tokenize } from "../../src/annotate/entities/tokens";

const files = import.meta.glob("../../fixtures/entities-pages/*.txt", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

const tokensOf = (page: { title: string; text: string }) => [...tokenize(page.title, "title"), ...tokenize(page.text, "text")];

describe("marked page texts", () => {
  it("come off with their offsets into title and text", () => {
    const page = parseMarkedPage("t", "title: [[Korlabad|O]] edge past [[Sennford|O]]\n---\nKORLABAD, March 3 ([[PTI|O]]) - Datuk [[Ravi Lal|P]]'s goal in [[Haiti|L]].\nTrending: Sennford Mayor Quits\n");
    expect(page.title).toBe("Korlabad edge past Sennford");
    expect(page.text).toBe("KORLABAD, March 3 (PTI) - Datuk Ravi Lal's goal in Haiti.\nTrending: Sennford Mayor Quits");
    const surfaces = page.mentions.map((m) => `${m.field}:${m.type}:${(m.field === "title" ? page.title : page.text).slice(m.start, m.end)}`);
    expect(surfaces).toEqual(["title:organization:Korlabad", "title:organization:Sennford", "text:organization:PTI", "text:person:Ravi Lal", "text:place:Haiti"]);
    const tokens = tokensOf(page);
    const ranges = mentionTokens(page, tokens).map((r) => tokens.slice(r.start, r.end).map((t) => t.text).join(" "));
    expect(ranges).toEqual(["Korlabad", "Sennford", "PTI", "Ravi Lal", "Haiti"]);
  });

  it.each([
    ["an unknown type", "title: x\n---\n[[Nairobi|X]] said"],
    ["an unclosed mark", "title: x\n---\n[[Nairobi|L said"],
    ["a mark with spaces inside its edges", "title: x\n---\n[[ Nairobi|L]] said"],
    ["no header line", "[[Nairobi|L]] said"],
  ])("refuse %s", (_, raw) => {
    expect(() => parseMarkedPage("bad", raw)).toThrow();
  });

  it("refuse a mark that is not on token boundaries", () => {
    const page = parseMarkedPage("bad", "title: x\n---\n[[U.S|L]]. officials said");
    expect(() => mentionTokens(page, tokensOf(page))).toThrow(/token boundaries/);
  });

  it("ship at least a hundred pages, each parsing with every mark on token boundaries", () => {
    const entries = Object.entries(files);
    expect(entries.length).toBeGreaterThanOrEqual(100);
    for (const [path, raw] of entries) {
      const page = parseMarkedPage(path, raw);
      expect(page.mentions.length, path).toBeGreaterThan(0);
      expect(() => mentionTokens(page, tokensOf(page)), path).not.toThrow();
    }
  });
});
