/**
 * Feeds table: registration, the cron's due list, and the fetch bookkeeping.
 * Invariant: a feed is due when it is not paused and next_fetch_at is null or in the past.
 */
import type { ContentMode, Feed, FeedStatus } from "../model";

/** What the ingest stage needs beyond the public Feed. */
export interface FeedForFetch {
  id: number;
  url: string;
  etag: string | null;
  last_modified: string | null;
  error_count: number;
  paused: boolean;
}

export interface FeedError {
  at: string;
  status: number | null;
  message: string;
}

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  site_url: string | null;
  paused: number;
  status: FeedStatus;
  last_fetched_at: string | null;
  last_error: string | null;
  last_warning: string | null;
  error_count: number;
  next_fetch_at: string | null;
  story_count: number;
  content_mode: ContentMode;
  article_selector: string | null;
}

const FEED_COLUMNS = `f.id, f.url, f.title, f.site_url, f.paused, f.status, f.last_fetched_at, f.last_error, f.last_warning,
  f.error_count, f.next_fetch_at, (SELECT count(*) FROM stories s WHERE s.feed_id = f.id) AS story_count,
  f.content_mode, f.article_selector`;

/** How many past errors each feed keeps for its detail view. */
export const FEED_ERRORS_KEPT = 10;

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    site_url: row.site_url,
    paused: row.paused === 1,
    status: row.status,
    last_fetched_at: row.last_fetched_at,
    last_error: row.last_error,
    last_warning: row.last_warning,
    error_count: row.error_count,
    next_fetch_at: row.next_fetch_at,
    story_count: row.story_count,
    content_mode: row.content_mode,
    article_selector: row.article_selector,
  };
}

export async function listFeeds(db: D1Database): Promise<Feed[]> {
  const { results } = await db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f ORDER BY f.id`).all<FeedRow>();
  return results.map(toFeed);
}

export async function getFeed(db: D1Database, id: number): Promise<Feed | null> {
  const row = await db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.id = ?1`).bind(id).first<FeedRow>();
  return row ? toFeed(row) : null;
}

export async function getFeedErrors(db: D1Database, id: number): Promise<FeedError[]> {
  const { results } = await db
    .prepare("SELECT at, status, message FROM feed_errors WHERE feed_id = ?1 ORDER BY id DESC LIMIT ?2")
    .bind(id, FEED_ERRORS_KEPT)
    .all<FeedError>();
  return results;
}

/** Registers a feed, due at once. Returns null when the URL is already registered. */
export async function insertFeed(
  db: D1Database,
  input: { url: string; title: string | null },
  now: string,
): Promise<Feed | null> {
  const row = await db
    .prepare(
      `INSERT INTO feeds (url, title, status, next_fetch_at, created_at) VALUES (?1, ?2, 'pending', ?3, ?3)
       ON CONFLICT (url) DO NOTHING RETURNING id`,
    )
    .bind(input.url, input.title, now)
    .first<{ id: number }>();
  return row ? getFeed(db, row.id) : null;
}

export async function updateFeed(
  db: D1Database,
  id: number,
  patch: { title?: string | null; paused?: boolean },
): Promise<Feed | null> {
  // COALESCE keeps a field unchanged when the patch leaves it out; ?2 = 1 tells "title given" apart from "title null".
  await db
    .prepare(
      `UPDATE feeds SET title = CASE WHEN ?2 = 1 THEN ?3 ELSE title END, paused = COALESCE(?4, paused) WHERE id = ?1`,
    )
    .bind(id, "title" in patch ? 1 : 0, patch.title ?? null, patch.paused === undefined ? null : Number(patch.paused))
    .run();
  return getFeed(db, id);
}

/** Deletes a feed; its stories stay unless `purge`, in which case they go in the same transaction. */
export async function deleteFeed(db: D1Database, id: number, purge: boolean): Promise<boolean> {
  const statements = [db.prepare("DELETE FROM feeds WHERE id = ?1").bind(id)];
  if (purge) {
    statements.push(db.prepare("DELETE FROM stories WHERE feed_id = ?1").bind(id));
    statements.push(db.prepare("DELETE FROM deleted_stories WHERE feed_id = ?1").bind(id));
  }
  const [deleted] = await db.batch(statements);
  return (deleted?.meta.changes ?? 0) > 0;
}

export async function getFeedForFetch(db: D1Database, id: number): Promise<FeedForFetch | null> {
  const row = await db
    .prepare("SELECT id, url, etag, last_modified, error_count, paused FROM feeds WHERE id = ?1")
    .bind(id)
    .first<Omit<FeedForFetch, "paused"> & { paused: number }>();
  return row ? { ...row, paused: row.paused === 1 } : null;
}

/**
 * Claims the due feeds for one ingest pass: their next_fetch_at moves to `leaseUntil` in the same statement
 * that selects them, so an overlapping cron does not enqueue them twice. The fetch result then sets the real
 * next time. `force` ignores schedules (but never pause).
 */
export async function claimDueFeeds(
  db: D1Database,
  opts: { now: string; leaseUntil: string; feedId?: number; force?: boolean; limit: number },
): Promise<{ id: number; url: string }[]> {
  const { results } = await db
    .prepare(
      `UPDATE feeds SET next_fetch_at = ?2
       WHERE id IN (
         SELECT id FROM feeds
         WHERE paused = 0
           AND (?3 IS NULL OR id = ?3)
           AND (?4 = 1 OR next_fetch_at IS NULL OR next_fetch_at <= ?1)
         ORDER BY next_fetch_at LIMIT ?5)
       RETURNING id, url`,
    )
    .bind(opts.now, opts.leaseUntil, opts.feedId ?? null, opts.force ? 1 : 0, opts.limit)
    .all<{ id: number; url: string }>();
  return results.sort((a, b) => a.id - b.id);
}

/** Consecutive fetches that must see the same permanent redirect before the stored url follows it. */
export const MOVES_BEFORE_URL_CHANGE = 3;

/**
 * The statements recording a successful fetch (200 or 304). Run in the same batch as the stories.
 * `movedTo` is where every hop of a permanent redirect led; one sighting is remembered, and only a redirect
 * seen on MOVES_BEFORE_URL_CHANGE consecutive fetches rewrites the url (a misconfigured 301 is often undone).
 */
export function feedSuccessStatements(
  db: D1Database,
  id: number,
  r: {
    now: string;
    nextFetchAt: string;
    etag: string | null;
    lastModified: string | null;
    title?: string | null;
    siteUrl?: string | null;
    movedTo?: string | null;
    /** What a 200's parse left out, null for none; left as it was when undefined (a 304 re-reads nothing). */
    warning?: string | null;
  },
): D1PreparedStatement[] {
  // In an UPDATE every right-hand side sees the row as it was, so moved_to/moved_count below are the old values.
  return [
    db
      .prepare(
        `UPDATE feeds SET status = 'ok', error_count = 0, last_error = NULL, last_fetched_at = ?2, next_fetch_at = ?3,
           etag = ?4, last_modified = ?5,
           title = COALESCE(title, ?6), site_url = COALESCE(?7, site_url),
           url = CASE WHEN ?8 IS NOT NULL AND moved_to = ?8 AND moved_count + 1 >= ?9
                       AND NOT EXISTS (SELECT 1 FROM feeds o WHERE o.url = ?8) THEN ?8 ELSE url END,
           moved_count = CASE WHEN ?8 IS NULL THEN 0 WHEN moved_to = ?8 THEN moved_count + 1 ELSE 1 END,
           moved_to = ?8,
           last_warning = CASE WHEN ?10 = 1 THEN ?11 ELSE last_warning END
         WHERE id = ?1`,
      )
      .bind(
        id,
        r.now,
        r.nextFetchAt,
        r.etag,
        r.lastModified,
        r.title ?? null,
        r.siteUrl ?? null,
        r.movedTo ?? null,
        MOVES_BEFORE_URL_CHANGE,
        r.warning === undefined ? 0 : 1,
        r.warning ?? null,
      ),
  ];
}

/** The statements recording a failed fetch: the error is kept, the count grows, the schedule backs off. */
export function feedErrorStatements(
  db: D1Database,
  id: number,
  r: { now: string; nextFetchAt: string; message: string; status: number | null },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE feeds SET status = 'error', error_count = error_count + 1, last_error = ?3, last_fetched_at = ?2,
           next_fetch_at = ?4 WHERE id = ?1`,
      )
      .bind(id, r.now, r.message, r.nextFetchAt),
    db
      .prepare("INSERT INTO feed_errors (feed_id, at, status, message) VALUES (?1, ?2, ?3, ?4)")
      .bind(id, r.now, r.status, r.message),
    db
      .prepare(
        `DELETE FROM feed_errors WHERE feed_id = ?1 AND id NOT IN
           (SELECT id FROM feed_errors WHERE feed_id = ?1 ORDER BY id DESC LIMIT ?2)`,
      )
      .bind(id, FEED_ERRORS_KEPT),
  ];
}

/** Publication dates of a feed's newest stories: its rhythm, for scheduling when a 304 brings no items. */
export async function recentPublishedDates(db: D1Database, feedId: number, limit = 10): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT published_at FROM stories WHERE feed_id = ?1 AND published_at IS NOT NULL
       ORDER BY sort_at DESC, id DESC LIMIT ?2`,
    )
    .bind(feedId, limit)
    .all<{ published_at: string }>();
  return results.map((r) => r.published_at);
}

/** Registers many feeds in one batch (OPML import). Returns the urls that were new; the others existed. */
export async function insertFeeds(
  db: D1Database,
  feeds: { url: string; title: string | null }[],
  now: string,
): Promise<Set<string>> {
  if (feeds.length === 0) return new Set();
  const results = await db.batch<{ url: string }>(
    feeds.map((f) =>
      db
        .prepare(
          `INSERT INTO feeds (url, title, status, next_fetch_at, created_at) VALUES (?1, ?2, 'pending', ?3, ?3)
           ON CONFLICT (url) DO NOTHING RETURNING url`,
        )
        .bind(f.url, f.title, now),
    ),
  );
  return new Set(results.flatMap((r) => r.results.map((row) => row.url)));
}
