/**
 * Feeds out: a stories query as RSS 2.0, Atom 1.0 and JSON Feed 1.1, read back with the project's own feed
 * parser. Same parameters and filter as the JSON list, spec-required elements present, hostile text escaped,
 * the next page linked, and the paths never mistaken for a story id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/parse";
import type { Story } from "../../src/model";
import { api } from "./helpers";
import { CORPUS, seed } from "./query-seed";

const FORMATS = [
  ["rss", "application/rss+xml", "rss"],
  ["atom", "application/atom+xml", "atom"],
  ["json", "application/feed+json", "json"],
] as const;

async function list(query: string): Promise<{ stories: Story[]; next_cursor: string | null }> {
  return (await api(`/v1/stories?${query}`)).json();
}

async function feedOut(ext: string, query: string): Promise<{ res: Response; body: string }> {
  const res = await api(`/v1/stories.${ext}?${query}`);
  expect(res.status, `${ext}?${query}`).toBe(200);
  return { res, body: await res.text() };
}

beforeAll(async () => {
  await seed(CORPUS);
});

describe.each(FORMATS)("GET /v1/stories.%s", (ext, contentType, format) => {
  it("round-trips the same stories as the JSON list through the project's feed parser", async () => {
    const query = "entity=Haiti&no_flag=syndicated";
    const expected = (await list(query)).stories;
    expect(expected.map((s) => s.guid)).toEqual(["convoy", "blinken-visit"]);
    const { res, body } = await feedOut(ext, query);
    expect(res.headers.get("content-type")).toContain(contentType);
    const parsed = await parseFeed(new TextEncoder().encode(body), res.headers.get("content-type"));
    expect(parsed.format).toBe(format);
    expect(parsed.title).toBe("wirewatch: entity=Haiti, no_flag=syndicated");
    expect(parsed.items.map((i) => i.guid)).toEqual(expected.map((s) => `tag:wirewatch.test,2024:story:${s.id}`));
    expect(parsed.items.map((i) => i.link)).toEqual(expected.map((s) => s.url));
    expect(parsed.items.map((i) => i.title)).toEqual(expected.map((s) => s.title));
    expect(parsed.items.map((i) => Date.parse(i.published!))).toEqual(expected.map((s) => Date.parse(s.published_at!)));
    for (const [i, s] of expected.entries()) {
      expect(parsed.items[i]!.content).toContain("Port-au-Prince");
      expect(parsed.items[i]!.categories).toEqual(expect.arrayContaining(s.entities.map((e) => e.name)));
    }
  });

  it("carries hostile text intact: markup, ampersands, CDATA ends, emoji (XML drops the control characters it cannot hold)", async () => {
    const { res, body } = await feedOut(ext, "since=2024-03-10&until=2024-03-11");
    const parsed = await parseFeed(new TextEncoder().encode(body), res.headers.get("content-type"));
    expect(parsed.items).toHaveLength(1);
    const [story] = (await list("since=2024-03-10&until=2024-03-11")).stories;
    const xml = format !== "json";
    expect(parsed.items[0]!.title).toBe(xml ? story!.title.replace(/[\u0000-\u001F]/g, "") : story!.title);
    expect(parsed.items[0]!.categories).toContain("Arts & Culture");
    if (xml) {
      expect(body).not.toContain("<b>");
      expect(body).not.toContain("<script>");
      expect(body).not.toMatch(/[\u0001\u0007]/);
    }
  });

  it("passes the filter parameters through the same validation as the JSON list", async () => {
    const res = await api(`/v1/stories.${ext}?flag=bogus`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.text()).toMatch(/flag/);
  });

  it("links the next page, which continues where the first stopped", async () => {
    const all = (await list("limit=200")).stories.map((s) => `tag:wirewatch.test,2024:story:${s.id}`);
    const first = await feedOut(ext, "limit=3");
    const next = nextLink(ext, first.body);
    expect(next).toMatch(/^http:\/\/wirewatch\.test\/v1\/stories\./);
    expect(new URL(next!).searchParams.get("limit")).toBe("3");
    const second = await api(new URL(next!).pathname + new URL(next!).search);
    const parsed = [first.body, await second.text()].map((b) => parseFeed(new TextEncoder().encode(b), contentType));
    const ids = (await Promise.all(parsed)).flatMap((p) => p.items.map((i) => i.guid));
    expect(ids).toEqual(all.slice(0, 6));
    const last = await feedOut(ext, "limit=200");
    expect(nextLink(ext, last.body)).toBeNull();
  });
});

/** The next-page link of each format: Atom and RSS link rel="next", JSON Feed next_url. */
function nextLink(ext: string, body: string): string | null {
  if (ext === "json") return (JSON.parse(body) as { next_url?: string }).next_url ?? null;
  const link = /<(?:atom:)?link[^>]*rel="next"[^>]*>/.exec(body)?.[0];
  return link ? /href="([^"]+)"/.exec(link)![1]!.replaceAll("&amp;", "&") : null;
}

describe("feed documents per spec", () => {
  it("RSS 2.0: channel title/link/description, atom:link rel=self, guid isPermaLink=false, RFC 822 pubDate", async () => {
    const { body } = await feedOut("rss", "feed=1");
    expect(body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);
    for (const el of ["<title>", "<link>", "<description>"]) expect(body).toContain(el);
    expect(body).toContain('<atom:link href="http://wirewatch.test/v1/stories.rss?feed=1" rel="self" type="application/rss+xml"/>');
    expect(body).toMatch(/<guid isPermaLink="false">tag:wirewatch\.test,2024:story:\d+<\/guid>/);
    const dates = [...body.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it("RSS 2.0: lastBuildDate is the newest item's change, so an unchanged query revalidates with 304", async () => {
    const { res, body } = await feedOut("rss", "feed=1");
    const built = /<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(body)?.[1];
    const pubDates = [...body.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
    expect(Date.parse(built!)).toBeGreaterThanOrEqual(Math.max(...pubDates));
    expect(Date.parse(built!)).toBeLessThan(Date.now() - 86_400_000);
    const again = await api("/v1/stories.rss?feed=1", { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("Atom 1.0: feed id, title, updated, author, self link; each entry id, title, updated, link", async () => {
    const { body } = await feedOut("atom", "feed=1");
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(body).toMatch(/<feed[^>]*><id>http:\/\/wirewatch\.test\/v1\/stories\.atom\?feed=1<\/id><title type="text">[^<]+<\/title><updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated><author><name>wirewatch<\/name><\/author>/);
    expect(body).toContain('<link rel="self" type="application/atom+xml" href="http://wirewatch.test/v1/stories.atom?feed=1"/>');
    const entries = body.split("<entry>").slice(1);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toMatch(/^<id>tag:[^<]+<\/id><title type="text">[^<]*<\/title><updated>[^<]+<\/updated>/);
  });

  it("JSON Feed 1.1: version URL, feed_url, items with id, url, title, content_html, content_text, date_published, tags", async () => {
    const { body } = await feedOut("json", "entity=Haiti");
    const feed = JSON.parse(body) as { version: string; feed_url: string; items: Record<string, unknown>[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("http://wirewatch.test/v1/stories.json?entity=Haiti");
    expect(feed.items.length).toBe(3);
    for (const item of feed.items) {
      expect(item).toMatchObject({
        id: expect.stringMatching(/^tag:/), url: expect.stringMatching(/^https:/), title: expect.any(String),
        content_html: expect.stringMatching(/^<p>/), content_text: expect.any(String),
        date_published: expect.stringMatching(/Z$/), tags: expect.arrayContaining(["Haiti"]),
      });
    }
  });

  it("answers /v1/stories.rss with a feed, not as a story id, and a non-numeric id with 400", async () => {
    for (const ext of ["rss", "atom", "json"]) expect((await api(`/v1/stories.${ext}`)).status).toBe(200);
    expect((await api("/v1/stories/rss")).status).toBe(400);
    expect((await api("/v1/stories/12abc")).status).toBe(400);
    expect((await api("/v1/stories.xml")).status).toBe(404);
  });
});
