/**
 * The article stage's tables: each story's article fetch (status, error, where its text came from), the feed's
 * content mode and selector, and per-origin politeness (robots.txt cache, the earliest next fetch).
 *
 * Invariants:
 * - An article outcome is written only while the story's content_hash is the one the fetch was planned for:
 *   a story that its feed changed meanwhile is left to the newer plan.
 * - A failed or refused article fetch writes only article_status and article_error: the story stays as it was.
 */
import type { ArticleStatus, ContentMode, NormalizedItem, PageSignal } from "../model";
import { storyBody } from "./stories";

export interface FeedContentOptions {
  content_mode: ContentMode;
  article_selector: string | null;
}

export async function feedContentOptions(db: D1Database, feedId: number): Promise<FeedContentOptions | null> {
  return db.prepare("SELECT content_mode, article_selector FROM feeds WHERE id = ?1").bind(feedId).first<FeedContentOptions>();
}

/** Sets the fields given; ?2 = 1 tells "selector given (maybe null)" apart from "selector left out". */
export async function setFeedContentOptions(db: D1Database, feedId: number, patch: Partial<FeedContentOptions>): Promise<void> {
  await db
    .prepare(
      `UPDATE feeds SET content_mode = COALESCE(?3, content_mode),
         article_selector = CASE WHEN ?2 = 1 THEN ?4 ELSE article_selector END WHERE id = ?1`,
    )
    .bind(feedId, "article_selector" in patch ? 1 : 0, patch.content_mode ?? null, patch.article_selector ?? null)
    .run();
}

/** Guids among `guids` whose story's text came from its article page. */
export async function articleSourcedGuids(db: D1Database, feedId: number, guids: string[]): Promise<Set<string>> {
  if (guids.length === 0) return new Set();
  const { results } = await db
    .prepare("SELECT guid FROM stories WHERE feed_id = ?1 AND content_source = 'article' AND guid IN (SELECT value FROM json_each(?2))")
    .bind(feedId, JSON.stringify(guids))
    .all<{ guid: string }>();
  return new Set(results.map((r) => r.guid));
}

/**
 * Marks a just-written story's article as planned (pending, leased until its message should have been handled)
 * or not fetched (skipped, with the reason).
 */
export function articlePlanStatement(
  db: D1Database,
  feedId: number,
  guid: string,
  plan: { status: "pending"; error: null; leaseUntil: string } | { status: "skipped"; error: string },
): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE stories SET article_status = ?3, article_error = ?4, article_lease_until = ?5, content_source = 'feed' WHERE feed_id = ?1 AND guid = ?2",
    )
    .bind(feedId, guid, plan.status, plan.error, plan.status === "pending" ? plan.leaseUntil : null);
}

/** The story's text is the feed's again, and no article fetch is wanted. */
export function articleResetStatement(db: D1Database, feedId: number, guid: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE stories SET content_source = 'feed', article_status = NULL, article_error = NULL, article_fetched_at = NULL,
         article_signals = NULL, article_lease_until = NULL WHERE feed_id = ?1 AND guid = ?2`,
    )
    .bind(feedId, guid);
}

export interface StoryForArticle {
  id: number;
  feedId: number;
  fetchedAt: string;
  item: NormalizedItem;
  contentMode: ContentMode;
  articleSelector: string | null;
  articleStatus: ArticleStatus | null;
  /** The feed's URL: the story's outlet when it has no URL of its own (clustering). */
  feedUrl: string;
  /** The R2 object holding the stored body, if it is there: removed once the article's body replaces it. */
  bodyKey: string | null;
}

/** The stored story an article message is about, as normalize produced it, with its feed's options. */
export async function storyForArticle(db: D1Database, feedId: number, guid: string, bucket?: R2Bucket): Promise<StoryForArticle | null> {
  const r = await db
    .prepare(
      `SELECT s.id, s.feed_id, s.guid, s.url, s.title, s.author, s.published_at, s.published_raw, s.updated_at, s.fetched_at,
         s.summary, s.content_html, s.source_text, s.body_key, s.categories, s.content_hash, s.article_status,
         f.content_mode, f.article_selector, f.url AS feed_url
       FROM stories s JOIN feeds f ON f.id = s.feed_id WHERE s.feed_id = ?1 AND s.guid = ?2`,
    )
    .bind(feedId, guid)
    .first<
      Omit<NormalizedItem, "text" | "categories"> & {
        id: number;
        feed_id: number;
        fetched_at: string;
        source_text: string;
        body_key: string | null;
        categories: string;
        article_status: ArticleStatus | null;
        content_mode: ContentMode;
        article_selector: string | null;
        feed_url: string;
      }
    >();
  if (!r) return null;
  const body = await storyBody(bucket, r);
  return {
    id: r.id,
    feedId: r.feed_id,
    fetchedAt: r.fetched_at,
    contentMode: r.content_mode,
    articleSelector: r.article_selector,
    articleStatus: r.article_status,
    feedUrl: r.feed_url,
    bodyKey: r.body_key,
    item: {
      guid: r.guid,
      url: r.url,
      title: r.title,
      author: r.author,
      published_at: r.published_at,
      published_raw: r.published_raw,
      updated_at: r.updated_at,
      summary: r.summary,
      content_html: body.content_html,
      text: body.source_text,
      categories: JSON.parse(r.categories) as string[],
      content_hash: r.content_hash,
    },
  };
}

/**
 * Records an article fetch's outcome, if the story is still the one it was planned for. A story still pending
 * (its message comes back later) renews its lease; any other outcome ends it.
 */
export function articleOutcomeStatement(
  db: D1Database,
  story: { feedId: number; guid: string; contentHash: string },
  outcome: { status: ArticleStatus; error: string | null; fetchedAt: string | null; signals?: PageSignal[]; leaseUntil?: string },
): D1PreparedStatement {
  const ok = outcome.status === "ok";
  return db
    .prepare(
      `UPDATE stories SET article_status = ?4, article_error = ?5, article_fetched_at = COALESCE(?6, article_fetched_at),
         content_source = CASE WHEN ?7 = 1 THEN 'article' ELSE content_source END,
         article_signals = CASE WHEN ?7 = 1 THEN ?8 ELSE article_signals END,
         article_lease_until = ?9
       WHERE feed_id = ?1 AND guid = ?2 AND content_hash = ?3`,
    )
    .bind(
      story.feedId,
      story.guid,
      story.contentHash,
      outcome.status,
      outcome.error,
      outcome.fetchedAt,
      Number(ok),
      ok ? JSON.stringify(outcome.signals ?? []) : null,
      outcome.status === "pending" ? (outcome.leaseUntil ?? null) : null,
    );
}

/** A pending story's lease, moved on while its message waits in the queue on purpose (an origin's hold). */
export function articleLeaseStatement(db: D1Database, story: { feedId: number; guid: string; contentHash: string }, leaseUntil: string): D1PreparedStatement {
  return db
    .prepare("UPDATE stories SET article_lease_until = ?4 WHERE feed_id = ?1 AND guid = ?2 AND content_hash = ?3 AND article_status = 'pending'")
    .bind(story.feedId, story.guid, story.contentHash, leaseUntil);
}

export interface LapsedArticle {
  feedId: number;
  guid: string;
  url: string;
  hash: string;
}

/**
 * Takes up to `limit` pending stories whose lease ran out before `now` (their message was never sent, or was
 * lost): their leases move to `leaseUntil` in the same statement, so two sweeps never both take one story.
 */
export async function takeLapsedArticles(db: D1Database, q: { now: string; leaseUntil: string; limit: number }): Promise<LapsedArticle[]> {
  const { results } = await db
    .prepare(
      `UPDATE stories SET article_lease_until = ?2
       WHERE id IN (SELECT id FROM stories WHERE article_status = 'pending' AND (article_lease_until IS NULL OR article_lease_until < ?1)
                    ORDER BY article_lease_until LIMIT ?3)
         AND url IS NOT NULL
       RETURNING feed_id, guid, url, content_hash`,
    )
    .bind(q.now, q.leaseUntil, q.limit)
    .all<{ feed_id: number; guid: string; url: string; content_hash: string }>();
  return results.map((r) => ({ feedId: r.feed_id, guid: r.guid, url: r.url, hash: r.content_hash }));
}

// ── per-origin politeness ────────────────────────────────────────────────────────────────────────────────

export interface OriginState {
  origin: string;
  next_fetch_at: string;
  robots_status: number | null;
  robots_body: string | null;
  robots_expires_at: string | null;
}

export async function getOrigin(db: D1Database, origin: string): Promise<OriginState | null> {
  return db.prepare("SELECT * FROM article_origins WHERE origin = ?1").bind(origin).first<OriginState>();
}

/** Stores a robots.txt answer (the body for a 2xx, null otherwise) and until when it holds. */
export async function putRobots(
  db: D1Database,
  origin: string,
  robots: { status: number | null; body: string | null; expiresAt: string },
  now: string,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO article_origins (origin, next_fetch_at, robots_status, robots_body, robots_expires_at) VALUES (?1, ?5, ?2, ?3, ?4)
       ON CONFLICT (origin) DO UPDATE SET robots_status = ?2, robots_body = ?3, robots_expires_at = ?4`,
    )
    .bind(origin, robots.status, robots.body, robots.expiresAt, now)
    .run();
}

/** The earliest time of the next fetch from this origin; never moved earlier (a Retry-After outlasts spacing). */
export async function holdOrigin(db: D1Database, origin: string, until: string): Promise<void> {
  await db
    .prepare(
      `INSERT INTO article_origins (origin, next_fetch_at) VALUES (?1, ?2)
       ON CONFLICT (origin) DO UPDATE SET next_fetch_at = max(next_fetch_at, ?2)`,
    )
    .bind(origin, until)
    .run();
}
