/**
 * Builds fixtures/clusters/set.json, the labelled set `npm run eval:clusters` scores, from the hand-written
 * stories beside it (base-*.json, independent.json, short.json). Every variant is made here by a named,
 * deterministic edit of a hand-written story, so the set says exactly how each copy differs from its source
 * (fixtures/clusters/README.md lists the edits). Run with `npx tsx scripts/make-cluster-set.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(import.meta.dirname, "..", "fixtures", "clusters");

interface Written {
  id: string;
  event?: string;
  of?: string;
  wire: string;
  dateline: string;
  headline: string;
  alt_headline?: string;
  alt_lede?: string;
  paragraphs: string[];
}

export interface LabelledStory {
  id: string;
  /** Stories with the same group are copies of one story; every other pair is not. */
  group: string;
  /** How this story was made from the written source. */
  variant: string;
  outlet: string;
  feed: string;
  title: string;
  text: string;
  published_at: string;
}

const WIRE_OUTLETS: Record<string, string> = {
  Reuters: "reuters.com",
  "Associated Press": "apnews.com",
  "Press Trust of India": "ptinews.com",
  AFP: "afp.com",
  Kyodo: "kyodonews.net",
};
const SHORT_CREDIT: Record<string, string> = {
  Reuters: "Reuters",
  "Associated Press": "AP",
  "Press Trust of India": "PTI",
  AFP: "AFP",
  Kyodo: "Kyodo",
};
/** Outlets that republish; two are subdomains of one registrable domain, a trap for same-outlet detection. */
const COPY_OUTLETS = [
  "www.devdiscourse.com", "economictimes.indiatimes.com", "timesofindia.indiatimes.com", "www.thehindu.com",
  "www.business-standard.com", "www.usnews.com", "www.theguardian.com", "www.straitstimes.com", "www.dawn.com",
  "www.news18.com", "www.firstpost.com", "www.marketscreener.com", "www.theprint.in", "www.yahoo.com",
];
const ALSO_READ = "Also read: {title}";
const ADDED = [
  "Stay with us for more updates on this developing story, and find the day's other top headlines on our home page.",
  "Our correspondents are following the story and will bring you reactions from officials and residents as they come in through the day.",
  "This is a developing story. Check back for the latest reports, analysis and pictures from our news desk.",
];

const load = (name: string): Written[] => JSON.parse(readFileSync(join(DIR, name), "utf8")) as Written[];

/** A small deterministic generator (mulberry32) so the set is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withDateline(s: Written, paragraphs: string[]): string[] {
  const [first, ...rest] = paragraphs;
  return [`${s.dateline} (${SHORT_CREDIT[s.wire] ?? s.wire}) - ${first}`, ...rest];
}

export function buildSet(): LabelledStory[] {
  const rnd = random(14);
  const bases = [...load("base-1.json"), ...load("base-2.json"), ...load("base-3.json")];
  const independents = load("independent.json");
  const shorts = load("short.json");
  const out: LabelledStory[] = [];
  let outletTurn = 0;
  const nextOutlet = () => COPY_OUTLETS[outletTurn++ % COPY_OUTLETS.length]!;
  const day = Date.parse("2024-07-04T00:00:00Z");
  const push = (s: Omit<LabelledStory, "feed" | "published_at">, at: number) =>
    out.push({ ...s, feed: `https://${s.outlet}/feed`, published_at: new Date(at).toISOString() });

  bases.forEach((b, i) => {
    const at = day + Math.floor(rnd() * 20) * 3_600_000;
    const later = () => at + Math.floor(5 + rnd() * 600) * 60_000;
    const other = bases[(i + 7) % bases.length]!;
    const wired = withDateline(b, b.paragraphs);
    push({ id: `${b.id}/original`, group: b.id, variant: "original (wire's own feed, dateline kept)", outlet: WIRE_OUTLETS[b.wire]!, title: b.headline, text: wired.join("\n\n") }, at);
    const alsoRead = [...wired.slice(0, 2), ALSO_READ.replace("{title}", other.headline), ...wired.slice(2)];
    push({ id: `${b.id}/also-read`, group: b.id, variant: "verbatim, an 'Also read' link inserted after paragraph 2", outlet: nextOutlet(), title: b.headline, text: alsoRead.join("\n\n") }, later());
    push({ id: `${b.id}/no-dateline`, group: b.id, variant: "verbatim, dateline and agency credit dropped", outlet: nextOutlet(), title: b.headline, text: b.paragraphs.join("\n\n") }, later());
    const keep = Math.max(3, b.paragraphs.length - 2);
    push({ id: `${b.id}/trimmed`, group: b.id, variant: `last ${b.paragraphs.length - keep} paragraphs cut`, outlet: nextOutlet(), title: b.headline, text: withDateline(b, b.paragraphs.slice(0, keep)).join("\n\n") }, later());
    push({ id: `${b.id}/added`, group: b.id, variant: "verbatim plus an outlet's own closing paragraph", outlet: nextOutlet(), title: b.headline, text: [...wired, ADDED[i % ADDED.length]!].join("\n\n") }, later());
    push({ id: `${b.id}/new-lede`, group: b.id, variant: "headline and first paragraph rewritten, dateline dropped", outlet: nextOutlet(), title: b.alt_headline!, text: [b.alt_lede!, ...b.paragraphs.slice(1)].join("\n\n") }, later());
    if (i % 3 === 0) {
      push({ id: `${b.id}/new-lede-trimmed`, group: b.id, variant: "first paragraph rewritten and last paragraph cut", outlet: nextOutlet(), title: b.alt_headline!, text: [b.alt_lede!, ...b.paragraphs.slice(1, -1)].join("\n\n") }, later());
    }
  });

  for (const s of independents) {
    const at = day + Math.floor(rnd() * 20) * 3_600_000;
    push({ id: `${s.id}/original`, group: s.id, variant: `written independently by ${s.wire} on the event of ${s.of}`, outlet: WIRE_OUTLETS[s.wire]!, title: s.headline, text: withDateline(s, s.paragraphs).join("\n\n") }, at);
    push({ id: `${s.id}/no-dateline`, group: s.id, variant: "verbatim, dateline dropped", outlet: nextOutlet(), title: s.headline, text: s.paragraphs.join("\n\n") }, at + 3_600_000);
  }

  for (const s of shorts) {
    const at = day + Math.floor(rnd() * 20) * 3_600_000;
    push({ id: `${s.id}/original`, group: s.id, variant: "short item, wire's own feed", outlet: WIRE_OUTLETS[s.wire]!, title: s.headline, text: withDateline(s, s.paragraphs).join("\n\n") }, at);
    push({ id: `${s.id}/no-dateline`, group: s.id, variant: "short item, dateline dropped", outlet: nextOutlet(), title: s.headline, text: s.paragraphs.join("\n\n") }, at + 1_800_000);
    push({ id: `${s.id}/also-read`, group: s.id, variant: "short item, an 'Also read' link appended", outlet: nextOutlet(), title: s.headline, text: [...withDateline(s, s.paragraphs), ALSO_READ.replace("{title}", bases[0]!.headline)].join("\n\n") }, at + 2_700_000);
  }

  // Round-ups quote the lead of several stories and whole short items: each is a story of its own.
  for (let r = 0; r < 4; r++) {
    const picked = [0, 1, 2, 3].map((k) => bases[(r * 5 + k * 3) % bases.length]!);
    const paragraphs = [
      `Here are the top stories of the day from our news desk.`,
      ...picked.flatMap((b) => [b.headline, b.paragraphs[0]!]),
      shorts[r]!.headline,
      shorts[r]!.paragraphs[0]!,
    ];
    push({ id: `roundup-${r + 1}`, group: `roundup-${r + 1}`, variant: "daily round-up: four stories' leads and one whole short item", outlet: COPY_OUTLETS[r]!, title: `Top stories of the day, edition ${r + 1}`, text: paragraphs.join("\n\n") }, day + 22 * 3_600_000);
  }
  return out;
}

if (process.argv[1]?.endsWith("make-cluster-set.ts")) {
  const set = buildSet();
  writeFileSync(join(DIR, "set.json"), `${JSON.stringify(set, null, 1)}\n`);
  console.log(`fixtures/clusters/set.json: ${set.length} stories in ${new Set(set.map((s) => s.group)).size} groups`);
}
