/// <reference types="vite/client" />
/**
 * The trained entity tagger as annotate() runs it: the seed story exactly (as the rule tagger before it), the
 * behaviours of the rule table that still hold, page furniture, roles and short forms, and the targets on
 * the project's own labelled stories.
 */
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/annotate";
import { parseGoldStory, scoreStories } from "../../src/annotate/entities-eval";
import { resolveEntities } from "../../src/annotate/entities/document";
import { tagEntitiesTrained } from "../../src/annotate/entities/index";
import { tokenize } from "../../src/annotate/entities/tokens";
import seedStory from "../../fixtures/seed-story.txt?raw";

const SEED_TITLE = "Blinken hopes for progress on Haiti in talks with Caribbean leaders";

const labelled = import.meta.glob("../../fixtures/entities/*.txt", { query: "?raw", import: "default", eager: true });
const stories = Object.entries(labelled).map(([path, raw]) =>
  parseGoldStory(path.replace(/^.*\/|\.txt$/g, ""), raw as string),
);

const plain = (title: string, text: string): [string, string, number][] =>
  tagEntitiesTrained(title, text).map((e) => [e.name, e.type, e.mentions]);

describe("seed story through annotate()", () => {
  it("yields exactly the right entities, canonical names, types and mention counts, most mentioned first", () => {
    const { entities } = annotate({ title: SEED_TITLE, text: seedStory });
    expect(entities.map(({ name, type, mentions }) => ({ name, type, mentions }))).toEqual([
      { name: "Haiti", type: "place", mentions: 10 },
      { name: "Antony Blinken", type: "person", mentions: 3 },
      { name: "United States", type: "place", mentions: 3 },
      { name: "CARICOM", type: "organization", mentions: 3 },
      { name: "Ariel Henry", type: "person", mentions: 3 },
      { name: "Jamaica", type: "place", mentions: 2 },
      { name: "Kingston", type: "place", mentions: 2 },
      { name: "State Department", type: "organization", mentions: 2 },
      { name: "Mia Mottley", type: "person", mentions: 2 },
      { name: "United Nations", type: "organization", mentions: 2 },
      { name: "Andrew Holness", type: "person", mentions: 1 },
      { name: "Jimmy Cherizier", type: "person", mentions: 1 },
      { name: "Matthew Miller", type: "person", mentions: 1 },
      { name: "Washington", type: "place", mentions: 1 },
      { name: "Kenya", type: "place", mentions: 1 },
      { name: "Mike Ballard", type: "person", mentions: 1 },
      { name: "Global Guardian", type: "organization", mentions: 1 },
      { name: "Dominican Republic", type: "place", mentions: 1 },
    ]);
    for (const e of entities) expect(e.spans).toHaveLength(e.mentions);
  });
});

describe("tagEntitiesTrained", () => {
  it.each([
    ["a surname after first mention joins the full name", "Prime Minister Ariel Henry spoke. Henry left.", [["Ariel Henry", "person", 2]]],
    ["possessives are dropped", "Haiti's leaders met in Kenya's capital.", [["Haiti", "place", 1], ["Kenya", "place", 1]]],
    ["abbreviation and long form are one entity", "The Kenya Defence Forces (KDF) said KDF troops left.", [["Kenya Defence Forces", "organization", 2]]],
    ["U.N. and U.S. are canonical", "U.N. and U.S. officials met.", [["United Nations", "organization", 1], ["United States", "place", 1]]],
    ["a title is not part of the name", "Secretary of State Antony Blinken said.", [["Antony Blinken", "person", 1]]],
    ["a dateline city is a place, its agency an organization", "KINGSTON, March 11 (Reuters) - Jamaica said so.", [["Kingston", "place", 1], ["Reuters", "organization", 1], ["Jamaica", "place", 1]]],
    ["an agency is an organization under its wire name", "WASHINGTON (AP) — The AP learned that Kenya agreed.", [["Associated Press", "organization", 2], ["Washington", "place", 1], ["Kenya", "place", 1]]],
    ["a compass word alone is no entity", "The North fired a missile, the South said.", []],
    ["a sentence-initial common word is not a name", "Countries were slow. Many declined.", []],
    ["a byline paragraph names the writer, not the story", "By Elena Marsh, Meridian World Report\n\nKenya agreed.", [["Kenya", "place", 1]]],
  ])("%s", (_, text, expected) => {
    expect(plain("", text)).toEqual(expected);
  });

  it("leaves a role inside a run out of the name", () => {
    expect(plain("", "Jasper Mayor Richard Ireland said the town would rebuild.")).toContainEqual(["Richard Ireland", "person", 1]);
    expect(plain("", "Shadow Health Secretary Wes Streeting said so.")).toEqual([["Wes Streeting", "person", 1]]);
  });

  it("drops a menu and a share bar but keeps the story around them", () => {
    const page = ["World", "", "Politics", "", "Business", "", "Save Story", "", "Kenya and Haiti signed the deal in Nairobi on Monday.", "", "Follow Us On Facebook", "", "Privacy Policy"].join("\n");
    expect(plain("", page).map(([name]) => name).sort()).toEqual(["Haiti", "Kenya", "Nairobi"]);
  });

  it("tags no Title-Case headline words the story writes in lower case", () => {
    const got = plain("North Korea Fires Ballistic Missile, South Says", "North Korea fires a ballistic missile, the south says. Seoul says the missile flew east.");
    expect(got.map(([name]) => name)).not.toContain("Fires Ballistic Missile");
    expect(got.map(([name]) => name)).not.toContain("Says");
    expect(got).toContainEqual(["North Korea", "place", 2]);
  });

  it("the document pass drops a headline verb or a page word the model read as a name, and keeps a name beside it", () => {
    const tokens = tokenize("Korla Warns Members", "title");
    const mentions = [0, 1, 2].map((k) => ({ type: "person" as const, start: k, end: k + 1 }));
    const got = resolveEntities(tokens, mentions, new Map(), new Set()).map((e) => e.name);
    expect(got).toEqual(["Korla"]);
  });
});

describe("wire layouts", () => {
  // Made-up rows in the shapes wire copy prints them.
  it("reads an ISO-date dateline line as its city and country", () => {
    const got = plain("", "TALLINN, Estonia 1998-02-03\n\nThe port reopened on Tuesday.");
    expect(got).toEqual([["Tallinn", "place", 1], ["Estonia", "place", 1]]);
    for (const e of tagEntitiesTrained("", "LODZ 1998-02-03\n\nThe port reopened.")) expect(e.spans?.[0]).toEqual({ field: "text", start: 0, end: 4 });
  });

  it("does not read a mixed-case line with a date as a dateline", () => {
    expect(plain("", "Updated 2024-03-12\n\nThe port reopened.")).toEqual([]);
  });

  it("types both sides of a results row as teams, a nation as its place, scorers in brackets left to the model", () => {
    const rows = ["Results of matches on Sunday:", "", "Dinamo Brest 2 (Ostrowski 14) Slavia Mozyr 1", "Lokomotiv Plovdiv 0 Levski Sofia 0", "Uruguay 1 Peru 1"].join("\n");
    const got = plain("", rows);
    for (const team of ["Dinamo Brest", "Slavia Mozyr", "Lokomotiv Plovdiv", "Levski Sofia"]) expect(got).toContainEqual([team, "organization", 1]);
    expect(got).toContainEqual(["Uruguay", "place", 1]);
    expect(got).toContainEqual(["Peru", "place", 1]);
  });

  it("keeps a team its type in the prose after its results row, and title-cases a side in capitals", () => {
    const got = plain("", "ODENSE BK 3 Aarhus Fremad 1\nBrondby 2 Vejle 2\n\nOdense BK stay top after the win.");
    expect(got).toContainEqual(["Odense BK", "organization", 2]);
  });

  it("reads a batting line's batter, fielder and bowler as people", () => {
    const got = plain("", "First innings\nT. Okonkwo c Varma b Kallis-Dube 54\nJ. van Wyk not out 12");
    expect(got).toContainEqual(["T. Okonkwo", "person", 1]);
    expect(got).toContainEqual(["Varma", "person", 1]);
    expect(got).toContainEqual(["Kallis-Dube", "person", 1]);
    expect(got).toContainEqual(["J. van Wyk", "person", 1]);
  });

  it("leaves a menu without scores a menu", () => {
    expect(plain("", "Home\nSport\nWorld\nBusiness\n\nThe port reopened in Tallinn.").map(([n]) => n)).toEqual(["Tallinn"]);
  });
});

describe("names", () => {
  it.each([
    ["a nationality before a person is no part of the name", "Dane Ole Brask kept the overall lead.", [["Ole Brask", "person", 1]]],
    ["a legislator's title is no part of the name", "MLA Ravi Kumar Desai said the road would open.", [["Ravi Kumar Desai", "person", 1]]],
    [
      "a police station is an organization, its lower-case words included",
      "Two officers from the Pelwadi Maidan police station said the road would reopen.",
      [["Pelwadi Maidan police station", "organization", 1]],
    ],
    [
      "companies with no cue but a company's last word are organizations, not people",
      "Shares of Korvana Mobile rose 3% on Tuesday, while Pelham Wireless fell.",
      [["Korvana Mobile", "organization", 1], ["Pelham Wireless", "organization", 1]],
    ],
    [
      "a digest heading run into the text leaves the outlet and no section name",
      "Meridian World News Summary Following is a summary of the day's briefs. Kenya agreed.",
      [["Meridian", "organization", 1], ["Kenya", "place", 1]],
    ],
    ["a possessive closes a name", "Quito Herald's Lima bureau said the talks would resume.", [["Quito Herald", "organization", 1], ["Lima", "place", 1]]],
    ["a trailing article is no part of a name", "Talks resumed in Lima, the Quito Herald The talks had stalled for weeks.", [["Lima", "place", 1], ["Quito Herald", "organization", 1]]],
  ])("%s", (_, text, expected) => {
    expect(plain("", text)).toEqual(expected);
  });
});

describe("labelled stories", () => {
  it("reaches micro F1 of at least 0.85 on the held-out stories and 0.90 on the dev ones", () => {
    const score = (split: string): number => scoreStories(stories.filter((s) => s.split === split), tagEntitiesTrained).overall.f1;
    expect(score("holdout")).toBeGreaterThanOrEqual(0.85);
    expect(score("dev")).toBeGreaterThanOrEqual(0.9);
  });
});
