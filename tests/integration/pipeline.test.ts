/**
 * The whole path, cron → queue → fetch → parse → normalize → annotate → D1, through the Worker's own
 * scheduled and queue handlers, against feeds served by a real local HTTP server.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Feed, Story } from "../../src/model";
import { adminJson, api, feedUrl, makeAllDue, putMutable, registerFeed, runCron, storyCount } from "./helpers";

async function stories(query = ""): Promise<Story[]> {
  const res = await api(`/v1/stories?limit=200${query}`);
  expect(res.status).toBe(200);
  return (await res.json<{ stories: Story[] }>()).stories;
}

async function feed(id: number): Promise<Feed> {
  return (await api(`/v1/feeds/${id}`)).json<Feed>();
}

describe("first ingest pass", () => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ids.rss = (await registerFeed("/fixtures/integration/world-rss.xml")).id;
    ids.atom = (await registerFeed("/fixtures/integration/newsroom-atom.xml")).id;
    ids.rdf = (await registerFeed("/fixtures/integration/wire-rdf.xml")).id;
    ids.seed = (await registerFeed("/fixtures/feeds/seed.xml")).id;
    ids.broken = (await registerFeed("/status/500")).id;
    ids.missing = (await registerFeed("/fixtures/integration/does-not-exist.xml")).id;
    await runCron();
  });

  it("stores every item of RSS 2.0, Atom 1.0 and RSS 1.0/RDF feeds", async () => {
    expect((await feed(ids.rss!)).story_count).toBe(3);
    expect((await feed(ids.atom!)).story_count).toBe(2);
    expect((await feed(ids.rdf!)).story_count).toBe(1);
    expect((await feed(ids.seed!)).story_count).toBeGreaterThanOrEqual(1);
  });

  it("records a failing feed's error and still ingests the others", async () => {
    const broken = await feed(ids.broken!);
    expect(broken.status).toBe("error");
    expect(broken.error_count).toBe(1);
    expect(broken.last_error).toMatch(/500/);
    expect(broken.last_fetched_at).not.toBeNull();
    expect(Date.parse(broken.next_fetch_at!)).toBeGreaterThan(Date.now());
    expect((await feed(ids.missing!)).last_error).toMatch(/404/);
    const ok = await feed(ids.rss!);
    expect(ok).toMatchObject({ status: "ok", error_count: 0, last_error: null, title: "Harbour Gazette — World" });
    expect(ok.site_url).toBe("https://harbour-gazette.example/world");
  });

  it("summarises the pass in an ingest run", async () => {
    const run = await env.DB.prepare("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1").first<Record<string, number | string>>();
    expect(run).toMatchObject({ feeds_total: 6, feeds_done: 6, feeds_ok: 4, feeds_failed: 2 });
    expect(run?.stories_new).toBe(await storyCount());
  });

  it("annotates the seed story: flags with evidence, cleaned body, canonical entities", async () => {
    const [seed] = await stories(`&feed=${ids.seed}&q=Blinken`);
    expect(seed).toBeDefined();
    const s = seed!;
    expect(s.title).toBe("Blinken hopes for progress on Haiti in talks with Caribbean leaders");
    expect(s.published_at).toBe("2024-03-11T20:29:00.000Z");
    expect(s.flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true, ai_generated: false });
    for (const flag of ["auto_generated", "unedited", "syndicated"]) {
      const ev = s.flags.evidence.find((e) => e.flag === flag);
      expect(ev?.text).toMatch(/not been edited by Devdiscourse staff/);
      expect(ev?.rule).toBeTruthy();
    }
    expect(s.content_text).not.toMatch(/Devdiscourse|syndicated feed/);
    expect(s.content_text).not.toMatch(/date 2024-03-12/);
    expect(s.content_text.startsWith("U.S. Secretary of State Antony Blinken")).toBe(true);
    expect(s.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Antony Blinken", type: "person" }),
        expect.objectContaining({ name: "Haiti", type: "place" }),
        expect.objectContaining({ name: "CARICOM", type: "organization" }),
      ]),
    );
    const mentions = s.entities.map((e) => e.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
  });

  it("attributes wire copy and keeps staff copy clean", async () => {
    const all = await stories(`&feed=${ids.rss}`);
    const kenya = all.find((s) => s.guid === "hg-world-1001")!;
    expect(kenya.flags.wire_services).toEqual(["Reuters"]);
    expect(kenya.flags.syndicated).toBe(true);
    const monsoon = all.find((s) => s.guid === "hg-world-1002")!;
    expect(monsoon.flags).toMatchObject({ syndicated: true, unedited: true, auto_generated: true });
    expect(monsoon.flags.wire_services).toContain("Press Trust of India");
    expect(monsoon.content_text).not.toMatch(/PTI ABC DEF|not been edited/);
    const lighthouse = all.find((s) => s.guid === "hg-local-2001")!;
    expect(lighthouse.flags).toMatchObject({ syndicated: false, unedited: false, auto_generated: false, ai_generated: false, wire_services: [] });
  });

  it("normalizes links, dates and HTML", async () => {
    const all = await stories(`&feed=${ids.rss}`);
    const kenya = all.find((s) => s.guid === "hg-world-1001")!;
    // A relative link resolves against xml:base, else the feed's own URL.
    expect(kenya.url).toBe(feedUrl("/world/kenya-parliament-deployment"));
    expect(kenya.title).toBe("Kenya's parliament approves police deployment plan");
    const lighthouse = all.find((s) => s.guid === "hg-local-2001")!;
    expect(lighthouse.author).toBe("Maria Lopes");
    expect(lighthouse.content_html).toContain("<p>");
    expect(lighthouse.content_html).not.toMatch(/<script|javascript:|onclick/i);
    const [atomStory] = await stories(`&feed=${ids.atom}&q=Frankfurt`);
    expect(atomStory?.title).toBe("Markets steady ahead of central bank decision");
    expect(atomStory?.published_at).toBe("2024-03-14T07:30:00.000Z");
    expect(atomStory?.categories).toEqual(["Markets"]);
    const [rdf] = await stories(`&feed=${ids.rdf}`);
    expect(rdf?.guid).toBe("https://plains-courier.example/a/1");
    expect(rdf?.categories).toEqual(["Agriculture"]);
    expect(rdf?.flags.syndicated).toBe(true);
  });

  it("flags software-written copy as ai_generated", async () => {
    const [nordhavn] = await stories(`&feed=${ids.atom}&q=Nordhavn`);
    expect(nordhavn?.flags.ai_generated).toBe(true);
  });
});

describe("the next passes", () => {
  it("adds nothing when the feeds answer 304 Not Modified", async () => {
    const before = await storyCount();
    const { feeds: earlier } = await (await api("/v1/feeds")).json<{ feeds: Feed[] }>();
    await makeAllDue();
    await runCron();
    expect(await storyCount()).toBe(before);
    const run = await env.DB.prepare("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1").first<Record<string, number>>();
    expect(run?.feeds_not_modified).toBe(4);
    expect(run?.stories_new).toBe(0);
    const { feeds } = await (await api("/v1/feeds")).json<{ feeds: Feed[] }>();
    for (const f of feeds.filter((x) => x.status === "ok")) {
      const previous = earlier.find((e) => e.id === f.id)!;
      expect(f.last_fetched_at! > previous.last_fetched_at!).toBe(true);
      expect(f.story_count).toBe(previous.story_count);
    }
  });

  it("updates a changed item in place and re-ingests an unchanged feed without duplicates", async () => {
    const item = (title: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Mutable</title><link>https://m.example/</link>
       <item><title>${title}</title><guid>m-1</guid><link>https://m.example/1</link><description>Body of the story about Lisbon.</description></item>
       </channel></rss>`;
    await putMutable("changing", item("First headline"));
    const f = await registerFeed("/mutable/changing");
    await runCron();
    const [first] = await stories(`&feed=${f.id}`);
    expect(first?.title).toBe("First headline");

    await putMutable("changing", item("Corrected headline"));
    await makeAllDue();
    await runCron();
    const after = await stories(`&feed=${f.id}`);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(first?.id);
    expect(after[0]?.title).toBe("Corrected headline");
    expect(after[0]?.fetched_at).toBe(first?.fetched_at);

    // Same bytes without validators: parsed again, but nothing is rewritten.
    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL").run();
    const count = await storyCount();
    await makeAllDue();
    await runCron();
    expect(await storyCount()).toBe(count);
    const run = await env.DB.prepare("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1").first<Record<string, number>>();
    expect(run?.stories_new).toBe(0);
    expect(run?.stories_updated).toBe(0);
  });

  it("does not fetch paused feeds", async () => {
    const f = await registerFeed("/mutable/paused-one");
    await putMutable("paused-one", "<rss version='2.0'><channel><title>P</title></channel></rss>");
    const res = await api(`/v1/feeds/${f.id}`, adminJson("PATCH", { paused: true }));
    expect(res.status).toBe(200);
    await makeAllDue();
    await runCron();
    expect((await feed(f.id)).last_fetched_at).toBeNull();
  });
});
