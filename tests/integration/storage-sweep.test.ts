/**
 * The sweep for R2 bodies no story points at (issue 17): a D1 batch that fails after its puts leaves objects
 * behind; the cron lists the bucket a page a tick and removes them, never a body a row points at, never a
 * young object whose batch may still commit, never a key that is not a body's.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import { SWEEP_GRACE_MS, sweepOrphanBodies } from "../../src/ingest/storage";
import { feedBodyPrefix } from "../../src/store/bodies";
import { createRun } from "../../src/store/runs";
import { getStory } from "../../src/store/stories";
import { putMutable, registerFeed } from "./helpers";

function feedOf(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<item><title>Sweep story ${i}</title><guid>sweep-${i}</guid>
    <pubDate>${new Date(Date.now() - i * 3_600_000).toUTCString()}</pubDate>
    <description><![CDATA[<p>The harbour crane number ${i} was repaired overnight.</p>]]></description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Sweep</title>${items.join("")}</channel></rss>`;
}

/** Runs the sweep until its listing wraps, as successive cron ticks would. */
async function sweepAll(now: Date, limit: number): Promise<number> {
  let removed = 0;
  for (let tick = 0; tick < 100; tick++) {
    const r = await sweepOrphanBodies(env, { now, limit });
    removed += r.removed;
    if (r.wrapped) return removed;
  }
  throw new Error("the sweep never wrapped");
}

describe("the orphan body sweep", () => {
  it("removes old unreferenced bodies a page at a time and keeps every body a story points at", async () => {
    await putMutable("sweep", feedOf(3));
    const feed = await registerFeed("/mutable/sweep");
    await ingestFeed(env, { feedId: feed.id, runId: await createRun(env.DB, "test", new Date().toISOString(), 1), host: "127.0.0.1" });
    const { results } = await env.DB.prepare("SELECT id, body_key FROM stories WHERE feed_id = ?1").bind(feed.id).all<{ id: number; body_key: string }>();
    expect(results).toHaveLength(3);
    // Left behind by a batch that failed after its puts: keys of the feed's shape that no row points at.
    const orphans = ["0123456789abcdef", "fedcba9876543210"].map((g) => `${feedBodyPrefix(feed.id)}${g}/${"0".repeat(32)}`);
    for (const key of orphans) await env.BODIES.put(key, "orphan");
    await env.BODIES.put("notes/readme.txt", "not a body");

    // Young objects are never taken: their story's batch may still commit.
    expect(await sweepAll(new Date(), 2)).toBe(0);
    for (const key of orphans) expect(await env.BODIES.head(key)).not.toBeNull();

    // An hour on, the orphans go, through a listing of two keys per tick.
    const later = new Date(Date.now() + SWEEP_GRACE_MS + 60_000);
    expect(await sweepAll(later, 2)).toBe(2);
    for (const key of orphans) expect(await env.BODIES.head(key)).toBeNull();
    expect(await env.BODIES.head("notes/readme.txt")).not.toBeNull();
    for (const r of results) {
      expect(await env.BODIES.head(r.body_key)).not.toBeNull();
      expect((await getStory(env.DB, r.id, env.BODIES))?.content_html).toContain("harbour crane");
    }
    // A second round finds nothing more.
    expect(await sweepAll(later, 2)).toBe(0);
  });
});
