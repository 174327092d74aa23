/**
 * The in-memory alert matcher, table-driven: each condition means what it means in GET /v1/stories.
 */
import { describe, expect, it } from "vitest";
import { type AlertFilter, compileAlert, matchInMemory, matchReason, meetsFilters, prepareStory, type MatchStory } from "../../src/alerts/match";
import type { Flags } from "../../src/model";

const flags = (over: Partial<Flags> = {}): Flags => ({
  auto_generated: false,
  unedited: false,
  syndicated: false,
  ai_generated: false,
  wire_services: [],
  evidence: [],
  ...over,
});

const story: MatchStory = {
  id: 7,
  feedId: 3,
  published_at: "2024-03-12T10:00:00.000Z",
  flags: flags({
    syndicated: true,
    unedited: true,
    wire_services: ["Press Trust of India"],
    evidence: [
      { flag: "syndicated", rule: "pti-dateline", text: "New Delhi, Mar 12 (PTI)", kind: "stated" },
      { flag: "unedited", rule: "devdiscourse", text: "(This story has not been edited…)", kind: "stated" },
    ],
  }),
  entities: [
    { name: "Haiti", type: "place" },
    { name: "Jordan", type: "person" },
    { name: "United Nations", type: "organization" },
  ],
};

const filter = (over: Partial<AlertFilter> = {}): AlertFilter => ({ entities: [], flags: [], noFlags: [], ...over });

describe("meetsFilters", () => {
  const cases: [string, Partial<AlertFilter>, boolean][] = [
    ["an empty query matches every story", {}, true],
    ["every flag given must be set", { flags: ["syndicated", "unedited"] }, true],
    ["a flag the story lacks", { flags: ["syndicated", "ai_generated"] }, false],
    ["no_flag: none of them may be set", { noFlags: ["ai_generated", "auto_generated"] }, true],
    ["no_flag on a flag it has", { noFlags: ["syndicated"] }, false],
    ["wire, case-insensitive", { wire: "press trust of india" }, true],
    ["another wire", { wire: "Reuters" }, false],
    ["feed", { feedId: 3 }, true],
    ["another feed", { feedId: 4 }, false],
    ["every entity must be tagged, case-insensitive", { entities: ["haiti", "United Nations"] }, true],
    ["one entity missing", { entities: ["Haiti", "Antony Blinken"] }, false],
    ["entity_type narrows the name", { entities: ["Jordan"], entityType: "person" }, true],
    ["entity of another type", { entities: ["Jordan"], entityType: "place" }, false],
    ["since is inclusive", { since: "2024-03-12T10:00:00.000Z" }, true],
    ["before since", { since: "2024-03-12T10:00:00.001Z" }, false],
    ["until is exclusive", { until: "2024-03-12T10:00:00.000Z" }, false],
    ["before until", { until: "2024-03-13T00:00:00.000Z" }, true],
    ["q is left to full-text search", { q: "anything at all" }, true],
  ];
  it.each(cases)("%s", (_name, over, expected) => {
    expect(meetsFilters(compileAlert(1, "each", filter(over)), prepareStory(story))).toBe(expected);
  });

  it("keeps a story without a date out of any date window", () => {
    const undated = prepareStory({ ...story, published_at: null });
    expect(meetsFilters(compileAlert(1, "each", filter({ since: "2000-01-01T00:00:00.000Z" })), undated)).toBe(false);
    expect(meetsFilters(compileAlert(1, "each", filter({ until: "2100-01-01T00:00:00.000Z" })), undated)).toBe(false);
    expect(meetsFilters(compileAlert(1, "each", filter()), undated)).toBe(true);
  });

  it("evidence=stated counts only stated evidence: a flag inferred from copies does not meet it", () => {
    const inferred = prepareStory({
      ...story,
      flags: flags({
        syndicated: true,
        wire_services: ["Reuters"],
        evidence: [{ flag: "syndicated", rule: "cluster-copy", text: "shares its body with story 9", kind: "inferred", stories: [9], similarity: 0.97 }],
      }),
    });
    expect(meetsFilters(compileAlert(1, "each", filter({ flags: ["syndicated"] })), inferred)).toBe(true);
    expect(meetsFilters(compileAlert(1, "each", filter({ flags: ["syndicated"], statedOnly: true })), inferred)).toBe(false);
    expect(meetsFilters(compileAlert(1, "each", filter({ noFlags: ["syndicated"], statedOnly: true })), inferred)).toBe(true);
    expect(meetsFilters(compileAlert(1, "each", filter({ flags: ["syndicated"], statedOnly: true })), prepareStory(story))).toBe(true);
  });
});

describe("matchReason", () => {
  it("names the conditions met and the evidence behind each flag asked for", () => {
    const alert = compileAlert(1, "each", filter({ flags: ["syndicated"], wire: "press trust of india", entities: ["haiti"], feedId: 3, q: "quake" }));
    expect(matchReason(alert, prepareStory(story))).toEqual({
      flags: [{ flag: "syndicated", evidence: [story.flags.evidence[0]] }],
      wire: "Press Trust of India",
      entities: ["Haiti"],
      feed: 3,
      q: "quake",
    });
  });
});

describe("matchInMemory", () => {
  it("pairs every story with every alert it meets", () => {
    const alerts = [
      compileAlert(1, "each", filter({ flags: ["syndicated"] })),
      compileAlert(2, "digest", filter({ wire: "Reuters" })),
      compileAlert(3, "each", filter({ entities: ["Haiti"] })),
    ];
    const other = prepareStory({ ...story, id: 8, flags: flags({ wire_services: ["Reuters"] }), entities: [] });
    const pairs = matchInMemory(alerts, [prepareStory(story), other]).map((p) => [p.alert.id, p.story.story.id]);
    expect(pairs).toEqual([
      [1, 7],
      [3, 7],
      [2, 8],
    ]);
  });
});
