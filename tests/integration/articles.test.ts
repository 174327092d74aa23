/// <reference types="vite/client" />
/**
 * Full articles through the Worker's own entry points: the cron, the feed queue, the article queue and the
 * API, against pages served by the real local feed server. The test origins are 127.0.0.1 (robots.txt
 * disallows /site/private/) and localhost (robots.txt answers 503).
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { annotate } from "../../src/annotate";
import { fetchArticle, sweepArticles } from "../../src/ingest/article";
import { robotsVerdict } from "../../src/ingest/robots";
import { ARTICLE_LEASE_MS, type ArticleMessage } from "../../src/ingest/article-plan";
import { ingestFeed } from "../../src/ingest/run";
import { createRun } from "../../src/store/runs";
import type { Story } from "../../src/model";
import { ADMIN, adminJson, api, feedUrl, makeAllDue, putMutable, registerFeed, runCron } from "./helpers";
import seedPage from "../../fixtures/articles/pages/00-seed-haiti--newsroom.html?raw";
import strikePage from "../../fixtures/articles/pages/01-port-strike--newsroom.html?raw";
import libraryPage from "../../fixtures/articles/pages/06-library-reopens--wordpress.html?raw";
import tariffPage from "../../fixtures/articles/pages/10-water-tariff--amp.html?raw";
import challengePage from "../../fixtures/articles/walls/cloudflare-challenge.html?raw";
import seedStory from "../../fixtures/seed-story.txt?raw";

const SEED_TITLE = "Blinken hopes for progress on Haiti in talks with Caribbean leaders";
const SEED_FIRST_SENTENCE =
  "U.S. Secretary of State Antony Blinken said on Monday he hoped to make progress on the security and humanitarian crisis gripping Haiti as he held talks with Caribbean leaders in Jamaica.";
const server = inject("feedServer");
const host = new URL(server).host;
const localhost = `http://localhost:${new URL(server).port}`;

async function putPage(path: string, html: string, query = "", type = "text/html; charset=utf-8"): Promise<void> {
  const res = await fetch(`${server}/site/${path}${query}`, { method: "PUT", body: html, headers: { "content-type": type } });
  expect(res.status).toBe(204);
}

async function hits(site: string): Promise<{ path: string; at: number }[]> {
  return (await fetch(`${server}/site/${site}/hits`)).json();
}

function rss(items: { guid: string; title: string; link: string; description: string }[]): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>Tue, 12 Mar 2024 01:59:00 +0530</pubDate><description>${i.description}</description></item>`)
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title><link>https://devdiscourse.example/</link>${body}</channel></rss>`;
}

async function storiesOf(feedId: number): Promise<Story[]> {
  const res = await api(`/v1/stories?feed=${feedId}&limit=200`);
  expect(res.status).toBe(200);
  return (await res.json<{ stories: Story[] }>()).stories;
}

/** Polls until every story of the feed matching `guids` has an article outcome `done` accepts. */
async function waitForArticles(feedId: number, done: (s: Story) => boolean, timeoutMs = 25_000): Promise<Story[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stories = await storiesOf(feedId);
    if (stories.length > 0 && stories.every(done)) return stories;
    if (Date.now() > deadline) throw new Error(`articles not done: ${JSON.stringify(stories.map((s) => [s.guid, s.article]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const settled = (s: Story) => s.article === null || s.article.status !== "pending";

beforeAll(async () => {
  const robots = await fetch(`${server}/robots-for/${host}`, { method: "PUT", body: "User-agent: *\nDisallow: /site/private/\n" });
  expect(robots.status).toBe(204);
  const failing = await fetch(`${server}/robots-for/localhost:${new URL(server).port}?status=503`, { method: "PUT", body: "" });
  expect(failing.status).toBe(204);
  await putPage("news/seed-haiti", seedPage);
  await putPage("news/port-strike", strikePage);
  await putPage("news/library", libraryPage);
  await putPage("news/tariff", tariffPage);
  await putPage("news/challenge", challengePage);
  await putPage("private/secret", libraryPage);
  await putPage("slow-down/story", strikePage, "?status=429&retry-after=1");
});

describe("a summary-only feed carrying the seed story", () => {
  let feedId: number;
  let story: Story;

  beforeAll(async () => {
    await putMutable("articles-seed", rss([{ guid: "seed-1", title: SEED_TITLE, link: feedUrl("/site/news/seed-haiti"), description: SEED_FIRST_SENTENCE }]));
    feedId = (await registerFeed("/mutable/articles-seed")).id;
    await runCron();
    story = (await waitForArticles(feedId, settled))[0]!;
  });

  it("fetches the article and ends with the three flags, with evidence, and the full entity list", () => {
    expect(story.article).toMatchObject({ status: "ok", error: null });
    expect(story.article?.fetched_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(story.content_source).toBe("article");
    expect(story.flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true, ai_generated: false });
    for (const flag of ["auto_generated", "unedited", "syndicated"]) {
      expect(story.flags.evidence.find((e) => e.flag === flag)).toMatchObject({ kind: "stated", text: expect.stringMatching(/not been edited by Devdiscourse staff/) });
    }
    const whole = annotate({ title: SEED_TITLE, text: seedStory });
    // Storage orders ties by name; the list, and each mention count, is the one the whole story gives.
    const byName = (list: { name: string }[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(story.entities)).toEqual(byName(whole.entities));
    expect(story.entities.length).toBeGreaterThan(10);
    expect(story.content_text).toBe(whole.content_text);
  });

  it("keeps the feed's own text as the summary", () => {
    expect(story.summary).toBe(SEED_FIRST_SENTENCE);
    expect(story.title).toBe(SEED_TITLE);
  });

  it("is found by the full text of the article", async () => {
    const res = await api(`/v1/stories?feed=${feedId}&q=Mottley`);
    expect((await res.json<{ stories: Story[] }>()).stories.map((s) => s.id)).toEqual([story.id]);
  });

  it("never fetches the same URL again for an unchanged item", async () => {
    const before = (await hits("news")).filter((h) => h.path === "seed-haiti").length;
    await makeAllDue();
    await runCron();
    await new Promise((r) => setTimeout(r, 2500));
    expect((await hits("news")).filter((h) => h.path === "seed-haiti").length).toBe(before);
    const [again] = await storiesOf(feedId);
    expect(again).toMatchObject({ content_source: "article", content_text: story.content_text });
  });
});

describe("a feed whose every item is summary-only", () => {
  let feedId: number;
  let stories: Story[];

  beforeAll(async () => {
    await putMutable(
      "articles-all-summaries",
      rss([
        { guid: "s-1", title: "Dock workers extend strike", link: feedUrl("/site/news/port-strike"), description: "Dock workers at Kenya's main port extended their strike…" },
        { guid: "s-2", title: "Library reopens", link: feedUrl("/site/news/library"), description: "The Riverside branch library reopened on Monday. Read more" },
        { guid: "s-3", title: "Water tariff vote delayed", link: feedUrl("/site/news/tariff"), description: "Chennai's council postponed a vote." },
      ]),
    );
    feedId = (await registerFeed("/mutable/articles-all-summaries")).id;
    await runCron();
    stories = await waitForArticles(feedId, settled);
  });

  it("fetches every item's article and stores its full text", () => {
    expect(stories.map((s) => s.article?.status)).toEqual(["ok", "ok", "ok"]);
    const strike = stories.find((s) => s.guid === "s-1")!;
    expect(strike.content_text.startsWith("MOMBASA, June 4 (Reuters) - Dock workers at Kenya's main port")).toBe(true);
    expect(strike.flags.wire_services).toContain("Reuters");
    expect(strike.content_text).not.toMatch(/Share on Facebook|Related stories|cookies/);
  });

  it("keeps the article's text and the page's stated provenance through re-annotation", async () => {
    const strike = stories.find((s) => s.guid === "s-1")!;
    const page = strike.flags.evidence.filter((e) => e.rule.startsWith("page-"));
    expect(page).toContainEqual({ flag: "wire", rule: "page-jsonld-wire-author", text: "NewsArticle author: Reuters", kind: "stated" });
    for (let after = 0; ; ) {
      const res = await api(`/v1/reannotate?all=true&after=${after}&limit=500`, { method: "POST", headers: ADMIN });
      const batch = await res.json<{ next_after: number | null }>();
      if (batch.next_after === null) break;
      after = batch.next_after;
    }
    const again = (await storiesOf(feedId)).find((s) => s.guid === "s-1")!;
    expect(again.content_text).toBe(strike.content_text);
    expect(again.flags.evidence.filter((e) => e.rule.startsWith("page-"))).toEqual(page);
    expect(again.flags.wire_services).toEqual(strike.flags.wire_services);
  });

  it("fetches one page at a time from the origin, with the stated spacing between them", async () => {
    const times = (await hits("news")).filter((h) => ["port-strike", "library", "tariff"].includes(h.path)).map((h) => h.at).sort((a, b) => a - b);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
  });
});

describe("politeness and safety", () => {
  let feedId: number;
  const byGuid = async (guid: string): Promise<Story> => (await storiesOf(feedId)).find((s) => s.guid === guid)!;

  beforeAll(async () => {
    await putMutable(
      "articles-refusals",
      rss([
        { guid: "r-robots", title: "Private", link: feedUrl("/site/private/secret"), description: "A summary." },
        { guid: "r-wall", title: "Challenge", link: feedUrl("/site/news/challenge"), description: "A summary behind a wall." },
        { guid: "r-large", title: "Large", link: feedUrl("/large/6000000"), description: "A summary of a huge page." },
        { guid: "r-xml", title: "Not HTML", link: feedUrl("/fixtures/feeds/seed.xml"), description: "A summary of a feed." },
        { guid: "r-missing", title: "Missing", link: feedUrl("/site/news/no-such-page"), description: "A summary of nothing." },
        { guid: "r-robots-5xx", title: "Unreachable robots", link: `${localhost}/site/news/library`, description: "A summary." },
      ]),
    );
    feedId = (await registerFeed("/mutable/articles-refusals")).id;
    await runCron();
    await waitForArticles(feedId, (s) => s.article !== null && (s.article.status !== "pending" || s.article.error !== null));
  });

  it("honours robots.txt: a disallowed page is skipped and never requested", async () => {
    const s = await byGuid("r-robots");
    expect(s.article).toMatchObject({ status: "skipped", error: expect.stringMatching(/robots\.txt disallows \/site\/private\/secret/) });
    expect((await hits("private")).length).toBe(0);
    expect(s.content_source).toBe("feed");
  });

  it("reads robots.txt once per origin and caches it (for a day)", async () => {
    // The feed server is shared by every test file of the run, so its robots.txt hits for this origin count other
    // files' article fetches too: it was fetched, and this database's cache now answers without a request.
    const robotsHits = await (await fetch(`${server}/site/${encodeURIComponent(`robots ${host}`)}/hits`)).json<unknown[]>();
    expect(robotsHits.length).toBeGreaterThanOrEqual(1);
    let requested = 0;
    const counting: typeof fetch = async (input, init) => {
      requested++;
      return fetch(input, init);
    };
    const verdict = await robotsVerdict(env.DB, `http://${host}`, `http://${host}/site/private/secret`, { fetch: counting, now: () => new Date(), allowPrivate: true, timeoutMs: 5000 });
    expect(verdict.kind).toBe("disallowed");
    expect(requested).toBe(0);
    const row = await env.DB.prepare("SELECT robots_status, robots_expires_at FROM article_origins WHERE origin = ?1").bind(`http://${host}`).first<{ robots_status: number; robots_expires_at: string }>();
    expect(row?.robots_status).toBe(200);
    const hours = (Date.parse(row!.robots_expires_at) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it("waits when robots.txt answers 5xx, without requesting the page", async () => {
    const s = await byGuid("r-robots-5xx");
    expect(s.article).toMatchObject({ status: "pending", error: expect.stringMatching(/robots\.txt answered HTTP 503: waiting/) });
    expect(s.content_text).toBe("A summary.");
  });

  it("records a bot wall as such and keeps the feed's text", async () => {
    const s = await byGuid("r-wall");
    expect(s.article).toMatchObject({ status: "error", error: expect.stringMatching(/^blocked: bot-challenge \(Cloudflare challenge\)/) });
    expect(s).toMatchObject({ content_source: "feed", content_text: "A summary behind a wall.", summary: null });
  });

  it("refuses a page over the 5 MB cap and a page that is not HTML", async () => {
    expect((await byGuid("r-large")).article).toMatchObject({ status: "error", error: "fetch: page is larger than 5 MB" });
    expect((await byGuid("r-xml")).article).toMatchObject({ status: "error", error: expect.stringMatching(/^not an HTML page \(Content-Type: application\/xml/) });
    expect((await byGuid("r-missing")).article).toMatchObject({ status: "error", error: "fetch: HTTP 404 Not Found" });
  });

  it("honours a 429 with Retry-After, then fetches the page", async () => {
    await putMutable("articles-429", rss([{ guid: "t-1", title: "Throttled", link: feedUrl("/site/slow-down/story"), description: "A summary." }]));
    const throttled = (await registerFeed("/mutable/articles-429")).id;
    await runCron();
    const [s] = await waitForArticles(throttled, (x) => x.article?.status === "ok", 30_000);
    expect(s!.content_text.startsWith("MOMBASA")).toBe(true);
    const times = (await hits("slow-down")).map((h) => h.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });

  it("checks every redirect hop: a page redirecting to a private address is never fetched", async () => {
    const f = await api("/v1/feeds", adminJson("POST", { url: feedUrl("/mutable/articles-redirect"), content_mode: "feed" }));
    const redirectFeed = (await f.json<{ id: number }>()).id;
    await putMutable("articles-redirect", rss([{ guid: "x-1", title: "Redirected", link: "https://news.example/story", description: "A summary." }]));
    await runCron();
    const [s] = await storiesOf(redirectFeed);
    expect(s!.article).toBeNull();
    const requested: string[] = [];
    const fake: typeof fetch = async (input) => {
      const url = String(input);
      requested.push(url);
      if (url.endsWith("/robots.txt")) return new Response("", { status: 404 });
      return new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    };
    const msg = { feedId: redirectFeed, guid: "x-1", url: "https://news.example/story", hash: (await env.DB.prepare("SELECT content_hash FROM stories WHERE id = ?1").bind(s!.id).first<{ content_hash: string }>())!.content_hash };
    const step = await fetchArticle(env, "https://news.example", msg, 1, { spacingMs: 0, maxBytes: 5 * 1024 * 1024, timeoutMs: 5000, allowPrivate: false }, {
      fetch: fake,
      now: () => new Date(),
      sleep: async () => undefined,
    });
    expect(step).toEqual({ done: true });
    expect(requested).toEqual(["https://news.example/robots.txt", "https://news.example/story"]);
    const after = (await storiesOf(redirectFeed))[0]!;
    expect(after.article).toMatchObject({ status: "error", error: expect.stringMatching(/redirect to a refused URL/) });
    expect(after.content_text).toBe("A summary.");
  });
});

describe("the feed's article selector", () => {
  async function readWith(pageUrl: string, finalUrl: string): Promise<Story> {
    const guid = `sel-${crypto.randomUUID()}`;
    await putMutable(`articles-${guid}`, rss([{ guid, title: "Library", link: pageUrl, description: "Short." }]));
    const res = await api("/v1/feeds", adminJson("POST", { url: feedUrl(`/mutable/articles-${guid}`), content_mode: "feed", article_selector: ".comments-area" }));
    const feedId = (await res.json<{ id: number }>()).id;
    await runCron();
    const hash = (await env.DB.prepare("SELECT content_hash FROM stories WHERE feed_id = ?1").bind(feedId).first<{ content_hash: string }>())!.content_hash;
    const fake: typeof fetch = async (input) => {
      const url = String(input);
      if (url.endsWith("/robots.txt")) return new Response("", { status: 404 });
      if (url === pageUrl && finalUrl !== pageUrl) return new Response(null, { status: 301, headers: { location: finalUrl } });
      return new Response(libraryPage, { headers: { "content-type": "text/html; charset=utf-8" } });
    };
    const config = { spacingMs: 0, maxBytes: 5 * 1024 * 1024, timeoutMs: 5000, allowPrivate: false };
    await fetchArticle(env, new URL(pageUrl).origin, { feedId, guid, url: pageUrl, hash }, 1, config, { fetch: fake, now: () => new Date(), sleep: async () => undefined });
    return (await storiesOf(feedId))[0]!;
  }

  it("picks the story's element on the feed's own site", async () => {
    const s = await readWith("https://www.gazette.example/a", "https://news.gazette.example/a");
    expect(s.article?.status).toBe("ok");
    expect(s.content_text).toMatch(/Good reporting/);
  });

  it("is ignored after a redirect to another site", async () => {
    const s = await readWith("https://www.gazette.example/b", "https://elsewhere.example/b");
    expect(s.article?.status).toBe("ok");
    expect(s.content_text).not.toMatch(/Good reporting/);
    expect(s.content_text.startsWith("The Riverside branch library reopened")).toBe(true);
  });
});

describe("a changed feed item", () => {
  it("is the feed's again when it no longer needs its page, and is refetched when it still does", async () => {
    const full = "The Riverside branch library reopened on Monday after long repairs to the basement. ".repeat(12).trim();
    await putMutable("articles-changed", rss([{ guid: "c-1", title: "Library", link: feedUrl("/site/news/library"), description: "Short." }]));
    const feedId = (await registerFeed("/mutable/articles-changed")).id;
    await runCron();
    const [first] = await waitForArticles(feedId, settled);
    expect(first).toMatchObject({ content_source: "article", article: { status: "ok" } });

    await putMutable("articles-changed", rss([{ guid: "c-1", title: "Library", link: feedUrl("/site/news/library"), description: full }]));
    await makeAllDue();
    await runCron();
    const [second] = await storiesOf(feedId);
    expect(second).toMatchObject({ content_source: "feed", article: null, content_text: full });

    const before = (await hits("news")).filter((h) => h.path === "library").length;
    await putMutable("articles-changed", rss([{ guid: "c-1", title: "Library", link: feedUrl("/site/news/library"), description: "Short again." }]));
    await makeAllDue();
    await runCron();
    const [third] = await waitForArticles(feedId, settled);
    expect(third).toMatchObject({ content_source: "article", article: { status: "ok" }, summary: "Short again." });
    expect((await hits("news")).filter((h) => h.path === "library").length).toBe(before + 1);
  });
});

describe("content_mode", () => {
  it("is auto by default, settable by POST and PATCH, and validated", async () => {
    const created = await api("/v1/feeds", adminJson("POST", { url: feedUrl("/mutable/articles-mode"), content_mode: "feed", article_selector: "article .body" }));
    expect(created.status).toBe(201);
    const feed = await created.json<{ id: number; content_mode: string; article_selector: string | null }>();
    expect(feed).toMatchObject({ content_mode: "feed", article_selector: "article .body" });
    const plain = await registerFeed("/mutable/articles-mode-default");
    expect(plain).toMatchObject({ content_mode: "auto", article_selector: null });

    for (const bad of [{ content_mode: "sometimes" }, { article_selector: "div[[" }, { article_selector: 42 }]) {
      const res = await api(`/v1/feeds/${feed.id}`, adminJson("PATCH", bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const patched = await api(`/v1/feeds/${feed.id}`, adminJson("PATCH", { content_mode: "article", article_selector: null }));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ content_mode: "article", article_selector: null });
    expect(await (await api(`/v1/feeds/${feed.id}`)).json()).toMatchObject({ content_mode: "article" });
  });

  it("switched by PATCH decides whether new items get their article", async () => {
    const full = "The Riverside branch library reopened on Monday after long repairs. ".repeat(12);
    await putMutable("articles-switch", rss([{ guid: "m-1", title: "Library", link: feedUrl("/site/news/library"), description: "Short." }]));
    const res = await api("/v1/feeds", adminJson("POST", { url: feedUrl("/mutable/articles-switch"), content_mode: "feed" }));
    const id = (await res.json<{ id: number }>()).id;
    await runCron();
    expect((await storiesOf(id))[0]!.article).toBeNull();

    expect((await api(`/v1/feeds/${id}`, adminJson("PATCH", { content_mode: "article" }))).status).toBe(200);
    await putMutable(
      "articles-switch",
      rss([
        { guid: "m-1", title: "Library", link: feedUrl("/site/news/library"), description: "Short." },
        { guid: "m-2", title: "Library, in full", link: feedUrl("/site/news/library"), description: full },
      ]),
    );
    await makeAllDue();
    await runCron();
    const stories = await waitForArticles(id, settled);
    // The unchanged item stays as it was; the new one, full as it is, gets its article in article mode.
    expect(stories.find((s) => s.guid === "m-1")!.article).toBeNull();
    expect(stories.find((s) => s.guid === "m-2")!.article).toMatchObject({ status: "ok" });
  });
});

describe("the article's fuller body", () => {
  it("is what clustering compares, and alerts see what the page said", async () => {
    // Outlet A carries the whole wire story in its feed; outlet B only a summary linking to the page.
    await putMutable(
      "articles-cluster-full",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Full copy</title><link>https://full-copy.example/</link><item><title>${SEED_TITLE}</title><link>https://full-copy.example/world/haiti-talks</link><guid>full-1</guid><pubDate>Mon, 11 Mar 2024 20:10:00 +0000</pubDate><description><![CDATA[${seedStory.split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join("")}]]></description></item></channel></rss>`,
    );
    const full = await registerFeed("/mutable/articles-cluster-full");
    await putMutable("articles-cluster-summary", rss([{ guid: "sum-1", title: SEED_TITLE, link: feedUrl("/site/news/seed-haiti"), description: SEED_FIRST_SENTENCE }]));
    const summary = await registerFeed("/mutable/articles-cluster-summary");
    // Only the article page names Mottley: the alert can match the summary story only once its page is read.
    const created = await api("/v1/alerts", adminJson("POST", { name: "Mottley on B", query: { feed: summary.id, q: "Mottley" }, webhook: { url: "https://hooks.example/mottley" } }));
    expect(created.status, await created.clone().text()).toBe(201);
    const alertId = (await created.json<{ id: number }>()).id;

    await runCron();
    const [fromSummary] = await waitForArticles(summary.id, settled);
    expect(fromSummary!.article?.status).toBe("ok");
    const [fromFull] = await storiesOf(full.id);
    // Clustered on the fetched body: the feed's one sentence alone is under the signature's 50 words.
    expect(fromSummary!.cluster).toMatchObject({ size: 2, feeds: 2 });
    expect(fromFull!.cluster?.id).toBe(fromSummary!.cluster?.id);

    const match = await env.DB.prepare("SELECT story_id, reason FROM alert_matches WHERE alert_id = ?1").bind(alertId).all<{ story_id: number; reason: string }>();
    expect(match.results.map((m) => m.story_id)).toEqual([fromSummary!.id]);
    expect(JSON.parse(match.results[0]!.reason)).toMatchObject({ trigger: "article" });
  });
});

describe("an article message that never reached the queue", () => {
  it("leaves the story pending under a lease, and the cron sends it again once the lease has run out", async () => {
    await putMutable("articles-lost", rss([{ guid: "lost-1", title: "Library reopens", link: feedUrl("/site/news/library"), description: "The library reopened on Monday." }]));
    const f = await registerFeed("/mutable/articles-lost");
    // Through ingestFeed directly (not the cron), so that only this test's queue sees the feed's messages.
    const runId = await createRun(env.DB, "test", new Date().toISOString(), 1);
    const down = {
      send: async () => Promise.reject(new Error("queue unavailable")),
      sendBatch: async () => Promise.reject(new Error("queue unavailable")),
    } as unknown as Queue<ArticleMessage>;
    const tally = await ingestFeed({ ...env, ARTICLE_QUEUE: down }, { feedId: f.id, runId, host: "x" });
    // The feed's batch landed: the failed send is not a feed error.
    expect(tally).toMatchObject({ outcome: "ok", storiesNew: 1 });
    const [story] = await storiesOf(f.id);
    expect(story!.article).toMatchObject({ status: "pending" });
    const row = await env.DB.prepare("SELECT article_lease_until AS lease FROM stories WHERE id = ?1").bind(story!.id).first<{ lease: string }>();
    expect(Date.parse(row!.lease)).toBeGreaterThan(Date.now() + ARTICLE_LEASE_MS - 60_000);

    const sent: ArticleMessage[] = [];
    const collecting = { sendBatch: async (m: Iterable<MessageSendRequest<ArticleMessage>>) => void sent.push(...[...m].map((x) => x.body)) } as unknown as Queue<ArticleMessage>;
    const withQueue = { ...env, ARTICLE_QUEUE: collecting };
    // Within its lease, nothing is sent again.
    expect(await sweepArticles(withQueue, new Date())).toBe(0);
    // Past it, the story's message goes out once, and the lease moves on so the next tick does not repeat it.
    const later = new Date(Date.now() + ARTICLE_LEASE_MS + 60_000);
    expect(await sweepArticles(withQueue, later)).toBe(1);
    expect(sent).toEqual([{ feedId: f.id, guid: "lost-1", url: feedUrl("/site/news/library"), hash: expect.any(String) }]);
    expect(await sweepArticles(withQueue, later)).toBe(0);

    // The resent message fetches the page; a late duplicate of it finds the story settled and fetches nothing.
    expect(await fetchArticle(env, new URL(server).origin, sent[0]!, 1)).toEqual({ done: true });
    const [fetched] = await storiesOf(f.id);
    expect(fetched!.article?.status).toBe("ok");
    const before = (await hits("news")).filter((h) => h.path === "library").length;
    expect(await fetchArticle(env, new URL(server).origin, sent[0]!, 1)).toEqual({ done: true });
    expect((await hits("news")).filter((h) => h.path === "library").length).toBe(before);
    const settledRow = await env.DB.prepare("SELECT article_lease_until AS lease FROM stories WHERE id = ?1").bind(story!.id).first<{ lease: string | null }>();
    expect(settledRow!.lease).toBeNull();
  });
});
