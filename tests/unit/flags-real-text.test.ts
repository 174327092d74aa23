/**
 * Flags on text as real pages and feeds deliver it: irregular spaces, missing dashes, datelines after site chrome
 * or in their own element, agency bylines and credit lines, and the lookalikes that must stay unflagged. Every
 * story text here is written for this project in the outlets' styles.
 */
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/annotate";
import { detectFlags } from "../../src/annotate/flags";
import { MACHINE_TEXT_RULES, SPUN_TEXT_RULE, TRANSLATION_CALQUE_RULE } from "../../src/annotate/rules";
import { findSpunText } from "../../src/annotate/spinning";
import { normalizeItems, type NormalizeContext } from "../../src/ingest/normalize";
import { parseFeed } from "../../src/ingest/parse";
import type { ParsedItem } from "../../src/model";

const NBSP = "\u00a0";
const FIXTURE_TEXTS = Object.values(import.meta.glob<{ text: string }>("../../fixtures/flags/*.json", { eager: true, import: "default" })).map(
  (fixture) => fixture.text,
);
const CHROME = ["Home", "World", "Africa", "Top Stories", "Floods cut off villages in the north | Markets rally on rate hopes"].join("\n");

describe("syndicated copy as pages render it", () => {
  it.each<[behaviour: string, text: string, wire: string, rule: string]>([
    ["a dateline with doubled spaces and no dash", "GAUHATI, India  (AP)  Rescuers pulled two more villagers from the mud on Sunday.", "Associated Press", "dateline-associated-press"],
    ["a dateline with no-break spaces", `GAUHATI,${NBSP}India${NBSP}(AP)${NBSP}—${NBSP}Rescuers reached the last village on Monday.`, "Associated Press", "dateline-associated-press"],
    ["a no-break space inside the city's name", `NEW${NBSP}DELHI, March 3 (Reuters) - The rupee firmed against the dollar.`, "Reuters", "dateline-reuters"],
    ["a dash between the place and the agency", "LIMA, Peru — (AP) — The congress voted to remove the minister on Thursday.", "Associated Press", "dateline-associated-press"],
    ["a mixed-case city and country before AP's dash", "Kigali, Rwanda (AP) — The government reopened the border crossing.", "Associated Press", "dateline-associated-press"],
    ["a PTI dateline with a comma and no date or dash", "Chennai, (PTI) The state government on Friday extended the school holidays.", "Press Trust of India", "dateline-pti"],
    ["a Reuters feed excerpt that opens on the agency", "(Reuters) - Oil prices rose for a third session on Tuesday.", "Reuters", "dateline-reuters"],
    ["an AP feed excerpt that opens on the agency", "(AP) – A federal judge blocked the rule on Wednesday.", "Associated Press", "dateline-associated-press"],
    ["an IANS excerpt that opens on the agency", "(IANS) The Election Commission announced the poll dates on Tuesday.", "Indo-Asian News Service", "dateline-ians"],
    ["a dateline after lines of site chrome", `${CHROME}\nLAGOS, Nigeria (Reuters) - Nigeria's central bank held its key rate on Tuesday.`, "Reuters", "dateline-reuters"],
    ["a dateline after a byline line", "By Staff Writer | Updated: Mar 12, 2024 10:15 IST\nISLAMABAD (ANI): The cabinet approved the budget.", "Asian News International", "dateline-ani"],
    ["a PTI byline with the city after a bar", `PTI${NBSP}${NBSP}|${NBSP}${NBSP}New Delhi\nThe Centre on Sunday extended the deadline.`, "Press Trust of India", "byline-wire-place"],
    ["an IANS byline with a Devdiscourse-style time line", "IANS | Updated: 12-03-2025 10:11 IST | Created: 12-03-2025 10:11 IST\nThe Sensex closed higher.", "Indo-Asian News Service", "byline-wire-updated"],
    ["a wire's name alone under the byline's time line", "Updated: March 12, 2024 10:15 am IST - MUMBAI\nReuters\nThe rupee firmed on Tuesday.", "Reuters", "byline-wire-beside-timestamp"],
    ["a wire's name alone over the byline's time line", "PTI\nLast Updated : Mar 12 2024 | 9:12 PM IST\nThe Centre on Sunday extended the deadline.", "Press Trust of India", "byline-wire-beside-timestamp"],
    ["a closing credit line", "The talks resume next week.\nCredit : Reuters | Photo Credit : AFP", "Reuters", "credit-line-wire"],
    ["a lost opening bracket", "MUMBAI, Xinhua) - The index closed lower on Tuesday.", "Xinhua", "dateline-xinhua"],
    ["a dateline after a long about-the-agency box", `${"The agency runs bureaus in every state capital and sends copy around the clock.\n".repeat(20)}Patna, Oct 16 (PTI) The rallies begin on Friday.`, "Press Trust of India", "dateline-pti"],
    ["a date, a time and the agency on one byline line", "14 May 2025 - 08:30 By Reuters\nNegotiators were close to a deal.", "Reuters", "byline-dated-by-wire"],
    ["'By' alone over the agency", "By\nThe Associated Press\nThe zoo showed its four new tortoises.", "Associated Press", "byline-wire-beside-timestamp"],
    ["DNA's dateline, its letters read only in the brackets", "ISLAMABAD, MAY 10 (DNA) — The authority said on Wednesday the services would stay suspended.", "DNA", "dateline-national-agency"],
    ["Taiwan's CNA in its dateline", "TAIPEI (CNA) - The cabinet approved the budget on Thursday.", "Central News Agency", "dateline-national-agency"],
  ])("flags %s", (_behaviour, text, wire, rule) => {
    const { flags } = detectFlags("", text);
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual([wire]);
    expect(flags.evidence.map((evidence) => evidence.rule)).toContain(rule);
    for (const evidence of flags.evidence) expect(text).toContain(evidence.text);
  });

  it("reads a wire's name alone under the story's own headline as its byline, not under another line", () => {
    const headline = "Maple Leafs overwhelm Hurricanes in wild third period";
    const text = `date 2019-12-24 More Sports / Ice Hockey\n\n${headline}\n\nAP\n\nTORONTO – Maple Leafs coach Sheldon Keefe kept his new line together.`;
    const { flags } = detectFlags(headline, text);
    expect(flags.wire_services).toEqual(["Associated Press"]);
    expect(flags.evidence.map((evidence) => evidence.rule)).toContain("byline-wire-beside-timestamp");
    // The same line under a headline of another story (a related list) is no byline of this one.
    expect(detectFlags("Leafs sign a new goalie", text).flags.syndicated).toBe(false);
  });

  it("reads a wire's name alone over the related-stories block as the story's credit, not a caption's credit", () => {
    const story = "Egypt's last cabinet reshuffle was in February last year and included new investment and agriculture ministers.";
    expect(detectFlags("", `${story}\n\nReuters\n\nYou may also like\n\nMore news`).flags.wire_services).toEqual(["Reuters"]);
    expect(detectFlags("", `${story}\n\nProtesters gather in Tahrir Square on Sunday.\n\nReuters\n\nCairo, Egypt`).flags.syndicated).toBe(false);
  });

  it("reads an agency's own eyewitness as inferred evidence, so evidence=stated can leave it out", () => {
    const text = "Strikes hit the camp overnight.\n\nA Reuters witness saw at least three bodies near the checkpoint.";
    const { flags } = detectFlags("", text);
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual(["Reuters"]);
    expect(flags.evidence).toContainEqual({ flag: "syndicated", rule: "agency-eyewitness", text: "A Reuters witness saw", kind: "inferred" });
  });

  it("keeps a dateline that is alone in its paragraph in the text and cites it", () => {
    const { flags, content_text } = detectFlags("", "NAIROBI, Kenya (AP)\n\n— Rescuers searched the rubble on Sunday.");
    expect(flags.wire_services).toEqual(["Associated Press"]);
    expect(flags.evidence).toContainEqual({ flag: "syndicated", rule: "dateline-associated-press", text: "NAIROBI, Kenya (AP)", kind: "stated" });
    expect(content_text).toBe("NAIROBI, Kenya (AP)\n\n— Rescuers searched the rubble on Sunday.");
  });
});

describe("lookalikes that are not wire copy", () => {
  it.each<[behaviour: string, text: string]>([
    ["a staff story that quotes Reuters", "Oil rose on Monday, Reuters reported, citing two traders.\n\nThe ministry did not comment."],
    ["a story citing an agency's report", "ISLAMABAD: The cabinet met on Tuesday, news agency ANI reported."],
    ["wire names in a menu", "World\nAP\nReuters\nSports\nThe council met on Tuesday and approved the budget."],
    ["a results headline with an abbreviated state", "ANDHRA PRADESH (AP) Inter Results 2024 declared, check scores here"],
    ["a state name and its abbreviation", "UP (AP) Board exams begin on Monday for two million pupils."],
    ["an agency video label in a headline list", "Watch: Floods in Assam (AP Video)\nThe district reopened its schools on Monday."],
    ["an inline AP photo credit", "President Joe Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)\nThe bill passed on Monday."],
    ["an AP photo credit beside a time line", "Updated 10:15 am EDT\nAP Photo/Evan Vucci\nThe bill passed on Monday."],
    ["a photo credit line", "The bill passed on Monday.\nPhoto Credit : (AP)"],
    ["a credit line that credits a photo", "The bill passed on Monday.\nCredit: AP Photo/Evan Vucci"],
    ["a board story about the agency", "The Press Trust of India (PTI) Board met on Monday to elect a chairman."],
    ["a news story about an agency's journalist", "An AFP journalist was wounded in the strike, the agency said.\n\nHe told an AFP reporter he would recover."],
    ["a staff byline with a city after a bar", "Priya Sharma | New Delhi\nThe Centre on Sunday extended the deadline."],
    ["a single name over a wire's name in a menu", "World News\nReuters\nMarkets\nThe council met on Tuesday."],
    ["AFP as the Australian Federal Police", "Sydney: The Australian Federal Police (AFP) charged a man on Tuesday.\n\nThe AFP arrested him at the airport."],
    ["an agency photographer in a news story about him", "A Reuters photographer was injured in the blast, the agency said."],
    ["a wire named with a date inside a sentence", "Reuters, March 2, reported that the talks had failed.\n\nThe ministry denied it."],
    ["the molecule's letters", "Deoxyribonucleic acid (DNA) — the molecule — was found at the scene.\n\nPolice said DNA evidence linked him to it."],
    ["Channel NewsAsia named as a source", "The ministry told CNA on Monday that the talks would resume.\n\nCNA understands the deal is close."],
  ])("does not flag %s", (_behaviour, text) => {
    const { flags } = detectFlags("", text);
    expect(flags.syndicated, JSON.stringify(flags.evidence)).toBe(false);
    expect(flags.wire_services).toEqual([]);
  });
});

describe("machine-spun copy", () => {
  it("flags a story with several distinct spun phrases as ai_generated, on inferred evidence", () => {
    const { flags } = detectFlags("", `Crews worked through the night.\n\n${SPUN_TEXT_RULE.example}`);
    expect(flags.ai_generated).toBe(true);
    expect(flags.evidence).toContainEqual({ flag: "ai_generated", rule: "ai-spun-synonyms", text: SPUN_TEXT_RULE.example, kind: "inferred" });
  });

  it("reads a spinner's party, staff, date and election swaps as spun (phrases written for this project)", () => {
    const text =
      "LONDON — The British Labour Occasion will pick a new chief of employees after the native elections on Could 7, 2026, aides said.";
    const spun = findSpunText([{ text, lower: text.toLowerCase() }]);
    expect(spun?.rule.id).toBe("ai-spun-synonyms");
    expect(spun?.phrases).toEqual(["Labour Occasion", "chief of employees", "native elections", "Could 7, 2026"]);
    const honest =
      "LONDON — Labour's chief of staff said the party's celebration after the local elections on May 7, 2026 would be small; native plants lined the hall.";
    expect(detectFlags("", honest).flags.ai_generated).toBe(false);
  });

  it("flags a machine translation's calques as ai_generated, on inferred evidence", () => {
    const { flags } = detectFlags("", TRANSLATION_CALQUE_RULE.example);
    expect(flags.ai_generated).toBe(true);
    expect(flags.evidence.map((evidence) => [evidence.rule, evidence.kind])).toEqual([["ai-translation-calques", "inferred"]]);
  });

  it.each<[behaviour: string, text: string]>([
    ["honest prose with one lookalike", SPUN_TEXT_RULE.counterExample],
    ["honest prose beside the translation calques", TRANSLATION_CALQUE_RULE.counterExample],
    ["a score and a weekday", "The visitors won on Sunday, 3-1, and will play again on Wednesday (away)."],
    ["a phrase repeated but only two distinct ones", "The final 12 months were hard. The final 12 months saw 40 folks leave. 12 folks stayed."],
  ])("does not flag %s", (_behaviour, text) => {
    expect(detectFlags("", text).flags.ai_generated).toBe(false);
  });

  it.each(MACHINE_TEXT_RULES.map((rule) => [rule.id, rule] as const))("%s flags its example and leaves its counter-example alone", (id, rule) => {
    const spun = detectFlags("", rule.example).flags;
    expect(spun.ai_generated).toBe(true);
    expect(spun.evidence.filter((evidence) => evidence.flag === "ai_generated").map((evidence) => [evidence.rule, evidence.kind])).toEqual([[id, "inferred"]]);
    expect(detectFlags("", rule.counterExample).flags.ai_generated).toBe(false);
  });

  it("reads a dateline that names its place twice as a rewrite, but not a city with its region", () => {
    const twice = "Gaza Strip, Gaza Strip (AP) — Strikes kill three apartment buildings, officials said.";
    expect(findSpunText([{ text: twice, lower: twice.toLowerCase() }])?.phrases).toEqual(["Gaza Strip, Gaza Strip (AP)", "Strikes kill three apartment buildings"]);
    const honest = "GAZA CITY, Gaza Strip (AP) — Strikes destroyed three apartment buildings, officials said.";
    expect(findSpunText([{ text: honest, lower: honest.toLowerCase() }])).toBeNull();
  });

  it("names, for each phrase, whole words that every match holds, so the word prefilter never hides a match", () => {
    const texts = [
      ...MACHINE_TEXT_RULES.flatMap((rule) => [rule.example, rule.counterExample]),
      ...FIXTURE_TEXTS,
    ].map((text) => text.toLowerCase());
    let checked = 0;
    for (const rule of MACHINE_TEXT_RULES) {
      for (const phrase of rule.phrases) {
        for (const entry of phrase.words) expect(entry, rule.id).toMatch(/^[a-z0-9]+(?:\|[a-z0-9]+)*$/u);
        for (const text of texts) {
          for (const match of text.matchAll(new RegExp(phrase.spun.source, "g"))) {
            checked += 1;
            for (const entry of phrase.words) {
              expect(entry.split("|").some((word) => new RegExp(`\\b${word}\\b`).test(match[0])), `${entry} in "${match[0]}"`).toBe(true);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("counts each phrase once however often it repeats", () => {
    const texts = ["The West Financial institution talks resumed final 12 months.", "West Financial institution leaders met; 20 folks protested."];
    const spun = findSpunText(texts.map((text) => ({ text, lower: text.toLowerCase() })));
    expect(spun).toEqual({ rule: SPUN_TEXT_RULE, phrases: ["West Financial institution", "final 12 months", "20 folks"], paragraph: 0, index: 4 });
  });
});

describe("flags through the whole feed path (parse, normalize, then annotate)", () => {
  it("reads the dateline of an RSS description given as CDATA", async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>
<item><title>Yen slips to a new low</title><link>https://news.example/yen</link>
<description><![CDATA[<p><strong>Tokyo, Mar 5 (AP)</strong> The yen slipped to a new low on Tuesday.</p><p>(This story has not been edited by THE WEEKLY and is auto-generated from PTI)</p>]]></description></item>
</channel></rss>`;
    const feed = await parseFeed(new TextEncoder().encode(rss), "application/rss+xml");
    const [normalized] = await normalizeItems(feed.items, { feedUrl: "https://news.example/feed.xml", fetchedAt: "2024-06-01T12:00:00.000Z" });
    const { flags, content_text } = annotate({ title: normalized!.title, text: normalized!.text });
    expect(flags.wire_services).toEqual(["Associated Press", "Press Trust of India"]);
    expect([flags.syndicated, flags.unedited, flags.auto_generated]).toEqual([true, true, true]);
    expect(content_text).toBe("Tokyo, Mar 5 (AP) The yen slipped to a new low on Tuesday.");
  });
});

describe("flags through the feed path (normalize, then annotate)", () => {
  const CTX: NormalizeContext = { feedUrl: "https://news.example/feeds/world.xml", fetchedAt: "2024-06-01T12:00:00.000Z" };

  function item(content: string): ParsedItem {
    return {
      guid: null, link: "https://news.example/a", title: "Rescuers reach flooded villages", titleIsHtml: false, author: null,
      published: null, updated: null, summary: null, content, categories: [], base: null,
    };
  }

  it.each<[behaviour: string, html: string, wire: string]>([
    ["a dateline in its own element", `<div class="dateline">GAUHATI, India (AP)</div><p>— Rescuers pulled two more villagers from the mud.</p>`, "Associated Press"],
    ["a dateline set off with &nbsp;", `<p><span class="dateline">GAUHATI,&nbsp;India</span>&nbsp;&nbsp;(AP)&nbsp;&nbsp;Rescuers pulled two more villagers from the mud.</p>`, "Associated Press"],
    ["a byline and dateline after menu items", `<ul><li>Home</li><li>India</li></ul><p class="byline">PTI&nbsp;|&nbsp;New Delhi</p><p>New Delhi, Mar 12 (PTI) The Centre extended the deadline.</p>`, "Press Trust of India"],
    ["a Reuters excerpt in the summary", `<p>(Reuters) - Oil prices rose for a third session on Tuesday.</p>`, "Reuters"],
    ["a PTI dateline set in <strong>", `<p><strong>Lucknow, Nov 4 (PTI)</strong> The state's longest bridge opened on Monday.</p>`, "Press Trust of India"],
    ["a country between city and date, with &nbsp;", `<p>SEOUL,&nbsp;South Korea,&nbsp;Feb.&nbsp;14&nbsp;(UPI)&nbsp;--&nbsp;The two Koreas restored their hotline.</p>`, "United Press International"],
    ["the agency on its own line under the authors", `<p class="byline">Maria Lopez and Tom Reed<br>Associated Press</p><p>Washington — The Senate voted on Wednesday.</p>`, "Associated Press"],
  ])("flags %s the same as the plain text", async (_behaviour, html, wire) => {
    const [normalized] = await normalizeItems([item(html)], CTX);
    const { flags } = annotate({ title: normalized!.title, text: normalized!.text });
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual([wire]);
  });
});

describe("a credit's place in the story", () => {
  const market = [
    "By Dana Reyes",
    "The sharemarket closed a touch lower on Tuesday, held up by a rally in miners after the iron ore price jumped overnight.",
    "Source: Bloomberg.",
    "Mining was the best performing sector, up half a per cent, led by the big iron ore producers, while the banks slipped as bond yields rose again in the afternoon.",
  ];
  it("reads a chart's 'Source:' between the story's paragraphs as no credit for the story", () => {
    const { flags } = detectFlags("Shares end flat as miners rally", market.join("\n\n"));
    expect(flags.syndicated).toBe(false);
    expect(flags.wire_services).toEqual([]);
  });
  it("reads the same line after the story's last paragraph as the story's credit", () => {
    const { flags } = detectFlags("Shares end flat as miners rally", [...market.slice(0, 2), market[3], "Source: Bloomberg."].join("\n\n"));
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual(["Bloomberg"]);
  });
});

describe("a photo caption run into the lead", () => {
  // The shape of an Arab News page: the lead, then the picture's caption and its agency credit in one paragraph.
  const lead = "Property sales rose by a sixth in the first half, the land department's director said. Above, the city's marina at dusk. (Reuters)";
  const body = "The department said 68 projects had been registered with the government since January, worth about 21 billion dirhams.";
  it("reads an agency in brackets after 'Above,' as the picture's credit, not the story's", () => {
    const { flags } = detectFlags("Property projects up in first half", `${lead}\n\n${body}`);
    expect(flags.syndicated).toBe(false);
    expect(flags.wire_services).toEqual([]);
  });
  it("reads the same credit after the story's own sentence as the story's", () => {
    const { flags } = detectFlags("Property projects up in first half", `${lead.replace(" Above, the city's marina at dusk.", "")}\n\n${body}`);
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual(["Reuters"]);
  });
  for (const caption of ["Pictured: the marina at dusk.", "FILE PHOTO: a tower in the city.", "Top, the marina at dusk."]) {
    it(`reads '${caption.split(/[:,]/)[0]}' as a caption's opening`, () => {
      const text = `${lead.replace("Above, the city's marina at dusk.", caption)}\n\n${body}`;
      expect(detectFlags("Property projects up in first half", text).flags.syndicated).toBe(false);
    });
  }
});

describe("agencies named in full in a closing credit", () => {
  it("reads 'Source: Thai News Agency' as the agency's copy", () => {
    const text = "Heavy rain is expected across the north and northeast until Friday, the weather office said.\n\nSource: Thai News Agency";
    const { flags } = detectFlags("Rain warning for the north", text);
    expect(flags.syndicated).toBe(true);
    expect(flags.wire_services).toEqual(["Thai News Agency"]);
    // The broadcaster that runs the agency, credited as itself, is another outlet, not the agency.
    expect(detectFlags("Rain warning for the north", text.replace("Thai News Agency", "Thai PBS World")).flags.syndicated).toBe(false);
  });
});

