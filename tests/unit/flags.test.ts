/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { detectFlags } from "../../src/annotate/flags";
import { evaluateFlags, PRECISION_TARGET, RECALL_TARGET, type FlagCase } from "../../scripts/eval-flags";
import seedStory from "../../fixtures/seed-story.txt?raw";

const cases: FlagCase[] = Object.values(
  import.meta.glob<FlagCase>("../../fixtures/flags/*.json", { eager: true, import: "default" }),
);

const SEED_DISCLAIMER =
  "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)";

describe("detectFlags on the seed story", () => {
  const { flags, content_text } = detectFlags("Blinken says he hopes for progress on Haiti", seedStory);

  it("flags it auto-generated, unedited and syndicated, each on the closing Devdiscourse disclaimer", () => {
    expect(flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true, ai_generated: false });
    for (const flag of ["auto_generated", "unedited", "syndicated"]) {
      expect(flags.evidence.filter((e) => e.flag === flag).map((e) => e.text)).toEqual([SEED_DISCLAIMER]);
    }
  });

  it("names no wire, because the story names none", () => {
    expect(flags.wire_services).toEqual([]);
  });

  it("drops the disclaimer and the leading scrape date from content_text and keeps the story", () => {
    expect(content_text).not.toContain("Devdiscourse");
    expect(content_text).not.toContain("date 2024-03-12");
    expect(content_text.startsWith("U.S. Secretary of State Antony Blinken said on Monday")).toBe(true);
    expect(content_text.endsWith("and other CARICOM members.")).toBe(true);
    expect(content_text.split("\n\n")).toHaveLength(7);
  });
});

describe("detectFlags evidence and cleaning", () => {
  it("keeps a wire dateline in the text while citing it as evidence under its canonical name", () => {
    const text = "New Delhi, Jul 7 (PTI) The Centre on Sunday extended the deadline.\n\nPTI NIT KJ";
    const { flags, content_text } = detectFlags("", text);
    expect(flags.wire_services).toEqual(["Press Trust of India"]);
    expect(flags.evidence).toContainEqual({ flag: "syndicated", rule: "dateline-pti", text: "New Delhi, Jul 7 (PTI)", kind: "stated" });
    expect(flags.evidence).toContainEqual({ flag: "wire", rule: "pti-desk-slug", text: "PTI NIT KJ", kind: "stated" });
    expect(content_text).toBe("New Delhi, Jul 7 (PTI) The Centre on Sunday extended the deadline.");
  });

  it("cuts a disclaimer appended to the last paragraph but keeps that paragraph's story sentences", () => {
    const text = `The cedi fell 1.4% on Wednesday. The central bank has not intervened. ${SEED_DISCLAIMER}`;
    const { flags, content_text } = detectFlags("", text);
    expect(flags.unedited).toBe(true);
    expect(content_text).toBe("The cedi fell 1.4% on Wednesday. The central bank has not intervened.");
  });

  it("takes a disclaimer's short tail with it", () => {
    const text =
      "Ferries were cancelled on Sunday.\n\nThis story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.";
    expect(detectFlags("", text).content_text).toBe("Ferries were cancelled on Sunday.");
  });

  it.each([
    ["Image Source : PTI", "a photo credit"],
    ["Photo: Reuters", "a photo credit"],
    ["Also Read | Haiti's prime minister agrees to resign", "an insert"],
    ["ALSO READ: Sensex ends higher for third day", "an insert"],
  ])("removes %j (%s) without flagging the story", (line) => {
    const { flags, content_text } = detectFlags("", `The council met on Tuesday.\n\n${line}\n\nIt approved the budget.`);
    expect(flags.syndicated).toBe(false);
    expect(flags.wire_services).toEqual([]);
    expect(content_text).toBe("The council met on Tuesday.\n\nIt approved the budget.");
  });

  it("removes an inline photo credit from a caption", () => {
    const { content_text } = detectFlags("", "Biden speaks in the Rose Garden, Monday. (AP Photo/Evan Vucci)");
    expect(content_text).toBe("Biden speaks in the Rose Garden, Monday.");
  });

  it("ignores a disclaimer quoted inside a story about syndication", () => {
    const text = `The portal's stories end with the line "${SEED_DISCLAIMER.slice(1, -1)}" Analysts say it is common.`;
    const { flags } = detectFlags("", text);
    expect(flags).toMatchObject({ auto_generated: false, unedited: false, syndicated: false });
    expect(flags.evidence).toEqual([]);
  });

  it("cites every piece of evidence verbatim from the title or the text", () => {
    for (const testCase of cases) {
      const { flags } = detectFlags(testCase.title, testCase.text);
      for (const evidence of flags.evidence) {
        expect(`${testCase.title}\n${testCase.text}`, testCase.id).toContain(evidence.text);
      }
    }
  });

  it("returns an empty body and no flags for an empty story", () => {
    expect(detectFlags("", "")).toEqual({
      flags: { auto_generated: false, unedited: false, syndicated: false, ai_generated: false, wire_services: [], evidence: [] },
      content_text: "",
    });
  });
});

describe("the labelled evaluation set", () => {
  const report = evaluateFlags(cases);

  it("has at least 60 snippets, hard negatives among them", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const negatives = cases.filter((c) => !c.expected.syndicated && !c.expected.unedited && !c.expected.auto_generated && !c.expected.ai_generated);
    expect(negatives.length).toBeGreaterThanOrEqual(15);
  });

  it.each(report.scores.map((score) => [score.flag, score] as const))(
    "meets the precision and recall targets for %s",
    (_flag, score) => {
      expect(score.precision).toBeGreaterThanOrEqual(PRECISION_TARGET);
      expect(score.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
    },
  );

  it("attributes the right wires to every snippet", () => {
    expect(report.misses.filter((miss) => miss.what === "wire_services")).toEqual([]);
  });
});
