/**
 * The article stage: the consumer of the article queue. For each message it fetches the story's page politely
 * (robots.txt, one fetch at a time per origin with ARTICLE_SPACING_MS between them, 429 and Retry-After), through
 * the feeds' own fetch path (URL safety on every hop, 15 s timeout, a 5 MB cap), extracts and re-annotates the
 * story (annotate/page.ts, the code path POST /v1/annotate uses too) and updates it in one D1 batch.
 *
 * The feed's text is never lost: a story whose page fails, is refused, is a wall or yields less text than the
 * feed gave keeps everything it had, and only its article status and error are written. On success the feed's
 * own text stays in `summary` when the feed gave no separate summary.
 */
import { matchStories } from "../alerts/run";
import { annotatePage } from "../annotate/page";
import { truncateText, utf8Length } from "../html/text";
import type { ArticleStatus } from "../model";
import { backlogStatements } from "../store/alerts";
import type { StoryRef } from "../store/clusters";
import {
  articleLeaseStatement,
  articleOutcomeStatement,
  getOrigin,
  holdOrigin,
  type StoryForArticle,
  storyForArticle,
  takeLapsedArticles,
} from "../store/articles";
import { deleteBodies, putBody } from "../store/bodies";
import { storyWriteStatements } from "../store/stories";
import { domainOf } from "../extract/domain";
import { ARTICLE_LEASE_MS, type ArticleMessage } from "./article-plan";
import { STORED_VERSION } from "./version";
import { ClusterBatch, clusterInputOf, storiesChangedByClustering } from "./cluster";
import { FetchError, fetchFeed } from "./fetch";
import { MAX_SUMMARY_BYTES, MAX_TEXT_BYTES } from "./normalize";
import { decodeFeedBytes } from "./parse-decode";
import { robotsVerdict } from "./robots";

export const DEFAULT_SPACING_MS = 3_000;
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** A wait for an origin up to this long is slept through; a longer one sends the message back to the queue. */
const MAX_INLINE_WAIT_MS = 10_000;
/** Deliveries of one message before a throttled or unreachable origin is recorded as an error. */
export const MAX_ARTICLE_ATTEMPTS = 4;
/** When a 429 or 503 names no Retry-After, the origin is left alone this long. */
const DEFAULT_THROTTLE_S = 60;
const ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

export interface ArticleDeps {
  fetch: typeof fetch;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

const defaultDeps: ArticleDeps = {
  fetch: (input, init) => fetch(input, init),
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What became of one message: done (acked) or back to the queue after a delay. */
type Step = { done: true } | { done: false; delaySeconds: number };

interface Settings {
  spacingMs: number;
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

function settings(env: Env): Settings {
  const spacing = Number(env.ARTICLE_SPACING_MS);
  return {
    spacingMs: Number.isFinite(spacing) && spacing >= 0 && env.ARTICLE_SPACING_MS !== undefined ? spacing : DEFAULT_SPACING_MS,
    maxBytes: Number(env.MAX_ARTICLE_BYTES) || DEFAULT_MAX_ARTICLE_BYTES,
    timeoutMs: Number(env.FETCH_TIMEOUT_MS) || 15_000,
    allowPrivate: env.ALLOW_PRIVATE_FEEDS === "true",
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Queue consumer: messages are grouped by origin, and each origin's are fetched one at a time. */
export async function consumeArticles(batch: MessageBatch<ArticleMessage>, env: Env, deps: ArticleDeps = defaultDeps): Promise<void> {
  const byOrigin = new Map<string, Message<ArticleMessage>[]>();
  for (const m of batch.messages) {
    const origin = originOf(m.body.url) ?? "invalid:";
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), m]);
  }
  const config = settings(env);
  await Promise.all(
    [...byOrigin.entries()].map(async ([origin, messages]) => {
      for (const message of messages) {
        try {
          const step = await fetchArticle(env, origin, message.body, message.attempts, config, deps);
          if (step.done) message.ack();
          else message.retry({ delaySeconds: step.delaySeconds });
        } catch (err) {
          // Only infrastructure failures get here (D1 unavailable): let the queue try again.
          console.error(`article: ${message.body.url} will be retried: ${err instanceof Error ? err.message : String(err)}`);
          message.retry({ delaySeconds: 30 });
        }
      }
    }),
  );
}

/** Pending articles whose message is re-sent per cron tick at most (lapsed leases: a failed send, a lost message). */
export const ARTICLE_SWEEP_LIMIT = 200;

/**
 * The cron's part: sends the message again for each pending story whose lease ran out. The lease moves on first,
 * so a send that fails again is retried on a later tick, and a message that was only late finds the story
 * settled and fetches nothing. Never throws: a failure is logged and the next tick tries again.
 */
export async function sweepArticles(env: Env, now: Date = new Date()): Promise<number> {
  try {
    const lapsed = await takeLapsedArticles(env.DB, {
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + ARTICLE_LEASE_MS).toISOString(),
      limit: ARTICLE_SWEEP_LIMIT,
    });
    for (let i = 0; i < lapsed.length; i += 100) {
      await env.ARTICLE_QUEUE.sendBatch(lapsed.slice(i, i + 100).map((body) => ({ body })));
    }
    return lapsed.length;
  } catch (err) {
    console.error(`article: sweeping lapsed article leases failed: ${err instanceof Error ? err.message : String(err)}`);
    return 0;
  }
}

/** Waits for the origin's next slot, or says how long to put the message off when that is far away. */
async function awaitOrigin(db: D1Database, origin: string, deps: ArticleDeps): Promise<number | null> {
  const state = await getOrigin(db, origin);
  const wait = state ? Date.parse(state.next_fetch_at) - deps.now().getTime() : 0;
  if (wait <= 0) return null;
  if (wait > MAX_INLINE_WAIT_MS) return Math.ceil(wait / 1000);
  await deps.sleep(wait);
  return null;
}

/** Fetches, extracts and stores one story's article. Returns whether the message is done. */
export async function fetchArticle(
  env: Env,
  origin: string,
  msg: ArticleMessage,
  attempts: number,
  config: Settings = settings(env),
  deps: ArticleDeps = defaultDeps,
): Promise<Step> {
  const db = env.DB;
  const story = await storyForArticle(db, msg.feedId, msg.guid, env.BODIES);
  // Gone, or changed since the plan: a newer message (or none) is in charge. Already settled: a second message
  // for it (the cron's, after a lease ran out while the first waited) fetches nothing.
  const settled = story?.articleStatus === "ok" || story?.articleStatus === "error" || story?.articleStatus === "skipped";
  if (!story || story.item.content_hash !== msg.hash || settled) return { done: true };
  const pinned = { feedId: msg.feedId, guid: msg.guid, contentHash: msg.hash };
  const leaseAfter = (delaySeconds: number) => new Date(deps.now().getTime() + delaySeconds * 1000 + ARTICLE_LEASE_MS).toISOString();
  const record = async (status: ArticleStatus, error: string | null): Promise<Step> => {
    await articleOutcomeStatement(db, pinned, { status, error, fetchedAt: deps.now().toISOString() }).run();
    return { done: true };
  };
  /** A wait the origin asked for: the story stays pending (saying why) until the last attempt, then it is an error. */
  const later = async (why: string, delaySeconds: number): Promise<Step> => {
    if (attempts >= MAX_ARTICLE_ATTEMPTS) return record("error", `${why}; gave up after ${attempts} attempts`);
    await articleOutcomeStatement(db, pinned, { status: "pending", error: `${why}; retrying in ${delaySeconds} s`, fetchedAt: null, leaseUntil: leaseAfter(delaySeconds) }).run();
    return { done: false, delaySeconds };
  };
  if (origin === "invalid:") return record("error", `not a fetchable URL: ${msg.url.slice(0, 200)}`);

  const putOff = await awaitOrigin(db, origin, deps);
  if (putOff !== null) {
    await articleLeaseStatement(db, pinned, leaseAfter(putOff)).run();
    return { done: false, delaySeconds: putOff };
  }

  const robots = await robotsVerdict(db, origin, msg.url, { fetch: deps.fetch, now: deps.now, allowPrivate: config.allowPrivate, timeoutMs: config.timeoutMs });
  if (robots.kind === "disallowed") return record("skipped", `robots.txt disallows ${new URL(msg.url).pathname} (${robots.rule})`);
  if (robots.kind === "unreachable") return later(`${robots.reason}: waiting, as RFC 9309 asks`, robots.retryAfterSeconds);

  const spacingMs = Math.max(config.spacingMs, robots.crawlDelaySeconds * 1000);
  await holdOrigin(db, origin, new Date(deps.now().getTime() + spacingMs).toISOString());
  let page;
  try {
    page = await fetchFeed(msg.url, {
      fetch: deps.fetch,
      etag: null,
      lastModified: null,
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBytes,
      allowPrivate: config.allowPrivate,
      accept: ACCEPT_HTML,
      what: "page",
    });
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    if (err.status === 429 || (err.status === 503 && err.retryAfterSeconds !== null)) {
      const wait = Math.max(1, err.retryAfterSeconds ?? DEFAULT_THROTTLE_S);
      await holdOrigin(db, origin, new Date(deps.now().getTime() + wait * 1000).toISOString());
      return later(err.message, wait);
    }
    return record("error", err.message);
  }
  if (page.kind !== "ok") return record("error", "fetch: unexpected 304 Not Modified to an unconditional request");
  const html = htmlOf(page.body, page.contentType);
  if (html === null) return record("error", `not an HTML page (Content-Type: ${(page.contentType ?? "none").slice(0, 100)})`);
  return storeArticle(env, story, msg, html, page.finalUrl, deps, record);
}

/** The page as text when it is HTML or XHTML (by its Content-Type, or by its first bytes when it has none). */
function htmlOf(body: Uint8Array, contentType: string | null): string | null {
  if (contentType !== null && !HTML_TYPES.test(contentType.trim())) return null;
  const text = decodeFeedBytes(body, contentType);
  if (contentType === null && !/^\s*(?:<!doctype html|<html|<head|<body)/i.test(text.slice(0, 1024))) return null;
  return text;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

async function storeArticle(
  env: Env,
  story: StoryForArticle,
  msg: ArticleMessage,
  html: string,
  finalUrl: string,
  deps: ArticleDeps,
  record: (status: ArticleStatus, error: string | null) => Promise<Step>,
): Promise<Step> {
  const db = env.DB;
  // The feed's selector is for its own site's pages: a redirect to another site gets the extractor.
  const sameSite = domainOf(finalUrl) !== null && domainOf(finalUrl) === domainOf(story.item.url ?? msg.url);
  const untitled = story.item.title === "(untitled)";
  const read = annotatePage(html, {
    url: finalUrl,
    selector: sameSite ? story.articleSelector : null,
    title: untitled ? null : story.item.title,
  });
  if (read.page.wall) return record("error", `blocked: ${read.page.wall.kind} (${read.page.wall.reason}); the feed's text is kept`);
  if (words(read.page.paragraphs.join(" ")) <= words(story.item.text)) {
    return record("error", "extract: the page gave no more text than the feed; the feed's text is kept");
  }
  if (utf8Length(read.text) > MAX_TEXT_BYTES) return record("error", `extract: the article's text is over ${MAX_TEXT_BYTES / 1000} KB; the feed's text is kept`);
  const now = deps.now().toISOString();
  const item = {
    ...story.item,
    text: read.text,
    // The feed's own text stays readable: as the summary, unless the feed gave one of its own.
    summary: story.item.summary ?? (story.item.text.trim() ? truncateText(story.item.text.trim(), MAX_SUMMARY_BYTES, "byte") : null),
    title: untitled && read.page.title ? read.page.title : story.item.title,
    author: story.item.author ?? read.page.authors[0] ?? read.page.byline,
    published_at: story.item.published_at ?? read.page.published_at,
  };
  // The fuller body is what clusters compare: the story is signed again, and may join (or leave) a cluster.
  const clusters = new ClusterBatch(db);
  await clusters.add([
    clusterInputOf(
      { feedId: story.feedId, feedUrl: story.feedUrl, guid: item.guid, url: item.url, at: item.published_at ?? story.fetchedAt },
      read.annotation,
    ),
  ]);
  // The article's text is the new source: its body goes to R2 before the row points at it.
  const body = await putBody(env.BODIES, story.feedId, item.guid, { content_html: item.content_html, source_text: item.text });
  const writes = [
    ...storyWriteStatements(db, story.feedId, { item, annotation: read.annotation, annotatorVersion: STORED_VERSION }, story.fetchedAt, { ifUnchanged: true, body }),
    articleOutcomeStatement(db, { feedId: story.feedId, guid: story.item.guid, contentHash: msg.hash }, { status: "ok", error: null, fetchedAt: now, signals: read.article.signals }),
  ];
  let clustered = clusters.finish();
  const owed = (refs: readonly StoryRef[], trigger: "article" | "clustering") => backlogStatements(db, refs, trigger, now);
  const results = await db.batch([...writes, ...clustered.statements, ...owed([story.id], "article"), ...owed(clustered.changed, "clustering")]);
  const rewritten = (results[0]?.meta.changes ?? 0) > 0;
  // The row now points at the new body, so the old one is unreferenced; a write the story's feed won leaves
  // the new object unreferenced instead. A body left inline goes to R2 through the mover.
  if (rewritten && story.bodyKey && !("key" in body && body.key === story.bodyKey)) await deleteBodies(env.BODIES, [story.bodyKey]);
  if (!rewritten && "key" in body && body.key !== story.bodyKey) await deleteBodies(env.BODIES, [body.key]);
  if ("inline" in body && env.BODIES && (item.content_html !== null || item.text !== "")) await env.INGEST_QUEUE.send({ moveBodies: true });
  if (clusters.raced(results.slice(writes.length, writes.length + clustered.checks))) {
    const again = await clusters.second();
    await db.batch([...again.statements, ...owed(again.changed, "clustering")]);
    clustered = { ...again, changed: [...clustered.changed, ...again.changed] };
  }
  // The page may say what the feed did not (a disclaimer, a dateline): alerts see the story as it is now, and
  // the copies whose inferred flags clustering changed.
  const changed = await storiesChangedByClustering(db, clustered.changed);
  await matchStories(env, [...new Set([story.id, ...changed])], { trigger: "article" });
  return { done: true };
}
