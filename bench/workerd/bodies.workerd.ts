/**
 * A page of GET /v1/stories with content_html, now that bodies live in R2 (issue 17): one R2 get per story of
 * the page not yet in the isolate's cache (bodies.ts reads a page's bodies in parallel, six at a time), beside
 * the same page without content_html (D1 only). 1,000 stories of 3 KB, paged 50 at a time: the first pass
 * reads every body from R2 (cold), the second finds them cached (warm). Local R2 is a file store on this
 * machine, so the cold figure is a floor: on Cloudflare an R2 get from a Worker takes milliseconds more.
 */
import { env, SELF } from "cloudflare:test";
import { expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import { insertFeed } from "../../src/store/feeds";
import { createRun } from "../../src/store/runs";
import { summarize } from "../stats";
import { benchUrl, report } from "./helpers";

const FEED = "feed-1000x3k";
const WITHOUT_HTML = "feed_id,guid,url,title,author,published_at,updated_at,fetched_at,summary,content_text,categories,flags,entities,cluster,content_source,article";

async function pass(feedId: number, fields: string | null): Promise<number[]> {
  const times: number[] = [];
  let cursor: string | null = null;
  do {
    const started = performance.now();
    const res = await SELF.fetch(`http://bench.test/v1/stories?feed=${feedId}&limit=50${fields ? `&fields=${fields}` : ""}${cursor ? `&cursor=${cursor}` : ""}`);
    const page = await res.json<{ stories: { content_html?: string | null }[]; next_cursor: string | null }>();
    times.push(performance.now() - started);
    if (!fields) expect(page.stories.every((s) => typeof s.content_html === "string")).toBe(true);
    cursor = page.next_cursor;
  } while (cursor);
  return times;
}

it("pages with content_html from R2, cold and warm, beside pages without it", async () => {
  await fetch(benchUrl(`/warm/${FEED}`), { method: "POST" });
  const feed = await insertFeed(env.DB, { url: benchUrl(`/feed/${FEED}.xml?round=bodies`), title: null }, new Date().toISOString());
  const runId = await createRun(env.DB, "bench", new Date().toISOString(), 1);
  const tally = await ingestFeed(env, { feedId: feed!.id, runId, host: "127.0.0.1" });
  expect(tally.storiesNew).toBe(1000);
  const inR2 = await env.DB.prepare("SELECT count(*) AS n FROM stories WHERE feed_id = ?1 AND body_key IS NOT NULL").bind(feed!.id).first<{ n: number }>();
  expect(inR2?.n).toBe(1000);
  const d1Only = await pass(feed!.id, WITHOUT_HTML);
  const cold = await pass(feed!.id, null);
  const warm = await pass(feed!.id, null);
  await report("workerd-bodies", {
    method: "GET /v1/stories?feed=&limit=50 through the Worker's fetch in workerd (local D1 and R2), 20 pages per pass, wall ms per page",
    pages: cold.length,
    d1OnlyMs: summarize(d1Only),
    coldMs: summarize(cold),
    warmMs: summarize(warm),
  });
});
