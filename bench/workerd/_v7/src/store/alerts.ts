/**
 * Alerts, their matches, deliveries and delivery attempts (migrations/0008_alerts.sql).
 *
 * Invariants:
 * - (alert_id, story_id) is one alert_matches row, ever: a story fires an alert at most once in its life.
 * - A match belongs to at most one delivery (alert_matches.delivery_id); a delivery's stories are the matches
 *   that point at it, so a story can never travel in two deliveries of one alert.
 * - A match of an "each" alert gets its delivery in the same D1 batch that records it, so a match is never
 *   left without a delivery; a digest alert's matches wait for their ingest pass to finish (createDigests).
 * - A pending delivery has a lease: while the lease runs, its queue message is in flight; once it has run out
 *   the cron sends the delivery again (resendLapsed), so a lost message delays a delivery but never loses it.
 * - A story written while an alert is active is marked owed a match (alert_backlog, migration 0011) in the batch
 *   that writes it, and the mark is cleared in the batch that records its matches: matching that fails in
 *   between is done again by the cron (lapsedBacklog), never skipped.
 */
import { pieces, refOf, type StoryRef } from "./clusters";

/** The queue message of the alert queue: attempt this delivery. */
export interface AlertMessage {
  deliveryId: number;
}

export type AlertMode = "each" | "digest";
export type AlertStatus = "pending" | "ok" | "error";
export type DeliveryKind = AlertMode | "test";
export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface AlertRecord {
  id: number;
  name: string;
  query: Record<string, unknown>;
  webhook: { url: string };
  mode: AlertMode;
  paused: boolean;
  status: AlertStatus;
  error_count: number;
  last_error: string | null;
  last_error_at: string | null;
  next_attempt_at: string | null;
  last_delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

interface AlertRow {
  id: number;
  name: string;
  query: string;
  filter: string;
  webhook_url: string;
  secret: string;
  mode: AlertMode;
  paused: number;
  status: AlertStatus;
  error_count: number;
  last_error: string | null;
  last_error_at: string | null;
  next_attempt_at: string | null;
  last_delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

function toAlert(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    name: r.name,
    query: JSON.parse(r.query) as Record<string, unknown>,
    webhook: { url: r.webhook_url },
    mode: r.mode,
    paused: r.paused === 1,
    status: r.status,
    error_count: r.error_count,
    last_error: r.last_error,
    last_error_at: r.last_error_at,
    next_attempt_at: r.next_attempt_at,
    last_delivered_at: r.last_delivered_at,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export interface AlertWrite {
  name: string;
  /** The query as validated (for display and PATCH) and the store filter it resolves to (for matching). */
  query: Record<string, unknown>;
  filter: unknown;
  webhookUrl: string;
  secret: string;
  mode: AlertMode;
  paused: boolean;
}

export async function insertAlert(db: D1Database, a: AlertWrite, now: string): Promise<AlertRecord> {
  const row = await db
    .prepare(
      `INSERT INTO alerts (name, query, filter, webhook_url, secret, mode, paused, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING *`,
    )
    .bind(a.name, JSON.stringify(a.query), JSON.stringify(a.filter), a.webhookUrl, a.secret, a.mode, Number(a.paused), now)
    .first<AlertRow>();
  if (!row) throw new Error("store: could not create alert");
  return toAlert(row);
}

export async function listAlerts(db: D1Database): Promise<AlertRecord[]> {
  const { results } = await db.prepare("SELECT * FROM alerts ORDER BY id").all<AlertRow>();
  return results.map(toAlert);
}

export async function getAlert(db: D1Database, id: number): Promise<AlertRecord | null> {
  const row = await db.prepare("SELECT * FROM alerts WHERE id = ?1").bind(id).first<AlertRow>();
  return row ? toAlert(row) : null;
}

/** Changes the given members; null for an unknown id. Unpausing makes held deliveries due at once. */
export async function updateAlert(db: D1Database, id: number, patch: Partial<AlertWrite>, now: string): Promise<AlertRecord | null> {
  const [updated] = await db.batch([
    db
      .prepare(
        `UPDATE alerts SET
           name = coalesce(?2, name), query = coalesce(?3, query), filter = coalesce(?4, filter),
           webhook_url = coalesce(?5, webhook_url), secret = coalesce(?6, secret), mode = coalesce(?7, mode),
           paused = coalesce(?8, paused), updated_at = ?9
         WHERE id = ?1 RETURNING *`,
      )
      .bind(
        id,
        patch.name ?? null,
        patch.query === undefined ? null : JSON.stringify(patch.query),
        patch.filter === undefined ? null : JSON.stringify(patch.filter),
        patch.webhookUrl ?? null,
        patch.secret ?? null,
        patch.mode ?? null,
        patch.paused === undefined ? null : Number(patch.paused),
        now,
      ),
    db.prepare("UPDATE alert_deliveries SET lease_until = ?2 WHERE alert_id = ?1 AND status = 'pending' AND ?3 = 0").bind(id, now, Number(patch.paused ?? true)),
  ]);
  const row = updated?.results[0] as AlertRow | undefined;
  return row ? toAlert(row) : null;
}

/** Deletes an alert with its matches, deliveries and their log. */
export async function deleteAlert(db: D1Database, id: number): Promise<boolean> {
  const res = await db.prepare("DELETE FROM alerts WHERE id = ?1").bind(id).run();
  return res.meta.changes > 0;
}

/** The alerts matching runs against: unpaused, with their compiled filters (JSON, parsed by the caller). */
export async function activeAlerts(db: D1Database): Promise<{ id: number; mode: AlertMode; filter: string }[]> {
  const { results } = await db
    .prepare("SELECT id, mode, filter FROM alerts WHERE paused = 0 ORDER BY id")
    .all<{ id: number; mode: AlertMode; filter: string }>();
  return results;
}

// ── matches ──────────────────────────────────────────────────────────────────────────────────────────────

export interface NewMatch {
  alertId: number;
  storyId: number;
  reason: unknown;
}

/** The webhook-id of an alert's delivery of one story (or of the digest that a story opens): stable forever. */
export const eachWebhookId = (alertId: number, storyId: number) => `msg_wirewatch_a${alertId}_s${storyId}`;
export const digestWebhookId = (alertId: number, firstStoryId: number) => `msg_wirewatch_a${alertId}_d${firstStoryId}`;

/** JSON carried by one statement: D1 takes at most 100 KB per statement. */
const MAX_JSON_BYTES = 80 * 1024;

/** Splits rows into JSON arrays of at most MAX_JSON_BYTES each (a row is never split). */
function jsonChunks(rows: unknown[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let bytes = 2;
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (current.length > 0 && bytes + text.length + 1 > MAX_JSON_BYTES) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      bytes = 2;
    }
    current.push(text);
    bytes += text.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(",")}]`);
  return chunks;
}

// ── the backlog: stories owed a match ───────────────────────────────────────────────────────────────────

/** What made a story new to the alerts: it landed, or re-annotation, clustering or its fetched article page changed it. */
export type MatchTrigger = "ingest" | "reannotation" | "clustering" | "article";

/**
 * Marks stories (ids, or [feed_id, guid] of rows written earlier in the same batch) as owed a match, for the
 * caller's D1 batch: the mark lands with the write or not at all. Writes nothing while no alert is active.
 */
export function backlogStatements(db: D1Database, refs: readonly StoryRef[], trigger: MatchTrigger, now: string): D1PreparedStatement[] {
  return pieces(refs).map((piece) =>
    db
      .prepare(
        `INSERT INTO alert_backlog (story_id, trigger, queued_at)
         SELECT id, ?2, ?3 FROM (SELECT ${refOf("j")} AS id FROM json_each(?1) j)
         WHERE EXISTS (SELECT 1 FROM alerts WHERE paused = 0) AND id IS NOT NULL
         ON CONFLICT (story_id) DO NOTHING`,
      )
      .bind(JSON.stringify(piece), trigger, now),
  );
}

/** Clears the marks of stories whose matching has been recorded (for the batch that records it). */
function settleStatements(db: D1Database, storyIds: readonly number[]): D1PreparedStatement[] {
  return pieces(storyIds).map((piece) =>
    db.prepare("DELETE FROM alert_backlog WHERE story_id IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(piece)),
  );
}

/** Marks older than `before`, oldest first: the stories whose matching never finished. */
export async function lapsedBacklog(db: D1Database, before: string, limit: number): Promise<{ story_id: number; trigger: MatchTrigger }[]> {
  const { results } = await db
    .prepare("SELECT story_id, trigger FROM alert_backlog WHERE queued_at < ?1 ORDER BY queued_at, story_id LIMIT ?2")
    .bind(before, limit)
    .all<{ story_id: number; trigger: MatchTrigger }>();
  return results;
}

/** Clears marks on their own (the stories are gone, or no alert is active to match them against). */
export async function settleBacklog(db: D1Database, storyIds: readonly number[]): Promise<void> {
  if (storyIds.length > 0) await db.batch(settleStatements(db, storyIds));
}

/**
 * Records matches, skipping pairs already matched at any time, and in the same batch gives each new match of
 * an "each" alert its delivery. Returns the deliveries created (to enqueue). One D1 batch (one transaction) of
 * three statements per 80 KB of matches: the pairs travel as JSON parameters.
 */
export async function recordMatches(
  db: D1Database,
  matches: NewMatch[],
  at: { now: string; runId: number | null; leaseUntil: string },
  /** Stories now matched against every active alert: their backlog marks go in the same batch. */
  settled: readonly number[] = [],
): Promise<number[]> {
  if (matches.length === 0) {
    await settleBacklog(db, settled);
    return [];
  }
  const pairs = "SELECT j.value ->> 0 AS alert_id, j.value ->> 1 AS story_id FROM json_each(?1) j";
  const statements = jsonChunks(matches.map((m) => [m.alertId, m.storyId, JSON.stringify(m.reason)])).flatMap((json) => [
    db
      .prepare(
        `INSERT INTO alert_matches (alert_id, story_id, matched_at, run_id, reason)
         SELECT j.value ->> 0, j.value ->> 1, ?2, ?3, j.value ->> 2 FROM json_each(?1) j
         WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.id = j.value ->> 0)
         ON CONFLICT DO NOTHING`,
      )
      .bind(json, at.now, at.runId),
    // New "each" matches are exactly those of the given pairs without a delivery: every older one has its own.
    db
      .prepare(
        `INSERT INTO alert_deliveries (alert_id, webhook_id, kind, created_at, lease_until)
         SELECT m.alert_id, 'msg_wirewatch_a' || m.alert_id || '_s' || m.story_id, 'each', ?2, ?3
         FROM (${pairs}) p JOIN alert_matches m ON m.alert_id = p.alert_id AND m.story_id = p.story_id
         JOIN alerts a ON a.id = m.alert_id
         WHERE m.delivery_id IS NULL AND a.mode = 'each'
         ON CONFLICT (webhook_id) DO NOTHING
         RETURNING id`,
      )
      .bind(json, at.now, at.leaseUntil),
    db
      .prepare(
        `UPDATE alert_matches SET delivery_id =
           (SELECT d.id FROM alert_deliveries d WHERE d.webhook_id = 'msg_wirewatch_a' || alert_matches.alert_id || '_s' || alert_matches.story_id)
         WHERE delivery_id IS NULL AND (alert_id, story_id) IN (${pairs})
           AND alert_id IN (SELECT id FROM alerts WHERE mode = 'each')`,
      )
      .bind(json),
  ]);
  const results = (await db.batch([...statements, ...settleStatements(db, settled)])).slice(0, statements.length);
  return results.flatMap((r, i) => (i % 3 === 1 ? ((r.results ?? []) as { id: number }[]).map((x) => x.id) : []));
}

/** The most stories one digest delivery carries. */
export const DIGEST_MAX_STORIES = 100;

/**
 * Gathers the undelivered matches of digest alerts into deliveries of at most DIGEST_MAX_STORIES stories:
 * those of one finished ingest run (`runId`), or (`runId` null, the cron's sweep) those of finished runs, of
 * re-annotation and clustering (no run), and any older than `staleBefore` whose run never finished.
 * Returns the deliveries created. Two callers racing create each delivery once (its webhook-id is unique), and
 * a match is linked only while it has no delivery.
 */
export async function createDigests(
  db: D1Database,
  at: { now: string; leaseUntil: string; runId: number | null; staleBefore: string },
): Promise<number[]> {
  const { results } = await db
    .prepare(
      // Only digest matches wait without a delivery ("each" ones get theirs as they are recorded), so no test
      // of the alert's mode: matches left waiting when an alert switched to "each" still go, as a digest.
      `SELECT m.alert_id, m.story_id FROM alert_matches m
       WHERE m.delivery_id IS NULL AND (
         (?1 IS NOT NULL AND m.run_id = ?1) OR
         (?1 IS NULL AND (m.run_id IS NULL OR m.matched_at < ?2
           OR m.run_id IN (SELECT id FROM ingest_runs WHERE finished_at IS NOT NULL))))
       ORDER BY m.alert_id, m.story_id LIMIT 5000`,
    )
    .bind(at.runId, at.staleBefore)
    .all<{ alert_id: number; story_id: number }>();
  const chunks: { alertId: number; storyIds: number[] }[] = [];
  for (const r of results) {
    const last = chunks.at(-1);
    if (last && last.alertId === r.alert_id && last.storyIds.length < DIGEST_MAX_STORIES) last.storyIds.push(r.story_id);
    else chunks.push({ alertId: r.alert_id, storyIds: [r.story_id] });
  }
  if (chunks.length === 0) return [];
  const statements = chunks.flatMap((c) => {
    const webhookId = digestWebhookId(c.alertId, c.storyIds[0]!);
    return [
      db
        .prepare(
          `INSERT INTO alert_deliveries (alert_id, webhook_id, kind, created_at, lease_until) VALUES (?1, ?2, 'digest', ?3, ?4)
           ON CONFLICT (webhook_id) DO NOTHING RETURNING id`,
        )
        .bind(c.alertId, webhookId, at.now, at.leaseUntil),
      db
        .prepare(
          `UPDATE alert_matches SET delivery_id = (SELECT id FROM alert_deliveries WHERE webhook_id = ?2)
           WHERE alert_id = ?1 AND delivery_id IS NULL AND story_id IN (SELECT value FROM json_each(?3))`,
        )
        .bind(c.alertId, webhookId, JSON.stringify(c.storyIds)),
    ];
  });
  const out = await db.batch(statements);
  return out.flatMap((r, i) => (i % 2 === 0 ? ((r.results ?? []) as { id: number }[]).map((x) => x.id) : []));
}

/** Whether an ingest run has finished (every claimed feed reported). */
export async function runFinished(db: D1Database, runId: number): Promise<boolean> {
  const row = await db.prepare("SELECT finished_at FROM ingest_runs WHERE id = ?1").bind(runId).first<{ finished_at: string | null }>();
  return row?.finished_at != null;
}

/** Pending deliveries whose lease has run out (their message was lost, or they waited out a backoff or a pause). */
export async function resendLapsed(db: D1Database, at: { now: string; leaseUntil: string; limit: number }): Promise<number[]> {
  const { results } = await db
    .prepare(
      `UPDATE alert_deliveries SET lease_until = ?2 WHERE id IN (
         SELECT d.id FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
         WHERE d.status = 'pending' AND d.lease_until <= ?1
           AND (d.kind = 'test' OR (a.paused = 0 AND (d.attempts > 0 OR a.next_attempt_at IS NULL OR a.next_attempt_at <= ?1)))
         ORDER BY d.lease_until LIMIT ?3)
       RETURNING id`,
    )
    .bind(at.now, at.leaseUntil, at.limit)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

/** A test delivery: signed and sent like any other, carrying no story. */
export async function createTestDelivery(db: D1Database, alertId: number, at: { now: string; leaseUntil: string }): Promise<number> {
  const nonce = crypto.randomUUID().replace(/-/g, "").slice(0, 16);
  const row = await db
    .prepare(
      `INSERT INTO alert_deliveries (alert_id, webhook_id, kind, created_at, lease_until) VALUES (?1, ?2, 'test', ?3, ?4) RETURNING id`,
    )
    .bind(alertId, `msg_wirewatch_a${alertId}_t${nonce}`, at.now, at.leaseUntil)
    .first<{ id: number }>();
  if (!row) throw new Error("store: could not create test delivery");
  return row.id;
}

// ── deliveries ───────────────────────────────────────────────────────────────────────────────────────────

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  status: number | null;
  duration_ms: number;
  error: string | null;
  next_retry_at: string | null;
}

export interface DeliveryRecord {
  id: number;
  alert_id: number;
  webhook_id: string;
  kind: DeliveryKind;
  story_ids: number[];
  status: DeliveryStatus;
  attempts: number;
  created_at: string;
  delivered_at: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
  log: DeliveryAttempt[];
}

interface DeliveryRow extends Omit<DeliveryRecord, "story_ids" | "log"> {
  story_ids: string;
  log: string;
}

const DELIVERY_COLUMNS = `d.id, d.alert_id, d.webhook_id, d.kind, d.status, d.attempts, d.created_at, d.delivered_at, d.last_error,
  d.next_attempt_at,
  (SELECT json_group_array(story_id) FROM (SELECT story_id FROM alert_matches WHERE delivery_id = d.id ORDER BY story_id)) AS story_ids,
  (SELECT json_group_array(json_array(attempt, at, status, duration_ms, error, next_retry_at))
     FROM (SELECT * FROM alert_attempts WHERE delivery_id = d.id ORDER BY id)) AS log`;

function toDelivery(r: DeliveryRow): DeliveryRecord {
  const log = JSON.parse(r.log) as [number, string, number | null, number, string | null, string | null][];
  return {
    id: r.id,
    alert_id: r.alert_id,
    webhook_id: r.webhook_id,
    kind: r.kind,
    story_ids: JSON.parse(r.story_ids) as number[],
    status: r.status,
    attempts: r.attempts,
    created_at: r.created_at,
    delivered_at: r.delivered_at,
    last_error: r.last_error,
    next_attempt_at: r.next_attempt_at,
    log: log.map(([attempt, at, status, duration_ms, error, next_retry_at]) => ({ attempt, at, status, duration_ms, error, next_retry_at })),
  };
}

/** An alert's deliveries, newest first, with their attempt log; `beforeId` continues a previous page. */
export async function listDeliveries(
  db: D1Database,
  alertId: number,
  page: { limit: number; beforeId?: number },
): Promise<{ deliveries: DeliveryRecord[]; next_cursor: number | null }> {
  const { results } = await db
    .prepare(`SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d WHERE d.alert_id = ?1 AND (?2 IS NULL OR d.id < ?2) ORDER BY d.id DESC LIMIT ?3`)
    .bind(alertId, page.beforeId ?? null, page.limit + 1)
    .all<DeliveryRow>();
  const deliveries = results.slice(0, page.limit).map(toDelivery);
  return { deliveries, next_cursor: results.length > page.limit ? (deliveries.at(-1)?.id ?? null) : null };
}

export async function getDelivery(db: D1Database, id: number): Promise<DeliveryRecord | null> {
  const row = await db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d WHERE d.id = ?1`).bind(id).first<DeliveryRow>();
  return row ? toDelivery(row) : null;
}

/** What an attempt needs: the delivery, its alert's webhook and health, and its matches (story id, reason). */
export interface ClaimedDelivery {
  id: number;
  webhookId: string;
  kind: DeliveryKind;
  /** This attempt's number, counting from 1. */
  attempt: number;
  alert: {
    id: number;
    name: string;
    mode: AlertMode;
    query: Record<string, unknown>;
    webhookUrl: string;
    secret: string;
    paused: boolean;
    errorCount: number;
    nextAttemptAt: string | null;
  };
  matches: { storyId: number; reason: unknown; matchedAt: string }[];
}

/**
 * Takes a pending delivery for one attempt: counts the attempt and marks it in flight until `inflightUntil`,
 * unless it is delivered, failed, gone or already in flight (a second copy of its message). Null then.
 */
export async function claimDelivery(db: D1Database, id: number, at: { now: string; inflightUntil: string }): Promise<ClaimedDelivery | null> {
  const [claimed, matches] = await db.batch([
    db
      .prepare(
        `UPDATE alert_deliveries SET attempts = attempts + 1, inflight_until = ?3
         WHERE id = ?1 AND status = 'pending' AND (inflight_until IS NULL OR inflight_until <= ?2)
         RETURNING id, webhook_id, kind, attempts,
           (SELECT json_object('id', a.id, 'name', a.name, 'mode', a.mode, 'query', json(a.query), 'webhookUrl', a.webhook_url,
              'secret', a.secret, 'paused', a.paused, 'errorCount', a.error_count, 'nextAttemptAt', a.next_attempt_at)
            FROM alerts a WHERE a.id = alert_deliveries.alert_id) AS alert`,
      )
      .bind(id, at.now, at.inflightUntil),
    db
      .prepare(
        `SELECT story_id, reason, matched_at FROM alert_matches WHERE delivery_id = ?1 ORDER BY story_id LIMIT ${DIGEST_MAX_STORIES}`,
      )
      .bind(id),
  ]);
  const row = claimed?.results[0] as { id: number; webhook_id: string; kind: DeliveryKind; attempts: number; alert: string | null } | undefined;
  if (!row?.alert) return null;
  const alert = JSON.parse(row.alert) as Omit<ClaimedDelivery["alert"], "paused"> & { paused: number };
  return {
    id: row.id,
    webhookId: row.webhook_id,
    kind: row.kind,
    attempt: row.attempts,
    alert: { ...alert, paused: alert.paused === 1 },
    matches: ((matches?.results ?? []) as { story_id: number; reason: string; matched_at: string }[]).map((m) => ({
      storyId: m.story_id,
      reason: JSON.parse(m.reason) as unknown,
      matchedAt: m.matched_at,
    })),
  };
}

/** Gives a claimed delivery back without an attempt (its alert is paused or backing off): due again at `dueAt`. */
export async function releaseDelivery(db: D1Database, id: number, dueAt: string): Promise<void> {
  await db
    .prepare("UPDATE alert_deliveries SET attempts = attempts - 1, inflight_until = NULL, lease_until = ?2, next_attempt_at = ?2 WHERE id = ?1")
    .bind(id, dueAt)
    .run();
}

/** Drops a delivery left with no story (a digest another sweep filled first). */
export async function dropEmptyDelivery(db: D1Database, id: number): Promise<void> {
  await db.prepare("DELETE FROM alert_deliveries WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM alert_matches WHERE delivery_id = ?1)").bind(id).run();
}

export interface AttemptOutcome {
  deliveryId: number;
  alertId: number;
  attempt: number;
  now: string;
  status: number | null;
  durationMs: number;
  /** Null on success. */
  error: string | null;
  /** When the next attempt is due; null when this one succeeded or was the last. */
  nextRetryAt: string | null;
  /** The delivery's lease while a retry waits: past it, the cron sends the delivery again. */
  leaseUntil: string;
  /** On failure: when the alert's next new delivery may go (its backoff). */
  alertNextAttemptAt: string | null;
}

/** Logs one attempt and moves the delivery and its alert on, in one batch. */
export async function recordAttempt(db: D1Database, o: AttemptOutcome): Promise<void> {
  const ok = o.error === null;
  const deliveryStatus: DeliveryStatus = ok ? "delivered" : o.nextRetryAt ? "pending" : "failed";
  await db.batch([
    db
      .prepare(
        `INSERT INTO alert_attempts (delivery_id, attempt, at, status, duration_ms, error, next_retry_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(o.deliveryId, o.attempt, o.now, o.status, Math.round(o.durationMs), o.error, o.nextRetryAt),
    db
      .prepare(
        `UPDATE alert_deliveries SET status = ?2, inflight_until = NULL, next_attempt_at = ?3, lease_until = ?4,
           delivered_at = CASE WHEN ?2 = 'delivered' THEN ?5 END, last_error = coalesce(?6, last_error)
         WHERE id = ?1`,
      )
      .bind(o.deliveryId, deliveryStatus, o.nextRetryAt, o.leaseUntil, o.now, o.error),
    ok
      ? db
          .prepare(
            "UPDATE alerts SET status = 'ok', error_count = 0, next_attempt_at = NULL, last_delivered_at = ?2 WHERE id = ?1",
          )
          .bind(o.alertId, o.now)
      : db
          .prepare(
            `UPDATE alerts SET status = 'error', error_count = error_count + 1, last_error = ?2, last_error_at = ?3,
               next_attempt_at = ?4 WHERE id = ?1`,
          )
          .bind(o.alertId, o.error, o.now, o.alertNextAttemptAt),
  ]);
}
