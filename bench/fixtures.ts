/**
 * Bench fixtures: RSS feeds of news stories generated from a seed, so every run (and every machine) measures the
 * same bytes without committing megabytes of XML.
 *
 * A story is a wire report (Reuters, AP, PTI, ANI or AFP dateline, sometimes a syndication disclaimer at the end),
 * an automated markets brief, or staff copy with a byline, written from sentence templates with people, places
 * and organizations drawn from lists. Sentence templates are written for this project; the disclaimer lines are
 * the outlets' short real phrasings, which the flag rules are meant to catch.
 */

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to pick words, and identical in Node and workerd. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return function next(): number {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

interface Person {
  name: string;
  role: string;
}

const PEOPLE: readonly Person[] = [
  { name: "Mia Mottley", role: "Barbados Prime Minister" },
  { name: "Antony Blinken", role: "U.S. Secretary of State" },
  { name: "Ariel Henry", role: "Haitian Prime Minister" },
  { name: "William Ruto", role: "Kenyan President" },
  { name: "Andrew Holness", role: "Jamaican Prime Minister" },
  { name: "Cyril Ramaphosa", role: "South African President" },
  { name: "Kristalina Georgieva", role: "IMF Managing Director" },
  { name: "Ngozi Okonjo-Iweala", role: "WTO Director-General" },
  { name: "Antonio Guterres", role: "U.N. Secretary-General" },
  { name: "Nirmala Sitharaman", role: "Finance Minister" },
  { name: "Olaf Scholz", role: "German Chancellor" },
  { name: "Priya Raman", role: "port authority spokesperson" },
  { name: "Daniel Okafor", role: "chief economist at Harbourline Shipping" },
  { name: "Maria Alvarez", role: "head of the regional water board" },
  { name: "Tomas Lindqvist", role: "analyst at Northgate Capital" },
  { name: "Grace Mwangi", role: "chair of the Kenya Tea Growers Association" },
  { name: "Rahul Deshmukh", role: "state transport secretary" },
  { name: "Keisha Brathwaite", role: "opposition leader" },
];

interface Place {
  city: string;
  region: string;
  country: string;
}

const PLACES: readonly Place[] = [
  { city: "Kingston", region: "Jamaica", country: "Jamaica" },
  { city: "Nairobi", region: "Kenya", country: "Kenya" },
  { city: "New Delhi", region: "Delhi", country: "India" },
  { city: "Mumbai", region: "Maharashtra", country: "India" },
  { city: "Port-au-Prince", region: "Haiti", country: "Haiti" },
  { city: "Bridgetown", region: "Barbados", country: "Barbados" },
  { city: "Johannesburg", region: "Gauteng", country: "South Africa" },
  { city: "Geneva", region: "Switzerland", country: "Switzerland" },
  { city: "Berlin", region: "Germany", country: "Germany" },
  { city: "Lagos", region: "Nigeria", country: "Nigeria" },
  { city: "Jakarta", region: "Indonesia", country: "Indonesia" },
  { city: "Lima", region: "Peru", country: "Peru" },
  { city: "Ahmedabad", region: "Gujarat", country: "India" },
  { city: "Washington", region: "D.C.", country: "United States" },
];

const ORGS: readonly string[] = [
  "the United Nations",
  "the International Monetary Fund",
  "the World Bank",
  "CARICOM",
  "the European Union",
  "the World Health Organization",
  "the African Union",
  "the Reserve Bank of India",
  "the World Trade Organization",
  "the Red Cross",
  "Harbourline Shipping",
  "Meridian Power Co",
  "the Caribbean Development Bank",
];

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

interface Slots {
  p: Person;
  q: Person;
  pl: Place;
  org: string;
  org2: string;
  day: string;
  n: number;
  pct: string;
}

/** Sentence templates: each reads like one sentence of news copy; {slots} are filled per story. */
const SENTENCES: ReadonlyArray<(s: Slots) => string> = [
  (s) => `${s.p.role} ${s.p.name} said on ${s.day} that talks with ${s.org} would resume next week in ${s.pl.city}.`,
  (s) => `"We are not going to wait for another season of losses," ${s.p.name} told reporters after the meeting.`,
  (s) => `${surname(s.p)} added that the plan had the backing of ${s.org2} and of several neighbouring governments.`,
  (s) => `Officials in ${s.pl.city} estimated the cost at ${s.n} million dollars, roughly ${s.pct} percent more than the figure given in January.`,
  (s) => `${s.org[0]!.toUpperCase()}${s.org.slice(1)} has asked ${s.pl.country} to publish a timetable before the end of the quarter.`,
  (s) => `The proposal drew criticism from ${s.q.name}, ${s.q.role}, who called it "a promise without a budget".`,
  (s) => `Traffic at the port of ${s.pl.city} fell ${s.pct} percent in the week to ${s.day}, according to figures seen by this newspaper.`,
  (s) => `${surname(s.q)} said the government had received ${s.n} written submissions, most of them from small businesses.`,
  (s) => `Diplomats from ${s.org2} are expected to visit ${s.pl.city} on ${s.day} to review the first phase of the programme.`,
  (s) => `Prices of staple foods in ${s.pl.country} have risen for ${s.n % 12 + 2} consecutive months, the statistics office said.`,
  (s) => `A spokesperson for ${s.org} declined to comment on the figures, saying a full report would be released in ${s.pl.city}.`,
  (s) => `Residents interviewed on ${s.day} said water supplies had been cut for up to ${s.n % 9 + 2} hours a day.`,
  (s) => `${s.p.name} and ${s.q.name} met for about ${s.n % 50 + 20} minutes on the sidelines of the summit, aides said.`,
  (s) => `The measure still needs approval from parliament, where the governing coalition holds a narrow majority.`,
  (s) => `Analysts said the decision could weigh on the currency, which has lost about ${s.pct} percent against the dollar this year.`,
  (s) => `Police said ${s.n % 40 + 3} people had been detained after protests in central ${s.pl.city} turned violent late on ${s.day}.`,
  (s) => `The ministry said it would double inspections at border crossings and publish weekly figures on its website.`,
  (s) => `${s.org2[0]!.toUpperCase()}${s.org2.slice(1)} said in a statement that the agreement was "an important first step" for the region.`,
];

function surname(p: Person): string {
  return p.name.split(" ").at(-1)!;
}

function slots(rng: Rng, pl: Place, date: Date): Slots {
  const p = pick(rng, PEOPLE);
  let q = pick(rng, PEOPLE);
  if (q === p) q = PEOPLE[(PEOPLES_INDEX.get(p)! + 1) % PEOPLE.length]!;
  return {
    p,
    q,
    pl,
    org: pick(rng, ORGS),
    org2: pick(rng, ORGS),
    day: WEEKDAYS[date.getUTCDay()]!,
    n: Math.floor(rng() * 900) + 12,
    pct: (rng() * 14 + 0.5).toFixed(1),
  };
}

const PEOPLES_INDEX = new Map(PEOPLE.map((p, i) => [p, i]));

export type StoryKind = "reuters" | "ap" | "pti" | "ani" | "afp" | "staff" | "automated";

/** How often each kind appears: a syndicating outlet's feed, mostly wire copy with some staff stories. */
const KINDS: ReadonlyArray<[StoryKind, number]> = [
  ["reuters", 0.22],
  ["ap", 0.12],
  ["pti", 0.16],
  ["ani", 0.1],
  ["afp", 0.06],
  ["staff", 0.28],
  ["automated", 0.06],
];

/** Short real closing lines of syndicating outlets (facts, quoted as the outlets print them). */
const DISCLAIMERS: readonly string[] = [
  "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
  "(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
  "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
  "(With inputs from agencies)",
];

export interface BenchStory {
  guid: string;
  link: string;
  title: string;
  author: string | null;
  pubDate: string;
  category: string;
  kind: StoryKind;
  /** The body as HTML paragraphs (what content:encoded carries). */
  html: string;
  /** First paragraph, as the feed's description. */
  summary: string;
}

function kindOf(rng: Rng): StoryKind {
  let r = rng();
  for (const [kind, share] of KINDS) {
    if (r < share) return kind;
    r -= share;
  }
  return "staff";
}

function dateline(kind: StoryKind, pl: Place, d: Date): string {
  const day = d.getUTCDate();
  switch (kind) {
    case "reuters":
      return `${pl.city.toUpperCase()}, ${LONG_MONTHS[d.getUTCMonth()]} ${day} (Reuters) - `;
    case "ap":
      return `${pl.city.toUpperCase()}, ${pl.region} (AP) — `;
    case "pti":
      return `${pl.city}, ${MONTHS[d.getUTCMonth()]} ${day} (PTI) `;
    case "ani":
      return `${pl.city} (${pl.region}) [${pl.country}], ${LONG_MONTHS[d.getUTCMonth()]} ${day} (ANI): `;
    case "afp":
      return `${pl.city} (AFP) - `;
    default:
      return "";
  }
}

function closing(kind: StoryKind, rng: Rng): string[] {
  const lines: string[] = [];
  if (kind === "reuters") lines.push(`Reporting by ${pick(rng, PEOPLE).name}; Editing by ${pick(rng, PEOPLE).name}`);
  if (kind === "pti") lines.push("PTI RT KSS");
  if (kind === "automated") {
    lines.push("This story was generated by Automated Insights using data from the exchange.");
  }
  if (kind !== "staff" && kind !== "automated" && rng() < 0.5) lines.push(pick(rng, DISCLAIMERS));
  return lines;
}

const TITLES: ReadonlyArray<(s: Slots) => string> = [
  (s) => `${s.pl.country} to resume talks with ${stripThe(s.org)} next week`,
  (s) => `${surname(s.p)} defends ${s.n}-million-dollar plan as critics question the cost`,
  (s) => `Port traffic in ${s.pl.city} falls ${s.pct}% as shipping lines reroute`,
  (s) => `Food prices in ${s.pl.country} rise for another month`,
  (s) => `${stripThe(s.org2)} backs ${s.pl.country} timetable; vote expected in parliament`,
  (s) => `Protesters detained in ${s.pl.city} after clashes with police`,
];

function stripThe(org: string): string {
  return org.replace(/^the /, "");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One story of about `textBytes` bytes of plain text. */
function story(rng: Rng, seed: number, index: number, textBytes: number, base: Date): BenchStory {
  const date = new Date(base.getTime() - index * 7 * 60_000);
  const kind = kindOf(rng);
  const pl = pick(rng, PLACES);
  const s = slots(rng, pl, date);
  const paragraphs: string[] = [];
  let para = dateline(kind, pl, date);
  let size = 0;
  let sentences = 0;
  while (size < textBytes) {
    const sentence = pick(rng, SENTENCES)(rng() < 0.7 ? s : slots(rng, pl, date));
    para += (para === "" || para.endsWith(" ") ? "" : " ") + sentence;
    size += sentence.length + 1;
    sentences++;
    if (sentences % (2 + Math.floor(rng() * 2)) === 0) {
      paragraphs.push(para);
      para = "";
    }
  }
  if (para !== "") paragraphs.push(para);
  paragraphs.push(...closing(kind, rng));
  const html = paragraphs
    .map((p, i) => {
      const text = escapeHtml(p);
      // Some paragraphs link to a topic page, as newsroom CMSes do.
      return i === 1 ? `<p>${text} <a href="/topics/${pl.country.toLowerCase().replace(/ /g, "-")}">More on ${escapeHtml(pl.country)}</a></p>` : `<p>${text}</p>`;
    })
    .join("\n");
  return {
    guid: `urn:bench:${seed}:${index}`,
    link: `https://news.example/${kind}/${seed}/${index}-${pl.city.toLowerCase().replace(/[^a-z]+/g, "-")}`,
    title: pick(rng, TITLES)(s),
    author: kind === "staff" ? pick(rng, PEOPLE).name : null,
    pubDate: date.toUTCString().replace("GMT", "+0000"),
    category: kind === "automated" ? "Markets" : pick(rng, ["World", "Business", "Politics", "Region"]),
    kind,
    html,
    summary: escapeHtml(paragraphs[0]!.slice(0, 240)),
  };
}

/** The date the generated feeds are "fetched" at; stories are dated before it. */
export const BENCH_NOW = new Date("2024-03-12T06:00:00.000Z");

export function benchStories(seed: number, count: number, textBytes: number): BenchStory[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => story(rng, seed, i, textBytes, BENCH_NOW));
}

function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** An RSS 2.0 feed with content:encoded bodies, as a syndicating news site publishes. */
export function rssFeed(stories: readonly BenchStory[], title: string): string {
  const items = stories.map(
    (s) => `<item>
<title>${escapeHtml(s.title)}</title>
<link>${s.link}</link>
<guid isPermaLink="false">${s.guid}</guid>
<pubDate>${s.pubDate}</pubDate>${s.author ? `\n<dc:creator>${escapeHtml(s.author)}</dc:creator>` : ""}
<category>${s.category}</category>
<description>${s.summary}</description>
<content:encoded>${cdata(s.html)}</content:encoded>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeHtml(title)}</title>
<link>https://news.example/</link>
<description>Bench feed generated from a seed</description>
<ttl>15</ttl>
${items.join("\n")}
</channel>
</rss>
`;
}

/** The bench's named feeds. Every one is a pure function of its name. */
export const BENCH_SEED = 20240312;

export function benchFeed(name: string): string {
  const multi = /^multi-(\d+)$/.exec(name);
  if (multi) return rssFeed(benchStories(BENCH_SEED + 1000 + Number(multi[1]), 50, 3000), `Bench feed ${multi[1]}`);
  switch (name) {
    case "feed-1000x3k":
      return rssFeed(benchStories(BENCH_SEED, 1000, 3000), "Bench: 1,000 stories of 3 KB");
    case "feed-1000x5k":
      return rssFeed(benchStories(BENCH_SEED + 1, 1000, 5000), "Bench: 1,000 stories of 5 KB");
    case "feed-10mb":
      // 1,000 items (the ingest cap) of ~9.5 KB text: just under the 10 MiB fetch and parse caps.
      return rssFeed(benchStories(BENCH_SEED + 2, 1000, 9300), "Bench: 10 MB");
    default:
      throw new Error(`bench: no feed named ${name}`);
  }
}
