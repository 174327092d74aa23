/** Where the story page marks mentions and evidence: spans when given, whole-word names otherwise, never interleaved. */
import { describe, expect, it } from "vitest";
import type { Evidence } from "../../src/model";
import { evidenceRanges, markText, mentionRanges, type UiEntity } from "../../src/ui/marks";

const blinken: UiEntity = { name: "Antony Blinken", type: "person", mentions: 2 };
const haiti: UiEntity = { name: "Haiti", type: "place", mentions: 1 };
const ev = (text: string): Evidence => ({ flag: "syndicated", rule: "r", text, kind: "stated" });

describe("mentionRanges", () => {
  it("uses spans exactly when the entity carries them, for the field asked", () => {
    const e: UiEntity = { ...blinken, spans: [{ field: "text", start: 4, end: 11 }, { field: "title", start: 0, end: 7 }, { field: "text", start: 90, end: 99 }] };
    expect(mentionRanges(e, "text", "The Blinken visit")).toEqual([{ field: "text", start: 4, end: 11 }]);
  });

  it("falls back to the full name and a person's surname, as whole words only", () => {
    const text = "Antony Blinken spoke. Blinken left. Blinkenlights is a word.";
    expect(mentionRanges(blinken, "text", text)).toEqual([
      { start: 0, end: 14 },
      { start: 22, end: 29 },
    ]);
  });

  it("does not take a place's last word for the place", () => {
    expect(mentionRanges({ name: "New Delhi", type: "place", mentions: 1 }, "text", "Delhi and New Delhi")).toEqual([{ start: 10, end: 19 }]);
  });
});

describe("evidenceRanges", () => {
  it("finds evidence in the body, and null for evidence removed from it", () => {
    expect(evidenceRanges([ev("(Reuters) -"), ev("This story has not been edited")], "KINGSTON (Reuters) - Talks began.")).toEqual([{ start: 9, end: 20 }, null]);
  });
});

describe("markText", () => {
  it("splits paragraphs and nests a mention inside an evidence sentence", () => {
    const text = "Haiti (Reuters) - talks.\n\nBlinken said so.";
    const paras = markText(text, [haiti, blinken], [ev("Haiti (Reuters) -")]);
    expect(paras).toHaveLength(2);
    expect(paras[0]).toEqual([
      { text: "Haiti", entity: haiti, evidence: 0 },
      { text: " (Reuters) -", evidence: 0 },
      { text: " talks." },
    ]);
    expect(paras[1]).toEqual([{ text: "Blinken", entity: blinken }, { text: " said so." }]);
  });

  it("keeps every character, in order, whatever overlaps", () => {
    const text = "Antony Blinken met Antony Blinken.\n\n\n\nEnd";
    const overlapping: UiEntity = { ...blinken, spans: [{ field: "text", start: 0, end: 14 }, { field: "text", start: 7, end: 20 }] };
    const paras = markText(text, [overlapping], [ev("Blinken met"), ev("met Antony")]);
    expect(paras.map((p) => p.map((s) => s.text).join(""))).toEqual(["Antony Blinken met Antony Blinken.", "End"]);
    const marked = paras[0]!.filter((s) => s.entity).map((s) => s.text);
    expect(marked.join("|")).toBe("Antony |Blinken");
  });

  it("returns no paragraph for an empty body", () => {
    expect(markText("", [blinken], [])).toEqual([]);
  });
});
