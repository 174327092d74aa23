/**
 * Peak memory while ingesting a 10 MB feed (1,000 stories of ~9.5 KB, just under the fetch and parse caps).
 * Run in a workerd process of its own (bench/run.mjs starts it separately) so nothing else has raised its peak.
 * Measured from outside: workerd process RSS, sampled every millisecond and checked against VmHWM; the growth over
 * the RSS just before the ingest is the ingest's cost, an upper bound on the isolate's heap since local D1's
 * SQLite pages and the runtime's buffers count too. An isolate cannot read its own heap in workerd
 * (process.memoryUsage() answers zeros).
 */
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import { insertFeed } from "../../src/store/feeds";
import { createRun } from "../../src/store/runs";
import { benchUrl, bracket, report, startMemory, stopMemory } from "./helpers";

async function ingest(url: string): Promise<{ storiesNew: number; cpuMs: number; wallMs: number }> {
  const now = new Date().toISOString();
  const feed = await insertFeed(env.DB, { url, title: null }, now);
  if (!feed) throw new Error(`bench: feed ${url} already registered`);
  const runId = await createRun(env.DB, "bench", now, 1);
  let storiesNew = 0;
  const m = await bracket(async () => {
    storiesNew = (await ingestFeed(env, { feedId: feed.id, runId, host: new URL(url).host })).storiesNew;
  });
  return { storiesNew, ...m };
}

it("ingests a 10 MB feed within the memory target", async () => {
  const warmed = await (await fetch(benchUrl("/warm/feed-10mb"), { method: "POST" })).json<{ bytes: number }>();
  // A small feed first, so loading the code and D1's first pages are not counted as the big feed's cost.
  await fetch(benchUrl("/warm/multi/1"), { method: "POST" });
  expect((await ingest(benchUrl("/feed/multi-0.xml"))).storiesNew).toBe(50);

  await startMemory();
  const m = await ingest(benchUrl("/feed/feed-10mb.xml"));
  const memory = await stopMemory();
  expect(m.storiesNew).toBe(1000);
  await report("workerd-memory", {
    feedBytes: warmed.bytes,
    stories: m.storiesNew,
    method: "workerd process RSS sampled every 1 ms from /proc (and VmHWM) during ingestFeed of the 10 MB feed, in a fresh workerd process after a 50-story warm-up",
    wallMs: m.wallMs,
    cpuPerStoryMs: m.cpuMs / m.storiesNew,
    memory,
  });
});
