/** Helpers for driving the Worker through its own entry points, as a client and as the cron would. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { expect, inject } from "vitest";
import worker from "../../src/index";
import type { Feed, Story } from "../../src/model";

export const ADMIN = { authorization: "Bearer test-admin-token" };

/**
 * A request to the Worker's own fetch handler, as the runtime makes it: an exception the handler lets out
 * becomes a bare 500, as workerd answers one. It calls the handler directly rather than through `SELF`:
 * under vitest-pool-workers every `SELF.fetch` in a file's workerd costs more than the one before
 * (cloudflare/workers-sdk#15446; measured here, 100 requests took 1.4 s at first and 23 s after 500), and the
 * API fuzzing sends thousands. The HTTP path schedules no `waitUntil` work, but the context is drained anyway.
 */
export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  try {
    return await worker.fetch(new Request(`http://wirewatch.test${path}`, init), env, ctx);
  } catch (error) {
    return new Response(`Internal Server Error: ${error instanceof Error ? error.message : String(error)}`, { status: 500 });
  } finally {
    await waitOnExecutionContext(ctx);
  }
}

export function adminJson(method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: { ...ADMIN, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** A URL on the local feed server. */
export function feedUrl(path: string): string {
  return `${inject("feedServer")}${path}`;
}

export async function registerFeed(path: string, title?: string): Promise<Feed> {
  const res = await api("/v1/feeds", adminJson("POST", { url: feedUrl(path), title }));
  expect(res.status).toBe(201);
  return res.json<Feed>();
}

/** Writes a body the feed server will serve at /mutable/<name>. */
export async function putMutable(name: string, body: string, type = "application/rss+xml"): Promise<void> {
  const res = await fetch(feedUrl(`/mutable/${name}`), { method: "PUT", body, headers: { "content-type": type } });
  expect(res.status).toBe(204);
}

/** Makes every feed due now, as if its schedule had come round. */
export async function makeAllDue(): Promise<void> {
  await env.DB.prepare("UPDATE feeds SET next_fetch_at = '2000-01-01T00:00:00.000Z'").run();
}

/**
 * Runs the cron handler, then waits until the run it started has finished: the feeds travel through the
 * real local queue to the Worker's queue consumer, exactly as in production.
 */
export async function runCron(): Promise<void> {
  const before = await env.DB.prepare("SELECT coalesce(max(id), 0) AS id FROM ingest_runs").first<{ id: number }>();
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
  const run = await env.DB.prepare("SELECT id FROM ingest_runs WHERE id > ?1 ORDER BY id DESC LIMIT 1")
    .bind(before?.id ?? 0)
    .first<{ id: number }>();
  expect(run).not.toBeNull();
  await waitForRun(run!.id);
}

export async function waitForRun(runId: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = await env.DB.prepare("SELECT finished_at FROM ingest_runs WHERE id = ?1").bind(runId).first<{ finished_at: string | null }>();
    if (run?.finished_at) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`ingest run ${runId} did not finish within ${timeoutMs} ms`);
}

export async function storyCount(): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM stories").first<{ n: number }>();
  return row?.n ?? 0;
}

export interface Page {
  stories: Story[];
  next_cursor: string | null;
}

/** One page of GET /v1/stories?<query>, which must answer 200. */
export async function page(query: string): Promise<Page> {
  const res = await api(`/v1/stories?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<Page>();
}
