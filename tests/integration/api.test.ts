/** The HTTP API of CONTRACT.md, called through the Worker's own fetch handler. */
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Feed } from "../../src/model";
import { ADMIN, adminJson, api, feedUrl, type Page, page, registerFeed, runCron } from "./helpers";


async function expectProblem(res: Response, status: number, mentions?: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = await res.json<{ type: string; title: string; status: number; detail: string; errors?: unknown[] }>();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  if (mentions) expect(JSON.stringify(body)).toMatch(mentions);
}

const feedIds: number[] = [];

beforeAll(async () => {
  for (const path of [
    "/fixtures/integration/world-rss.xml",
    "/fixtures/integration/newsroom-atom.xml",
    "/fixtures/integration/wire-rdf.xml",
    "/fixtures/feeds/seed.xml",
  ]) {
    feedIds.push((await registerFeed(path)).id);
  }
  await runCron();
});

describe("health and documents", () => {
  it("answers health", async () => {
    expect(await (await api("/v1/health")).json()).toEqual({ ok: true });
  });

  it("describes every contract endpoint in OpenAPI 3.1", async () => {
    const doc = await (await api("/v1/openapi.json")).json<{ openapi: string; paths: Record<string, Record<string, { parameters: { name: string }[] }>> }>();
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/v1/health", "get"], ["/v1/feeds", "get"], ["/v1/feeds", "post"], ["/v1/feeds/{id}", "get"],
      ["/v1/feeds/{id}", "patch"], ["/v1/feeds/{id}", "delete"], ["/v1/ingest", "post"], ["/v1/stories", "get"],
      ["/v1/stories/{id}", "get"], ["/v1/entities", "get"], ["/v1/annotate", "post"], ["/v1/openapi.json", "get"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const params = doc.paths["/v1/stories"]!.get!.parameters.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(["entity", "entity_type", "flag", "no_flag", "wire", "feed", "q", "since", "until", "limit", "cursor"]));
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });

  it("answers unknown routes with a 404 problem", async () => {
    await expectProblem(await api("/v1/nope"), 404);
  });
});

describe("admin auth", () => {
  it("refuses a missing or wrong token with 401", async () => {
    await expectProblem(await api("/v1/feeds", { method: "POST", body: "{}" }), 401);
    await expectProblem(await api("/v1/feeds", { method: "POST", headers: { authorization: "Bearer wrong" }, body: "{}" }), 401);
    await expectProblem(await api("/v1/ingest", { method: "POST", headers: { authorization: `Bearer ${"x".repeat(10_000)}` } }), 401);
  });

  it("is closed with 503 when no token is configured", async () => {
    const res = await worker.fetch(
      new Request("http://wirewatch.test/v1/feeds", { method: "POST", headers: ADMIN, body: "{}" }),
      { ...env, ADMIN_TOKEN: undefined },
      createExecutionContext(),
    );
    await expectProblem(res, 503, /ADMIN_TOKEN/);
  });
});

describe("feeds", () => {
  it("registers a feed without fetching it, due at once", async () => {
    const res = await api("/v1/feeds", adminJson("POST", { url: feedUrl("/fixtures/integration/new.xml"), title: "New one" }));
    expect(res.status).toBe(201);
    const feed = await res.json<Feed>();
    expect(feed).toMatchObject({ title: "New one", status: "pending", paused: false, last_fetched_at: null, error_count: 0, story_count: 0 });
    expect(Date.parse(feed.next_fetch_at!)).toBeLessThanOrEqual(Date.now());
    expect(res.headers.get("location")).toBe(`/v1/feeds/${feed.id}`);
  });

  it("answers 409 for a URL already registered", async () => {
    await expectProblem(await api("/v1/feeds", adminJson("POST", { url: feedUrl("/fixtures/integration/world-rss.xml") })), 409);
  });

  it.each([
    ["ftp://example.com/feed.xml", /url/],
    ["javascript:alert(1)", /url/],
    ["not a url", /url/],
  ])("answers 400 for the URL %s", async (url, mentions) => {
    await expectProblem(await api("/v1/feeds", adminJson("POST", { url })), 400, mentions);
  });

  it("answers 400 for a malformed body", async () => {
    await expectProblem(await api("/v1/feeds", { method: "POST", headers: { ...ADMIN, "content-type": "application/json" }, body: "{oops" }), 400);
    await expectProblem(await api("/v1/feeds", adminJson("POST", { title: "no url" })), 400, /url/);
    await expectProblem(await api("/v1/feeds", adminJson("POST", { url: "https://a.example/f", extra: 1 })), 400);
  });

  it("shows one feed with its recent errors, 404 when unknown, 400 for a bad id", async () => {
    const res = await api(`/v1/feeds/${feedIds[0]}`);
    expect(await res.json()).toMatchObject({ id: feedIds[0], status: "ok", recent_errors: [] });
    await expectProblem(await api("/v1/feeds/999999"), 404);
    await expectProblem(await api("/v1/feeds/abc"), 400, /id/);
  });

  it("renames and pauses a feed", async () => {
    const res = await api(`/v1/feeds/${feedIds[2]}`, adminJson("PATCH", { title: "Renamed", paused: true }));
    expect(await res.json()).toMatchObject({ title: "Renamed", paused: true });
    const back = await api(`/v1/feeds/${feedIds[2]}`, adminJson("PATCH", { paused: false }));
    expect(await back.json()).toMatchObject({ title: "Renamed", paused: false });
    await expectProblem(await api(`/v1/feeds/${feedIds[2]}`, adminJson("PATCH", { paused: "yes" })), 400, /paused/);
    await expectProblem(await api("/v1/feeds/424242", adminJson("PATCH", { paused: true })), 404);
  });

  it("deletes a feed but keeps its stories unless purge=true", async () => {
    const keep = await registerFeed("/fixtures/integration/wire-rdf.xml?copy=1");
    const purge = await registerFeed("/fixtures/integration/wire-rdf.xml?copy=2");
    await runCron();
    expect((await page(`feed=${keep.id}`)).stories).toHaveLength(1);
    expect((await api(`/v1/feeds/${keep.id}`, adminJson("DELETE"))).status).toBe(204);
    expect((await api(`/v1/feeds/${purge.id}?purge=true`, adminJson("DELETE"))).status).toBe(204);
    await expectProblem(await api(`/v1/feeds/${keep.id}`), 404);
    expect((await page(`feed=${keep.id}`)).stories).toHaveLength(1);
    expect((await page(`feed=${purge.id}`)).stories).toHaveLength(0);
    await expectProblem(await api(`/v1/feeds/${keep.id}`, adminJson("DELETE")), 404);
  });
});

describe("ingest on demand", () => {
  it("starts a run for one feed, forced, and reports it", async () => {
    const res = await api(`/v1/ingest?feed=${feedIds[0]}&force=true`, { method: "POST", headers: ADMIN });
    expect(res.status).toBe(202);
    const run = await res.json<{ id: number; feeds_total: number }>();
    expect(run.feeds_total).toBe(1);
    const status = await (await api(`/v1/ingest/runs/${run.id}`)).json<{ id: number }>();
    expect(status.id).toBe(run.id);
  });

  it("answers 404 for an unknown feed and 400 for a bad one", async () => {
    await expectProblem(await api("/v1/ingest?feed=987654", { method: "POST", headers: ADMIN }), 404);
    await expectProblem(await api("/v1/ingest?feed=x", { method: "POST", headers: ADMIN }), 400, /feed/);
  });
});

describe("stories", () => {
  it("lists newest first, ties by id", async () => {
    const { stories } = await page("limit=200");
    expect(stories.length).toBeGreaterThanOrEqual(7);
    const keys = stories.map((s) => [s.published_at ?? s.fetched_at, s.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1));
    expect(keys).toEqual(sorted);
  });

  it("pages with next_cursor through every story exactly once", async () => {
    const all = (await page("limit=200")).stories.map((s) => s.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await page(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(p.stories.length).toBeLessThanOrEqual(2);
      seen.push(...p.stories.map((s) => s.id));
      cursor = p.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("returns one story, 404 when unknown", async () => {
    const [first] = (await page("limit=1")).stories;
    expect(await (await api(`/v1/stories/${first!.id}`)).json()).toEqual(first);
    await expectProblem(await api("/v1/stories/99999999"), 404);
  });

  it("filters by flag and no_flag", async () => {
    const unedited = (await page("flag=unedited&flag=syndicated")).stories;
    expect(unedited.length).toBeGreaterThanOrEqual(2);
    for (const s of unedited) expect(s.flags).toMatchObject({ unedited: true, syndicated: true });
    const original = (await page("no_flag=syndicated")).stories;
    expect(original.length).toBeGreaterThanOrEqual(1);
    for (const s of original) expect(s.flags.syndicated).toBe(false);
    const ids = new Set([...unedited, ...original].map((s) => s.id));
    expect(ids.size).toBe(unedited.length + original.length);
  });

  it("filters by wire under its canonical name or short form, case-insensitively", async () => {
    const byName = (await page("wire=Press%20Trust%20of%20India")).stories.map((s) => s.id);
    expect(byName.length).toBeGreaterThanOrEqual(1);
    expect((await page("wire=PTI")).stories.map((s) => s.id)).toEqual(byName);
    expect((await page("wire=press%20trust%20of%20india")).stories.map((s) => s.id)).toEqual(byName);
    expect((await page("wire=reuters")).stories.every((s) => s.flags.wire_services.includes("Reuters"))).toBe(true);
  });

  it("filters by entity: every given entity, optionally of a type", async () => {
    const haiti = (await page("entity=haiti")).stories;
    expect(haiti.length).toBeGreaterThanOrEqual(1);
    for (const s of haiti) expect(s.entities.map((e) => e.name)).toContain("Haiti");
    const both = (await page("entity=Haiti&entity=Antony%20Blinken")).stories;
    expect(both.map((s) => s.id)).toEqual(haiti.filter((s) => s.entities.some((e) => e.name === "Antony Blinken")).map((s) => s.id));
    expect((await page("entity=Haiti&entity_type=person")).stories).toHaveLength(0);
    expect((await page("entity=Haiti&entity_type=place")).stories.length).toBe(haiti.length);
    expect((await page("entity=Haiti&entity=Nowhereland")).stories).toHaveLength(0);
  });

  it("filters by feed", async () => {
    const { stories } = await page(`feed=${feedIds[1]}`);
    expect(stories).toHaveLength(2);
    for (const s of stories) expect(s.feed_id).toBe(feedIds[1]);
  });

  it("searches title and body with full-text queries", async () => {
    const hits = (await page("q=lighthouse")).stories;
    expect(hits.map((s) => s.guid)).toEqual(["hg-local-2001"]);
    expect((await page("q=%22central%20bank%22")).stories).toHaveLength(1);
    expect((await page("q=Frankf*")).stories).toHaveLength(1);
    expect((await page(`q=lighthouse&feed=${feedIds[1]}`)).stories).toHaveLength(0);
  });

  it("bounds published_at with since (inclusive) and until (exclusive)", async () => {
    const day = (await page("since=2024-03-13&until=2024-03-14")).stories;
    expect(day.length).toBeGreaterThanOrEqual(2);
    for (const s of day) expect(s.published_at! >= "2024-03-13T00:00:00.000Z" && s.published_at! < "2024-03-14T00:00:00.000Z").toBe(true);
    const exact = (await page("since=2024-03-13T09:15:00Z")).stories.map((s) => s.guid);
    expect(exact).toContain("hg-world-1001");
    expect((await page("until=2024-03-13T09:15:00Z")).stories.map((s) => s.guid)).not.toContain("hg-world-1001");
  });

  it.each([
    ["limit=0", /limit/],
    ["limit=201", /limit/],
    ["limit=abc", /limit/],
    ["flag=bogus", /flag/],
    ["no_flag=edited", /no_flag/],
    ["entity_type=person", /entity_type/],
    ["entity=x&entity_type=city", /entity_type/],
    ["since=yesterday", /since/],
    ["until=2024-13-45", /until/],
    ["cursor=not-a-cursor", /cursor/],
    ["feed=-1", /feed/],
    ["q=%22unbalanced", /q/],
    ["q=AND%20OR", /q/],
    ["limit=5&limit=6", /limit/],
  ])("answers 400 problem+json for %s", async (query, mentions) => {
    await expectProblem(await api(`/v1/stories?${query}`), 400, mentions);
  });
});

describe("entities", () => {
  it("lists entities with story counts, filtered by type and prefix", async () => {
    const res = await api("/v1/entities?type=place&q=hai");
    const { entities } = await res.json<{ entities: { name: string; type: string; story_count: number }[] }>();
    const haitiStories = (await page("entity=Haiti&limit=200")).stories.length;
    expect(haitiStories).toBeGreaterThanOrEqual(1);
    expect(entities).toContainEqual({ name: "Haiti", type: "place", story_count: haitiStories });
    for (const e of entities) {
      expect(e.type).toBe("place");
      expect(e.name.toLowerCase().startsWith("hai")).toBe(true);
    }
    const limited = await (await api("/v1/entities?limit=2")).json<{ entities: unknown[] }>();
    expect(limited.entities).toHaveLength(2);
    await expectProblem(await api("/v1/entities?type=thing"), 400, /type/);
  });
});

describe("annotate", () => {
  it("annotates text without storing anything", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM stories").first<{ n: number }>();
    const res = await api("/v1/annotate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "Talks in Kingston",
        text: "KINGSTON, March 11 (Reuters) - Jamaica's Prime Minister Andrew Holness met Antony Blinken on Monday.",
      }),
    });
    expect(res.status).toBe(200);
    const body = await res.json<{ flags: { syndicated: boolean; wire_services: string[] }; entities: { name: string }[]; content_text: string }>();
    expect(body.flags.syndicated).toBe(true);
    expect(body.flags.wire_services).toEqual(["Reuters"]);
    expect(body.entities.map((e) => e.name)).toEqual(expect.arrayContaining(["Andrew Holness", "Antony Blinken", "Jamaica"]));
    expect(await env.DB.prepare("SELECT count(*) AS n FROM stories").first()).toEqual(before);
  });

  it("accepts HTML and returns its plain text", async () => {
    const res = await api("/v1/annotate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ html: "<p>Hello <b>world</b> from Nairobi.</p><script>evil()</script><p>(With inputs from agencies)</p>" }),
    });
    const body = await res.json<{ flags: { syndicated: boolean }; content_text: string }>();
    expect(body.content_text).toContain("Hello world from Nairobi.");
    expect(body.content_text).not.toContain("evil");
    expect(body.flags.syndicated).toBe(true);
  });

  it("requires text or html, and refuses bodies over 1 MB with 413", async () => {
    await expectProblem(await api("/v1/annotate", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), 400, /text/);
    const huge = JSON.stringify({ text: "a".repeat(1024 * 1024 + 10) });
    await expectProblem(await api("/v1/annotate", { method: "POST", headers: { "content-type": "application/json" }, body: huge }), 413);
  });
});
