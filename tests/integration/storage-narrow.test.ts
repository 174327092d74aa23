/**
 * Migration 0013 on a database the previous code wrote (issue 17): signatures of whole minima and band keys
 * dated one by one keep clustering new copies before the mover has run, the mover converts them in resumable
 * batches, and pruning takes either layout.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import set from "../../fixtures/clusters/set.json";
import { annotate } from "../../src/annotate";
import { SIGNATURE_VERSION } from "../../src/cluster/params";
import { bandKeys, decodeSignature, signature } from "../../src/cluster/signature";
import { type StoredCounts, storeItems } from "../../src/ingest/run";
import { moveInlineBodies } from "../../src/ingest/storage";
import type { ParsedFeed } from "../../src/model";
import { lookupNodes, pruneBandKeys } from "../../src/store/clusters";
import type { FeedTally } from "../../src/store/runs";
import { countLegacyKeyStories, countWideSignatures } from "../../src/store/storage";

interface Labelled {
  id: string;
  outlet: string;
  title: string;
  text: string;
  published_at: string;
}
const stories = new Map((set as Labelled[]).map((s) => [s.id, s]));
const FETCHED_AT = "2024-07-06T00:00:00.000Z";

const closing = (counts: StoredCounts): { tally: FeedTally; statements: D1PreparedStatement[] } => ({
  tally: { outcome: "ok", itemsSeen: counts.itemsSeen, storiesNew: counts.storiesNew, storiesUpdated: counts.storiesUpdated },
  statements: [],
});

function feedOf(id: string): ParsedFeed {
  const s = stories.get(id)!;
  return {
    format: "rss", title: null, siteUrl: null, ttlMinutes: null, warnings: [],
    items: [{
      guid: id, link: `https://${s.outlet}/${id}`, title: s.title, titleIsHtml: false, author: null, published: s.published_at, updated: null,
      summary: null, content: s.text.split("\n\n").map((p) => `<p>${p}</p>`).join(""), categories: [], base: null,
    }],
  };
}

describe("migration 0013 of a database created by the migrations before it", () => {
  it("clusters a new copy with a story stored the old way, converts in resumable batches, and prunes either layout", async () => {
    const db = env.LEGACY_DB;
    await applyD1Migrations(db, env.TEST_MIGRATIONS.filter((m) => m.name < "0013"));
    // Two signed stories as the previous code wrote them: 512 bytes of whole minima, 32 keys each with its date.
    const legacy = ["haiti-gangs/original", "ecb-hold/original"];
    for (const [i, id] of legacy.entries()) {
      const s = stories.get(id)!;
      const text = annotate({ title: s.title, text: s.text }).content_text;
      const sig = signature(text)!;
      const whole = new Uint8Array(sig.mins.buffer, sig.mins.byteOffset, sig.mins.byteLength);
      const at = new Date(s.published_at).toISOString();
      await db.batch([
        db.prepare("INSERT INTO feeds (id, url, created_at) VALUES (?1, ?2, ?3)").bind(i + 1, `https://${s.outlet}/feed-${i}.xml`, FETCHED_AT),
        db
          .prepare(
            `INSERT INTO stories (id, feed_id, guid, title, fetched_at, sort_at, published_at, content_text, source_text, content_hash, annotator_version)
             VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?5, ?6, '', ?2, 1)`,
          )
          .bind(i + 1, id, s.title, FETCHED_AT, at, text),
        db
          .prepare("INSERT INTO story_signatures (story_id, version, signature, shingles, outlet, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .bind(i + 1, SIGNATURE_VERSION, whole, sig.shingles, s.outlet, at),
        ...bandKeys(sig).map((k) => db.prepare("INSERT INTO band_keys (key, story_id, at) VALUES (?1, ?2, ?3)").bind(k, i + 1, at)),
      ]);
    }
    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    const count = async (sql: string) => (await db.prepare(sql).first<{ n: number }>())!.n;
    expect(await count("SELECT count(*) AS n FROM band_keys_text")).toBe(64);

    // Before the mover: a copy stored through the write path finds the old story by its old keys and compares
    // with its wide signature.
    await db.prepare("INSERT INTO feeds (id, url, created_at) VALUES (3, 'https://www.thehindu.com/feed.xml', ?1)").bind(FETCHED_AT).run();
    await storeItems(db, 3, feedOf("haiti-gangs/no-dateline"), { feedUrl: "https://www.thehindu.com/feed.xml", fetchedAt: FETCHED_AT }, closing);
    const clusters = async () =>
      (await db.prepare("SELECT s.guid, g.cluster_id FROM story_signatures g JOIN stories s ON s.id = g.story_id ORDER BY s.id").all<{ guid: string; cluster_id: number | null }>()).results;
    expect(await clusters()).toEqual([
      { guid: "haiti-gangs/original", cluster_id: 1 },
      { guid: "ecb-hold/original", cluster_id: null },
      { guid: "haiti-gangs/no-dateline", cluster_id: 1 },
    ]);
    // The copy was written in the new layout: keys apart, one date.
    expect(await count("SELECT count(*) AS n FROM band_keys WHERE story_id = 3")).toBe(32);
    expect(await count("SELECT count(*) AS n FROM band_key_dates")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM story_signatures WHERE length(signature) = 256")).toBe(1);

    // What is left is counted up to a bound, so a call costs the same on a large database.
    expect([await countWideSignatures(db, 1), await countWideSignatures(db, 10)]).toEqual([1, 2]);
    expect([await countLegacyKeyStories(db, 1), await countLegacyKeyStories(db, 10)]).toEqual([1, 2]);

    // The mover, one story a call: half way, each layout holds whole stories.
    const legacyEnv = { ...env, DB: db } as Env;
    const first = await moveInlineBodies(legacyEnv, { limit: 1 });
    expect(first).toMatchObject({ band_keys_moved: 1, band_keys_remaining: 1, signatures_packed: 1, signatures_remaining: 1, next_after: 1 });
    expect(await count("SELECT count(*) AS n FROM band_keys_text")).toBe(32);
    expect(await count("SELECT count(*) AS n FROM band_keys WHERE story_id = 1")).toBe(32);
    expect(await db.prepare("SELECT at FROM band_key_dates WHERE story_id = 1").first()).toEqual({ at: new Date(stories.get("haiti-gangs/original")!.published_at).toISOString() });
    const rest = await moveInlineBodies(legacyEnv, { limit: 1, after: first.next_after! });
    expect(rest).toMatchObject({ band_keys_moved: 1, band_keys_remaining: 0, signatures_packed: 1, signatures_remaining: 0 });
    expect(await count("SELECT count(*) AS n FROM band_keys_text")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM band_keys")).toBe(96);
    expect(await count("SELECT count(*) AS n FROM story_signatures WHERE length(signature) = 256")).toBe(3);

    // After it: the same candidates, and the narrowed signature is the same digests.
    const copy = stories.get("haiti-gangs/no-dateline")!;
    const copySig = signature(annotate({ title: copy.title, text: copy.text }).content_text)!;
    const at = Date.parse(copy.published_at);
    const nodes = await lookupNodes(db, {
      keys: bandKeys(copySig), from: new Date(at - 14 * 86_400_000).toISOString(), to: new Date(at + 14 * 86_400_000).toISOString(), own: [], version: SIGNATURE_VERSION,
    });
    expect(nodes.map((n) => n.guid).sort()).toEqual(["haiti-gangs/no-dateline", "haiti-gangs/original"]);
    const original = nodes.find((n) => n.guid === "haiti-gangs/original")!;
    const s = stories.get("haiti-gangs/original")!;
    expect([...decodeSignature(original.signature, original.shingles).bits]).toEqual([...signature(annotate({ title: s.title, text: s.text }).content_text)!.bits]);

    // Pruning by date, whole stories at a time, in either layout.
    await db.prepare("INSERT INTO band_keys_text (key, story_id, at) SELECT key, story_id, '2024-01-01T00:00:00.000Z' FROM band_keys WHERE story_id = 2").run();
    await db.batch([db.prepare("DELETE FROM band_keys WHERE story_id = 2"), db.prepare("DELETE FROM band_key_dates WHERE story_id = 2")]);
    expect(await pruneBandKeys(db, "2023-12-31T00:00:00.000Z", 10)).toBe(0);
    expect(await pruneBandKeys(db, "2024-01-02T00:00:00.000Z", 10)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM band_keys_text")).toBe(0);
    expect(await pruneBandKeys(db, "9999-01-01T00:00:00.000Z", 1)).toBe(1);
    expect(await pruneBandKeys(db, "9999-01-01T00:00:00.000Z", 10)).toBe(1);
    expect([await count("SELECT count(*) AS n FROM band_keys"), await count("SELECT count(*) AS n FROM band_key_dates")]).toEqual([0, 0]);
  });
});
