/**
 * Tagger v10's document-pass boundaries: currency letters, ages and counts before a name, a portfolio after
 * "Head of", a possessive inside an institution's name, regional public services, and an editor's brackets.
 * Each shape failed under v9 on a real page, and each case here fails under v9 but two: the age and the
 * headline's function word went wrong only inside those pages' clutter, which these short texts of our own do
 * not reproduce, so those two cases guard the cut.
 */
import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/model";
import type { TaggedMention } from "../../src/annotate/entities/decode";
import { resolveEntities } from "../../src/annotate/entities/document";
import { tagEntitiesTrained } from "../../src/annotate/entities/index";
import { tokenize } from "../../src/annotate/entities/tokens";

const tagged = (title: string, text: string): string[] => tagEntitiesTrained(title, text).map((e) => `${e.name}/${e.type}`).sort();

/** The document pass alone over a text, given the model's readings of it (token ranges and types). */
const resolved = (text: string, mentions: TaggedMention[]): Entity[] => resolveEntities(tokenize(text, "text"), mentions, new Map(), new Set());

describe("tagger v10 document pass", () => {
  it("reads a country's letters run into a currency sign as money, not the country", () => {
    const out = tagged("", "Two Harare men stole US$52 000 from a hardware shop, and the police recovered US$1 000.\n\nThe magistrate remanded them.");
    expect(out.filter((e) => e.startsWith("United States") || e.startsWith("US/"))).toEqual([]);
    // The same letters with a space before the amount are the country.
    expect(tagged("", "Exports to the US rose by 4% in March, officials in Nairobi said.")).toContain("United States/place");
  });

  it("drops an age or a count before a name", () => {
    const out = tagged("", "A 31-year-old North Melbourne man has been charged with one count of assault, Victoria Police said.");
    expect(out).toContain("North Melbourne/place");
    expect(out.some((e) => e.includes("year-old"))).toBe(false);
    const count = tagged("", "Two Harare men were dragged before the court on Tuesday. Police in Harare said the money was found.");
    expect(count).toContain("Harare/place");
    expect(count.some((e) => e.startsWith("Two"))).toBe(false);
  });

  it("ends a portfolio after a role and 'of' where the person's given name opens", () => {
    const out = tagged("", "Wellington City Council's Head of Emergency Operations Aaron Marsh says that roads are closed.\n\nMarsh says the water is still rising.");
    expect(out).toContain("Aaron Marsh/person");
    expect(out.some((e) => e.includes("Emergency"))).toBe(false);
  });

  it("finds the person inside a mention that opens with a role and its portfolio, and drops a player's position", () => {
    const pass = (text: string, start: number, end: number, type: "organization" | "person"): string[] =>
      resolved(text, [{ type, start, end }]).map((e) => `${e.name}/${e.type}`);
    expect(pass("Xi met US Secretary of Defense James Mattis in Beijing.", 2, 8, "organization")).toEqual(["James Mattis/person"]);
    expect(pass("Defenseman Joel Edmundson made his debut.", 0, 3, "person")).toEqual(["Joel Edmundson/person"]);
  });

  it("keeps an institution's name whole across a possessive", () => {
    const out = tagged("", "The boy was taken to the Royal Children's Hospital in a stable condition, paramedics said.");
    expect(out).toContain("Royal Children's Hospital/organization");
    expect(out.some((e) => e.startsWith("Royal Children/"))).toBe(false);
  });

  it("reads a public service named after its region as an organization", () => {
    const out = [
      ...tagged("", "The driver was taken to hospital in a stable condition, Ambulance Victoria said."),
      ...tagged("", "Hospitals run by NHS Lanarkshire and NHS Grampian were full on Monday, a spokeswoman said."),
    ];
    expect(out).toEqual(expect.arrayContaining(["Ambulance Victoria/organization", "NHS Lanarkshire/organization", "NHS Grampian/organization"]));
    expect(out.some((e) => e.endsWith("/person"))).toBe(false);
  });

  it("reads an editor's brackets inside a quote as no part of a name", () => {
    const out = tagged("", "\"We have a good squad,\" said the coach. \"Gareth [Southgate] knows what he is doing.\"");
    expect(out.some((e) => e.includes("["))).toBe(false);
  });

  it("ends a person's name before a Title-Case headline's function word", () => {
    const out = tagged("Ravi Kumar Menon Calls For Calm After Floods", "Ravi Kumar Menon, the state's chief minister, asked residents to stay indoors on Monday.");
    expect(out).toContain("Ravi Kumar Menon/person");
    expect(out.some((e) => e.includes("For"))).toBe(false);
  });

  it("reads no person in a portfolio's words or a meeting's name", () => {
    const out = tagged("", "Officials from Homeland Security met delegates to the Global Entrepreneurship Summit in Nairobi on Tuesday.");
    expect(out.filter((e) => e.endsWith("/person"))).toEqual([]);
    expect(out).toContain("Nairobi/place");
  });

  it("reads a personal honorific and a name as a person whatever the model typed", () => {
    // The document pass alone, given the model's reading of "PM Anil Mehra" as an organization.
    const out = resolved("PM Anil Mehra met the army chief on Monday.", [{ type: "organization", start: 0, end: 3 }]);
    expect(out.map((e) => `${e.name}/${e.type}`)).toEqual(["Anil Mehra/person"]);
    // An institution's word after the honorific leaves the organization alone.
    expect(resolved("Dr Mehra College opened on Monday.", [{ type: "organization", start: 0, end: 3 }]).map((e) => e.type)).toEqual(["organization"]);
  });

  it("keeps a portfolio that opens a department's name, and still drops a judge's title", () => {
    const out = tagged("", "The Justice Department said it would appeal the ruling. Justice Amara Okafor dissented.");
    expect(out).toContain("Justice Department/organization");
    expect(out).toContain("Amara Okafor/person");
    expect(out).not.toContain("Department/organization");
  });

  it("joins an institution named X for (the) Y into one organization", () => {
    expect(tagged("", "Texas asked the U.S. District Court for the Northern District of Texas to block the rule.")).toEqual([
      "Texas/place",
      "U.S. District Court for the Northern District of Texas/organization",
    ]);
    expect(tagged("", "Oxford's Institute for Fiscal Studies said on Monday that taxes would rise.")).toContain("Institute for Fiscal Studies/organization");
  });

  it("reads a town as its club in a story that names the club, and a shouted dateline as the town", () => {
    const out = tagEntitiesTrained("", "TORONTO (AP) — The Toronto Maple Leafs beat the Boston Bruins 3-2 on Saturday night.\n\nToronto rebounded from a 4-1 loss in Boston on Thursday.");
    const leafs = out.find((e) => e.name === "Toronto Maple Leafs");
    expect(leafs?.type).toBe("organization");
    expect(leafs?.mentions).toBe(2);
    expect(out.find((e) => e.name === "Toronto")?.type).toBe("place");
  });

  it("knows legislatures and state bodies that no cue word marks", () => {
    const out = tagged("", "The Knesset approved the bill on Monday. In New Delhi, the Lok Sabha adjourned, and Scotland Yard said it had made two arrests.");
    expect(out).toEqual(expect.arrayContaining(["Knesset/organization", "Lok Sabha/organization", "Scotland Yard/organization", "New Delhi/place"]));
  });

  it("knows national sides by their nicknames, and names spelt the British or the American way", () => {
    const out = tagged("", "The All Blacks beat the Springboks 28-10 in Auckland on Saturday.");
    expect(out).toEqual(expect.arrayContaining(["All Blacks/organization", "Springboks/organization", "Auckland/place"]));
    expect(tagged("", "The North Atlantic Treaty Organisation (NATO) met in Brussels. NATO said it would act.")).toEqual(["Brussels/place", "NATO/organization"]);
  });

  it("ends a name before a month, a headline's verb, a group of people or a lower-case description, and tags no stock index", () => {
    const pass = (text: string, start: number, end: number, type: "organization" | "place" = "organization"): string[] =>
      resolved(text, [{ type, start, end }]).map((e) => e.name);
    // The document pass alone, given the model's over-long readings.
    expect(pass("By The Associated Press Oct. 12, 2024", 1, 5)).toEqual(["Associated Press"]);
    expect(pass("Nairobi Leaders Meet Over Budget", 0, 2, "place")).toEqual(["Nairobi"]);
    expect(pass("the Islamic militant group Hamas said", 1, 5)).toEqual(["Hamas"]);
    expect(pass("The S&P BSE Sensex rose 1%", 1, 4)).toEqual([]);
    expect(pass("Kisoro Hospital Opens Isolation Unit", 0, 5)).toEqual(["Kisoro Hospital"]);
    expect(pass("Pheu Thai Lawmakers Split Over Casino Bill", 0, 4)).toEqual(["Pheu Thai"]);
    expect(pass("the Canadian Armed Forces said", 1, 4)).toEqual(["Canadian Armed Forces"]);
    // Connectors and particles inside a name stay: "Bank of America", "Mohammed bin Salman".
    expect(pass("Bank of America said", 0, 3)).toEqual(["Bank of America"]);
    expect(pass("a port in Dar es Salaam said", 3, 6, "place")).toEqual(["Dar es Salaam"]);
    expect(resolved("Mohammed bin Salman said", [{ type: "person", start: 0, end: 3 }]).map((e) => e.name)).toEqual(["Mohammed bin Salman"]);
  });

  it("reads a club's nickname alone as the club where the story names it, unless two clubs share it", () => {
    const out = tagEntitiesTrained("", "Perth Glory lost 2-0 to Melbourne Victory on Saturday.\n\nGlory are still winless after six rounds, and Victory moved third.");
    expect(out.find((e) => e.name === "Melbourne Victory")).toMatchObject({ type: "organization", mentions: 2 });
    expect(out.some((e) => e.name === "Victory")).toBe(false);
    // The document pass alone: "United" after Adelaide United and Western United is neither club.
    const shared = resolved("Adelaide United beat Western United 3-1. United fans left early.", [
      { type: "organization", start: 0, end: 2 },
      { type: "organization", start: 3, end: 5 },
      { type: "organization", start: 7, end: 8 },
    ]);
    expect(shared.map((e) => `${e.name}/${e.mentions}`).sort()).toEqual(["Adelaide United/1", "United/1", "Western United/1"]);
  });
});
