/**
 * Alerts end to end: an alert created through the API fires signed deliveries for matching new stories through
 * the real local alert queue to a real receiver (tests/webhook-receiver.ts) that verifies every signature with
 * the Standard Webhooks reference library. Retries, timeouts and refusals drive the Worker's own queue handler
 * with one message at a time, so each attempt's outcome can be read back.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { signWebhook } from "../../src/alerts/sign";
import { matchStories } from "../../src/alerts/run";
import { ingestFeed, startIngest } from "../../src/ingest/run";
import { reannotateBatch } from "../../src/ingest/reannotate";
import worker from "../../src/index";
import type { AlertMessage } from "../../src/store/alerts";
import type { Received } from "../webhook-receiver";
import { ADMIN, adminJson, api, makeAllDue, putMutable, registerFeed, runCron } from "./helpers";

const SECRET = `whsec_${btoa("wirewatch-test-secret-32-bytes!!")}`;

interface Delivery {
  id: number;
  webhook_id: string;
  kind: string;
  story_ids: number[];
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  log: { attempt: number; status: number | null; duration_ms: number; error: string | null; next_retry_at: string | null }[];
}

interface AlertState {
  id: number;
  status: string;
  error_count: number;
  last_error: string | null;
  next_attempt_at: string | null;
  paused: boolean;
}

interface Body {
  type: string;
  data: { alert: { id: number; mode: string }; matches: { story: { id: number; title: string; flags?: unknown; content_html?: unknown }; reason: Record<string, unknown> }[] };
}

/** Sets up hook `name` on the receiver (forgetting what it received) and returns its URL. */
async function hook(name: string, script: (number | "hang")[] = []): Promise<string> {
  const url = `${inject("webhookReceiver")}/hooks/${name}`;
  const res = await fetch(url, { method: "PUT", body: JSON.stringify({ secret: SECRET, script }) });
  expect(res.status).toBe(204);
  return url;
}

async function received(name: string): Promise<Received[]> {
  return (await fetch(`${inject("webhookReceiver")}/hooks/${name}/received`)).json<Received[]>();
}

async function waitFor<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for `n` deliveries at the receiver, then a little longer, to see that no more come. */
async function settle(name: string, n: number): Promise<Received[]> {
  await waitFor(`${n} deliveries at ${name}`, () => received(name), (r) => r.length >= n);
  await new Promise((r) => setTimeout(r, 1_000));
  return received(name);
}

async function createAlert(body: Record<string, unknown>): Promise<number> {
  const res = await api("/v1/alerts", adminJson("POST", { name: "test", ...body }));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json<{ id: number }>()).id;
}

async function alertState(id: number): Promise<AlertState> {
  return (await api(`/v1/alerts/${id}`, { headers: ADMIN })).json<AlertState>();
}

async function deliveries(alertId: number): Promise<Delivery[]> {
  const res = await api(`/v1/alerts/${alertId}/deliveries?limit=100`, { headers: ADMIN });
  expect(res.status).toBe(200);
  return (await res.json<{ deliveries: Delivery[] }>()).deliveries;
}

const item = (guid: string, title: string, body: string) =>
  `<item><title>${title}</title><guid>${guid}</guid><pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate><description>${body}</description></item>`;
const rss = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Alerts</title><link>https://alerts.example/</link>${items.join("")}</channel></rss>`;
const WIRE = "(With inputs from agencies)";

/** A test env whose alert queue only collects messages, so the test hands them to the consumer itself. */
function collectingEnv(over: Partial<Env> = {}): { env: Env; sent: AlertMessage[] } {
  const sent: AlertMessage[] = [];
  const queue = {
    send: async (body: AlertMessage) => void sent.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<AlertMessage>>) => void sent.push(...[...messages].map((m) => m.body)),
  } as unknown as Queue<AlertMessage>;
  return { env: { ...env, ALERT_QUEUE: queue, ...over }, sent };
}

/**
 * One attempt through the Worker's own queue handler: what the handler did with the message, and the delay it
 * asked for when it retried (getQueueResult does not report delays, so retry() is watched on the way through).
 */
async function attempt(e: Env, deliveryId: number, n: number) {
  const batch = createMessageBatch<AlertMessage>("wirewatch-alerts", [{ id: `d${deliveryId}-${n}`, timestamp: new Date(), attempts: n, body: { deliveryId } }]);
  const delays: (number | undefined)[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options?: QueueRetryOptions) => {
      delays.push(options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, e, ctx);
  return { ...(await getQueueResult(batch, ctx)), delays };
}

/** A stored story, matched by a new alert through matchStories with the collecting queue: its delivery id. */
async function pendingDelivery(name: string, webhookUrl: string, over: Partial<Env> = {}): Promise<{ alertId: number; deliveryId: number; storyId: number; e: Env }> {
  // The feed server is shared by every test file of the run: this file's feed names carry its own prefix.
  await putMutable(`alerts-${name}`, rss([item(`${name}-1`, `Story for ${name}`, `Copy about Lagos. ${WIRE}`)]));
  const feed = await registerFeed(`/mutable/alerts-${name}`);
  await runCron();
  const story = await env.DB.prepare("SELECT id FROM stories WHERE feed_id = ?1").bind(feed.id).first<{ id: number }>();
  const alertId = await createAlert({ query: { feed: feed.id }, webhook: { url: webhookUrl, secret: SECRET } });
  const { env: e, sent } = collectingEnv(over);
  await matchStories(e, [story!.id], { trigger: "clustering" });
  expect(sent).toHaveLength(1);
  return { alertId, deliveryId: sent[0]!.deliveryId, storyId: story!.id, e };
}

describe("each mode", () => {
  let alertId: number;
  let feedId: number;

  it("sends one signed delivery per matching new story, with the story and why it matched", async () => {
    const url = await hook("each");
    await putMutable(
      "each",
      rss([
        item("e1", "Quake shakes Lagos", `An earthquake hit Lagos on Tuesday. ${WIRE}`),
        item("e2", "Lagos floods", `Floods in Lagos displaced thousands. ${WIRE}`),
        item("e3", "Staff analysis", "Our own reporting on Lagos, not syndicated."),
      ]),
    );
    const feed = await registerFeed("/mutable/each");
    feedId = feed.id;
    alertId = await createAlert({ query: { flag: "syndicated", feed: feed.id }, webhook: { url, secret: SECRET } });
    await runCron();

    const got = await settle("each", 2);
    expect(got).toHaveLength(2);
    expect(got.every((r) => r.verified && r.answered === 200)).toBe(true);
    const bodies = got.map((r) => r.body as Body);
    expect(bodies.map((b) => b.data.matches[0]!.story.title).sort()).toEqual(["Lagos floods", "Quake shakes Lagos"]);
    for (const [i, b] of bodies.entries()) {
      expect(b.type).toBe("alert.match");
      expect(b.data.alert).toMatchObject({ id: alertId, mode: "each" });
      expect(b.data.matches).toHaveLength(1);
      const { story, reason } = b.data.matches[0]!;
      expect(got[i]!.webhookId).toBe(`msg_wirewatch_a${alertId}_s${story.id}`);
      expect(reason).toMatchObject({ feed: feedId, trigger: "ingest", flags: [{ flag: "syndicated", evidence: [expect.objectContaining({ text: expect.stringContaining("With inputs from agencies") })] }] });
    }

    const log = await deliveries(alertId);
    expect(log).toHaveLength(2);
    expect(log.every((d) => d.status === "delivered" && d.attempts === 1 && d.log.length === 1 && d.log[0]!.status === 200)).toBe(true);
    expect(await alertState(alertId)).toMatchObject({ status: "ok", error_count: 0 });
  });

  it("sends nothing new when the same feed is ingested again, changed stories included", async () => {
    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(feedId).run();
    await makeAllDue();
    await runCron();
    // One matching story's body changes: it is rewritten (and re-matched) but has already fired.
    await putMutable(
      "each",
      rss([
        item("e1", "Quake shakes Lagos", `An earthquake hit Lagos on Tuesday; the toll rose. ${WIRE}`),
        item("e2", "Lagos floods", `Floods in Lagos displaced thousands. ${WIRE}`),
        item("e3", "Staff analysis", "Our own reporting on Lagos, not syndicated."),
      ]),
    );
    await makeAllDue();
    await runCron();
    expect(await settle("each", 2)).toHaveLength(2);
    expect(await deliveries(alertId)).toHaveLength(2);
  });

  it("fires for a story that newly comes to match, and for it alone", async () => {
    await putMutable(
      "each",
      rss([
        item("e1", "Quake shakes Lagos", `An earthquake hit Lagos on Tuesday; the toll rose. ${WIRE}`),
        item("e2", "Lagos floods", `Floods in Lagos displaced thousands. ${WIRE}`),
        item("e3", "Staff analysis", `Our own reporting on Lagos, now with wire copy. ${WIRE}`),
      ]),
    );
    await makeAllDue();
    await runCron();
    const got = await settle("each", 3);
    expect(got).toHaveLength(3);
    expect((got[2]!.body as Body).data.matches[0]!.story.title).toBe("Staff analysis");
  });
});

describe("full text and fields", () => {
  it("matches q with one FTS query over the new stories, and sends only the fields asked for", async () => {
    const url = await hook("search");
    await putMutable("search", rss([item("s1", "Cyclone nears coast", "A cyclone neared the coast of Odisha."), item("s2", "Budget passes", "Parliament passed the budget.")]));
    const feed = await registerFeed("/mutable/search");
    const alertId = await createAlert({ query: { q: "cyclone", feed: feed.id, fields: "title,url" }, webhook: { url, secret: SECRET } });
    await runCron();
    const got = await settle("search", 1);
    expect(got).toHaveLength(1);
    const { story, reason } = (got[0]!.body as Body).data.matches[0]!;
    expect(story.title).toBe("Cyclone nears coast");
    expect(Object.keys(story).sort()).toEqual(["id", "title", "url"]);
    expect(reason).toMatchObject({ q: "cyclone" });
    expect((await deliveries(alertId)).map((d) => d.status)).toEqual(["delivered"]);
  });
});

describe("digest mode", () => {
  it("sends one delivery per ingest pass with all of the alert's new stories", async () => {
    const url = await hook("digest");
    await putMutable("digest", rss([1, 2, 3, 4].map((n) => item(`d${n}`, `Digest story ${n}`, `Report ${n} from Accra.`))));
    const feed = await registerFeed("/mutable/digest");
    const alertId = await createAlert({ query: { feed: feed.id }, mode: "digest", webhook: { url, secret: SECRET } });
    await runCron();
    const got = await settle("digest", 1);
    expect(got).toHaveLength(1);
    expect(got[0]!.verified).toBe(true);
    const body = got[0]!.body as Body;
    expect(body.type).toBe("alert.digest");
    expect(body.data.matches.map((m) => m.story.title).sort()).toEqual([1, 2, 3, 4].map((n) => `Digest story ${n}`));
    const ids = body.data.matches.map((m) => m.story.id).sort((a, b) => a - b);
    expect(got[0]!.webhookId).toBe(`msg_wirewatch_a${alertId}_d${ids[0]}`);

    // The next pass brings one new story: one more digest, with that story only.
    await putMutable("digest", rss([1, 2, 3, 4, 5].map((n) => item(`d${n}`, `Digest story ${n}`, `Report ${n} from Accra.`))));
    await makeAllDue();
    await runCron();
    const next = await settle("digest", 2);
    expect(next).toHaveLength(2);
    expect((next[1]!.body as Body).data.matches.map((m) => m.story.title)).toEqual(["Digest story 5"]);
    const log = await deliveries(alertId);
    expect(log.map((d) => [d.kind, d.status, d.story_ids.length])).toEqual([
      ["digest", "delivered", 1],
      ["digest", "delivered", 4],
    ]);
  });
});

describe("overlapping passes", () => {
  it("sends each story once when two passes ingest the same feed at the same time", async () => {
    const url = await hook("overlap");
    await putMutable("overlap", rss([1, 2, 3].map((n) => item(`o${n}`, `Overlap ${n}`, `Copy ${n} from Nairobi. ${WIRE}`))));
    const feed = await registerFeed("/mutable/overlap");
    const alertId = await createAlert({ query: { feed: feed.id, flag: "syndicated" }, webhook: { url, secret: SECRET } });
    const first = await startIngest(env, { trigger: "test", feedId: feed.id, force: true });
    const second = await startIngest(env, { trigger: "test", feedId: feed.id, force: true });
    const host = new URL(feed.url).host;
    await Promise.all([ingestFeed(env, { feedId: feed.id, runId: first.id, host }), ingestFeed(env, { feedId: feed.id, runId: second.id, host })]);
    await waitFor("the queued passes", async () => (await deliveries(alertId)).filter((d) => d.status === "delivered").length, (n) => n >= 3);
    await runCron();
    const got = await settle("overlap", 3);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.webhookId)).size).toBe(3);
    expect(await deliveries(alertId)).toHaveLength(3);
  });
});

describe("retries", () => {
  it("retries a receiver that answers 500, then delivers once when it answers 200", async () => {
    const url = await hook("flaky", [500]);
    const { alertId, deliveryId, e } = await pendingDelivery("flaky", url);

    const first = await attempt(e, deliveryId, 1);
    expect(first.explicitAcks).toEqual([]);
    expect(first.retryMessages).toEqual([{ msgId: `d${deliveryId}-1` }]);
    expect(first.delays).toEqual([60]);
    let [d] = await deliveries(alertId);
    expect(d).toMatchObject({ status: "pending", attempts: 1, last_error: "HTTP 500" });
    expect(d!.log).toEqual([expect.objectContaining({ attempt: 1, status: 500, error: "HTTP 500" })]);
    expect(Date.parse(d!.log[0]!.next_retry_at!) - Date.now()).toBeGreaterThan(50_000);
    expect(await alertState(alertId)).toMatchObject({ status: "error", error_count: 1, last_error: "HTTP 500" });

    const second = await attempt(e, deliveryId, 2);
    expect(second.explicitAcks).toEqual([`d${deliveryId}-2`]);
    expect(second.retryMessages).toEqual([]);
    [d] = await deliveries(alertId);
    expect(d).toMatchObject({ status: "delivered", attempts: 2 });
    expect(d!.log.map((l) => l.status)).toEqual([500, 200]);
    expect(await alertState(alertId)).toMatchObject({ status: "ok", error_count: 0, next_attempt_at: null });

    // A redelivered copy of the message finds the delivery done and sends nothing.
    expect((await attempt(e, deliveryId, 3)).explicitAcks).toEqual([`d${deliveryId}-3`]);
    const got = await received("flaky");
    expect(got.map((r) => r.answered)).toEqual([500, 200]);
    expect(got.every((r) => r.verified && r.webhookId === got[0]!.webhookId)).toBe(true);
  });

  it("times out a receiver that never answers, retries with growing delays, then fails the delivery and keeps it", async () => {
    const url = await hook("silent", Array(7).fill("hang"));
    const { alertId, deliveryId, e } = await pendingDelivery("silent", url, { WEBHOOK_TIMEOUT_MS: "300" });
    const delays: number[] = [];
    for (let n = 1; n <= 7; n++) {
      const result = await attempt(e, deliveryId, n);
      if (n < 7) {
        expect(result.retryMessages).toHaveLength(1);
        delays.push(...result.delays.map(Number));
      } else expect(result.explicitAcks).toEqual([`d${deliveryId}-7`]);
    }
    expect(delays).toEqual([60, 180, 540, 1620, 4860, 14580]);
    const [d] = await deliveries(alertId);
    expect(d).toMatchObject({ status: "failed", attempts: 7, next_attempt_at: null });
    expect(d!.log).toHaveLength(7);
    expect(d!.log.every((l) => l.status === null && /timed out after 0.3 s/.test(l.error!) && l.duration_ms >= 250)).toBe(true);
    expect(d!.log.slice(0, 6).every((l) => l.next_retry_at !== null)).toBe(true);
    expect(d!.log[6]!.next_retry_at).toBeNull();
    expect((await received("silent")).length).toBe(7);

    // Not disabled: it backs off like a feed (5 min × 2⁶ after 7 errors), and holds new deliveries until then.
    const alert = await alertState(alertId);
    expect(alert).toMatchObject({ status: "error", paused: false, error_count: 7, last_error: "timed out after 0.3 s" });
    const wait = (Date.parse(alert.next_attempt_at!) - Date.now()) / 60_000;
    expect(wait).toBeGreaterThan(300);
    expect(wait).toBeLessThanOrEqual(320);
    await env.DB.prepare("INSERT INTO stories (feed_id, guid, title, fetched_at, sort_at, content_text, source_text, content_hash, annotator_version) SELECT feed_id, 'silent-2', 'Another', fetched_at, sort_at, '', '', 'h-silent-2', annotator_version FROM stories WHERE id = (SELECT story_id FROM alert_matches WHERE alert_id = ?1)")
      .bind(alertId)
      .run();
    const next = await env.DB.prepare("SELECT id FROM stories WHERE guid = 'silent-2'").first<{ id: number }>();
    const collect = collectingEnv({ WEBHOOK_TIMEOUT_MS: "300" });
    await matchStories(collect.env, [next!.id], { trigger: "clustering" });
    const held = collect.sent[0]!.deliveryId;
    expect((await attempt(collect.env, held, 1)).explicitAcks).toEqual([`d${held}-1`]);
    expect((await received("silent")).length).toBe(7);
    expect((await deliveries(alertId))[0]).toMatchObject({ id: held, status: "pending", attempts: 0, next_attempt_at: alert.next_attempt_at });
  });
});

describe("many matches at once", () => {
  // 12,000 rows written and deleted: slow on a loaded machine.
  it("records more matches than one D1 statement can carry, and splits a digest at 100 stories", { timeout: 120_000 }, async () => {
    await putMutable("bulk", rss(Array.from({ length: 120 }, (_, n) => item(`b${n}`, `Bulk story ${n}`, `Report ${n} from Dakar with a longer body. ${WIRE}`))));
    const feed = await registerFeed("/mutable/bulk");
    await runCron();
    const { results } = await env.DB.prepare("SELECT id FROM stories WHERE feed_id = ?1").bind(feed.id).all<{ id: number }>();
    expect(results).toHaveLength(120);
    const alertIds: number[] = [];
    for (let i = 0; i < 100; i++) alertIds.push(await createAlert({ query: { feed: feed.id, flag: "syndicated" }, webhook: { url: "https://hooks.example.com/bulk", secret: SECRET } }));
    const digest = await createAlert({ query: { feed: feed.id }, mode: "digest", webhook: { url: "https://hooks.example.com/bulk", secret: SECRET } });
    alertIds.push(digest);
    const { env: e, sent } = collectingEnv();
    // 12,120 matches with their reasons: over 2 MB of JSON, more than D1 takes in one statement (SQLITE_TOOBIG).
    const summary = await matchStories(e, results.map((r) => r.id), { trigger: "clustering" });
    expect(summary).toEqual({ matched: 12_120, deliveries: 12_002 });
    expect(new Set(sent.map((m) => m.deliveryId)).size).toBe(12_002);
    const linked = await env.DB.prepare(
      "SELECT count(*) AS n FROM alert_matches m JOIN alert_deliveries d ON d.id = m.delivery_id WHERE m.alert_id IN (SELECT value FROM json_each(?1))",
    )
      .bind(JSON.stringify(alertIds))
      .first<{ n: number }>();
    expect(linked?.n).toBe(12_120);
    const digests = await deliveries(digest);
    expect(digests.map((d) => [d.kind, d.story_ids.length]).sort()).toEqual([
      ["digest", 100],
      ["digest", 20],
    ]);
    // Out of the way of the tests after this one; deleting takes the matches and deliveries with it.
    await env.DB.prepare("DELETE FROM alerts WHERE id IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(alertIds)).run();
    const left = await env.DB.prepare("SELECT count(*) AS n FROM alert_matches WHERE alert_id IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(alertIds)).first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});

describe("lost messages and pauses", () => {
  it("sends a delivery whose queue message was lost once its lease runs out, from the cron", async () => {
    const url = await hook("lost");
    // The collecting queue drops the message on the floor, as a lost send would.
    const { alertId, deliveryId } = await pendingDelivery("lost", url);
    await runCron();
    expect(await received("lost")).toEqual([]);
    await env.DB.prepare("UPDATE alert_deliveries SET lease_until = '2000-01-01T00:00:00.000Z' WHERE id = ?1").bind(deliveryId).run();
    await runCron();
    const got = await settle("lost", 1);
    expect(got).toHaveLength(1);
    expect(got[0]!.verified).toBe(true);
    expect((await deliveries(alertId))[0]).toMatchObject({ id: deliveryId, status: "delivered", attempts: 1 });
  });

  it("holds a paused alert's deliveries, and sends them when it is unpaused", async () => {
    const url = await hook("paused");
    const { alertId, deliveryId, e } = await pendingDelivery("paused", url);
    expect((await api(`/v1/alerts/${alertId}`, adminJson("PATCH", { paused: true }))).status).toBe(200);
    expect((await attempt(e, deliveryId, 1)).explicitAcks).toEqual([`d${deliveryId}-1`]);
    await runCron();
    expect(await received("paused")).toEqual([]);
    expect((await deliveries(alertId))[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect((await api(`/v1/alerts/${alertId}`, adminJson("PATCH", { paused: false }))).status).toBe(200);
    await runCron();
    expect(await settle("paused", 1)).toHaveLength(1);
    expect((await deliveries(alertId))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });
});

describe("security", () => {
  it("refuses a private webhook URL at delivery time unless ALLOW_PRIVATE_FEEDS, without retrying", async () => {
    const url = await hook("private");
    const { alertId, deliveryId, e } = await pendingDelivery("private", url, { ALLOW_PRIVATE_FEEDS: "false" });
    const result = await attempt(e, deliveryId, 1);
    expect(result.explicitAcks).toEqual([`d${deliveryId}-1`]);
    expect(result.retryMessages).toEqual([]);
    const [d] = await deliveries(alertId);
    expect(d).toMatchObject({ status: "failed", attempts: 1 });
    expect(d!.log[0]!.error).toMatch(/^refused URL: host 127\.0\.0\.1 is a loopback address/);
    expect(await received("private")).toEqual([]);
    expect((await alertState(alertId)).last_error).toMatch(/refused URL/);
  });

  it("does not follow a redirect for a POST", async () => {
    const { alertId, deliveryId, e } = await pendingDelivery("redirected", `${inject("feedServer")}/respond/307?location=${encodeURIComponent(`${inject("webhookReceiver")}/hooks/never`)}`);
    const result = await attempt(e, deliveryId, 1);
    expect(result.retryMessages).toHaveLength(1);
    const [d] = await deliveries(alertId);
    expect(d!.log[0]).toMatchObject({ status: 307, error: "HTTP 307 redirect (redirects are not followed)" });
  });

  it("signs so that a tampered body fails verification in the receiver", async () => {
    const url = await hook("tamper");
    const body = JSON.stringify({ type: "alert.match", data: { story: { id: 1, title: "Original" } } });
    const headers = signWebhook(SECRET, "msg_tamper", new Date(), body);
    const genuine = await fetch(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
    expect(genuine.status).toBe(200);
    const tampered = await fetch(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: body.replace("Original", "Forged") });
    expect(tampered.status).toBe(401);
    const [ok, bad] = await received("tamper");
    expect(ok).toMatchObject({ verified: true, webhookId: "msg_tamper" });
    expect(bad).toMatchObject({ verified: false, error: "No matching signature found" });
  });
});

describe("test deliveries and re-annotation", () => {
  it("sends a signed test delivery through the queue", async () => {
    const url = await hook("ping");
    const alertId = await createAlert({ query: { q: "zzzunmatchable" }, webhook: { url, secret: SECRET } });
    expect((await api(`/v1/alerts/${alertId}/test`, { method: "POST", headers: ADMIN })).status).toBe(202);
    const [got] = await settle("ping", 1);
    expect(got).toMatchObject({ verified: true });
    expect((got!.body as Body).type).toBe("alert.test");
    await waitFor("the test delivery", async () => (await deliveries(alertId))[0]?.status, (s) => s === "delivered");
  });

  it("fires when re-annotation gives a stored story the flag an alert asks for, once", async () => {
    const url = await hook("reannotated");
    await putMutable("reannotated", rss([item("r1", "Wire copy, later recognised", `Copy from Harare. ${WIRE}`)]));
    const feed = await registerFeed("/mutable/reannotated");
    await runCron();
    // As if an older annotator had missed the flag, before the alert existed.
    await env.DB.prepare("UPDATE stories SET syndicated = 0, annotator_version = 0 WHERE feed_id = ?1").bind(feed.id).run();
    const alertId = await createAlert({ query: { feed: feed.id, flag: "syndicated" }, webhook: { url, secret: SECRET } });
    for (let after = 0, round = 0; round < 50; round++) {
      const r = await reannotateBatch(env, { after });
      if (r.next_after === null) break;
      after = r.next_after;
    }
    const got = await settle("reannotated", 1);
    expect(got).toHaveLength(1);
    expect((got[0]!.body as Body).data.matches[0]!.reason).toMatchObject({ trigger: "reannotation" });
    await reannotateBatch(env, { all: true, limit: 500 });
    expect(await settle("reannotated", 1)).toHaveLength(1);
    expect(await deliveries(alertId)).toHaveLength(1);
  });
});
