/**
 * annotate()'s entities beyond the tagger: an agency credited only on a line the flags cut from content_text is
 * still the story's organization (with no spans, since the text no longer holds it), once; and no name runs
 * across a line break.
 */
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/annotate";
import { tagEntitiesTrained } from "../../src/annotate/entities/index";

describe("annotate() entities", () => {
  it("keeps an agency credited on a cut line as an organization with no spans", () => {
    const text = "Police in Mombasa arrested three suspects on Sunday, officers said.\n\n(With inputs from Reuters)";
    const a = annotate({ title: "Three held in Mombasa", text });
    expect(a.flags.wire_services).toEqual(["Reuters"]);
    expect(a.content_text).not.toContain("Reuters");
    expect(a.entities).toContainEqual({ name: "Reuters", type: "organization", mentions: 0, spans: [] });
    for (const e of a.entities) expect(e.mentions).toBe(e.spans?.length);
  });

  it("adds nothing when the text still names the agency", () => {
    const a = annotate({ title: "", text: "NAIROBI, March 3 (Reuters) - Kenya's central bank held its rate." });
    const reuters = a.entities.filter((e) => e.name === "Reuters");
    expect(reuters).toHaveLength(1);
    expect(reuters[0]?.mentions).toBeGreaterThan(0);
  });

  it("adds nothing for a story no agency is credited for", () => {
    const a = annotate({ title: "", text: "The county assembly in Kisumu passed the budget on Tuesday." });
    expect(a.flags.wire_services).toEqual([]);
    expect(a.entities.every((e) => e.mentions > 0)).toBe(true);
  });

  it("never runs a name across a line", () => {
    expect(tagEntitiesTrained("", "Nairobi\n\nKenya agreed.").map((e) => e.name).sort()).toEqual(["Kenya", "Nairobi"]);
  });
});
