/**
 * Tagger v8's and v9's additions: sports clubs and venues by name, countries' own names, abbreviated Koreas and their
 * adjectives, photo agencies, and the words that are never the end of a name (a weekday, a headline verb after
 * a person). Each case failed under v7 on a real page of the same shape (the texts here are our own).
 */
import { describe, expect, it } from "vitest";
import { lookupAlias } from "../../src/annotate/gazetteer";
import { tagEntitiesTrained } from "../../src/annotate/entities/index";

const tagged = (title: string, text: string): string[] => tagEntitiesTrained(title, text).map((e) => `${e.name}/${e.type}`).sort();

describe("tagger v8 gazetteer and boundaries", () => {
  it("knows clubs by their full and short names, and keeps bare town names out of the club list", () => {
    expect(lookupAlias("Wolverhampton Wanderers")).toMatchObject({ kind: "organization", canonical: "Wolverhampton Wanderers" });
    expect(lookupAlias("Wolves")?.canonical).toBe("Wolverhampton Wanderers");
    expect(lookupAlias("West Ham")?.canonical).toBe("West Ham United");
    expect(lookupAlias("Leicester")?.kind).not.toBe("organization");
    expect(lookupAlias("Brighton")?.kind).not.toBe("organization");
  });

  it("types a club as an organization and its ground as a place in a match report", () => {
    const out = tagged("", "Newcastle United beat Aston Villa 2-1 at Villa Park on Saturday, and Everton drew at Old Trafford.");
    expect(out).toEqual(expect.arrayContaining(["Newcastle United/organization", "Aston Villa/organization", "Villa Park/place", "Everton/organization", "Old Trafford/place"]));
    expect(out.some((e) => e.endsWith("/person"))).toBe(false);
  });

  it("reads a country's own name as the country", () => {
    expect(lookupAlias("Italia")).toMatchObject({ kind: "place", canonical: "Italy" });
    expect(lookupAlias("Deutschland")).toMatchObject({ kind: "place", canonical: "Germany" });
    // A native name that is also a given name is left out.
    expect(lookupAlias("Maurice")?.canonical).not.toBe("Mauritius");
  });

  it("reads N. Korea and S. Korea as the countries and their adjectives as nothing", () => {
    const out = tagged("", "N. Korea fired a missile on Monday, S. Korean officials said.");
    expect(out).toContain("North Korea/place");
    expect(out.filter((e) => e.includes("Korean"))).toEqual([]);
    expect(out.filter((e) => e.endsWith("/person"))).toEqual([]);
  });

  it("ends a name before a weekday, and a person's before a headline verb", () => {
    expect(tagged("", "Secretary of State Rex Tillerson Saturday urged restraint.")).toContain("Rex Tillerson/person");
    expect(tagged("Jokowi Calls For Calm After Floods", "JAKARTA - Jokowi urged residents to stay calm.").filter((e) => e.includes("Calls"))).toEqual([]);
  });

  it("knows photo agencies as organizations, so a credit the model reads as a name is not a person", () => {
    expect(lookupAlias("Getty Images")).toMatchObject({ kind: "organization", canonical: "Getty Images" });
    expect(lookupAlias("Shutterstock")?.kind).toBe("organization");
  });
});

describe("tagger v8 companies and exchanges", () => {
  it("knows exchanges and listed companies by full and short name, and leaves a shared place or surname alone", () => {
    expect(lookupAlias("BSE")).toMatchObject({ kind: "organization", canonical: "Bombay Stock Exchange" });
    expect(lookupAlias("Airtel")?.canonical).toBe("Bharti Airtel");
    // A place keeps a name a company shares; a surname is no alias of the company named after it.
    expect(lookupAlias("Woodside")?.canonical).not.toBe("Woodside Energy");
    expect(lookupAlias("Abbott")?.canonical).not.toBe("Abbott Laboratories");
    expect(lookupAlias("Kotak")?.kind).not.toBe("organization");
  });

  it("types companies in a markets report as organizations, none as people", () => {
    // v7 read "Bharti Airtel and HDFC Bank" as one organization and missed Hero MotoCorp.
    const out = tagged("", "Shares of Hero MotoCorp rose 3% on the NSE on Tuesday, while Bharti Airtel and HDFC Bank fell.");
    expect(out).toEqual(["Bharti Airtel/organization", "HDFC Bank/organization", "Hero MotoCorp/organization", "National Stock Exchange/organization"]);
    expect(out.filter((e) => e.endsWith("/person"))).toEqual([]);
  });
});

describe("tagger v8 surname particles", () => {
  const people = (text: string) => tagEntitiesTrained("", text).filter((e) => e.type === "person");

  it("keeps a lower-case particle inside the name and counts the capitalised short form as the same person", () => {
    const text = "Manchester United manager Erik ten Hag said on Friday. The coach declined to comment. Ten Hag left.";
    const out = people(text);
    expect(out.map((e) => e.name)).toEqual(["Erik ten Hag"]);
    expect(out[0]?.spans?.map((s) => text.slice(s.start, s.end))).toEqual(["Erik ten Hag", "Ten Hag"]);
    expect(out[0]?.mentions).toBe(2);
  });

  it("does not join two people across a particle-like word that is not one", () => {
    const out = people("Paul Odhiambo and Mary Wanjiru spoke, and Odhiambo thanked Wanjiru.").map((e) => e.name).sort();
    expect(out).toEqual(["Mary Wanjiru", "Paul Odhiambo"]);
  });
});

describe("tagger v8 organizations named with and", () => {
  const orgs = (text: string) => tagEntitiesTrained("", text).map((e) => `${e.name}/${e.type}`);

  it("keeps the words after and in an X-of-Y organization's name when no known name opens them", () => {
    const out = orgs("The Ministry of Local Government and Public Works said on Monday that officials of the National Institute of Water and Atmospheric Research would attend.");
    expect(out).toEqual(expect.arrayContaining(["Ministry of Local Government and Public Works/organization", "National Institute of Water and Atmospheric Research/organization"]));
    expect(out).not.toContain("Public Works/organization");
  });

  it("splits a name read across and where the rest is a name the lists know", () => {
    const out = orgs("Officials of the Ministry of Health and UNICEF met on Monday.");
    expect(out).toEqual(expect.arrayContaining(["Ministry of Health/organization", "UNICEF/organization"]));
    expect(out.some((e) => e.startsWith("Ministry of Health and"))).toBe(false);
  });
});
