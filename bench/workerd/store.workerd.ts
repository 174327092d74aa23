/**
 * D1 store per story: the batched write path (src/store/stories.ts storyWriteStatements in one env.DB.batch)
 * against a naive store that awaits one INSERT per story, on the same 1,000 annotated stories.
 * Local D1 is SQLite inside the workerd process, so wall time here has no network round trip in it: the naive
 * store's real cost on Cloudflare, one round trip per story, is larger than measured here.
 */
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { annotate } from "../../src/annotate";
import { STORED_VERSION } from "../../src/ingest/version";
import { normalizeItems } from "../../src/ingest/normalize";
import { parseFeed } from "../../src/ingest/parse";
import { type StoryWrite, storyWriteStatements } from "../../src/store/stories";
import { BENCH_NOW } from "../fixtures";
import { bracketOverhead, feedBytes, perStoryRounds, report, type StageFigures } from "./helpers";

const CTX = { feedUrl: "https://news.example/feed.xml", fetchedAt: BENCH_NOW.toISOString() };
const ROUNDS = 3;

/** The story row only, with the columns the real upsert writes: what a first attempt at a store looks like. */
function naiveInsert(db: D1Database, feedId: number, w: StoryWrite, now: string): D1PreparedStatement {
  const { item, annotation } = w;
  const f = annotation.flags;
  return db
    .prepare(
      `INSERT INTO stories (feed_id, guid, url, title, author, published_at, published_raw, updated_at, fetched_at,
         sort_at, summary, content_html, content_text, source_text, categories, content_hash, annotator_version,
         auto_generated, unedited, syndicated, ai_generated, evidence)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE(?6, ?9), ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)`,
    )
    .bind(
      feedId, item.guid, item.url, item.title, item.author, item.published_at, item.published_raw, item.updated_at, now,
      item.summary, item.content_html, annotation.content_text, item.text, JSON.stringify(item.categories),
      item.content_hash, w.annotatorVersion, Number(f.auto_generated), Number(f.unedited), Number(f.syndicated),
      Number(f.ai_generated), JSON.stringify(f.evidence),
    );
}

async function storiesOf(feedId: number): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM stories WHERE feed_id = ?1").bind(feedId).first<{ n: number }>();
  return row?.n ?? 0;
}

it("measures the batched D1 store against one awaited INSERT per story", async () => {
  const parsed = await parseFeed(await feedBytes("feed-1000x3k"), "application/rss+xml");
  const items = await normalizeItems(parsed.items, CTX);
  const writes: StoryWrite[] = items.map((item) => ({ item, annotation: annotate(item), annotatorVersion: STORED_VERSION }));
  const now = BENCH_NOW.toISOString();
  const n = writes.length;
  const overhead = await bracketOverhead();
  const db = env.DB;
  // Every round writes into a feed id of its own, so each one inserts n new stories.
  let feedId = 0;
  const used: number[] = [];
  const nextFeed = (): number => {
    used.push(++feedId);
    return feedId;
  };
  const statements = writes.flatMap((w) => storyWriteStatements(db, 1, w, now)).length;
  const how = `${n} new stories per round, ${ROUNDS} rounds after a warm-up; wall by the isolate's clock (the awaits are I/O), CPU of the whole workerd process (SQLite included)`;

  const stores: Record<string, StageFigures> = {};
  stores["D1 store, batched (stories + wires + entities)"] = await perStoryRounds(n, ROUNDS, overhead, async () => {
    const id = nextFeed();
    await db.batch(writes.flatMap((w) => storyWriteStatements(db, id, w, now)));
  }, `${how}; one db.batch of ${statements} statements`);
  stores["D1 store, batched (story rows only)"] = await perStoryRounds(n, ROUNDS, overhead, async () => {
    const id = nextFeed();
    await db.batch(writes.map((w) => storyWriteStatements(db, id, w, now)[0]!));
  }, `${how}; one db.batch of ${n} upserts`);
  stores["baseline: naive store (one awaited INSERT per story)"] = await perStoryRounds(n, ROUNDS, overhead, async () => {
    const id = nextFeed();
    for (const w of writes) await naiveInsert(db, id, w, now).run();
  }, `${how}; ${n} awaited db.prepare(INSERT).run() calls, story rows only`);

  for (const id of used) expect(await storiesOf(id)).toBe(n);
  await report("workerd-store", { statementsPerStory: statements / n, stores });
});
