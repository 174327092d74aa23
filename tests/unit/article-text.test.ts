/**
 * annotateArticle's assembly of the annotator's text from an extracted page: which blocks outside the story's
 * element it takes in (a dateline, a byline, a closing disclaimer) and which it leaves out.
 */
import { describe, expect, it } from "vitest";
import { annotateArticle, articleText } from "../../src/annotate/article";

const STORY = [
  "Police in the capital fired tear gas at protesters on Tuesday as a vote on the finance bill went ahead.",
  "Lawmakers approved the bill by 195 votes to 106 after a debate that lasted into the evening.",
];
const DISCLAIMER = "(This story has not been edited by Harbour Gazette staff and is auto-generated from a syndicated feed.)";

describe("articleText", () => {
  it("appends a closing disclaimer found outside the story's element and leaves other blocks out", () => {
    const text = articleText({
      paragraphs: STORY,
      outside: ["Home", "World", "Most read: Ten things to do this weekend", DISCLAIMER, "Sign up for our newsletter"],
      byline: null,
      signals: [],
    });
    expect(text).toBe([...STORY, DISCLAIMER].join("\n\n"));
  });

  it("runs a dateline set in its own element into the story's first paragraph", () => {
    const fromOutside = articleText({ paragraphs: STORY, outside: ["NAIROBI, June 25 (Reuters) -"], byline: null, signals: [] });
    expect(fromOutside.startsWith(`NAIROBI, June 25 (Reuters) - ${STORY[0]}`)).toBe(true);
    const asByline = articleText({ paragraphs: STORY, outside: [], byline: "NAIROBI, June 25 (Reuters) -", signals: [] });
    expect(asByline).toBe(fromOutside);
    const kept = articleText({ paragraphs: ["NAIROBI, June 25 (Reuters) -", ...STORY], outside: [], byline: null, signals: [] });
    expect(kept).toBe(fromOutside);
  });

  it("takes in a wire byline before the story and leaves a staff byline out", () => {
    expect(articleText({ paragraphs: STORY, outside: [], byline: "By Reuters Staff", signals: [] }).startsWith("By Reuters Staff\n\n")).toBe(true);
    expect(articleText({ paragraphs: STORY, outside: [], byline: "By Maria Lopes", signals: [] })).toBe(STORY.join("\n\n"));
  });
});

describe("annotateArticle", () => {
  it("flags from the disclaimer outside the element and adds page signals as stated evidence", () => {
    const { annotation } = annotateArticle("Finance bill passes", {
      paragraphs: STORY,
      outside: [DISCLAIMER],
      byline: null,
      signals: [{ rule: "page-syndication-source", flags: ["syndicated"], wire_services: ["Reuters"], text: 'meta name="syndication-source" https://www.reuters.com/x' }],
    });
    expect(annotation.flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true, wire_services: ["Reuters"] });
    expect(annotation.flags.evidence).toContainEqual({ flag: "wire", rule: "page-syndication-source", text: 'meta name="syndication-source" https://www.reuters.com/x', kind: "stated" });
    expect(annotation.content_text).toBe(STORY.join("\n\n"));
  });
});
