/**
 * Concurrency across whole passes: passes that overlap, a message delivered twice at once, and a fetch that
 * lands while re-annotation is rewriting the same stories. After each: one row per (feed, guid), one FTS
 * document per story, timelines in step with the link tables, and the newest content wins.
 *
 * tests/integration/ingest-lifecycle.test.ts already covers one feed ingested twice at once, a message
 * redelivered after the first delivery finished, and a second pass claiming nothing; these go further.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { reannotateBatch } from "../../src/ingest/reannotate";
import { type FeedMessage, ingestFeed } from "../../src/ingest/run";
import type { Feed } from "../../src/model";
import { createRun } from "../../src/store/runs";
import { storedText } from "../../src/store/text";
import { ADMIN, api, putMutable, registerFeed, runCron, waitForRun } from "../integration/helpers";
import { counts, expectConsistent, makeDue, record } from "./helpers";

/** Stories that share place and wire names across feeds, so concurrent passes race on the same entity rows. */
const sharedRss = (name: string, n: number, variant = "") =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>${Array.from(
    { length: n },
    (_, i) =>
      `<item><title>${name} ${i}${variant}</title><guid>${name}-${i}</guid><description>KISUMU (Reuters) - Ferries between Kisumu and Kampala resumed ${variant}on day ${i}, officials in Kampala said.</description></item>`,
  ).join("")}</channel></rss>`;

async function feed(id: number): Promise<Feed> {
  return (await api(`/v1/feeds/${id}`)).json<Feed>();
}

async function pauseAll(): Promise<void> {
  await env.DB.prepare("UPDATE feeds SET paused = 1").run();
}

describe("overlapping passes", () => {
  it("a cron, a forced API pass and direct consumers over the same feeds store each story once", async () => {
    const feeds: Feed[] = [];
    for (let i = 0; i < 6; i++) {
      await putMutable(`overlap-${i}`, sharedRss(`overlap-${i}`, 4));
      feeds.push(await registerFeed(`/mutable/overlap-${i}`));
    }
    const before = await counts();
    const runId = await createRun(env.DB, "test", new Date().toISOString(), feeds.length);
    const forced = api("/v1/ingest?force=true", { method: "POST", headers: ADMIN }).then(async (res) => {
      expect(res.status).toBe(202);
      await waitForRun((await res.json<{ id: number }>()).id);
    });
    await Promise.all([runCron(), forced, ...feeds.map((f) => ingestFeed(env, { feedId: f.id, runId, host: "127.0.0.1" }))]);

    const after = await counts();
    expect(after.stories - before.stories).toBe(6 * 4);
    for (const f of feeds) expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 4 });
    expectConsistent(after);
    const places = await env.DB.prepare("SELECT name, count(*) AS n FROM entities WHERE name IN ('Kisumu', 'Kampala') GROUP BY name, type").all<{ n: number }>();
    expect(places.results.every((r) => r.n === 1)).toBe(true);
    await record({ section: "concurrency", name: "three passes at once over 6 feeds", outcome: "24 stories, each once", crashes: 0, storiesLost: 0, attempts: 3 });
    await pauseAll();
  });
});

describe("queue redelivery", () => {
  it("the same message delivered twice in one batch, consumed side by side, stores each story once", async () => {
    await putMutable("redelivery-twin", sharedRss("twin", 5));
    const f = await registerFeed("/mutable/redelivery-twin");
    const runId = await createRun(env.DB, "test", new Date().toISOString(), 1);
    const body: FeedMessage = { feedId: f.id, runId, host: "127.0.0.1" };
    const batch = createMessageBatch<FeedMessage>(
      "wirewatch-ingest",
      ["twin-a", "twin-b", "twin-c"].map((id, i) => ({ id, timestamp: new Date(), attempts: i + 1, body })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["twin-a", "twin-b", "twin-c"]);
    expect(result.retryMessages).toEqual([]);
    expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 5 });
    expectConsistent(await counts());
    await record({ section: "concurrency", name: "one message delivered three times in a batch", outcome: "5 stories, each once", crashes: 0, storiesLost: 0, attempts: 3 });
    await pauseAll();
  });
});

describe("a cron during re-annotation", () => {
  it("a fetch that changes a story while re-annotation holds its old text wins, and the index follows it", async () => {
    await putMutable("reannotate-race", sharedRss("race", 3));
    const f = await registerFeed("/mutable/reannotate-race");
    await runCron();
    expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 3 });

    // Re-annotation reads every story, then waits at its write until the cron has stored the new version.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = {
      prepare: (sql: string) => env.DB.prepare(sql),
      async batch(statements: D1PreparedStatement[]) {
        await gate;
        return env.DB.batch(statements);
      },
    } as unknown as D1Database;
    const reannotation = reannotateBatch({ ...env, DB: gated }, { all: true, limit: 500 });

    await putMutable("reannotate-race", sharedRss("race", 3, " MOMBASA update "));
    await makeDue([f.id]);
    await runCron();
    release();
    const result = await reannotation;
    expect(result.processed).toBeGreaterThanOrEqual(3);

    const stories = await env.DB.prepare("SELECT id, title, content_text, content_z FROM stories WHERE feed_id = ?1 ORDER BY guid")
      .bind(f.id)
      .all<{ id: number; title: string; content_text: string; content_z: number[] | null }>();
    expect(stories.results.map((s) => s.title)).toEqual(["race 0 MOMBASA update ", "race 1 MOMBASA update ", "race 2 MOMBASA update "].map((t) => t.trim()));
    // The text is compressed in the row (migrations/0012): read as the store reads it.
    for (const s of stories.results) expect(storedText(s)).toContain("MOMBASA update");
    // The full-text index holds the new words and not the old version's alone.
    const hits = await env.DB.prepare("SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH 'mombasa' AND rowid IN (SELECT id FROM stories WHERE feed_id = ?1)")
      .bind(f.id)
      .first<{ n: number }>();
    expect(hits?.n).toBe(3);
    expectConsistent(await counts());
    await record({ section: "concurrency", name: "fetch lands while re-annotation holds old text", outcome: "newer fetch kept, FTS in step", crashes: 0, storiesLost: 0, attempts: 2 });
  });

  it("crons and full re-annotation batches racing freely keep every count consistent", async () => {
    await putMutable("reannotate-free", sharedRss("free", 6));
    const f = await registerFeed("/mutable/reannotate-free");
    await runCron();
    for (let round = 1; round <= 3; round++) {
      await putMutable("reannotate-free", sharedRss("free", 6 + round, ` round ${round} `));
      await makeDue([f.id]);
      await Promise.all([runCron(), reannotateBatch(env, { all: true, limit: 500 }), reannotateBatch(env, { all: true, limit: 3 })]);
      expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 6 + round });
      expectConsistent(await counts());
    }
    const texts = await env.DB.prepare("SELECT content_text, content_z FROM stories WHERE feed_id = ?1").bind(f.id).all<{ content_text: string; content_z: number[] | null }>();
    expect(texts.results).toHaveLength(9);
    expect(texts.results.filter((r) => !storedText(r).includes("round 3"))).toEqual([]);
    await record({ section: "concurrency", name: "3 crons racing 6 re-annotation batches", outcome: "counts consistent, newest content kept", crashes: 0, storiesLost: 0, attempts: 9 });
  });
});
