/**
 * End to end, many feeds: 200 local feeds × 50 stories through the production path. worker.scheduled claims the
 * due feeds and sends them to the local queue; the Worker's queue consumer ingests them; the bench waits until
 * the run records every feed done. Memory is sampled from outside the whole time.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { expect, it } from "vitest";
import worker from "../../src/index";
import { insertFeeds } from "../../src/store/feeds";
import { EXTRA_HOSTS } from "../protocol";
import { benchUrl, benchUrlOnHost, bracket, bracketOverhead, report, startMemory, stopMemory } from "./helpers";

const FEEDS = 200;
const ITEMS = 50;
const TIMEOUT_MS = 240_000;

async function latestRun(): Promise<{ id: number; finished_at: string | null; feeds_ok: number; stories_new: number } | null> {
  return env.DB.prepare("SELECT id, finished_at, feeds_ok, stories_new FROM ingest_runs ORDER BY id DESC LIMIT 1").first();
}

it("ingests 200 feeds × 50 stories through cron, queue and consumer", async () => {
  await fetch(benchUrl(`/warm/multi/${FEEDS}`), { method: "POST" });
  const urls = Array.from({ length: FEEDS }, (_, i) => ({ url: benchUrlOnHost(i, `/feed/multi-${i}.xml`), title: null }));
  expect((await insertFeeds(env.DB, urls, new Date().toISOString())).size).toBe(FEEDS);
  const overhead = await bracketOverhead();

  await startMemory();
  const m = await bracket(async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const deadline = Date.now() + TIMEOUT_MS;
    while (!(await latestRun())?.finished_at) {
      if (Date.now() > deadline) throw new Error(`bench: the cron run did not finish within ${TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }, overhead);
  const memory = await stopMemory();

  const run = await latestRun();
  const stories = await env.DB.prepare("SELECT count(*) AS n FROM stories").first<{ n: number }>();
  expect(run?.feeds_ok).toBe(FEEDS);
  expect(stories?.n).toBe(FEEDS * ITEMS);
  const n = FEEDS * ITEMS;
  await report("workerd-cron", {
    feeds: FEEDS,
    stories: n,
    method: `${FEEDS} feeds on ${EXTRA_HOSTS} loopback hosts; worker.scheduled → local queue (max_batch_size 6) → queue consumer → D1, until ingest_runs.finished_at; wall by the isolate's clock (polling D1 every 50 ms), CPU and RSS of the whole workerd process`,
    wallMs: m.wallMs,
    itemsPerSecond: (n / m.wallMs) * 1000,
    cpuPerStoryMs: m.cpuMs / n,
    memory,
  });
});
