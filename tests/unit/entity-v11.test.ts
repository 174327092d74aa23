/**
 * Tagger v11: the weak GeoNames place feature, list typing that needs evidence, a temperature's unit, laws'
 * titles, a jurisdiction before a court, squad lists, clubs' words, short organizations, exchanges' indices. Each text is ours, written in the shape of a real page that went
 * wrong under v10; every case but the GeoNames lookups (new code) fails under v10.
 */
import { describe, expect, it } from "vitest";
import { tagEntities } from "../../src/annotate/entities";
import { buildContext, hash } from "../../src/annotate/entities/features";
import { tagEntitiesTrained } from "../../src/annotate/entities/index";
import { classifyLines, tokenize } from "../../src/annotate/entities/tokens";
import { isGeoName } from "../../src/annotate/gazetteer/geonames";
import { GEONAMES_COUNT } from "../../src/annotate/gazetteer/geonames.generated";

const tagged = (text: string): string[] => tagEntitiesTrained("", text).map((e) => `${e.name}/${e.type}`).sort();

/** A folded name's hash, as scripts/build-geonames.mjs and the features compute it (FNV-1a). */
const fnv = hash;

describe("tagger v11", () => {
  it("knows GeoNames towns and divisions, one word or several, and not made-up ones", () => {
    for (const name of ["bhakkar", "sibi", "rahim yar khan", "truro", "dunedin", "helsingborg"]) expect(isGeoName(fnv(name)), name).toBe(true);
    for (const name of ["qorvatesh", "lindqvarn bay", "mottleyvale"]) expect(isGeoName(fnv(name)), name).toBe(false);
  });

  it("marks the longest GeoNames phrase on each token as a feature", () => {
    const tokens = tokenize("the heat in Rahim Yar Khan and Sibi rose.", "text");
    const ctx = buildContext(tokens, tokens.map(() => false), tokens.map(() => ""));
    // Token 0 ("the") is no place: its value is the feature's "none".
    const marked = tokens.filter((_, i) => ctx.geoHash[i] !== ctx.geoHash[0]).map((t) => t.text);
    expect(marked).toEqual(["Rahim", "Yar", "Khan", "Sibi"]);
    // One three-word phrase (begin, inside, last) and one single word: four different labels.
    expect(new Set([3, 4, 5, 7].map((i) => ctx.geoHash[i])).size).toBe(4);
  });

  it("types no list of unknown words by one default guess", () => {
    const text = "Heat gripped Sindh again. Other areas such as DG Khan, Bahawalnagar, Sibi, Nokundi, and Bhakkar saw highs of 46 degrees.";
    // The rule tagger, whose tags the model reads: "DG Khan" is a default person guess, and the words after it
    // no longer inherit it.
    const rules = tagEntities("", text).map((e) => `${e.name}/${e.type}`);
    for (const town of ["Bahawalnagar", "Sibi", "Nokundi", "Bhakkar"]) expect(rules).not.toContain(`${town}/person`);
    const out = tagged(text);
    for (const town of ["Bahawalnagar", "Sibi", "Nokundi", "Bhakkar"]) expect(out).not.toContain(`${town}/person`);
    // A list typed by a known name still passes its type on.
    expect(tagEntities("", "The ferry calls at Lesbos, Samos and Kalymnos each week.").map((e) => `${e.name}/${e.type}`)).toContain("Samos/place");
  });

  it("reads a temperature's unit and full stop as no initial", () => {
    const text = "Jacobabad recorded 50°C. Most of the country stayed dry, and Lahore hit 44 °F. Other towns were cooler.";
    const out = tagged(text);
    expect(out.filter((e) => /^[CF]\b/u.test(e))).toEqual([]);
    expect(tagEntities("", text).filter((e) => /^[CF]\./u.test(e.name))).toEqual([]);
  });

  it("tags nothing inside a law's title, in prose", () => {
    const out = tagged("The Protection of Lawful Commerce in Arms Act shields gun makers from lawsuits, a judge in Texas ruled.");
    expect(out).toContain("Texas/place");
    expect(out.filter((e) => e.startsWith("Lawful Commerce") || e.startsWith("Arms Act"))).toEqual([]);
  });

  it("reads a jurisdiction before a court as part of the court's name", () => {
    const out = tagged("The Nova Scotia Court of Appeal ordered a new trial, and the man was released in Halifax.");
    expect(out).toContain("Nova Scotia Court of Appeal/organization");
    expect(out).not.toContain("Nova Scotia/place");
    // A possessive keeps the place apart.
    expect(tagged("Kenya's Court of Appeal upheld the ruling on Friday.")).toContain("Kenya/place");
  });

  it("reads a squad list's brackets: the player, the club, the club's country", () => {
    const out = tagged(
      "Defenders: Kwame Osei (Maritzburg, South Africa), Yaw Boateng (FC Augsburg, Germany), Kofi Mensah (Helsenborg, Sweden).",
    );
    for (const club of ["Maritzburg", "FC Augsburg", "Helsenborg"]) expect(out).toContain(`${club}/organization`);
    for (const player of ["Kwame Osei", "Yaw Boateng", "Kofi Mensah"]) expect(out).toContain(`${player}/person`);
    expect(out).toContain("Sweden/place");
    // One bracket alone is no squad list: a reporter's outlet and city stay what the model reads.
    expect(tagged("Jane Mwangi (Reuters, Kenya) reported from the border.").some((e) => e.startsWith("Reuters/organization"))).toBe(true);
  });

  it("reads a name opening with a club's word as the club", () => {
    const out = tagged("Jordan Ayew, who plays for Olympique Marseille, and Baba Rahman, on loan at FC Augsburg, were named.");
    expect(out).toContain("Olympique Marseille/organization");
    expect(out).toContain("FC Augsburg/organization");
  });

  it("links a short organization to the one longer name it opens", () => {
    const out = tagged("Shares rose after the Reserve Bank left rates unchanged, and traders said the RBA decision was expected.");
    expect(out).toContain("Reserve Bank of Australia/organization");
    expect(out).not.toContain("Reserve Bank/organization");
  });

  it("reads an exchange's letters before a number as its index", () => {
    const out = tagged("On the ASX 24, futures rose 14 points, and the ASX 200 closed higher, the ASX said.");
    expect(tagEntitiesTrained("", "On the ASX 24, futures rose 14 points, and the ASX 200 closed higher.")).toEqual([]);
    expect(out).toContain("Australian Securities Exchange/organization");
  });

  it("drops the headlines under a related-stories heading, and only them", () => {
    const text = [
      "Police in Perth said the man was arrested on Sunday after a two-hour stand-off at a house in the city's north, and no one was hurt.",
      "",
      "Trending Now",
      "",
      "Symbols of hate: This is how to spot an extremist online",
      "Marlow Kent farewell speech fails to mention Dana Ruiz by name",
      "Cities feel the pain as border bans hurt tourism. But could the Kiwis help?",
      "Thanks to the help of neighbours, officers from the Kalgoorlie station found the car abandoned near the highway two days later, a spokesman said.",
    ].join("\n");
    const lines = classifyLines(text);
    expect(lines.map((l) => l.furniture)).toEqual([false, false, true, false, true, true, true, false]);
    const out = tagged(text);
    expect(out).toContain("Perth/place");
    expect(out.filter((e) => e.startsWith("Marlow Kent") || e.startsWith("Dana Ruiz"))).toEqual([]);
  });

  it("drops a hyphenated rank before a person's name", () => {
    const out = tagged("Lieutenant-Colonel Thulani Zwane said the acting commissioner, Major-General Bheki Langa, condemned the attack.");
    expect(out).toContain("Thulani Zwane/person");
    expect(out).toContain("Bheki Langa/person");
    expect(out.some((e) => e.startsWith("Lieutenant-Colonel"))).toBe(false);
  });

  it("drops a rugby position before a player's name", () => {
    const out = tagged("The coach named Lock Tupou Vaa'i and Flanker Dalton Papali'i in the side to face Wales on Saturday.");
    expect(out).toContain("Tupou Vaa'i/person");
    expect(out).toContain("Dalton Papali'i/person");
  });

  it("ships the whole generated list (the prepare script's output), every hash decoded", () => {
    expect(GEONAMES_COUNT).toBeGreaterThan(200_000);
    // The list's last name decodes too: a truncated list would throw or miss it.
    expect(isGeoName(fnv("zürich"))).toBe(true);
  });
});
