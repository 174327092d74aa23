import { describe, expect, inject, it } from "vitest";
import type { ParsedFeed, ParsedItem } from "../../src/model";
import { parseFeed } from "../../src/ingest/parse";
import { resolveBase } from "../../src/ingest/parse-node";

/** Fixture bytes exactly as served, through the local feed server (workerd has no file system). */
async function fixtureBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`${inject("feedServer")}/fixtures/${path}`);
  if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** An expected item: fields not listed are absent (null, false or []). */
function item(fields: Partial<ParsedItem>): ParsedItem {
  return {
    guid: null, link: null, title: null, titleIsHtml: false, author: null, published: null, updated: null,
    summary: null, content: null, categories: [], base: null, ...fields,
  };
}

interface FeedCase {
  file: string;
  contentType?: string;
  feed: Omit<ParsedFeed, "items">;
  items: ParsedItem[];
}

const cases: FeedCase[] = [
  {
    file: "feeds/rss2.xml",
    feed: { format: "rss", title: "Harbourview Gazette", siteUrl: "https://harbourview.example/", ttlMinutes: 30, warnings: [] },
    items: [
      item({
        guid: "hvg-2024-0311-ferry",
        link: "https://harbourview.example/news/ferry-timetable",
        title: "Ferry timetable changes from <em>Monday</em>",
        titleIsHtml: true,
        author: "Priya Lindqvist",
        published: "Mon, 11 Mar 2024 08:15:00 GMT",
        summary: "<p>The morning ferry will leave ten minutes earlier.</p>",
        content:
          "<p>The morning ferry will leave ten minutes earlier from Monday, the harbour authority said.</p>\n" +
          "<p>Evening sailings are <strong>unchanged</strong>.</p>",
        categories: ["Transport", "Harbour"],
      }),
      item({
        guid: "https://harbourview.example/news/library-hours",
        link: "https://harbourview.example/news/library-hours",
        title: "Library extends weekend opening hours",
        titleIsHtml: true,
        author: "desk@harbourview.example (News Desk)",
        published: "Sun, 10 Mar 2024 17:40:00 +0000",
        content: 'The central library will open on Sundays from April. <a href="/library">Opening times</a>',
      }),
      item({
        link: "https://harbourview.example/news/harbour-wall",
        title: "Harbour wall repairs finish early",
        titleIsHtml: true,
        content: "Contractors finished the repairs three weeks ahead of schedule.",
      }),
    ],
  },
  {
    file: "feeds/rss091-netscape.xml",
    feed: { format: "rss", title: "Old Mill Weekly", siteUrl: "http://oldmill.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({
        link: "http://oldmill.example/1999/footbridge.html",
        title: "Council approves the new footbridge",
        titleIsHtml: true,
        content: "The vote was seven to two. Work starts in the spring.",
      }),
      item({
        link: "http://oldmill.example/1999/cider.html",
        title: "Cider festival returns",
        titleIsHtml: true,
        content: "Twelve orchards will take part this year.",
      }),
    ],
  },
  {
    file: "feeds/rss092.xml",
    feed: { format: "rss", title: "Riverside Radio", siteUrl: "http://riverside-radio.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({ titleIsHtml: true, content: "Tonight's phone-in is about <b>bus routes</b>.", categories: ["Phone-in"] }),
    ],
  },
  {
    file: "feeds/rdf.xml",
    feed: { format: "rdf", title: "Field Notes", siteUrl: "https://fieldnotes.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({
        guid: "https://fieldnotes.example/2024/03/glacier",
        link: "https://fieldnotes.example/2024/03/glacier",
        title: "Glacier retreat measured from old postcards",
        titleIsHtml: true,
        author: "Tomasz Achterberg",
        published: "2024-03-09T14:30:00+01:00",
        content: "Researchers compared 1920s postcards with drone images.",
        categories: ["Climate", "Glaciers"],
      }),
      item({
        guid: "https://fieldnotes.example/2024/03/bees",
        link: "https://fieldnotes.example/2024/03/bees",
        title: "Urban bees prefer lime trees",
        titleIsHtml: true,
        author: "Amara Oduya, Lin Feng",
        published: "2024-03-08",
        summary: "Pollen samples from forty rooftop hives tell the story.",
        content: "<p>Pollen samples from forty rooftop hives tell the story.</p><p>Lime trees supplied half of it.</p>",
      }),
    ],
  },
  {
    file: "feeds/atom10.xml",
    feed: { format: "atom", title: "Newsroom Notes", siteUrl: "https://newsroom.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({
        guid: "tag:newsroom.example,2024:labels",
        link: "posts/labels",
        title: "How we label <em>wire</em> copy",
        titleIsHtml: true,
        author: "Noor Haddad",
        published: "2024-03-11T10:00:00+05:30",
        updated: "2024-03-12T08:00:00+05:30",
        summary: "<p>A short guide to our labels.</p>",
        content:
          '<p>Every story that comes from an agency carries its <a href="/glossary#wire">label</a>.</p>\n' +
          "        <p>Rates &amp; rules: <b>always</b> name the agency.<br/>No exceptions.</p>",
        categories: ["standards", "wire"],
        base: "https://newsroom.example/",
      }),
      item({
        guid: "tag:newsroom.example,2024:corrections",
        link: "corrections",
        title: "Corrections, <em>explained</em>",
        titleIsHtml: true,
        author: "Standards Desk",
        published: "2024-03-10T12:00:00Z",
        updated: "2024-03-10T12:00:00Z",
        content: "<p>We correct errors quickly.</p><p>Each correction is dated &amp; signed.</p>",
        base: "https://newsroom.example/archive/2024/",
      }),
      item({
        guid: "https://newsroom.example/posts/plain",
        title: "Plain & simple",
        author: "Standards Desk",
        published: "not a date at all",
        updated: "not a date at all",
        content: "<p>Only a summary here.</p>",
        base: "https://newsroom.example/",
      }),
    ],
  },
  {
    file: "feeds/atom03.xml",
    feed: { format: "atom", title: "Lamplight & Ink", siteUrl: "http://lamplight.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({
        guid: "tag:lamplight.example,2005:letterpress",
        link: "http://lamplight.example/2005/06/letterpress",
        title: "Notes on <i>letterpress</i>",
        titleIsHtml: true,
        author: "Rosa Varga",
        published: "2005-06-01T18:20:00+02:00",
        updated: "2005-06-02T09:00:00Z",
        content: "<p>The press weighs two tonnes. Café and type — nothing else.</p>",
        categories: ["Printing"],
      }),
      item({
        guid: "tag:lamplight.example,2005:inline",
        link: "http://lamplight.example/2005/05/inline",
        title: "Inline markup",
        author: "Rosa Varga",
        published: "2005-05-20T08:00:00Z",
        summary: "<p>Text &lt;not markup&gt;</p>",
        content: "<p>Set in <em>Caslon</em>.</p>",
      }),
    ],
  },
  {
    file: "feeds/jsonfeed-1.0.json",
    feed: { format: "json", title: "Tidewater Tech Log", siteUrl: "https://tidewater.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({
        guid: "2024-03-05-sensors",
        link: "https://tidewater.example/posts/sensors",
        title: "Cheap sensors & the tide gauge",
        author: "Kofi Mensah",
        published: "2024-03-05T07:00:00-05:00",
        summary: "Three sensors, one gauge.",
        content: "<p>We wired three sensors to the old gauge.</p>",
        categories: ["hardware", "tides"],
      }),
      item({
        guid: "42",
        link: "https://elsewhere.example/review",
        author: "Kofi Mensah",
        published: "2024-03-04T12:00:00Z",
        updated: "2024-03-04T12:00:00Z",
        content: "<p>A review we liked.</p><p>Read it &amp; weep &lt;really&gt;.<br>Second line.</p>",
        categories: ["links"],
      }),
    ],
  },
  {
    file: "feeds/jsonfeed-1.1.json",
    feed: { format: "json", title: "Quayside Notes", siteUrl: "https://quayside.example/", ttlMinutes: null, warnings: [] },
    items: [
      item({
        guid: "https://quayside.example/p/market",
        link: "https://quayside.example/p/market",
        title: "Fish market moves indoors",
        author: "Ines Carvalho, Tom Reilly",
        published: "2024-03-11T06:30:00+00:00",
        updated: "2024-03-11T09:00:00+00:00",
        content: "<p>The market opens in the old customs hall on Saturday.</p>",
      }),
      item({
        guid: "https://quayside.example/p/short",
        title: "Short note",
        author: "Quayside Staff",
        content: "Just a summary.",
      }),
    ],
  },
];

describe("parseFeed maps every format into ParsedFeed, raw values in the right fields", () => {
  it.each(cases)("$file", async ({ file, contentType, feed, items }) => {
    const parsed = await parseFeed(await fixtureBytes(file), contentType ?? null);
    expect({ ...parsed, items: undefined }).toEqual({ ...feed, items: undefined });
    expect(parsed.items).toEqual(items);
  });
});

describe("the seed feed carries the founding story as the first item", () => {
  it("keeps title, link, guid, date, author, categories and the full body in both fields", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/seed.xml"), "application/rss+xml; charset=utf-8");
    expect(feed).toMatchObject({ format: "rss", siteUrl: "https://devdiscourse.example/", ttlMinutes: 15 });
    expect(feed.items).toHaveLength(4);
    const [seed] = feed.items;
    expect(seed).toMatchObject({
      guid: "https://devdiscourse.example/article/headlines/2860342",
      link: "https://devdiscourse.example/article/headlines/2860342-blinken-hopes-for-progress-on-haiti-in-talks-with-caribbean-leaders",
      title: "Blinken hopes for progress on Haiti in talks with Caribbean leaders",
      titleIsHtml: true,
      author: "Devdiscourse News Desk",
      published: "Tue, 12 Mar 2024 01:59:00 +0530",
      updated: null,
      // description repeats content:encoded, so there is no separate summary
      summary: null,
      categories: ["World", "Caribbean"],
      base: null,
    });
    const story = (await (await fetch(`${inject("feedServer")}/fixtures/seed-story.txt`)).text())
      .split("\n\n")
      .map((paragraph) => paragraph.trim());
    expect(seed?.content).toBe(story.map((paragraph) => `<p>${paragraph}</p>`).join("\n"));
    expect(seed?.content).toMatch(/^<p>date 2024-03-12 U\.S\. Secretary of State Antony Blinken/);
    expect(seed?.content).toMatch(/<p>\(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed\.\)<\/p>$/);
  });

  it("has a staff story without disclaimer and a Reuters-datelined story beside it", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/seed.xml"), null);
    const staff = feed.items.find((i) => i.author === "Ananya Rao");
    const wire = feed.items.find((i) => i.author === "Reuters");
    expect(staff?.content).not.toMatch(/syndicated|Reuters|PTI/);
    expect(wire?.content).toMatch(/^<p>SINGAPORE, March 11 \(Reuters\) - /);
  });
});

describe("the demo feeds parse whole, every item with its identity, date, author and body", () => {
  it.each([
    { file: "feeds/demo-deccan-ledger.xml", format: "rss", title: "Deccan Ledger | Latest News", first: "IMD forecasts hotter-than-usual March to May for most of north India", authors: ["PTI", "ANI", "Kavya Srinivasan", "Deccan Ledger Web Desk", "Rahul Menon"] },
    { file: "feeds/demo-meridian-world.xml", format: "rss", title: "Meridian World Report: Top Stories", first: "EU finance ministers seek common ground on defence spending rules", authors: ["newsdesk@meridianworld.example (Reuters)", "newsdesk@meridianworld.example (Associated Press)", "elena.marsh@meridianworld.example (Elena Marsh)"] },
    { file: "feeds/demo-chronicle-newsroom.xml", format: "atom", title: "Harbour City Chronicle: Newsroom", first: "Council passes budget with <em>last-minute</em> cut to parking fees", authors: ["Isla Fenwick", "Daniel Okoro", "Priti Sharma", "Tomás Reyes", "Standards Editor", "Ruth Adeyemi"] },
  ])("$file", async ({ file, format, title, first, authors }) => {
    const feed = await parseFeed(await fixtureBytes(file), null);
    expect(feed).toMatchObject({ format, title });
    expect(feed.items).toHaveLength(8);
    expect(feed.items[0]?.title).toBe(first);
    expect(new Set(feed.items.map((i) => i.author))).toEqual(new Set(authors));
    for (const story of feed.items) {
      expect(story.guid).toBeTruthy();
      expect(story.link).toBeTruthy();
      expect(story.published).toMatch(/2024/);
      expect(story.content).toMatch(/^<p>[\s\S]*<\/p>$/);
      expect(story.categories.length).toBeGreaterThan(0);
    }
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(8);
  });

  it("resolves the newsroom's relative links against its xml:base and keeps its inline XHTML as HTML", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/demo-chronicle-newsroom.xml"), null);
    const tram = feed.items[1];
    expect(tram).toMatchObject({ link: "/2024/03/11/tram-line-consultation", base: "https://chronicle.example/", titleIsHtml: false });
    expect(tram?.content).toMatch(/^<p>The transport authority has published three possible routes/);
    expect(tram?.content).not.toMatch(/xmlns|<div/);
  });
});

describe("resolveBase combines xml:base hierarchically (XML Base)", () => {
  it.each<[reference: string | null, outer: string | null, combined: string | null]>([
    [null, null, null],
    [null, "archive/", "archive/"],
    ["archive/", null, "archive/"],
    ["https://mirror.example/a/", "https://desk.example/b/", "https://mirror.example/a/"],
    ["climate/", "https://desk.example/science/", "https://desk.example/science/climate/"],
    ["2024/", "archive/", "archive/2024/"],
  ])("%s under %s is %s", (reference, outer, combined) => {
    expect(resolveBase(reference, outer)).toBe(combined);
  });

  // The outermost base is relative to the document URL: combining first must give what resolving step by step gives.
  const documents = ["https://feeds.example/news/world/feed.xml", "https://feeds.example/feed.xml?page=2", "https://feeds.example/"];
  const pairs: [reference: string, outer: string][] = [
    ["2024/", "archive/"], ["x.html", "a/b"], ["x.html", "a"], ["../x/", "a/b/"], ["../../../x", "a/"], ["x", ".."], ["x", "."],
    ["x", "../"], ["/root/", "a/"], ["/x", "//cdn.example/p/"], ["x", "//cdn.example"], ["//cdn.example/y", "a/"],
    ["?q=1", "a/b?z=2#f"], ["#top", "a/b?z=2"], ["x", "a/b?z=2#f"], ["x", "/abs/dir/"],
  ];
  it.each(documents.flatMap((doc) => pairs.map(([reference, outer]) => ({ doc, reference, outer }))))(
    "$reference under $outer, both relative to $doc, resolves as step by step",
    ({ doc, reference, outer }) => {
      const stepwise = new URL(reference, new URL(outer, doc)).href;
      expect(new URL(resolveBase(reference, outer)!, doc).href).toBe(stepwise);
    },
  );
});

describe("parseFeed reads Atom bound to a prefix as Atom", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("drops the prefix from element names but not from CDATA or comments", async () => {
    const xml =
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Desk</a:title><!-- <a:entry> -->' +
      '<a:entry><a:id>1</a:id><a:title type="html"><![CDATA[Write <a:link> as <b>link</b>]]></a:title></a:entry></a:feed>';
    const feed = await parseFeed(encode(xml), null);
    expect(feed.format).toBe("atom");
    expect(feed.items).toEqual([expect.objectContaining({ guid: "1", title: "Write <a:link> as <b>link</b>", titleIsHtml: true })]);
  });

  it("strips a second prefix bound to Atom inside a default-namespace feed", async () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://www.w3.org/2005/Atom">' +
      '<entry><id>2</id><at:link href="https://desk.example/2"/></entry></feed>';
    expect((await parseFeed(encode(xml), null)).items[0]?.link).toBe("https://desk.example/2");
  });

  it("leaves the atom: extensions of an RSS feed under their prefixed names", async () => {
    const xml =
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>' +
      '<atom:link rel="self" href="https://t.example/feed"/><link>https://t.example/</link>' +
      "<item><guid>3</guid><atom:updated>2024-03-12T09:00:00Z</atom:updated></item></channel></rss>";
    const feed = await parseFeed(encode(xml), null);
    expect(feed.siteUrl).toBe("https://t.example/");
    expect(feed.items[0]?.updated).toBe("2024-03-12T09:00:00Z");
  });
});
