/**
 * Data safety: each feed's writes are one D1 batch, so a failure at any statement of it leaves nothing of
 * that feed's pass behind, and the next normal pass does the whole work. The failure is injected by a D1
 * wrapper whose batch() sends the first k real statements followed by one that real D1 refuses (a NULL into
 * feeds.url, which is NOT NULL): exactly what a crash or a D1 error after k statements looks like.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consumeBatch, type FeedMessage, ingestFeed } from "../../src/ingest/run";
import type { Feed } from "../../src/model";
import { createRun } from "../../src/store/runs";
import { storedText } from "../../src/store/text";
import { api, putMutable, registerFeed } from "../integration/helpers";
import { counts, databaseChecksum, expectConsistent, record, STORY_TABLES, snapshotStories, storiesLost } from "./helpers";

interface FailingDb {
  db: D1Database;
  /** Statement count of each batch the code under test asked for. */
  batches: number[];
}

/**
 * A D1 whose batches fail after k statements (k < 0 counts from the end: -1 fails on the last one): only the first batch (`once`, a transient error), or every
 * batch (`always`, D1 unavailable for the whole message).
 */
function failingAfter(k: number, mode: "once" | "always"): FailingDb {
  const batches: number[] = [];
  const db = {
    prepare: (sql: string) => env.DB.prepare(sql),
    exec: (sql: string) => env.DB.exec(sql),
    async batch(statements: D1PreparedStatement[]) {
      batches.push(statements.length);
      if (mode === "once" && batches.length > 1) return env.DB.batch(statements);
      return env.DB.batch([...statements.slice(0, k < 0 ? statements.length + k : k), env.DB.prepare("INSERT INTO feeds (url) VALUES (NULL)")]);
    },
  };
  return { db: db as unknown as D1Database, batches };
}

/** Three stories, then a fetch that changes one (new wire and place), keeps two and adds three. */
const item = (i: number, body: string) =>
  `<item><title>Harbour story ${i}</title><guid>atomic-${i}</guid><link>https://atomic.example/${i}</link><description>${body}</description></item>`;
const feedOf = (items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Atomic</title>${items.join("")}</channel></rss>`;
const V1 = feedOf([0, 1, 2].map((i) => item(i, `LAGOS - The harbour in Lagos reopened, officials said of berth ${i}.`)));
const V2 = feedOf([
  item(0, "NAIROBI (Reuters) - The harbour story moved to Nairobi after a correction, officials said."),
  ...[1, 2].map((i) => item(i, `LAGOS - The harbour in Lagos reopened, officials said of berth ${i}.`)),
  ...[3, 4, 5].map((i) => item(i, `ACCRA - A new berth ${i} opened in Accra on Monday.`)),
]);

async function feed(id: number): Promise<Feed> {
  return (await api(`/v1/feeds/${id}`)).json<Feed>();
}

async function message(feedId: number): Promise<FeedMessage> {
  return { feedId, runId: await createRun(env.DB, "test", new Date().toISOString(), 1), host: "127.0.0.1" };
}

/** A feed stored at V1 and now serving V2, its validators cleared so the next fetch is a full one. */
async function feedAtV1(name: string): Promise<Feed> {
  await putMutable(name, V1);
  const f = await registerFeed(`/mutable/${name}`);
  await ingestFeed(env, await message(f.id));
  expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 3 });
  await putMutable(name, V2);
  return f;
}

async function expectV2Complete(f: Feed): Promise<void> {
  expect(await feed(f.id)).toMatchObject({ status: "ok", story_count: 6, error_count: 0 });
  const changed = await env.DB.prepare(
    `SELECT s.content_text, s.content_z, (SELECT group_concat(wire) FROM story_wires WHERE story_id = s.id) AS wires
     FROM stories s WHERE feed_id = ?1 AND guid = 'atomic-0'`,
  )
    .bind(f.id)
    .first<{ content_text: string; content_z: number[] | null; wires: string | null }>();
  // The text is compressed in the row (migrations/0012): read as the store reads it.
  expect(storedText(changed!)).toContain("Nairobi");
  expect(changed?.wires).toBe("Reuters");
  expectConsistent(await counts());
}

describe("an exception after k statements of a feed's batch", () => {
  // 0: nothing sent; 1: the first upsert only; then inside the links of later stories; -1: all but the run tally.
  it.each([0, 1, 2, 3, 5, 8, 13, 21, -1])("k = %i: nothing of the batch is stored, and the next pass completes it", async (k) => {
    const f = await feedAtV1(`atomic-once-${k}`);
    const before = await databaseChecksum(STORY_TABLES);
    const snapshot = await snapshotStories();
    const failing = failingAfter(k, "once");

    const tally = await ingestFeed({ ...env, DB: failing.db }, await message(f.id));
    expect(failing.batches[0]).toBeGreaterThan(Math.abs(k));
    expect(tally.outcome).toBe("failed");
    const failed = await feed(f.id);
    // The write failed, not the feed: the error says so, and the feed backs off like any other error.
    expect(failed).toMatchObject({ status: "error", story_count: 3 });
    expect(failed.last_error).toMatch(/^internal: .*NOT NULL constraint failed: feeds\.url/);
    expect(await databaseChecksum(STORY_TABLES)).toBe(before);
    const lost = await storiesLost(snapshot);
    expectConsistent(await counts());

    await ingestFeed(env, await message(f.id));
    await expectV2Complete(f);
    await record({
      section: "atomicity",
      name: `feed batch of ${failing.batches[0]} statements fails after ${k < 0 ? failing.batches[0]! + k : k}`,
      outcome: "nothing written; next pass stored all 6",
      crashes: 0,
      storiesLost: lost,
      attempts: 2,
    });
    expect(lost).toBe(0);
  });

  it("when D1 fails for the whole message, nothing at all is written and the queue retries it", async () => {
    const f = await feedAtV1("atomic-always");
    const before = await databaseChecksum();
    const failing = failingAfter(4, "always");
    const msg = await message(f.id);
    const batch = createMessageBatch<FeedMessage>("wirewatch-ingest", [{ id: "down-1", timestamp: new Date(), attempts: 1, body: msg }]);
    const ctx = createExecutionContext();
    await consumeBatch(batch, { ...env, DB: failing.db });
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["down-1"]);
    expect(result.explicitAcks).toEqual([]);
    // Neither the stories nor the error record: the feed looks as if the message had not yet been seen.
    expect(await databaseChecksum()).toBe(before);
    expect(failing.batches).toHaveLength(2);

    await ingestFeed(env, msg);
    await expectV2Complete(f);
    await record({ section: "atomicity", name: "D1 down for a whole message", outcome: "nothing written, retried; redelivery stored all 6", crashes: 0, storiesLost: 0, attempts: 2 });
  });
});
