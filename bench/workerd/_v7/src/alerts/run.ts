/**
 * Alert matching against D1: after a feed's batch has landed (matchLanded), after re-annotation or clustering
 * changed stories (matchStories), and the cron's sweep (sweepAlerts). Matching never sends anything itself:
 * it records matches and deliveries in D1 and enqueues the deliveries on the alert queue (alerts/deliver.ts).
 *
 * D1 round trips per feed batch: one to read the active alerts (and nothing more when there are none), one for
 * the new stories' ids, one batch of FTS queries (one per alert with `q` that some story passed in memory, over
 * just those ids), and one batch recording the matches with their deliveries (and clearing the stories' backlog
 * marks, written with the stories while an alert is active, so that matching cut short is redone by the cron).
 */
import type { Annotation } from "../model";
import {
  activeAlerts,
  type AlertMessage,
  createDigests,
  lapsedBacklog,
  type MatchTrigger,
  type NewMatch,
  recordMatches,
  resendLapsed,
  runFinished,
  settleBacklog,
} from "../store/alerts";
import { fullTextIdsSql, storiesByIds } from "../store/stories";
import { type AlertFilter, type CompiledAlert, compileAlert, matchInMemory, matchReason, type PreparedStory, prepareStory } from "./match";

/** A story a feed's batch has just written, with the annotation ingest computed for it. */
export interface LandedStory {
  guid: string;
  published_at: string | null;
  annotation: Annotation;
}

export type { MatchTrigger } from "../store/alerts";

/** A queued delivery's lease: past it without an outcome, the cron sends the delivery again. */
const LEASE_MS = 15 * 60_000;
/** A digest's matches whose ingest run never finished (a lost feed message) go out after this long anyway. */
const STALE_DIGEST_MS = 30 * 60_000;
/** Queue.sendBatch takes at most 100 messages. */
const SEND_BATCH_SIZE = 100;
/** Deliveries the cron sends again per tick. */
const RESEND_PER_SWEEP = 1_000;
/** A backlog mark this old means its matching never finished (it runs seconds after the write): the cron does it. */
export const BACKLOG_GRACE_MS = 10 * 60_000;
/** Stories the cron matches from the backlog per tick. */
const BACKLOG_PER_SWEEP = 500;

export interface MatchSummary {
  matched: number;
  deliveries: number;
}

async function loadAlerts(db: D1Database): Promise<CompiledAlert[]> {
  return (await activeAlerts(db)).map((a) => compileAlert(a.id, a.mode, JSON.parse(a.filter) as AlertFilter));
}

export async function enqueueDeliveries(env: Env, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += SEND_BATCH_SIZE) {
    await env.ALERT_QUEUE.sendBatch(ids.slice(i, i + SEND_BATCH_SIZE).map((deliveryId) => ({ body: { deliveryId } satisfies AlertMessage })));
  }
}

/**
 * Full text, the one condition not checked in memory: for each alert with `q`, one FTS query over the ids of
 * the stories that met its other conditions; all of them travel in one D1 batch.
 */
async function fullTextMatches(db: D1Database, pending: Map<CompiledAlert, PreparedStory[]>): Promise<Set<string>> {
  const hits = new Set<string>();
  const entries = [...pending];
  if (entries.length === 0) return hits;
  const statement = ([alert, stories]: [CompiledAlert, PreparedStory[]]) =>
    db
      .prepare(`SELECT id FROM (${fullTextIdsSql("?1", "SELECT value FROM json_each(?2)")})`)
      .bind(alert.filter.q, JSON.stringify(stories.map((s) => s.story.id)));
  const record = (alert: CompiledAlert, rows: unknown[]) => {
    for (const r of rows as { id: number }[]) hits.add(`${alert.id}:${r.id}`);
  };
  try {
    const results = await db.batch(entries.map(statement));
    results.forEach((r, i) => record(entries[i]![0], r.results));
  } catch {
    // One query the FTS parser refuses (validated at creation, so only after a tokenizer change) would fail the
    // whole batch: run them one by one, so that only that alert misses this batch.
    for (const entry of entries) {
      try {
        record(entry[0], (await statement(entry).all()).results);
      } catch (err) {
        console.error(`alerts: full-text query of alert ${entry[0].id} failed: ${errorMessage(err)}`);
      }
    }
  }
  return hits;
}

/** Matches prepared stories against the alerts, records the new matches and enqueues their deliveries. */
async function fire(
  env: Env,
  alerts: CompiledAlert[],
  stories: PreparedStory[],
  opts: { runId: number | null; trigger: MatchTrigger; now: Date; settled: readonly number[] },
): Promise<MatchSummary> {
  const pairs = matchInMemory(alerts, stories);
  const needsText = new Map<CompiledAlert, PreparedStory[]>();
  for (const { alert, story } of pairs) {
    if (alert.filter.q !== undefined) needsText.set(alert, [...(needsText.get(alert) ?? []), story]);
  }
  const textHits = await fullTextMatches(env.DB, needsText);
  const matches: NewMatch[] = pairs
    .filter(({ alert, story }) => alert.filter.q === undefined || textHits.has(`${alert.id}:${story.story.id}`))
    .map(({ alert, story }) => ({ alertId: alert.id, storyId: story.story.id, reason: { ...matchReason(alert, story), trigger: opts.trigger } }));
  const now = opts.now.toISOString();
  const leaseUntil = new Date(opts.now.getTime() + LEASE_MS).toISOString();
  const created = await recordMatches(env.DB, matches, { now, runId: opts.runId, leaseUntil }, opts.settled);
  await enqueueDeliveries(env, created);
  return { matched: matches.length, deliveries: created.length };
}

/**
 * The ingest call site: the stories a feed's batch has just written (new or changed), matched on the
 * annotation ingest computed. Never throws: the feed's stories are stored whatever happens here, so a
 * failure is logged, not turned into a feed error.
 */
export async function matchLanded(
  env: Env,
  landed: { runId: number; feedId: number; stories: LandedStory[] },
  now: Date = new Date(),
): Promise<MatchSummary> {
  try {
    if (landed.stories.length === 0) return { matched: 0, deliveries: 0 };
    const alerts = await loadAlerts(env.DB);
    if (alerts.length === 0) return { matched: 0, deliveries: 0 };
    const { results } = await env.DB.prepare("SELECT id, guid FROM stories WHERE feed_id = ?1 AND guid IN (SELECT value FROM json_each(?2))")
      .bind(landed.feedId, JSON.stringify(landed.stories.map((s) => s.guid)))
      .all<{ id: number; guid: string }>();
    const ids = new Map(results.map((r) => [r.guid, r.id]));
    const prepared = landed.stories.flatMap((s) => {
      const id = ids.get(s.guid);
      if (id === undefined) return [];
      return [prepareStory({ id, feedId: landed.feedId, published_at: s.published_at, flags: s.annotation.flags, entities: s.annotation.entities })];
    });
    const settled = prepared.map((p) => p.story.id);
    return await fire(env, alerts, prepared, { runId: landed.runId, trigger: "ingest", now, settled });
  } catch (err) {
    console.error(`alerts: matching feed ${landed.feedId} failed: ${errorMessage(err)}`);
    return { matched: 0, deliveries: 0 };
  }
}

/**
 * Matches stories by id, as they are stored now: for re-annotation (called by ingest/reannotate.ts) and for
 * clustering, when a story's flags change after it landed. A story already matched by an alert is not sent
 * again; one that newly meets an alert's conditions is. Digest alerts get their delivery at once. Never
 * throws: the caller's writes have landed, and a failure here is logged.
 */
export async function matchStories(
  env: Env,
  storyIds: number[],
  opts: { trigger: MatchTrigger; now?: Date },
): Promise<MatchSummary> {
  const now = opts.now ?? new Date();
  try {
    if (storyIds.length === 0) return { matched: 0, deliveries: 0 };
    const alerts = await loadAlerts(env.DB);
    if (alerts.length === 0) return { matched: 0, deliveries: 0 };
    const summary = await matchStored(env, alerts, storyIds, opts.trigger, now);
    const digests = await digestsNow(env, null, now);
    return { matched: summary.matched, deliveries: summary.deliveries + digests };
  } catch (err) {
    console.error(`alerts: matching ${storyIds.length} stories after ${opts.trigger} failed: ${errorMessage(err)}`);
    return { matched: 0, deliveries: 0 };
  }
}

/** Stories as stored, by id; every id given is settled (one that no longer exists has nothing left to match). */
async function matchStored(env: Env, alerts: CompiledAlert[], storyIds: number[], trigger: MatchTrigger, now: Date): Promise<MatchSummary> {
  const stories = await storiesByIds(env.DB, storyIds, ["feed_id", "published_at", "flags", "entities"]);
  const prepared = stories.map((s) =>
    prepareStory({ id: s.id!, feedId: s.feed_id!, published_at: s.published_at ?? null, flags: s.flags!, entities: s.entities! }),
  );
  return await fire(env, alerts, prepared, { runId: null, trigger, now, settled: storyIds });
}

/**
 * Stories whose matching never finished (the Worker died, or a D1 call failed, after their write landed):
 * matched now from what is stored, under the trigger that marked them. At most BACKLOG_PER_SWEEP a tick;
 * returns how many were taken from the backlog.
 */
async function matchBacklog(env: Env, now: Date): Promise<number> {
  const lapsed = await lapsedBacklog(env.DB, new Date(now.getTime() - BACKLOG_GRACE_MS).toISOString(), BACKLOG_PER_SWEEP);
  if (lapsed.length === 0) return 0;
  const alerts = await loadAlerts(env.DB);
  if (alerts.length === 0) {
    await settleBacklog(env.DB, lapsed.map((r) => r.story_id));
    return lapsed.length;
  }
  const byTrigger = new Map<MatchTrigger, number[]>();
  for (const r of lapsed) byTrigger.set(r.trigger, [...(byTrigger.get(r.trigger) ?? []), r.story_id]);
  for (const [trigger, ids] of byTrigger) await matchStored(env, alerts, ids, trigger, now);
  return lapsed.length;
}

async function digestsNow(env: Env, runId: number | null, now: Date): Promise<number> {
  const created = await createDigests(env.DB, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    runId,
    staleBefore: new Date(now.getTime() - STALE_DIGEST_MS).toISOString(),
  });
  await enqueueDeliveries(env, created);
  return created.length;
}

/**
 * After each feed of a run: once the run has finished, its digest alerts get one delivery each (≤ 100
 * stories apiece). Never throws; the cron's sweep gathers whatever this missed.
 */
export async function flushRunDigests(env: Env, runId: number, now: Date = new Date()): Promise<number> {
  try {
    return (await runFinished(env.DB, runId)) ? await digestsNow(env, runId, now) : 0;
  } catch (err) {
    console.error(`alerts: digests of run ${runId} failed: ${errorMessage(err)}`);
    return 0;
  }
}

/**
 * The cron's sweep: stories whose matching never finished (the backlog), digests nobody gathered (a run whose
 * last feed failed to flush, or that never finished), and pending deliveries whose lease ran out (a lost
 * message, an alert back from a pause or a backoff).
 */
export async function sweepAlerts(env: Env, now: Date = new Date()): Promise<{ backlog: number; digests: number; resent: number }> {
  const backlog = await matchBacklog(env, now);
  const digests = await digestsNow(env, null, now);
  const resent = await resendLapsed(env.DB, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    limit: RESEND_PER_SWEEP,
  });
  await enqueueDeliveries(env, resent);
  return { backlog, digests, resent: resent.length };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
