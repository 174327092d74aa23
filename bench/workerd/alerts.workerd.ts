/**
 * Alert matching with 1,000 active alerts, over the 1,000 stories of the 3 KB bench feed as ingest annotates them:
 *
 * - CPU per new story of the in-memory filters (flags, wire, feed, entities, dates), compiled alerts against
 *   prepared stories, beside a baseline that parses and lower-cases each alert's filter on every check;
 * - D1 round trips and statements per feed batch of matchLanded (the ingest call site), counted by a wrapper
 *   around the real local D1, beside the baseline of one SQL query per alert over the batch's ids.
 */
import { env } from "cloudflare:test";
import { afterAll, expect, it } from "vitest";
import { type AlertFilter, compileAlert, matchReason, meetsFilters, prepareStory } from "../../src/alerts/match";
import { type LandedStory, matchLanded } from "../../src/alerts/run";
import { annotate } from "../../src/annotate";
import { FLAG_NAMES, type Annotation, type NormalizedItem } from "../../src/model";
import { ingestFeed } from "../../src/ingest/run";
import { normalizeItems } from "../../src/ingest/normalize";
import { parseFeed } from "../../src/ingest/parse";
import { type AlertMessage, insertAlert } from "../../src/store/alerts";
import { insertFeed } from "../../src/store/feeds";
import { createRun } from "../../src/store/runs";
import { BENCH_NOW } from "../fixtures";
import { benchUrl, bracketOverhead, feedBytes, perStoryRounds, report } from "./helpers";

const ALERTS = 1_000;
const ROUNDS = 5;
/** The uncompiled baseline is about 20 times slower: fewer rounds keep the bench short. */
const BASELINE_ROUNDS = 2;
const FEED = "feed-1000x3k";
const BATCH_SIZES = [100, 1_000];
const WIRES = ["Reuters", "Associated Press", "Press Trust of India", "Asian News International", "Agence France-Presse"];
const WORDS = ["monsoon", "election", "minister", "court", "floods", "budget", "police", "market", "talks", "storm"];

/** A seeded PRNG (mulberry32), so every run builds the same 1,000 alerts. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A monitoring desk's mix, each alert as specific as a real one: a person or place followed, with a flag or a
 * wire; a wire's copy of one feed; a feed's original copy; some full text. Entities are drawn from the 200 most
 * tagged in the feed, so the rarer ones match few stories and the commonest many.
 */
function alertFilters(entities: { name: string; type: string }[], feedId: number): AlertFilter[] {
  const rand = prng(16);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: ALERTS }, (_, i): AlertFilter => {
    const base: AlertFilter = { entities: [], flags: [], noFlags: [] };
    const e = pick(entities);
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        return { ...base, entities: [e.name] };
      case 3:
      case 4:
        return { ...base, entities: [e.name], flags: [pick(FLAG_NAMES)] };
      case 5:
        return { ...base, entities: [e.name], entityType: e.type as AlertFilter["entityType"], wire: pick(WIRES) };
      case 6:
        return { ...base, flags: ["unedited"], wire: pick(WIRES), feedId: rand() < 0.5 ? feedId : feedId + 1 };
      case 7:
        return { ...base, feedId: rand() < 0.2 ? feedId : feedId + 1 + Math.floor(rand() * 50), noFlags: ["syndicated"] };
      case 8:
        return { ...base, entities: [e.name, pick(entities).name] };
      default:
        return { ...base, q: pick(WORDS), flags: rand() < 0.5 ? ["syndicated"] : [], since: "2024-01-01T00:00:00.000Z" };
    }
  });
}

/** D1 with every round trip counted: a statement run on its own is one, a batch is one carrying n statements. */
function countingDb(db: D1Database): { db: D1Database; counts: { roundTrips: number; statements: number } } {
  const counts = { roundTrips: 0, statements: 0 };
  // D1's batch() takes only its own statement objects: each wrapper remembers the statement it stands for.
  const inner = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const outer = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "all" || prop === "first" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            counts.roundTrips++;
            counts.statements++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
    inner.set(outer, stmt);
    return outer;
  };
  const counted = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql));
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counts.roundTrips++;
          counts.statements += statements.length;
          return target.batch(statements.map((s) => inner.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: counted, counts };
}

const collectingQueue = (sent: AlertMessage[]) =>
  ({
    send: async (body: AlertMessage) => void sent.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<AlertMessage>>) => void sent.push(...[...messages].map((m) => m.body)),
  }) as unknown as Queue<AlertMessage>;

/** The baseline's SQL: one query per alert over the batch's ids, each condition a WHERE term. */
function perAlertQuery(db: D1Database, f: AlertFilter, ids: string): D1PreparedStatement {
  const where = ["s.id IN (SELECT value FROM json_each(?1))"];
  const params: unknown[] = [ids];
  const p = (v: unknown) => `?${params.push(v)}`;
  for (const flag of f.flags) where.push(`s.${flag} = 1`);
  for (const flag of f.noFlags) where.push(`s.${flag} = 0`);
  if (f.feedId !== undefined) where.push(`s.feed_id = ${p(f.feedId)}`);
  if (f.wire !== undefined) where.push(`EXISTS (SELECT 1 FROM story_wires w WHERE w.story_id = s.id AND w.wire = ${p(f.wire)})`);
  for (const name of f.entities) {
    where.push(`EXISTS (SELECT 1 FROM story_entities se JOIN entities e ON e.id = se.entity_id WHERE se.story_id = s.id AND e.name = ${p(name)}${f.entityType ? ` AND e.type = ${p(f.entityType)}` : ""})`);
  }
  if (f.q !== undefined) where.push(`s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ${p(f.q)})`);
  if (f.since !== undefined) where.push(`s.published_at >= ${p(f.since)}`);
  return db.prepare(`SELECT s.id FROM stories s WHERE ${where.join(" AND ")}`).bind(...params);
}

// The other bench files may share this D1: 1,000 active alerts left behind would match every story they ingest.
afterAll(async () => {
  await env.DB.prepare("DELETE FROM alerts").run();
});

// About 45 s on an idle machine; the 1,000-story batch writes some 185,000 rows, so give a loaded one room.
it("measures alert matching with 1,000 active alerts", { timeout: 900_000 }, async () => {
  const bytes = await feedBytes(FEED);
  const ctx = { feedUrl: "https://news.example/feed.xml", fetchedAt: BENCH_NOW.toISOString() };
  const items: NormalizedItem[] = await normalizeItems((await parseFeed(bytes, "application/rss+xml")).items, ctx);
  const annotations: Annotation[] = items.map((i) => annotate({ title: i.title, text: i.text }));

  // The stories in D1, as ingest stores them (no alert exists yet, so ingest matches nothing).
  const feed = await insertFeed(env.DB, { url: benchUrl(`/feed/${FEED}.xml?round=alerts`), title: null }, new Date().toISOString());
  const runId = await createRun(env.DB, "bench", new Date().toISOString(), 1);
  const tally = await ingestFeed(env, { feedId: feed!.id, runId, host: "127.0.0.1" });
  expect(tally.storiesNew).toBe(items.length);
  const { results: idRows } = await env.DB.prepare("SELECT id, guid FROM stories WHERE feed_id = ?1").bind(feed!.id).all<{ id: number; guid: string }>();
  const idOf = new Map(idRows.map((r) => [r.guid, r.id]));

  const entityCounts = new Map<string, { name: string; type: string; n: number }>();
  for (const a of annotations) for (const e of a.entities) entityCounts.set(`${e.type}:${e.name}`, { ...e, n: (entityCounts.get(`${e.type}:${e.name}`)?.n ?? 0) + 1 });
  const followed = [...entityCounts.values()].sort((a, b) => b.n - a.n).slice(0, 200);
  const filters = alertFilters(followed, feed!.id);
  const compiled = filters.map((f, i) => compileAlert(i + 1, "each", f));
  const stories = items.map((item, i) => ({
    id: idOf.get(item.guid)!,
    feedId: feed!.id,
    published_at: item.published_at,
    flags: annotations[i]!.flags,
    entities: annotations[i]!.entities,
  }));

  // ── CPU of the in-memory filters ──
  const overhead = await bracketOverhead();
  const n = stories.length;
  const how = `workerd process CPU (all threads) over ${n} stories × ${ALERTS} alerts per round, ${ROUNDS} rounds after a warm-up`;
  let hits = 0;
  const compiledRound = () => {
    hits = 0;
    for (const story of stories) {
      const prepared = prepareStory(story);
      for (const alert of compiled) {
        if (meetsFilters(alert, prepared)) {
          hits++;
          matchReason(alert, prepared);
        }
      }
    }
  };
  const stored = filters.map((f) => JSON.stringify(f));
  const uncompiledRound = () => {
    for (const story of stories) {
      for (let i = 0; i < stored.length; i++) {
        const alert = compileAlert(i + 1, "each", JSON.parse(stored[i]!) as AlertFilter);
        if (meetsFilters(alert, prepareStory(story))) matchReason(alert, prepareStory(story));
      }
    }
  };
  const inMemory = await perStoryRounds(n, ROUNDS, overhead, compiledRound, how);
  const baselineCpu = await perStoryRounds(n, BASELINE_ROUNDS, overhead, uncompiledRound, how.replace(`${ROUNDS} rounds`, `${BASELINE_ROUNDS} rounds`));

  // ── D1 per feed batch ──
  for (const [i, f] of filters.entries()) {
    await insertAlert(env.DB, { name: `bench ${i}`, query: {}, filter: f, webhookUrl: "https://hooks.example.com/bench", secret: `whsec_${btoa("b".repeat(32))}`, mode: i % 4 === 0 ? "digest" : "each", paused: false }, new Date().toISOString());
  }
  const batches: Record<string, unknown> = {};
  for (const size of BATCH_SIZES) {
    const slice = items.slice(0, size);
    const landed: LandedStory[] = slice.map((item, i) => ({ guid: item.guid, published_at: item.published_at, annotation: annotations[i]! }));
    // Matches are recorded once per (alert, story), so each measurement starts from none.
    await env.DB.prepare("DELETE FROM alert_deliveries").run();
    await env.DB.prepare("DELETE FROM alert_matches").run();
    const { db, counts } = countingDb(env.DB);
    const sent: AlertMessage[] = [];
    const t0 = Date.now();
    const summary = await matchLanded({ ...env, DB: db, ALERT_QUEUE: collectingQueue(sent) }, { runId, feedId: feed!.id, stories: landed });
    const wallMs = Date.now() - t0;
    const ids = JSON.stringify(slice.map((item) => idOf.get(item.guid)!));
    const base = countingDb(env.DB);
    const t1 = Date.now();
    const perAlert = await base.db.batch(filters.map((f) => perAlertQuery(base.db, f, ids)));
    const baselineWallMs = Date.now() - t1;
    const baselineMatches = perAlert.reduce((sum, r) => sum + r.results.length, 0);
    // The same alerts match the same stories either way.
    expect(summary.matched).toBe(baselineMatches);
    batches[String(size)] = {
      stories: size,
      matches: summary.matched,
      deliveriesQueued: sent.length,
      roundTrips: counts.roundTrips,
      statements: counts.statements,
      wallMs,
      baseline: { roundTrips: base.counts.roundTrips, statements: base.counts.statements, wallMs: baselineWallMs, matches: baselineMatches },
    };
  }

  await report("workerd-alerts", {
    alerts: ALERTS,
    stories: n,
    matchesPerRound: hits,
    inMemory,
    baselineUncompiled: baselineCpu,
    batches,
    method:
      "in-memory: compiled alerts (compileAlert) against each prepared story (prepareStory, meetsFilters, matchReason on a hit); baseline: the same checks re-parsing and compiling each alert's stored filter for every story. D1: matchLanded on a real local D1 wrapped to count round trips (a statement run alone, or a batch) and statements; baseline: one SQL query per alert over the batch's ids, sent as one batch",
  });
});
