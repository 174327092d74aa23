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

  it("counts a name's word-for-word repeat as a mention even where the model read nothing there", () => {
    const text = "ODENSE BK 3 Aarhus Fremad 1\nBrondby 2 Vejle 2\n\nOdense BK stay top after the win.";
    const odense = tagEntitiesTrained("", text).find((e) => e.name === "Odense BK");
    expect(odense?.type).toBe("organization");
    expect(odense?.spans?.map((s) => text.slice(s.start, s.end))).toEqual(["ODENSE BK", "Odense BK"]);
  });

  it("leaves a repeat inside a longer capitalised run alone", () => {
    const text = "Harlow Foods said profit rose.\nShares of Harlow Foods Stadium Trust fell.";
    const harlow = tagEntitiesTrained("", text).find((e) => e.name === "Harlow Foods");
    for (const s of harlow?.spans ?? []) expect(text.slice(s.end, s.end + 8)).not.toBe(" Stadium");
  });

  it("never runs a name across a line", () => {
    expect(tagEntitiesTrained("", "Nairobi\n\nKenya agreed.").map((e) => e.name).sort()).toEqual(["Kenya", "Nairobi"]);
  });
});
