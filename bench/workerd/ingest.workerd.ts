/**
 * End to end, one feed: a 1,000-story feed of 3 KB stories through ingestFeed (fetch from the bench server →
 * parse → normalize → known-story lookup → annotate → one D1 batch), each round into a newly registered feed so
 * every story is new; then the same feed fetched again unchanged, which costs a lookup and no writes.
 */
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import { createRun } from "../../src/store/runs";
import { insertFeed } from "../../src/store/feeds";
import { summarize } from "../stats";
import { benchUrl, bracket, bracketOverhead, report } from "./helpers";

const ROUNDS = 3;
const FEED = "feed-1000x3k";

async function registered(url: string): Promise<number> {
  const feed = await insertFeed(env.DB, { url, title: null }, new Date().toISOString());
  if (!feed) throw new Error(`bench: feed ${url} already registered`);
  return feed.id;
}

async function ingestOnce(feedId: number, overhead: number): Promise<{ cpuMs: number; wallMs: number; storiesNew: number; itemsSeen: number }> {
  const runId = await createRun(env.DB, "bench", new Date().toISOString(), 1);
  let tally = { storiesNew: 0, itemsSeen: 0 };
  const m = await bracket(async () => {
    tally = await ingestFeed(env, { feedId, runId, host: "127.0.0.1" });
  }, overhead);
  return { ...m, storiesNew: tally.storiesNew, itemsSeen: tally.itemsSeen };
}

it("ingests a 1,000-story feed end to end", async () => {
  await fetch(benchUrl(`/warm/${FEED}`), { method: "POST" });
  const overhead = await bracketOverhead();
  await ingestOnce(await registered(benchUrl(`/feed/${FEED}.xml?round=warm-up`)), overhead);
  const fresh: { cpuMs: number; wallMs: number }[] = [];
  let lastFeed = 0;
  for (let r = 0; r < ROUNDS; r++) {
    lastFeed = await registered(benchUrl(`/feed/${FEED}.xml?round=${r}`));
    const m = await ingestOnce(lastFeed, overhead);
    expect(m.storiesNew).toBe(1000);
    fresh.push(m);
  }
  const unchanged = await ingestOnce(lastFeed, overhead);
  expect(unchanged.itemsSeen).toBe(1000);
  expect(unchanged.storiesNew).toBe(0);

  const n = 1000;
  await report("workerd-ingest", {
    stories: n,
    rounds: ROUNDS,
    method: `ingestFeed on a newly registered feed per round (all ${n} stories new), ${ROUNDS} rounds after a warm-up; wall by the isolate's clock, CPU of the whole workerd process (local D1's SQLite and the HTTP client included)`,
    wallMs: summarize(fresh.map((m) => m.wallMs)),
    cpuPerStoryMs: summarize(fresh.map((m) => m.cpuMs / n)),
    itemsPerSecond: summarize(fresh.map((m) => (n / m.wallMs) * 1000)),
    unchanged: { wallMs: unchanged.wallMs, cpuPerStoryMs: unchanged.cpuMs / n },
  });
});
