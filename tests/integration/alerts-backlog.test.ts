/**
 * Matching that outlives a failure (issue 16, "never lost"): a story written while an alert is active carries a
 * backlog mark from the batch that writes it until the batch that records its matches. These tests stop the
 * pipeline between the two, as a Worker that dies or a D1 call that fails would, and check that the cron's
 * sweep matches the story from what is stored, once.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { BACKLOG_GRACE_MS, matchLanded, sweepAlerts } from "../../src/alerts/run";
import { reannotateBatch } from "../../src/ingest/reannotate";
import { type StoredCounts, storeItems } from "../../src/ingest/run";
import { parseFeed } from "../../src/ingest/parse";
import type { AlertMessage } from "../../src/store/alerts";
import type { FeedTally } from "../../src/store/runs";
import { adminJson, api, registerFeed } from "./helpers";

const SECRET = `whsec_${btoa("wirewatch-backlog-secret-32-byte")}`;
// The batch is written now, as ingest writes it: the backlog's grace runs from the write.
const FETCHED_AT = new Date().toISOString();
const WIRE = "(With inputs from agencies)";

const rss = (items: [guid: string, title: string, body: string][]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Backlog</title><link>https://backlog.example/</link>${items
    .map(([guid, title, body]) => `<item><title>${title}</title><guid>${guid}</guid><pubDate>Tue, 12 Mar 2026 10:00:00 GMT</pubDate><description>${body}</description></item>`)
    .join("")}</channel></rss>`;

const closing = (counts: StoredCounts): { tally: FeedTally; statements: D1PreparedStatement[] } => ({
  tally: { outcome: "ok", itemsSeen: counts.itemsSeen, storiesNew: counts.storiesNew, storiesUpdated: counts.storiesUpdated },
  statements: [],
});

/** An env whose alert queue only collects what it is sent. */
function collecting(): { e: Env; sent: AlertMessage[] } {
  const sent: AlertMessage[] = [];
  const queue = {
    send: async (body: AlertMessage) => void sent.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<AlertMessage>>) => void sent.push(...[...messages].map((m) => m.body)),
  } as unknown as Queue<AlertMessage>;
  return { e: { ...env, ALERT_QUEUE: queue }, sent };
}

/** Writes a feed's batch as ingest does, and stops there: the matching that follows a landed batch never runs. */
async function landOnly(feedId: number, items: [string, string, string][]): Promise<void> {
  const parsed = await parseFeed(new TextEncoder().encode(rss(items)), "application/rss+xml");
  await storeItems(env.DB, feedId, parsed, { feedUrl: "https://backlog.example/feed.xml", fetchedAt: FETCHED_AT }, closing);
}

async function marks(): Promise<{ story_id: number; trigger: string }[]> {
  return (await env.DB.prepare("SELECT story_id, trigger FROM alert_backlog ORDER BY story_id").all<{ story_id: number; trigger: string }>()).results;
}

async function matchedStories(alertId: number): Promise<number[]> {
  const { results } = await env.DB.prepare("SELECT story_id FROM alert_matches WHERE alert_id = ?1 ORDER BY story_id").bind(alertId).all<{ story_id: number }>();
  return results.map((r) => r.story_id);
}

async function idOf(feedId: number, guid: string): Promise<number> {
  return (await env.DB.prepare("SELECT id FROM stories WHERE feed_id = ?1 AND guid = ?2").bind(feedId, guid).first<{ id: number }>())!.id;
}

const later = (ms: number) => new Date(Date.now() + ms);

describe("the alert backlog", () => {
  let feedId: number;
  let alertId: number;

  beforeAll(async () => {
    feedId = (await registerFeed("/mutable/backlog-unused")).id;
  });

  it("writes no mark while no alert is active", async () => {
    await landOnly(feedId, [["b0", "Before any alert", `Copy about Accra. ${WIRE}`]]);
    expect(await marks()).toEqual([]);
  });

  it("marks each story of a landed batch, and the cron matches it once the grace has passed", async () => {
    const res = await api(
      "/v1/alerts",
      adminJson("POST", { name: "backlog", query: { flag: "syndicated", feed: feedId }, webhook: { url: "https://hooks.example/backlog", secret: SECRET } }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    alertId = (await res.json<{ id: number }>()).id;

    await landOnly(feedId, [
      ["b1", "Port strike spreads", `Dockers in Accra stopped work. ${WIRE}`],
      ["b2", "Staff column", "Our own view of the harbour, not from any agency."],
    ]);
    const b1 = await idOf(feedId, "b1");
    const b2 = await idOf(feedId, "b2");
    expect(await marks()).toEqual([
      { story_id: b1, trigger: "ingest" },
      { story_id: b2, trigger: "ingest" },
    ]);
    expect(await matchedStories(alertId)).toEqual([]);

    // Within the grace the matching may still be running: the sweep leaves the marks alone.
    const { e, sent } = collecting();
    expect((await sweepAlerts(e, later(60_000))).backlog).toBe(0);
    expect(await marks()).toHaveLength(2);

    const swept = await sweepAlerts(e, later(BACKLOG_GRACE_MS + 60_000));
    expect(swept.backlog).toBe(2);
    expect(await matchedStories(alertId)).toEqual([b1]);
    expect(await marks()).toEqual([]);
    expect(sent).toHaveLength(1);
    const delivery = await env.DB.prepare("SELECT webhook_id, kind FROM alert_deliveries WHERE id = ?1").bind(sent[0]!.deliveryId).first();
    expect(delivery).toEqual({ webhook_id: `msg_wirewatch_a${alertId}_s${b1}`, kind: "each" });
    const reason = await env.DB.prepare("SELECT reason FROM alert_matches WHERE alert_id = ?1 AND story_id = ?2").bind(alertId, b1).first<{ reason: string }>();
    expect(JSON.parse(reason!.reason)).toMatchObject({ trigger: "ingest" });

    // A second sweep finds nothing owed and sends nothing.
    expect((await sweepAlerts(e, later(BACKLOG_GRACE_MS + 120_000))).backlog).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it("is cleared by the matching that follows a batch, so the cron has nothing to redo", async () => {
    await landOnly(feedId, [["b3", "Refinery fire", `A fire broke out near Tema. ${WIRE}`]]);
    const b3 = await idOf(feedId, "b3");
    expect(await marks()).toEqual([{ story_id: b3, trigger: "ingest" }]);
    const { e, sent } = collecting();
    const annotation = (await import("../../src/annotate")).annotate({ title: "Refinery fire", text: `A fire broke out near Tema. ${WIRE}` });
    const summary = await matchLanded(e, { runId: 0, feedId, stories: [{ guid: "b3", published_at: "2026-03-12T10:00:00.000Z", annotation }] });
    expect(summary).toEqual({ matched: 1, deliveries: 1 });
    expect(await marks()).toEqual([]);
    expect((await sweepAlerts(e, later(BACKLOG_GRACE_MS + 60_000))).backlog).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it("keeps a mark when matching fails, and the cron matches the story later", async () => {
    await landOnly(feedId, [["b4", "Rail link opens", `The line to Kumasi opened. ${WIRE}`]]);
    const b4 = await idOf(feedId, "b4");
    // Matching fails once the batch has landed: D1 refuses every call (an outage, or a Worker out of time).
    const failingDb = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "prepare" || prop === "batch") {
          return () => {
            throw new Error("D1 unavailable");
          };
        }
        const v = Reflect.get(target, prop);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const annotation = (await import("../../src/annotate")).annotate({ title: "Rail link opens", text: `The line to Kumasi opened. ${WIRE}` });
    const landed = { runId: 0, feedId, stories: [{ guid: "b4", published_at: "2026-03-12T10:00:00.000Z", annotation }] };
    expect(await matchLanded({ ...env, DB: failingDb as unknown as D1Database }, landed)).toEqual({ matched: 0, deliveries: 0 });
    expect(await marks()).toEqual([{ story_id: b4, trigger: "ingest" }]);
    expect(await matchedStories(alertId)).not.toContain(b4);

    const { e, sent } = collecting();
    expect((await sweepAlerts(e, later(BACKLOG_GRACE_MS + 60_000))).backlog).toBe(1);
    expect(await matchedStories(alertId)).toContain(b4);
    expect(await marks()).toEqual([]);
    expect(sent.length).toBeGreaterThanOrEqual(1);
  });

  it("marks stories that re-annotation rewrote, and the cron matches them when its matching failed", async () => {
    const b0 = await idOf(feedId, "b0");
    expect(await matchedStories(alertId)).not.toContain(b0);
    await env.DB.prepare("UPDATE stories SET annotator_version = 1 WHERE feed_id = ?1").bind(feedId).run();
    // The re-annotation batch lands; the matching after it fails when it reads the alerts.
    const db = new Proxy(env.DB, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (prop === "prepare") {
          return (sql: string) => {
            if (sql.includes("FROM alerts WHERE paused = 0 ORDER BY id")) throw new Error("D1 unavailable");
            return target.prepare(sql);
          };
        }
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const { e, sent } = collecting();
    const result = await reannotateBatch({ ...e, DB: db as unknown as D1Database }, { limit: 50 });
    expect(result.processed).toBe(5);
    const owed = await marks();
    expect(owed).toHaveLength(5);
    expect(owed.every((m) => m.trigger === "reannotation")).toBe(true);
    expect(await matchedStories(alertId)).not.toContain(b0);

    expect((await sweepAlerts(e, later(BACKLOG_GRACE_MS + 60_000))).backlog).toBe(5);
    expect(await matchedStories(alertId)).toContain(b0);
    const reason = await env.DB.prepare("SELECT reason FROM alert_matches WHERE alert_id = ?1 AND story_id = ?2").bind(alertId, b0).first<{ reason: string }>();
    expect(JSON.parse(reason!.reason)).toMatchObject({ trigger: "reannotation" });
    expect(await marks()).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it("settles marks without matching when no alert is active any more", async () => {
    await landOnly(feedId, [["b5", "Cocoa prices", `Cocoa rose in Abidjan. ${WIRE}`]]);
    expect(await marks()).toHaveLength(1);
    expect((await api(`/v1/alerts/${alertId}`, adminJson("PATCH", { paused: true }))).status).toBe(200);
    const { e, sent } = collecting();
    expect((await sweepAlerts(e, later(BACKLOG_GRACE_MS + 60_000))).backlog).toBe(1);
    expect(await marks()).toEqual([]);
    expect(sent).toHaveLength(0);
  });

  it("matches full text in a row the compactor has not reached yet (the inline index), as search does", async () => {
    const res = await api(
      "/v1/alerts",
      adminJson("POST", { name: "text", query: { q: "funicular", feed: feedId }, webhook: { url: "https://hooks.example/text", secret: SECRET } }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const textAlert = (await res.json<{ id: number }>()).id;
    await landOnly(feedId, [["b6", "Hill transport", "The funicular to the old town reopened after repairs."]]);
    const b6 = await idOf(feedId, "b6");
    // The row as a database from before migration 0012 holds it: text inline, indexed in stories_fts_inline.
    await env.DB.prepare("UPDATE stories SET content_text = ?2, content_z = NULL WHERE id = ?1").bind(b6, "The funicular to the old town reopened after repairs.").run();
    expect(await env.DB.prepare("SELECT count(*) AS n FROM stories_fts_inline WHERE stories_fts_inline MATCH 'funicular'").first("n")).toBe(1);
    const { e } = collecting();
    expect((await sweepAlerts(e, later(BACKLOG_GRACE_MS + 60_000))).backlog).toBe(1);
    expect(await matchedStories(textAlert)).toEqual([b6]);
  });
});
