/**
 * D1 round trips of the cluster stage per feed batch, in workerd with a real local D1: a 1,000-story feed is
 * stored (storeItems) into one feed, then the same stories into a second feed of another outlet, where every
 * story finds its copy. Every D1 call is counted (a statement's all/first/run/raw, and each batch with its
 * statements). The baseline is the path's own lookups without clustering (one known-story lookup per chunk)
 * and the one-query-per-story design the target rules out.
 */
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { CHUNK_ITEMS, type StoredCounts, storeItems } from "../../src/ingest/run";
import { parseFeed } from "../../src/ingest/parse";
import { insertFeed } from "../../src/store/feeds";
import { BENCH_NOW } from "../fixtures";
import { bracket, bracketOverhead, feedBytes, report } from "./helpers";

const FEED = "feed-1000x3k";

interface Counts {
  reads: number;
  batches: number;
  statementsInBatches: number;
  lookups: number;
}

/** Counts every D1 call from here on; `snapshot()` gives the counts so far. */
function countD1(db: D1Database): { snapshot: () => Counts } {
  const counts: Counts = { reads: 0, batches: 0, statementsInBatches: 0, lookups: 0 };
  const sqlOf = new WeakMap<object, string>();
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    const statement = prepare(sql);
    sqlOf.set(statement, sql);
    return statement;
  };
  const proto = Object.getPrototypeOf(prepare("SELECT 1")) as Record<string, (this: object, ...args: unknown[]) => unknown>;
  const bind = proto.bind!;
  proto.bind = function (...args) {
    const bound = bind.apply(this, args) as object;
    sqlOf.set(bound, sqlOf.get(this) ?? "");
    return bound;
  };
  for (const method of ["all", "first", "run", "raw"]) {
    const original = proto[method]!;
    proto[method] = function (...args) {
      counts.reads++;
      if ((sqlOf.get(this) ?? "").includes("JOIN band_keys b ON b.key")) counts.lookups++;
      return original.apply(this, args);
    };
  }
  const batch = db.batch.bind(db);
  db.batch = async (statements) => {
    counts.batches++;
    counts.statementsInBatches += statements.length;
    return batch(statements);
  };
  return { snapshot: () => ({ ...counts }) };
}

it("counts D1 round trips per feed batch with clustering", async () => {
  const overhead = await bracketOverhead();
  const bytes = await feedBytes(FEED);
  const closing = (c: StoredCounts) => ({ tally: { outcome: "ok" as const, itemsSeen: c.itemsSeen, storiesNew: c.storiesNew, storiesUpdated: c.storiesUpdated }, statements: [] });
  const runs: Record<string, Counts & { stories: number; wallMs: number; cpuMs: number }> = {};
  const counter = countD1(env.DB);
  for (const [name, host] of [["first feed (no copies stored yet)", "outlet-a.example"], ["second outlet (every story finds its copy)", "outlet-b.example"]] as const) {
    const feed = await insertFeed(env.DB, { url: `https://${host}/feed.xml`, title: host }, BENCH_NOW.toISOString());
    const parsed = await parseFeed(bytes, "application/rss+xml");
    // The generated stories all link to news.example: each feed's copies get its own outlet's links.
    for (const item of parsed.items) item.link = item.link?.replace("news.example", host) ?? null;
    const before = counter.snapshot();
    let stories = 0;
    const m = await bracket(async () => {
      const tally = await storeItems(env.DB, feed!.id, parsed, { feedUrl: `https://${host}/feed.xml`, fetchedAt: BENCH_NOW.toISOString() }, closing);
      stories = tally.storiesNew;
    }, overhead);
    const after = counter.snapshot();
    const diff = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof Counts]])) as unknown as Counts;
    runs[name] = { ...diff, stories, wallMs: m.wallMs, cpuMs: m.cpuMs };
  }
  const copies = await env.DB.prepare("SELECT count(*) AS n FROM story_signatures WHERE copy = 1").first<{ n: number }>();
  expect(copies?.n).toBe(2000);
  const chunks = Math.ceil(1000 / CHUNK_ITEMS);
  await report("workerd-clusters", {
    method: `storeItems of a ${FEED} feed into a new feed, then the same stories into a second outlet's feed; every D1 call counted`,
    chunks,
    baseline: { knownStoryLookups: chunks, finalBatch: 1, onePerStory: 1000 },
    runs,
  });
});
