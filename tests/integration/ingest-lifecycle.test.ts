/**
 * A feed's life over many passes: errors back off and recover by themselves, Retry-After is honoured,
 * a persistent permanent redirect moves the stored URL, queue redelivery and overlapping passes never
 * duplicate a story, one host is never hammered, and OPML lists go in and out.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consumeBatch, type FeedMessage, ingestFeed, startIngest } from "../../src/ingest/run";
import worker from "../../src/index";
import type { Feed } from "../../src/model";
import { ADMIN, api, feedUrl, makeAllDue, putMutable, registerFeed, runCron, storyCount } from "./helpers";

type FeedDetail = Feed & { recent_errors: { at: string; status: number | null; message: string }[] };

async function feed(id: number): Promise<FeedDetail> {
  return (await api(`/v1/feeds/${id}`)).json<FeedDetail>();
}

const minutesUntil = (iso: string | null) => (Date.parse(iso!) - Date.now()) / 60_000;

const rss = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Lifecycle</title><link>https://life.example/</link>${items
    .map((guid) => `<item><title>Story ${guid}</title><guid>${guid}</guid><description>Body of ${guid} from Lagos.</description></item>`)
    .join("")}</channel></rss>`;

describe("errors back off and recover", () => {
  it("backs off exponentially while a feed is away, and recovers when it comes back", async () => {
    // The feed server is shared by every test file of the run (alerts-delivery once stored a "flaky" body that
    // answered this feed's first fetch), so the name is unique: the feed must really be away at first.
    const name = `flaky-${crypto.randomUUID()}`;
    const f = await registerFeed(`/mutable/${name}`);
    await runCron();
    let state = await feed(f.id);
    expect(state).toMatchObject({ status: "error", error_count: 1 });
    expect(state.last_error).toMatch(/404/);
    const firstDelay = minutesUntil(state.next_fetch_at);

    await makeAllDue();
    await runCron();
    state = await feed(f.id);
    expect(state.error_count).toBe(2);
    expect(minutesUntil(state.next_fetch_at)).toBeGreaterThan(firstDelay * 1.5);
    expect(state.recent_errors).toHaveLength(2);

    await putMutable(name, rss(["a", "b"]));
    await makeAllDue();
    await runCron();
    state = await feed(f.id);
    expect(state).toMatchObject({ status: "ok", error_count: 0, last_error: null, story_count: 2 });
    expect(minutesUntil(state.next_fetch_at)).toBeGreaterThanOrEqual(4.9);
    // The history stays for diagnosis after recovery.
    expect(state.recent_errors.length).toBe(2);
  });

  it("never waits less than Retry-After on 429", async () => {
    const f = await registerFeed("/status/429?retry-after=7200");
    await runCron();
    const state = await feed(f.id);
    expect(state.status).toBe("error");
    expect(state.last_error).toMatch(/429/);
    expect(minutesUntil(state.next_fetch_at)).toBeGreaterThanOrEqual(119);
    await env.DB.prepare("UPDATE feeds SET paused = 1 WHERE id = ?1").bind(f.id).run();
  });
});

describe("moved feeds", () => {
  it("follows a permanent redirect at once, and moves the stored URL only after it persists", async () => {
    const target = feedUrl("/fixtures/integration/wire-rdf.xml");
    const f = await registerFeed(`/respond/301?location=${encodeURIComponent(target)}`);
    await runCron();
    expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 1 });
    expect((await feed(f.id)).url).not.toBe(target);
    await makeAllDue();
    await runCron();
    expect((await feed(f.id)).url).not.toBe(target);
    await makeAllDue();
    await runCron();
    const moved = await feed(f.id);
    expect(moved.url).toBe(target);
    expect(moved.story_count).toBe(1);
    await env.DB.prepare("UPDATE feeds SET paused = 1 WHERE id = ?1").bind(f.id).run();
  });
});

describe("no duplicates under redelivery or overlap", () => {
  it("ingests a redelivered message idempotently", async () => {
    await putMutable("redelivered", rss(["r1", "r2", "r3"]));
    const f = await registerFeed("/mutable/redelivered");
    const run = await startIngest(env, { trigger: "test", feedId: f.id, force: true });
    const message: FeedMessage = { feedId: f.id, runId: run.id, host: new URL(f.url).host };
    for (let attempt = 1; attempt <= 2; attempt++) {
      await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(f.id).run();
      const batch = createMessageBatch<FeedMessage>("wirewatch-ingest", [
        { id: `m-${attempt}`, timestamp: new Date(), attempts: attempt, body: message },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks).toEqual([`m-${attempt}`]);
      expect(result.retryMessages).toEqual([]);
    }
    expect((await feed(f.id)).story_count).toBe(3);
  });

  it("does not enqueue a feed twice when passes overlap", async () => {
    await makeAllDue();
    const first = await startIngest(env, { trigger: "cron" });
    const second = await startIngest(env, { trigger: "cron" });
    expect(first.feeds_total).toBeGreaterThan(0);
    expect(second.feeds_total).toBe(0);
  });

  it("keeps counts consistent when two ingests of one feed run at once", async () => {
    await putMutable("concurrent", rss(["c1", "c2", "c3", "c4"]));
    const f = await registerFeed("/mutable/concurrent");
    const run = await startIngest(env, { trigger: "test", feedId: f.id, force: true });
    const msg = { feedId: f.id, runId: run.id, host: "x" };
    const before = await storyCount();
    await Promise.all([ingestFeed(env, msg), ingestFeed(env, msg)]);
    expect(await storyCount()).toBe(before + 4);
    const links = await env.DB.prepare(
      "SELECT count(*) AS n FROM story_entities se JOIN stories s ON s.id = se.story_id WHERE s.feed_id = ?1",
    )
      .bind(f.id)
      .first<{ n: number }>();
    expect(links?.n).toBe(4); // each story mentions Lagos once
  });
});

describe("politeness", () => {
  it("fetches at most two feeds of one host at a time", async () => {
    let inFlight = 0;
    let peak = 0;
    const slowFetch: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const ids = [];
    for (const name of ["p1", "p2", "p3", "p4", "p5", "p6"]) {
      await putMutable(name, rss([name]));
      ids.push((await registerFeed(`/mutable/${name}`)).id);
    }
    const run = await startIngest(env, { trigger: "test", force: true, feedId: ids[0] });
    const batch = createMessageBatch<FeedMessage>(
      "wirewatch-ingest",
      ids.map((feedId, i) => ({ id: `p${i}`, timestamp: new Date(), attempts: 1, body: { feedId, runId: run.id, host: "127.0.0.1" } })),
    );
    await consumeBatch(batch, env, { fetch: slowFetch, now: () => new Date() });
    expect(peak).toBe(2);
    for (const id of ids) expect((await feed(id)).status).toBe("ok");
  });

  it("identifies itself with an honest User-Agent", async () => {
    const f = await registerFeed("/mutable/ua-check");
    await putMutable("ua-check", rss(["u1"]));
    let seen: string | null = null;
    const spy: typeof fetch = async (input, init) => {
      seen = new Headers(init?.headers).get("user-agent");
      return fetch(input, init);
    };
    const run = await startIngest(env, { trigger: "test", feedId: f.id, force: true });
    await ingestFeed(env, { feedId: f.id, runId: run.id, host: "x" }, { fetch: spy, now: () => new Date() });
    expect(seen).toMatch(/^wirewatch\/\S+ \(\+https?:\/\//);
  });
});

describe("OPML", () => {
  it("imports a subscription list, refusing unsafe URLs, and exports it again", async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="World"><outline text="Wire &amp; more" type="rss" xmlUrl="${feedUrl("/fixtures/integration/newsroom-atom.xml")}" htmlUrl="https://northern-ledger.example/"/></outline>
      <outline text="Bad" xmlUrl="file:///etc/passwd"/>
      <outline text="Again" xmlUrl="${feedUrl("/fixtures/integration/newsroom-atom.xml")}"/>
    </body></opml>`;
    const res = await api("/v1/feeds/import", { method: "POST", headers: { ...ADMIN, "content-type": "text/x-opml" }, body: opml });
    expect(res.status).toBe(200);
    const result = await res.json<{ added: string[]; already_registered: string[]; refused: { url: string; reason: string }[] }>();
    expect(result.added).toEqual([feedUrl("/fixtures/integration/newsroom-atom.xml")]);
    expect(result.refused).toEqual([{ url: "file:///etc/passwd", reason: expect.stringMatching(/scheme/) }]);

    const out = await api("/v1/feeds.opml");
    expect(out.headers.get("content-type")).toMatch(/opml/);
    const text = await out.text();
    expect(text).toContain(`xmlUrl="${feedUrl("/fixtures/integration/newsroom-atom.xml")}"`);
    expect(text, text).toContain('title="Wire &amp; more"');

    // Round trip: importing the export adds nothing and refuses nothing.
    const again = await api("/v1/feeds/import", { method: "POST", headers: ADMIN, body: text });
    const second = await again.json<{ added: string[]; already_registered: string[]; refused: unknown[] }>();
    expect(second.added).toEqual([]);
    expect(second.refused).toEqual([]);
    const { feeds } = await (await api("/v1/feeds")).json<{ feeds: Feed[] }>();
    expect(second.already_registered.sort()).toEqual(feeds.map((f) => f.url).sort());
  });

  it("refuses a document that is not OPML, or declares entities", async () => {
    for (const body of ["<rss/>", '<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>']) {
      const res = await api("/v1/feeds/import", { method: "POST", headers: ADMIN, body });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await api("/v1/feeds/import", { method: "POST", body: "<opml/>" })).status).toBe(401);
  });
});

describe("takedowns", () => {
  it("deletes a story and never resurrects it on the next fetch", async () => {
    await putMutable("takedown", rss(["keep", "remove"]));
    const f = await registerFeed("/mutable/takedown");
    await runCron();
    const { stories } = await (await api(`/v1/stories?feed=${f.id}`)).json<{ stories: { id: number; guid: string }[] }>();
    const victim = stories.find((s) => s.guid === "remove")!;
    expect((await api(`/v1/stories/${victim.id}`, { method: "DELETE" })).status).toBe(401);
    expect((await api(`/v1/stories/${victim.id}`, { method: "DELETE", headers: ADMIN })).status).toBe(204);
    expect((await api(`/v1/stories/${victim.id}`)).status).toBe(404);
    expect((await api(`/v1/stories/${victim.id}`, { method: "DELETE", headers: ADMIN })).status).toBe(404);

    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(f.id).run();
    await makeAllDue();
    await runCron();
    const after = await (await api(`/v1/stories?feed=${f.id}`)).json<{ stories: { guid: string }[] }>();
    expect(after.stories.map((s) => s.guid)).toEqual(["keep"]);
    expect((await feed(f.id)).status).toBe("ok");
  });
});

describe("renewed guids", () => {
  const item = (guid: string, n: number) =>
    `<item><title>Story ${n}</title><link>https://renew.example/${n}</link><guid isPermaLink="false">${guid}</guid><description>Body of story ${n} from Accra.</description></item>`;
  const doc = (items: string[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Renew</title><link>https://renew.example/</link>${items.join("")}</channel></rss>`;
  type Listed = { id: number; guid: string; title: string };
  const listed = async (feedId: number) => (await (await api(`/v1/stories?feed=${feedId}`)).json<{ stories: Listed[] }>()).stories;
  const refetch = async (feedId: number) => {
    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(feedId).run();
    await makeAllDue();
    await runCron();
  };

  it("keeps one story when a feed renews the guid of an unchanged item, under the newest guid and the same id", async () => {
    await putMutable("renew", doc([item("s1-t1", 1), item("s2-t1", 2)]));
    const f = await registerFeed("/mutable/renew");
    await runCron();
    const before = await listed(f.id);
    expect(before.map((s) => s.guid).sort()).toEqual(["s1-t1", "s2-t1"]);

    await putMutable("renew", doc([item("s1-t2", 1), item("s2-t2", 2), item("s3-t2", 3)]));
    await refetch(f.id);
    const after = await listed(f.id);
    expect(after.map((s) => s.guid).sort()).toEqual(["s1-t2", "s2-t2", "s3-t2"]);
    const id = (list: Listed[], title: string) => list.find((s) => s.title === title)!.id;
    expect(id(after, "Story 1")).toBe(id(before, "Story 1"));
    expect(id(after, "Story 2")).toBe(id(before, "Story 2"));
    expect((await feed(f.id)).status).toBe("ok");
  });

  it("stores an item listed twice in one document, under two guids, once; and a story listed under both its old and new guid stays put", async () => {
    await putMutable("renew-twice", doc([item("a", 1), item("b", 1), item("c", 2)]));
    const f = await registerFeed("/mutable/renew-twice");
    await runCron();
    expect((await listed(f.id)).map((s) => s.guid).sort()).toEqual(["a", "c"]);

    await putMutable("renew-twice", doc([item("c-new", 2), item("c", 2), item("a", 1)]));
    await refetch(f.id);
    expect((await listed(f.id)).map((s) => s.guid).sort()).toEqual(["a", "c"]);
    await refetch(f.id);
    expect((await listed(f.id)).map((s) => s.guid).sort()).toEqual(["a", "c"]);
  });

  it("stores a new story when the guid and the content change together", async () => {
    await putMutable("renew-new", doc([item("x1", 1)]));
    const f = await registerFeed("/mutable/renew-new");
    await runCron();
    await putMutable("renew-new", doc([item("x2", 2)]));
    await refetch(f.id);
    expect((await listed(f.id)).map((s) => s.guid).sort()).toEqual(["x1", "x2"]);
  });

  it("keeps a story taken down deleted when its feed renews its guid", async () => {
    await putMutable("renew-takedown", doc([item("k-t1", 1), item("gone-t1", 2)]));
    const f = await registerFeed("/mutable/renew-takedown");
    await runCron();
    const victim = (await listed(f.id)).find((s) => s.guid === "gone-t1")!;
    expect((await api(`/v1/stories/${victim.id}`, { method: "DELETE", headers: ADMIN })).status).toBe(204);

    await putMutable("renew-takedown", doc([item("k-t2", 1), item("gone-t2", 2)]));
    await refetch(f.id);
    expect((await listed(f.id)).map((s) => s.guid)).toEqual(["k-t2"]);
  });
});

describe("warnings", () => {
  const whole = `<?xml version="1.0"?><rss version="2.0"><channel><title>Warn</title>
    <item><guid>w1</guid><title>One</title><description>First of two from Dakar.</description></item>
    <item><guid>w2</guid><title>Two</title><description>Second of two from Dakar.</description></item></channel></rss>`;
  const cut = whole.slice(0, whole.indexOf("<item><guid>w2") + 20);

  it("records on the feed what a cut-off document left out, keeps it over a 304, and clears it on a whole fetch", async () => {
    await putMutable("warn", cut);
    const f = await registerFeed("/mutable/warn");
    await runCron();
    let state = await feed(f.id);
    expect(state).toMatchObject({ status: "ok", story_count: 1, last_error: null });
    expect(state.last_warning).toBe("the document ends before </rss>: kept the 1 complete items");

    // Only this feed due: the pass is its conditional GET alone, answered 304.
    await env.DB.prepare("UPDATE feeds SET next_fetch_at = CASE WHEN id = ?1 THEN '2000-01-01T00:00:00.000Z' ELSE '2999-01-01T00:00:00.000Z' END").bind(f.id).run();
    await runCron();
    const run = await env.DB.prepare("SELECT feeds_total, feeds_not_modified FROM ingest_runs ORDER BY id DESC LIMIT 1").first();
    expect(run).toEqual({ feeds_total: 1, feeds_not_modified: 1 });
    state = await feed(f.id);
    expect(state.last_warning).toBe("the document ends before </rss>: kept the 1 complete items");

    await putMutable("warn", whole);
    await makeAllDue();
    await runCron();
    state = await feed(f.id);
    expect(state).toMatchObject({ status: "ok", story_count: 2, last_warning: null });
  });
});
