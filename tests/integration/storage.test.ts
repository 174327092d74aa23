/**
 * Storage that lasts (issue 17): story bodies in R2 behind the store's functions, safe writes when R2 fails
 * (a bucket wrapper that throws on the nth put, in the real workerd R2 otherwise), the mover that migrates
 * inline bodies (on a database created by the previous schema too), and retention.
 */
import { applyD1Migrations, createMessageBatch, env, getQueueResult, createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consumeBatch, ingestFeed, type IngestMessage } from "../../src/ingest/run";
import { applyRetention, moveInlineBodies } from "../../src/ingest/storage";
import type { Story } from "../../src/model";
import { getBodies } from "../../src/store/bodies";
import { createRun } from "../../src/store/runs";
import { getStory, storiesForReannotation, storyBody } from "../../src/store/stories";
import { ADMIN, api, putMutable, registerFeed } from "./helpers";

const DAY = 86_400_000;

/** An RSS item with a dated HTML body and a wire dateline, so flags, entities and html all have something to hold. */
function item(name: string, i: number, date: Date): string {
  return `<item><title>${name} ferry story ${i}</title><guid>${name}-${i}</guid><link>https://storage.example/${name}/${i}</link>
    <pubDate>${date.toUTCString()}</pubDate>
    <description><![CDATA[<p>NAIROBI (Reuters) - The ferry service across Lake Victoria resumed on day ${i}, Kenyan officials said.</p><p>Passengers in Kisumu queued from dawn for crossing number ${i}.</p>]]></description></item>`;
}

function feedOf(name: string, dates: Date[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Storage ${name}</title>${dates.map((d, i) => item(name, i, d)).join("")}</channel></rss>`;
}

/** A bucket whose nth put (1-based, counted across the test) and every later one listed in `failing` throw. */
function failingBucket(failOn: (n: number) => boolean): { bucket: R2Bucket; puts: () => number } {
  let n = 0;
  const bucket = new Proxy(env.BODIES, {
    get(target, prop) {
      if (prop === "put") {
        return (...args: Parameters<R2Bucket["put"]>) => {
          n++;
          if (failOn(n)) return Promise.reject(new Error(`injected R2 failure on put ${n}`));
          return target.put(...args);
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { bucket, puts: () => n };
}

/** Captures what ingest sends on the feed queue, so the test drives the consumer itself. */
function capturingQueue(): { queue: Queue; sent: unknown[] } {
  const sent: unknown[] = [];
  const queue = {
    send: async (body: unknown) => void sent.push(body),
    sendBatch: async (msgs: Iterable<{ body: unknown }>) => void sent.push(...[...msgs].map((m) => m.body)),
  };
  return { queue: queue as unknown as Queue, sent };
}

interface Row {
  id: number;
  content_html: string | null;
  source_text: string;
  body_key: string | null;
  body_expired_at: string | null;
}

async function rows(feedId: number): Promise<Row[]> {
  const { results } = await env.DB.prepare("SELECT id, content_html, source_text, body_key, body_expired_at FROM stories WHERE feed_id = ?1 ORDER BY id")
    .bind(feedId)
    .all<Row>();
  return results;
}

async function ingestWith(feedId: number, over: Partial<Env>): Promise<void> {
  const runId = await createRun(env.DB, "test", new Date().toISOString(), 1);
  await ingestFeed({ ...env, ...over } as Env, { feedId, runId, host: "127.0.0.1" });
}

async function story(id: number): Promise<Story> {
  const res = await api(`/v1/stories/${id}`);
  expect(res.status).toBe(200);
  return res.json<Story>();
}

/** Every key a row points at names an object in R2: no row points at a body that was not written. */
async function expectNoDanglingKeys(): Promise<void> {
  const { results } = await env.DB.prepare("SELECT body_key FROM stories WHERE body_key IS NOT NULL").all<{ body_key: string }>();
  for (const { body_key } of results) expect(await env.BODIES.head(body_key), body_key).not.toBeNull();
}

describe("bodies in R2", () => {
  it("keeps content_html and source_text out of D1 and reads them back through the store", async () => {
    const now = new Date();
    await putMutable("storage-basic", feedOf("basic", [0, 1, 2].map((d) => new Date(now.getTime() - d * DAY))));
    const feed = await registerFeed("/mutable/storage-basic");
    await ingestWith(feed.id, {});
    const stored = await rows(feed.id);
    expect(stored).toHaveLength(3);
    for (const r of stored) {
      expect(r.body_key).toMatch(new RegExp(`^b/${feed.id}/[0-9a-f]{16}/[0-9a-f]{32}$`));
      expect(r.content_html).toBeNull();
      expect(r.source_text).toBe("");
      const s = await story(r.id);
      expect(s.content_html).toContain("<p>NAIROBI (Reuters)");
      expect(s.flags.syndicated).toBe(true);
      // The object is compressed: smaller than the JSON it holds.
      const object = await env.BODIES.get(r.body_key!);
      const bytes = await object!.arrayBuffer();
      expect(new Uint8Array(bytes).subarray(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b]));
    }
    // A list asking for content_html gets every story's body, the same as the single story.
    const list = await (await api(`/v1/stories?feed=${feed.id}`)).json<{ stories: Story[] }>();
    expect(list.stories).toHaveLength(3);
    for (const s of list.stories) expect(s.content_html).toBe((await story(Number(s.id))).content_html);
    const fields = await (await api(`/v1/stories?feed=${feed.id}&fields=title,content_html`)).json<{ stories: Partial<Story>[] }>();
    expect(fields.stories.every((s) => s.content_html?.includes("Lake Victoria"))).toBe(true);
    // Re-annotation starts from the source text, read from R2.
    const [first] = await storiesForReannotation(env.DB, { version: 1_000_000, afterId: stored[0]!.id - 1, limit: 1, all: true }, env.BODIES);
    expect(first!.item.text).toContain("NAIROBI (Reuters) - The ferry service");
    expect(first!.body).toEqual({ key: stored[0]!.body_key });
  });

  it("replaces a changed story's body and removes the old object after the row moved on", async () => {
    const now = new Date();
    await putMutable("storage-change", feedOf("change", [now]));
    const feed = await registerFeed("/mutable/storage-change");
    await ingestWith(feed.id, {});
    const [before] = await rows(feed.id);
    await putMutable("storage-change", feedOf("change", [now]).replace("resumed on day 0", "resumed again on day 0"));
    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(feed.id).run();
    await ingestWith(feed.id, {});
    const [after] = await rows(feed.id);
    expect(after!.id).toBe(before!.id);
    expect(after!.body_key).not.toBe(before!.body_key);
    expect(await env.BODIES.head(before!.body_key!)).toBeNull();
    expect((await story(after!.id)).content_html).toContain("resumed again on day 0");
  });

  it("survives an R2 failure mid-batch: nothing lost, every story readable from D1, the move retried through the queue", async () => {
    const now = new Date();
    const dates = [0, 1, 2, 3, 4, 5].map((d) => new Date(now.getTime() - d * DAY));
    await putMutable("storage-r2-fails", feedOf("r2fail", dates));
    const feed = await registerFeed("/mutable/storage-r2-fails");
    // The third and fourth puts fail; the others land.
    const failing = failingBucket((n) => n === 3 || n === 4);
    const { queue, sent } = capturingQueue();
    await ingestWith(feed.id, { BODIES: failing.bucket, INGEST_QUEUE: queue });
    expect(failing.puts()).toBe(6);
    const stored = await rows(feed.id);
    expect(stored).toHaveLength(6);
    const inline = stored.filter((r) => r.body_key === null);
    expect(inline).toHaveLength(2);
    for (const r of inline) {
      expect(r.content_html).toContain("<p>NAIROBI (Reuters)");
      expect(r.source_text).toContain("Lake Victoria");
    }
    await expectNoDanglingKeys();
    // Every story reads whole, wherever its body is.
    const html = new Map<number, string | null>();
    for (const r of stored) {
      const s = await story(r.id);
      expect(s.content_html).toContain("Lake Victoria");
      html.set(r.id, s.content_html);
    }
    expect(sent).toEqual([{ moveBodies: true }]);

    // The queue's move message: while R2 still fails it is retried, and the bodies stay inline and readable.
    const stillFailing = failingBucket(() => true);
    const batch1 = createMessageBatch<IngestMessage>("wirewatch-ingest", [{ id: "m1", timestamp: new Date(), attempts: 1, body: { moveBodies: true } }]);
    const ctx1 = createExecutionContext();
    await consumeBatch(batch1, { ...env, BODIES: stillFailing.bucket }, undefined, moveInlineBodies);
    const result1 = await getQueueResult(batch1, ctx1);
    expect(result1.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["m1"]);
    expect((await rows(feed.id)).filter((r) => r.body_key === null)).toHaveLength(2);

    // Once R2 takes them, the message is acked and every body is in R2, unchanged.
    const batch2 = createMessageBatch<IngestMessage>("wirewatch-ingest", [{ id: "m2", timestamp: new Date(), attempts: 2, body: { moveBodies: true } }]);
    const ctx2 = createExecutionContext();
    await consumeBatch(batch2, env, undefined, moveInlineBodies);
    const result2 = await getQueueResult(batch2, ctx2);
    expect(result2.explicitAcks).toEqual(["m2"]);
    const moved = await rows(feed.id);
    expect(moved.every((r) => r.body_key !== null && r.content_html === null && r.source_text === "")).toBe(true);
    for (const r of moved) expect((await story(r.id)).content_html).toBe(html.get(r.id));
    await expectNoDanglingKeys();
  });

  it("deletes a taken-down story's body with it", async () => {
    await putMutable("storage-takedown", feedOf("takedown", [new Date()]));
    const feed = await registerFeed("/mutable/storage-takedown");
    await ingestWith(feed.id, {});
    const [r] = await rows(feed.id);
    expect((await api(`/v1/stories/${r!.id}`, { method: "DELETE", headers: ADMIN })).status).toBe(204);
    expect(await env.BODIES.head(r!.body_key!)).toBeNull();
  });
});

describe("POST /v1/storage/migrate", () => {
  it("is admin only", async () => {
    expect((await api("/v1/storage/migrate", { method: "POST" })).status).toBe(401);
    expect((await api("/v1/storage/migrate?limit=0", { method: "POST", headers: ADMIN })).status).toBe(400);
  });

  it("moves inline bodies in resumable batches", async () => {
    await putMutable("storage-migrate", feedOf("migrate", [0, 1, 2, 3, 4].map((d) => new Date(Date.now() - d * DAY))));
    const feed = await registerFeed("/mutable/storage-migrate");
    // Stored with R2 down: every body inline.
    await ingestWith(feed.id, { BODIES: failingBucket(() => true).bucket, INGEST_QUEUE: capturingQueue().queue });
    const before = await rows(feed.id);
    expect(before.every((r) => r.body_key === null && r.content_html !== null)).toBe(true);
    const html = new Map(await Promise.all(before.map(async (r) => [r.id, (await story(r.id)).content_html] as const)));
    let after = 0;
    let moved = 0;
    for (let round = 0; round < 50; round++) {
      const res = await api(`/v1/storage/migrate?limit=2&after=${after}`, { method: "POST", headers: ADMIN });
      expect(res.status).toBe(200);
      const batch = await res.json<{ moved: number; failed: number; next_after: number | null; remaining: number }>();
      expect(batch.failed).toBe(0);
      moved += batch.moved;
      if (batch.next_after === null) break;
      after = batch.next_after;
    }
    expect(moved).toBeGreaterThanOrEqual(5);
    const stored = await rows(feed.id);
    expect(stored.every((r) => r.body_key !== null && r.content_html === null)).toBe(true);
    for (const r of stored) expect((await story(r.id)).content_html).toBe(html.get(r.id));
  });
});

describe("migration of a database created by the previous schema", () => {
  it("keeps old stories readable, then moves their bodies to R2", async () => {
    const db = env.LEGACY_DB;
    const old = env.TEST_MIGRATIONS.filter((m) => m.name < "0009");
    expect(old.length).toBe(8);
    await applyD1Migrations(db, old);
    // Rows as the previous code wrote them: bodies in content_html and source_text.
    await db.prepare("INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://legacy.example/feed.xml', '2025-01-01T00:00:00.000Z')").run();
    const insert = db.prepare(
      `INSERT INTO stories (feed_id, guid, title, fetched_at, sort_at, content_html, content_text, source_text, content_hash, annotator_version)
       VALUES (1, ?1, ?2, '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z', ?3, ?4, ?5, ?1, 1)`,
    );
    await db.batch(
      [0, 1, 2].map((i) => insert.bind(`legacy-${i}`, `Legacy story ${i}`, `<p>Legacy body ${i} (PTI)</p>`, `Legacy body ${i}`, `Legacy body ${i} (PTI)`)),
    );
    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    const legacyEnv = { ...env, DB: db } as Env;
    const first = await getStory(db, 1, env.BODIES);
    expect(first?.content_html).toBe("<p>Legacy body 0 (PTI)</p>");

    const batch = await moveInlineBodies(legacyEnv, { limit: 2 });
    expect(batch).toMatchObject({ moved: 2, failed: 0, next_after: 2, remaining: 1 });
    const rest = await moveInlineBodies(legacyEnv, { after: 2, limit: 2 });
    expect(rest).toMatchObject({ moved: 1, next_after: null, remaining: 0 });
    const { results } = await db.prepare("SELECT id, content_html, source_text, body_key FROM stories ORDER BY id").all<Row>();
    for (const [i, r] of results.entries()) {
      expect(r.content_html).toBeNull();
      expect(r.source_text).toBe("");
      expect(await storyBody(env.BODIES, r)).toEqual({ content_html: `<p>Legacy body ${i} (PTI)</p>`, source_text: `Legacy body ${i} (PTI)` });
      expect((await getStory(db, r.id, env.BODIES))?.content_html).toBe(`<p>Legacy body ${i} (PTI)</p>`);
    }
    // Re-annotation reads its source from R2 after the move.
    const [again] = await storiesForReannotation(db, { version: 2, afterId: 0, limit: 1, all: false }, env.BODIES);
    expect(again?.item.text).toBe("Legacy body 0 (PTI)");
  });
});

describe("retention", () => {
  it("RETAIN_DAYS removes old bodies from R2 and keeps the story, its tags and its text", async () => {
    const now = new Date();
    const dates = [1, 2, 40, 50].map((d) => new Date(now.getTime() - d * DAY));
    await putMutable("storage-retain-bodies", feedOf("retainbodies", dates));
    const feed = await registerFeed("/mutable/storage-retain-bodies");
    await ingestWith(feed.id, {});
    const before = await rows(feed.id);
    const oldKeys = before.slice(2).map((r) => r.body_key!);
    const result = await applyRetention({ ...env, RETAIN_DAYS: "30" } as Env, now);
    expect(result.bodies_removed).toBeGreaterThanOrEqual(2);
    const after = await rows(feed.id);
    expect(after.slice(0, 2).map((r) => r.body_key)).toEqual(before.slice(0, 2).map((r) => r.body_key));
    for (const r of after.slice(2)) {
      expect(r.body_key).toBeNull();
      expect(r.body_expired_at).toBe(now.toISOString());
      const s = await story(r.id);
      expect(s.content_html).toBeNull();
      expect(s.content_text).toContain("Lake Victoria");
      expect(s.flags.wire_services).toContain("Reuters");
      expect(s.entities.map((e) => e.name)).toContain("Kisumu");
    }
    for (const key of oldKeys) expect(await env.BODIES.head(key)).toBeNull();
    expect(await getBodies(env.BODIES, after.slice(0, 2).map((r) => r.body_key!))).toHaveProperty("size", 2);
    // Still found by search, and not re-annotated from a body it no longer has.
    const search = await (await api(`/v1/stories?feed=${feed.id}&q=Kisumu`)).json<{ stories: Story[] }>();
    expect(search.stories).toHaveLength(4);
    const stale = await storiesForReannotation(env.DB, { version: 1_000_000, afterId: after[2]!.id - 1, limit: 2, all: true }, env.BODIES);
    expect(stale.map((s) => s.id)).not.toContain(after[2]!.id);
  });

  it("RETAIN_STORY_DAYS removes old stories with their tags and index rows, and tombstones keep them from coming back", async () => {
    const now = new Date();
    const dates = [1, 400, 500].map((d) => new Date(now.getTime() - d * DAY));
    await putMutable("storage-retain-stories", feedOf("retainstories", dates));
    const feed = await registerFeed("/mutable/storage-retain-stories");
    await ingestWith(feed.id, {});
    const before = await rows(feed.id);
    const gone = before.slice(1);
    const result = await applyRetention({ ...env, RETAIN_STORY_DAYS: "365" } as Env, now);
    expect(result.stories_removed).toBeGreaterThanOrEqual(2);
    expect((await rows(feed.id)).map((r) => r.id)).toEqual([before[0]!.id]);
    for (const r of gone) {
      expect((await api(`/v1/stories/${r.id}`)).status).toBe(404);
      expect(await env.BODIES.head(r.body_key!)).toBeNull();
      const links = await env.DB.prepare("SELECT (SELECT count(*) FROM story_entities WHERE story_id = ?1) + (SELECT count(*) FROM story_wires WHERE story_id = ?1) + (SELECT count(*) FROM stories_fts WHERE rowid = ?1) AS n")
        .bind(r.id)
        .first<{ n: number }>();
      expect(links?.n).toBe(0);
    }
    const tombstones = await env.DB.prepare("SELECT count(*) AS n FROM deleted_stories WHERE feed_id = ?1").bind(feed.id).first<{ n: number }>();
    expect(tombstones?.n).toBe(2);
    // The feed still lists them: the next fetch does not bring them back.
    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(feed.id).run();
    await ingestWith(feed.id, {});
    expect(await rows(feed.id)).toHaveLength(1);
  });

  it("keeps everything by default, and ignores a value that is not a number of days", async () => {
    await putMutable("storage-retain-default", feedOf("retaindefault", [new Date(Date.now() - 3000 * DAY)]));
    const feed = await registerFeed("/mutable/storage-retain-default");
    await ingestWith(feed.id, {});
    expect(await applyRetention({ ...env, RETAIN_DAYS: "", RETAIN_STORY_DAYS: "" } as Env)).toEqual({ bodies_removed: 0, stories_removed: 0 });
    expect(await applyRetention({ ...env, RETAIN_DAYS: "soon", RETAIN_STORY_DAYS: "-3" } as Env)).toEqual({ bodies_removed: 0, stories_removed: 0 });
    const [r] = await rows(feed.id);
    expect(r!.body_key).not.toBeNull();
  });
});
