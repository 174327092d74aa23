/**
 * Fault injection through the whole pipeline: a feed that was good starts failing in one of the ways a
 * publisher's server fails, fails twice (the wait before the next try grows, or follows Retry-After), then
 * comes back and recovers by itself, with its earlier stories intact and a good feed in every pass untouched.
 *
 * Already specified elsewhere, so not repeated here: a 404 feed that comes back and a 429 with Retry-After
 * in seconds (tests/integration/ingest-lifecycle.test.ts); each fault's exact FetchError at the fetcher
 * (tests/unit/fetch.test.ts).
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import type { Feed } from "../../src/model";
import { createRun } from "../../src/store/runs";
import { api, feedUrl, putMutable, registerFeed, runCron } from "../integration/helpers";
import { counts, expectConsistent, makeDue, record, rssOf, snapshotStories, storiesLost } from "./helpers";

const server = () => feedUrl("");
const minutesUntil = (iso: string | null) => (Date.parse(iso!) - Date.now()) / 60_000;

async function feed(id: number): Promise<Feed> {
  return (await api(`/v1/feeds/${id}`)).json<Feed>();
}

async function pointAlias(name: string, target: string): Promise<void> {
  const res = await fetch(feedUrl(`/alias/${name}`), { method: "PUT", body: target });
  expect(res.status).toBe(204);
}

/**
 * One failing attempt. Most go through the cron with a good feed in the same pass; the timeouts call the
 * consumer's ingestFeed directly with FETCH_TIMEOUT_MS at 1 s, since a pass at the default 15 s would
 * outlast the test's wait for it. Returns the good feed of the pass, if any.
 */
type Attempt = (victim: Feed, round: number) => Promise<Feed | null>;

const throughCron: (name: string) => Attempt = (name) => async (victim, round) => {
  await putMutable(`fault-good-${name}-${round}`, rssOf(`fault-good-${name}-${round}`, 2, "Accra"));
  const good = await registerFeed(`/mutable/fault-good-${name}-${round}`);
  await makeDue([victim.id]);
  await runCron();
  return good;
};

const directWithShortTimeout: Attempt = async (victim) => {
  const runId = await createRun(env.DB, "test", new Date().toISOString(), 1);
  const started = Date.now();
  await ingestFeed({ ...env, FETCH_TIMEOUT_MS: "1000" }, { feedId: victim.id, runId, host: "127.0.0.1" });
  // The deadline covers the body too: a server that never finishes cannot hold the consumer past it.
  expect(Date.now() - started).toBeLessThan(5_000);
  return null;
};

interface FaultCase {
  name: string;
  slug: string;
  /** Where the feed's URL leads while it fails. */
  target: () => string;
  lastError: string | ((server: string) => string);
  attempt: Attempt;
  /** Minutes to the next try after the first and second failures: at least these. */
  waits: [number, number];
}

const CASES: FaultCase[] = [
  { name: "500 Internal Server Error", slug: "500", target: () => "/status/500", lastError: "fetch: HTTP 500 Internal Server Error", attempt: throughCron("500"), waits: [4.9, 9.9] },
  {
    name: "503 with Retry-After: 3600",
    slug: "503",
    target: () => "/status/503?retry-after=3600",
    lastError: "fetch: HTTP 503 Service Unavailable",
    attempt: throughCron("503"),
    waits: [59.9, 59.9],
  },
  { name: "connection reset", slug: "reset", target: () => "/reset", lastError: "fetch: network error: connection refused or reset", attempt: throughCron("reset"), waits: [4.9, 9.9] },
  {
    name: "the server goes away (connection refused)",
    slug: "away",
    target: () => "http://127.0.0.1:1/feed.xml",
    lastError: "fetch: network error: connection refused or reset",
    attempt: throughCron("away"),
    waits: [4.9, 9.9],
  },
  { name: "redirect loop", slug: "loop", target: () => "/loop", lastError: (s) => `fetch: redirect loop at ${s}/loop`, attempt: throughCron("loop"), waits: [4.9, 9.9] },
  { name: "redirect chain of 9 hops", slug: "chain", target: () => "/redirect/9/fixtures/seed.xml", lastError: "fetch: too many redirects (more than 5)", attempt: throughCron("chain"), waits: [4.9, 9.9] },
  { name: "headers, then a body that stalls", slug: "stall", target: () => "/slow?ms=30000", lastError: "fetch: timed out after 1 s", attempt: directWithShortTimeout, waits: [4.9, 9.9] },
  { name: "a slow drip past the timeout", slug: "drip", target: () => "/drip?every=20", lastError: "fetch: timed out after 1 s", attempt: directWithShortTimeout, waits: [4.9, 9.9] },
];

describe("a failing feed backs off and recovers, and hurts nothing else", () => {
  it.each(CASES)("$name", async (c) => {
    await putMutable(`fault-${c.slug}`, rssOf(`fault-${c.slug}`, 2));
    await pointAlias(`fault-${c.slug}`, `/mutable/fault-${c.slug}`);
    const victim = await registerFeed(`/alias/fault-${c.slug}`);
    await runCron();
    expect(await feed(victim.id)).toMatchObject({ status: "ok", story_count: 2 });
    const before = await snapshotStories();

    await pointAlias(`fault-${c.slug}`, c.target());
    const waits: number[] = [];
    let crashes = 0;
    for (const round of [1, 2]) {
      const good = await c.attempt(victim, round);
      const state = await feed(victim.id);
      if ((state.last_error ?? "").startsWith("internal:")) crashes++;
      expect(state).toMatchObject({ status: "error", error_count: round, story_count: 2 });
      expect(state.last_error).toBe(typeof c.lastError === "string" ? c.lastError : c.lastError(server()));
      waits.push(minutesUntil(state.next_fetch_at));
      if (good) expect(await feed(good.id)).toMatchObject({ status: "ok", story_count: 2, last_error: null });
    }
    expect(waits[0]).toBeGreaterThanOrEqual(c.waits[0]);
    expect(waits[1]).toBeGreaterThanOrEqual(c.waits[1]);
    // Exponential backoff, unless Retry-After asks for longer than it would wait.
    if (c.waits[0] < 10) expect(waits[1]).toBeGreaterThan(waits[0]! * 1.5);

    // It comes back, with one new story: the next pass takes it up with no one's help.
    await putMutable(`fault-${c.slug}-back`, rssOf(`fault-${c.slug}`, 3));
    await pointAlias(`fault-${c.slug}`, `/mutable/fault-${c.slug}-back`);
    await makeDue([victim.id]);
    await runCron();
    const recovered = await feed(victim.id);
    const lost = await storiesLost(before);
    await record({
      section: "fault",
      name: c.name,
      outcome: `error ×2 (waits ${waits.map((w) => Math.round(w)).join(", ")} min), then ${recovered.status}`,
      crashes: crashes + ((recovered.last_error ?? "").startsWith("internal:") ? 1 : 0),
      storiesLost: lost,
      attempts: 3,
    });
    expect(recovered).toMatchObject({ status: "ok", error_count: 0, last_error: null, story_count: 3 });
    expect(minutesUntil(recovered.next_fetch_at)).toBeLessThan(24 * 60 + 1);
    expect(lost).toBe(0);
    expectConsistent(await counts());
    await env.DB.prepare("UPDATE feeds SET paused = 1 WHERE id = ?1").bind(victim.id).run();
  });
});

describe("a feed that changes every GUID on each fetch", () => {
  let rotating: Feed;
  beforeAll(async () => {
    rotating = await registerFeed("/hostile/rotating/churn");
  });

  it("keeps one story per item, renamed to the newest GUID, without a crash, a duplicate key or an index drift", async () => {
    const seen: number[] = [];
    const ids: string[] = [];
    for (let round = 1; round <= 3; round++) {
      await makeDue([rotating.id]);
      await runCron();
      const state = await feed(rotating.id);
      expect(state).toMatchObject({ status: "ok", last_error: null });
      seen.push(state.story_count);
      const { results } = await env.DB.prepare("SELECT id, guid, url FROM stories WHERE feed_id = ?1 ORDER BY url")
        .bind(rotating.id)
        .all<{ id: number; guid: string; url: string }>();
      ids.push(results.map((r) => r.id).join(","));
      // The GUIDs the feed gave this round, no older ones: the stored stories were renamed, not stored again.
      expect(new Set(results.map((r) => r.guid)).size).toBe(3);
      expect(new Set(results.map((r) => r.url)).size).toBe(3);
    }
    // The titles, links and bodies repeat, so the content hash recognises each item under its renewed GUID.
    expect(seen).toEqual([3, 3, 3]);
    expect(new Set(ids).size).toBe(1);
    expectConsistent(await counts());
    await record({
      section: "fault",
      name: "every GUID changes on each fetch",
      outcome: "one story per item (3 → 3 → 3), renamed to the newest GUID, ids unchanged",
      crashes: 0,
      storiesLost: 0,
      attempts: 3,
    });
  });
});
