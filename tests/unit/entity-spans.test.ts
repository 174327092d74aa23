/// <reference types="vite/client" />
/**
 * Mention spans as a specification: one span per mention, each pointing at the words of that mention in the
 * title or the body it was tagged on (UTF-16 offsets, end exclusive), whatever was blanked around them.
 */
import { describe, expect, it } from "vitest";
import { canonicalEntityName, tagEntities } from "../../src/annotate/entities";
import { parseGoldStory } from "../../src/annotate/entities-eval";
import { datelineState } from "../../src/annotate/gazetteer";
import type { Entity, MentionSpan } from "../../src/model";
import seedStory from "../../fixtures/seed-story.txt?raw";

const SEED_TITLE = "Blinken hopes for progress on Haiti in talks with Caribbean leaders";
const SEED_BODY = seedStory.replace(/\(This story has not been edited[^)]*\)\s*$/, "").trim();

const labelled = import.meta.glob("../../fixtures/entities/*.txt", { query: "?raw", import: "default", eager: true });
const stories = Object.entries(labelled).map(([path, raw]) =>
  parseGoldStory(path.replace(/^.*\/|\.txt$/g, ""), raw as string),
);

function covered(title: string, text: string, span: MentionSpan): string {
  return (span.field === "title" ? title : text).slice(span.start, span.end);
}

/** Every mention's words, as the reader sees them, title first. */
function surfaces(title: string, text: string, e: Entity): string[] {
  return (e.spans ?? []).map((s) => `${s.field === "title" ? "title:" : ""}${covered(title, text, s)}`);
}

describe("seed story spans", () => {
  const entities = tagEntities(SEED_TITLE, SEED_BODY);
  const byName = new Map(entities.map((e) => [e.name, e]));

  it.each([
    ["Antony Blinken", ["title:Blinken", "Antony Blinken", "Blinken"]],
    ["United States", ["U.S.", "U.S.", "United States"]],
    ["CARICOM", ["Caribbean Community", "CARICOM", "CARICOM"]],
    ["United Nations", ["United Nations", "U.N."]],
    ["Mia Mottley", ["Mia Mottley", "Mottley"]],
    ["Jimmy Cherizier", ['Jimmy "Barbeque" Cherizier']],
    ["Haiti", ["title:Haiti", ...Array<string>(9).fill("Haiti")]],
  ])("%s is highlighted where the story names it", (name, expected) => {
    const e = byName.get(name);
    expect(e).toBeDefined();
    expect(surfaces(SEED_TITLE, SEED_BODY, e as Entity)).toEqual(expected);
  });

  it("gives every entity exactly one span per mention, in reading order, none shared", () => {
    const seen = new Set<string>();
    for (const e of entities) {
      expect(e.spans).toHaveLength(e.mentions);
      const spans = e.spans ?? [];
      for (let i = 1; i < spans.length; i++) {
        const [a, b] = [spans[i - 1] as MentionSpan, spans[i] as MentionSpan];
        expect(a.field === b.field ? a.start < b.start : a.field === "title").toBe(true);
      }
      for (const s of spans) {
        const key = `${s.field}:${s.start}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });
});

describe("spans after the text was cleaned around them", () => {
  it.each([
    ["a shouted dateline", "NAIROBI, March 11 (Reuters) - Kenya agreed.", { Nairobi: ["NAIROBI"], Kenya: ["Kenya"] }],
    ["a dateline with its country", "GAUHATI, India (AP) — Assam police said so.", { India: ["India"] }],
    ["a possessive", "Haiti's leaders met in Kenya's capital.", { Haiti: ["Haiti"], Kenya: ["Kenya"] }],
    ["a compound modifier", "The Lisbon-based firm Northvolt grew.", { Lisbon: ["Lisbon"] }],
    ["a party tag removed before tagging", "Sen. Chuck Schumer, D-N.Y., said Kenya would pay.", { "Chuck Schumer": ["Chuck Schumer"], Kenya: ["Kenya"] }],
    ["a byline paragraph blanked", "By Elena Marsh, Meridian World Report\n\nKenya agreed with Haiti.", { Kenya: ["Kenya"], Haiti: ["Haiti"] }],
    ["a credit line blanked", "Kenya agreed.\n(Reporting by Elena Marsh; Editing by Tom Hogue)\nHaiti did not.", { Kenya: ["Kenya"], Haiti: ["Haiti"] }],
    ["a leading The", "He spoke to The Caribbean Development Bank.", { "Caribbean Development Bank": ["Caribbean Development Bank"] }],
    ["text outside the Basic Multilingual Plane before it", "🇰🇪🇰🇪 Kenya agreed with 😀 Haiti.", { Kenya: ["Kenya"], Haiti: ["Haiti"] }],
  ])("%s", (_, text, expected: Record<string, string[]>) => {
    const entities = tagEntities("", text);
    for (const [name, want] of Object.entries(expected)) {
      const e = entities.find((x) => x.name === name);
      expect(e, name).toBeDefined();
      expect(surfaces("", text, e as Entity)).toEqual(want);
    }
  });
});

describe("spans on the labelled stories", () => {
  it.each(stories.map((s) => [s.id, s] as const))("%s: every span covers words of its entity", (_, story) => {
    for (const e of tagEntities(story.title, story.text)) {
      expect(e.spans).toHaveLength(e.mentions);
      for (const span of e.spans ?? []) {
        const words = covered(story.title, story.text, span);
        expect(span.end, e.name).toBeGreaterThan(span.start);
        expect(words).toBe(words.trim());
        // A surface shares a word with its canonical name, or is its abbreviation ("U.N.", "KDF")...
        const fold = (w: string): string => w.toLowerCase().replace(/[.’']/g, "");
        const nameWords = new Set(e.name.split(/[\s-]+/).map(fold));
        const initials = e.name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
        const shared = words.split(/[\s-]+/).some((w) => nameWords.has(fold(w)));
        const acronym = /^\p{Lu}[\p{Lu}.&]+$/u;
        const abbreviation = fold(words).toUpperCase() === initials.toUpperCase() || acronym.test(words) || acronym.test(e.name);
        // Or the gazetteer knows it as an alias ("Fed", "Britain", "NNPC Ltd", a dateline's "Fla."), or the
        // story defines it ("Ghana Cocoa Board (Cocobod)").
        const alias =
          canonicalEntityName(words.replace(/\s+(?:Ltd|Inc|Plc|PLC|Corp)\.?$/, "")) === e.name ||
          datelineState(words) === e.name ||
          story.text.includes(`${e.name} (${words})`);
        expect(shared || abbreviation || alias, `${e.name} ← "${words}"`).toBe(true);
      }
    }
  });
});
