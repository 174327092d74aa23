/**
 * The orchestrator. A pass (cron or POST /v1/ingest) claims the due feeds and sends one queue message per
 * feed; the queue consumer runs fetch → parse → normalize → annotate → store for each message.
 *
 * One bad feed never stops the others: every failure is recorded on its own feed, and each feed's writes
 * (stories, feed status, run tally) go to D1 in a single batch, so a crash midway leaves nothing half-written
 * and the next pass simply does the work again.
 */
import { flushRunDigests, type LandedStory, matchLanded, matchStories } from "../alerts/run";
import { annotate } from "../annotate";
import { STORED_VERSION } from "./version";
import type { NormalizedItem, ParsedFeed } from "../model";
import { backlogStatements } from "../store/alerts";
import type { StoryRef } from "../store/clusters";
import { feedContentOptions } from "../store/articles";
import {
  claimDueFeeds,
  feedErrorStatements,
  feedSuccessStatements,
  getFeedForFetch,
  recentPublishedDates,
} from "../store/feeds";
import { createRun, getRun, type FeedTally, type IngestRun, runTallyStatement } from "../store/runs";
import { deleteBodies, pooled, putBody } from "../store/bodies";
import { knownStories, renameStory, type StoryWrite, storyWriteStatements } from "../store/stories";
import { ARTICLES_PER_FEED_PASS, ArticlePlanner } from "./article-plan";
import { ClusterBatch, type ClusterInput, clusterInputOf, storiesChangedByClustering } from "./cluster";
import { FetchError, fetchFeed } from "./fetch";
import { type GuidHolders, type NormalizeContext, normalizeItems } from "./normalize";
import { FeedParseError, parseFeed } from "./parse";
import { nextFetchAt } from "./schedule";

/** One queue message: ingest this feed as part of this run. The host lets the consumer be polite per host. */
export interface FeedMessage {
  feedId: number;
  runId: number;
  host: string;
}

/**
 * Sent on the same queue when a body could not be written to R2 (the story was stored with its body inline):
 * the consumer moves inline bodies to R2, and the queue retries it until R2 takes them.
 */
export interface MoveBodiesMessage {
  moveBodies: true;
}

export type IngestMessage = FeedMessage | MoveBodiesMessage;

export interface IngestDeps {
  fetch: typeof fetch;
  now: () => Date;
}

const defaultDeps: IngestDeps = { fetch: (input, init) => fetch(input, init), now: () => new Date() };

/** A claimed feed is leased for this long; a lost message makes it due again after the lease. */
const CLAIM_LEASE_MS = 15 * 60_000;
/** The most feeds one pass enqueues; the rest stay due for the next pass. */
const MAX_FEEDS_PER_PASS = 10_000;
/** Queue.sendBatch takes at most 100 messages. */
const SEND_BATCH_SIZE = 100;
/** At most this many fetches to one host at a time within a consumer batch (the batch itself is ≤ 6). */
const PER_HOST_CONCURRENCY = 2;
/** Items normalized and annotated at a time. */
export const CHUNK_ITEMS = 100;
/** Story text a single D1 batch carries before a large feed is split (see writeStories). */
const FLUSH_BYTES = 8 * 1024 * 1024;
/** Items beyond this in one fetch are ignored (newest first in practice): bounds CPU, memory and batch size. */
export const MAX_ITEMS_PER_FETCH = 1_000;

/** Claims the due feeds (or one feed) and enqueues them. Returns the new run. */
export async function startIngest(
  env: Env,
  opts: { trigger: string; feedId?: number; force?: boolean },
  deps: Pick<IngestDeps, "now"> = defaultDeps,
): Promise<IngestRun> {
  const now = deps.now();
  const feeds = await claimDueFeeds(env.DB, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
    feedId: opts.feedId,
    force: opts.force,
    limit: MAX_FEEDS_PER_PASS,
  });
  const runId = await createRun(env.DB, opts.trigger, now.toISOString(), feeds.length);
  for (let i = 0; i < feeds.length; i += SEND_BATCH_SIZE) {
    const chunk = feeds.slice(i, i + SEND_BATCH_SIZE);
    await env.INGEST_QUEUE.sendBatch(
      chunk.map((f) => ({ body: { feedId: f.id, runId, host: new URL(f.url).host } satisfies FeedMessage })),
    );
  }
  const run = await getRun(env.DB, runId);
  if (!run) throw new Error("ingest: run vanished after creation");
  return run;
}

/**
 * Queue consumer: each message is one feed. Feed-level failures are recorded and acked, not retried.
 * A MoveBodiesMessage is handled by `moveBodies` (injected by index.ts: the mover lives with the cron's work).
 */
export async function consumeBatch(
  batch: MessageBatch<IngestMessage>,
  env: Env,
  deps: IngestDeps = defaultDeps,
  moveBodies?: (env: Env) => Promise<{ failed: number }>,
): Promise<void> {
  const feeds: Message<FeedMessage>[] = [];
  for (const m of batch.messages) {
    if (!("moveBodies" in m.body)) {
      feeds.push(m as Message<FeedMessage>);
      continue;
    }
    try {
      const { failed } = moveBodies ? await moveBodies(env) : { failed: 0 };
      if (failed > 0) m.retry({ delaySeconds: 60 });
      else m.ack();
    } catch (err) {
      console.error(`ingest: moving bodies to R2 will be retried: ${errorMessage(err)}`);
      m.retry({ delaySeconds: 60 });
    }
  }
  await forEachPerHost(feeds, (m) => m.body.host, PER_HOST_CONCURRENCY, async (message) => {
    try {
      await ingestFeed(env, message.body, deps);
      await flushRunDigests(env, message.body.runId);
      message.ack();
    } catch (err) {
      // Only infrastructure failures get here (D1 unavailable while recording): let the queue retry.
      console.error(`ingest: feed ${message.body.feedId} will be retried: ${errorMessage(err)}`);
      message.retry({ delaySeconds: 30 });
    }
  });
}

/** Runs `fn` over all items, with at most `perHost` running at once for any one host. */
async function forEachPerHost<T>(
  items: readonly T[],
  hostOf: (item: T) => string,
  perHost: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) queues.set(hostOf(item), [...(queues.get(hostOf(item)) ?? []), item]);
  const lanes = [...queues.values()].flatMap((queue) =>
    Array.from({ length: Math.min(perHost, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await fn(next);
    }),
  );
  await Promise.all(lanes);
}

/** Fetches, parses and stores one feed, recording the outcome on the feed and the run. */
export async function ingestFeed(env: Env, msg: FeedMessage, deps: IngestDeps = defaultDeps): Promise<FeedTally> {
  const db = env.DB;
  const feed = await getFeedForFetch(db, msg.feedId);
  const started = deps.now();
  const nowIso = started.toISOString();
  if (!feed || feed.paused) {
    // Deleted or paused since it was claimed: nothing to fetch, but the run must still be able to finish.
    const tally: FeedTally = { outcome: "skipped", itemsSeen: 0, storiesNew: 0, storiesUpdated: 0 };
    await runTallyStatement(db, msg.runId, tally, nowIso).run();
    return tally;
  }

  try {
    const fetched = await fetchFeed(feed.url, {
      fetch: deps.fetch,
      etag: feed.etag,
      lastModified: feed.last_modified,
      timeoutMs: Number(env.FETCH_TIMEOUT_MS) || 15_000,
      maxBytes: Number(env.MAX_FEED_BYTES) || 10 * 1024 * 1024,
      allowPrivate: env.ALLOW_PRIVATE_FEEDS === "true",
    });
    if (fetched.kind === "not_modified") {
      const tally: FeedTally = { outcome: "not_modified", itemsSeen: 0, storiesNew: 0, storiesUpdated: 0 };
      await db.batch([
        ...feedSuccessStatements(db, feed.id, {
          now: nowIso,
          nextFetchAt: nextFetchAt({
            now: started,
            outcome: "not_modified",
            errorCount: 0,
            ...fetched,
            recentItemDates: await recentPublishedDates(db, feed.id),
          }),
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          movedTo: fetched.permanentUrl,
        }),
        runTallyStatement(db, msg.runId, tally, nowIso),
      ]);
      return tally;
    }

    const { parsed, meta } = await parseFetched(fetched);
    const closing = (counts: StoredCounts) => {
      const tally: FeedTally = { outcome: "ok", ...counts };
      const statements = [
        ...feedSuccessStatements(db, feed.id, {
          now: nowIso,
          nextFetchAt: nextFetchAt({
            now: started,
            outcome: "ok",
            errorCount: 0,
            ttlMinutes: parsed.ttlMinutes,
            maxAgeSeconds: meta.maxAgeSeconds,
            expiresAt: meta.expiresAt,
            recentItemDates: counts.recentItemDates,
          }),
          etag: meta.etag,
          lastModified: meta.lastModified,
          title: parsed.title,
          siteUrl: parsed.siteUrl,
          movedTo: meta.permanentUrl,
          warning: parsed.warnings.length > 0 ? parsed.warnings.join("; ") : null,
        }),
        runTallyStatement(db, msg.runId, tally, nowIso),
      ];
      return { tally, statements };
    };
    const landed: LandedStory[] = [];
    const articles = new ArticlePlanner(feed.id, (await feedContentOptions(db, feed.id))?.content_mode ?? "auto", ARTICLES_PER_FEED_PASS, started);
    const { bodiesInline, ...tally } = await storeItems(
      db,
      feed.id,
      parsed,
      { feedUrl: meta.finalUrl, fetchedAt: nowIso },
      closing,
      (ids) => matchStories(env, ids, { trigger: "clustering" }).then(() => undefined),
      landed,
      articles,
      env.BODIES,
    );
    // Bodies R2 refused are readable from D1; the mover takes them (and the cron, if this send fails too).
    if (bodiesInline > 0) {
      await env.INGEST_QUEUE.send({ moveBodies: true } satisfies MoveBodiesMessage).catch((err) => console.error(`ingest: feed ${feed.id}: body move not queued (the cron moves them): ${errorMessage(err)}`));
    }
    // The stories have landed: a failed send leaves them pending, and the cron sends again once their lease runs out.
    await articles.send(env.ARTICLE_QUEUE).catch((err) => console.error(`ingest: feed ${feed.id}: article messages not sent (the cron will resend them): ${errorMessage(err)}`));
    await matchLanded(env, { runId: msg.runId, feedId: feed.id, stories: landed });
    return tally;
  } catch (err) {
    const known = err instanceof FetchError || err instanceof FeedParseError;
    if (!known) console.error(`ingest: feed ${feed.id} failed unexpectedly: ${errorMessage(err)}`);
    const tally: FeedTally = { outcome: "failed", itemsSeen: 0, storiesNew: 0, storiesUpdated: 0 };
    const status = err instanceof FetchError ? err.status : null;
    await db.batch([
      ...feedErrorStatements(db, feed.id, {
        now: nowIso,
        status,
        message: known ? errorMessage(err) : `internal: ${errorMessage(err)}`,
        nextFetchAt: nextFetchAt({
          now: started,
          outcome: "error",
          errorCount: feed.error_count + 1,
          retryAfterSeconds: err instanceof FetchError ? err.retryAfterSeconds : null,
        }),
      }),
      runTallyStatement(db, msg.runId, tally, nowIso),
    ]);
    return tally;
  }
}

/**
 * Parses the fetched bytes and lets go of them: the outcome keeps everything but the body, so a 10 MB feed
 * is not held as bytes, text and items at once.
 */
async function parseFetched<F extends { body: Uint8Array; contentType: string | null }>(
  fetched: F,
): Promise<{ parsed: ParsedFeed; meta: Omit<F, "body"> }> {
  const { body, ...meta } = fetched;
  (fetched as { body: Uint8Array }).body = new Uint8Array(0);
  return { parsed: await parseFeed(body, meta.contentType), meta };
}

export interface StoredCounts {
  itemsSeen: number;
  storiesNew: number;
  storiesUpdated: number;
  /** published_at of the items seen, for the feed's publishing rhythm. */
  recentItemDates: string[];
}

/**
 * Normalizes, annotates and writes a parsed feed's items, CHUNK_ITEMS at a time, so that memory holds one
 * chunk's forms of a story rather than the whole feed's. Only items that need it are written: new ones,
 * changed ones (content hash) and ones annotated by an older annotator; unchanged items cost a lookup and no
 * annotation, and tombstoned stories stay deleted.
 *
 * A feed's writes, its status and its run tally go in one D1 batch, so they land together or not at all.
 * Only a feed carrying more than FLUSH_BYTES of story text is written in several batches, each holding
 * whole stories, with the status last: a failure midway then leaves complete stories that the next pass
 * recognises as unchanged.
 */
export async function storeItems(
  db: D1Database,
  feedId: number,
  parsed: ParsedFeed,
  ctx: NormalizeContext,
  closing: (counts: StoredCounts) => { tally: FeedTally; statements: D1PreparedStatement[] },
  /** Called after the batch with the stories whose flags clustering changed (alert matching, issue 16). */
  clusterChanged?: (storyIds: number[]) => Promise<void>,
  landed: LandedStory[] = [],
  /** Plans the article fetches of new and changed items (full articles); their rows go in the same batch. */
  articles?: ArticlePlanner,
  /** Where bodies go (issue 17); without it, or when a put fails, a body is stored inline in D1. */
  bucket?: R2Bucket,
): Promise<FeedTally & { bodiesInline: number }> {
  // Taken out of the parsed feed, so each chunk of raw items can be collected once it is normalized.
  const raw = parsed.items.slice(0, MAX_ITEMS_PER_FETCH);
  parsed.items = [];
  const counts: StoredCounts = { itemsSeen: 0, storiesNew: 0, storiesUpdated: 0, recentItemDates: [] };
  const holders: GuidHolders = new Map();
  // Guids this fetch has given stories, and stored stories it has renamed: a story listed twice under two
  // guids (or renamed once already) is not renamed again or stored a second time.
  const claimed = new Set<string>();
  // Content already taken in this fetch: the same item twice in one document, under two guids, is one story.
  const contents = new Set<string>();
  let pending: D1PreparedStatement[] = [];
  let pendingBytes = 0;
  // R2 objects the stored stories pointed at before this write replaced their bodies: removed after the batch.
  const replaced: string[] = [];
  let bodiesInline = 0;
  const clusters = new ClusterBatch(db);
  while (raw.length > 0) {
    const toCluster: ClusterInput[] = [];
    const writes: { write: StoryWrite; plan: D1PreparedStatement[]; oldKey: string | null }[] = [];
    const items = await normalizeItems(raw.splice(0, CHUNK_ITEMS), ctx, holders);
    const known = await knownStories(db, feedId, items);
    await articles?.chunk(db, items);
    for (const item of items) claimed.add(item.guid);
    for (const item of items) {
      counts.itemsSeen++;
      if (item.published_at) counts.recentItemDates.push(item.published_at);
      const k = known.get(item.guid);
      if (k?.tombstoned || contents.has(item.content_hash)) continue;
      contents.add(item.content_hash);
      if (k?.stored_guid) {
        // A renewed guid: the feed still lists the story under its stored guid too, or this fetch renamed it.
        if (claimed.has(k.stored_guid)) continue;
        claimed.add(k.stored_guid);
        pending.push(renameStory(db, feedId, k.stored_guid, item.guid));
        counts.storiesUpdated++;
        if (k.annotator_version === STORED_VERSION) continue;
      } else if (k && k.content_hash === item.content_hash && (k.annotator_version === STORED_VERSION || articles?.keeps(item.guid))) {
        continue;
      } else if (k) counts.storiesUpdated++;
      else counts.storiesNew++;
      const write: StoryWrite = {
        item,
        annotation: annotate({ title: item.title, text: item.text, url: item.url }),
        annotatorVersion: STORED_VERSION,
      };
      landed.push({ guid: item.guid, published_at: item.published_at, annotation: write.annotation });
      // New or changed content only: an unchanged item's article is never fetched again.
      const plan = articles && k?.content_hash !== item.content_hash ? articles.plan(db, item) : [];
      writes.push({ write, plan, oldKey: k?.body_key ?? null });
      pendingBytes += item.text.length * 2 + (item.content_html?.length ?? 0);
      toCluster.push(
        clusterInputOf(
          { feedId, feedUrl: ctx.feedUrl, guid: item.guid, url: item.url, at: item.published_at ?? ctx.fetchedAt },
          write.annotation,
        ),
      );
    }
    // The chunk's bodies are in R2 before any row that points at them is written.
    const placed = await pooled(writes, ({ write: { item } }) => putBody(bucket, feedId, item.guid, { content_html: item.content_html, source_text: item.text }));
    writes.forEach(({ write, plan, oldKey }, i) => {
      const body = placed[i]!;
      if ("inline" in body && bucket && (write.item.content_html !== null || write.item.text !== "")) bodiesInline++;
      if (oldKey && !("key" in body && body.key === oldKey)) replaced.push(oldKey);
      pending.push(...storyWriteStatements(db, feedId, write, ctx.fetchedAt, { body }), ...plan);
    });
    // Owed a match against the alerts from the moment they land (cleared when matchLanded has recorded it).
    if (writes.length > 0) pending.push(...backlogStatements(db, writes.map(({ write }) => [feedId, write.item.guid] as StoryRef), "ingest", ctx.fetchedAt));
    await clusters.add(toCluster);
    if (pendingBytes > FLUSH_BYTES) {
      await db.batch(pending);
      pending = [];
      pendingBytes = 0;
    }
  }
  const { tally, statements } = closing(counts);
  let clustered = clusters.finish();
  const owed = (refs: readonly StoryRef[]) => backlogStatements(db, refs, "clustering", ctx.fetchedAt);
  const results = await db.batch([...pending, ...clustered.statements, ...statements, ...owed(clustered.changed)]);
  // A concurrent feed batch stored a copy after this one looked: cluster again, now that both are stored.
  if (clusters.raced(results.slice(pending.length, pending.length + clustered.checks))) {
    const again = await clusters.second();
    await db.batch([...again.statements, ...owed(again.changed)]);
    clustered = { ...again, changed: [...clustered.changed, ...again.changed] };
  }
  await deleteBodies(bucket, replaced);
  if (clusterChanged) await clusterChanged(await storiesChangedByClustering(db, clustered.changed));
  return { ...tally, bodiesInline };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
