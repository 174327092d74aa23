/**
 * Ingest runs: one row per pass, created when feeds are claimed, summed into as each feed finishes.
 * A run is finished when every claimed feed has reported (feeds_done = feeds_total).
 */

export interface IngestRun {
  id: number;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  feeds_total: number;
  feeds_done: number;
  feeds_ok: number;
  feeds_not_modified: number;
  feeds_failed: number;
  items_seen: number;
  stories_new: number;
  stories_updated: number;
}

/** "skipped": the feed was deleted or paused after it was claimed. */
export type FeedOutcome = "ok" | "not_modified" | "failed" | "skipped";

export interface FeedTally {
  outcome: FeedOutcome;
  itemsSeen: number;
  storiesNew: number;
  storiesUpdated: number;
}

export async function createRun(db: D1Database, trigger: string, now: string, feedsTotal: number): Promise<number> {
  const row = await db
    .prepare(
      `INSERT INTO ingest_runs (trigger, started_at, feeds_total, finished_at)
       VALUES (?1, ?2, ?3, CASE WHEN ?3 = 0 THEN ?2 END) RETURNING id`,
    )
    .bind(trigger, now, feedsTotal)
    .first<{ id: number }>();
  if (!row) throw new Error("store: could not create ingest run");
  return row.id;
}

/** The statement adding one feed's result to its run; batched with that feed's writes. */
export function runTallyStatement(db: D1Database, runId: number, t: FeedTally, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ingest_runs SET
         feeds_done = feeds_done + 1,
         feeds_ok = feeds_ok + (?2 = 'ok'),
         feeds_not_modified = feeds_not_modified + (?2 = 'not_modified'),
         feeds_failed = feeds_failed + (?2 = 'failed'),
         items_seen = items_seen + ?3, stories_new = stories_new + ?4, stories_updated = stories_updated + ?5,
         finished_at = CASE WHEN feeds_done + 1 >= feeds_total THEN ?6 ELSE finished_at END
       WHERE id = ?1`,
    )
    .bind(runId, t.outcome, t.itemsSeen, t.storiesNew, t.storiesUpdated, now);
}

export async function getRun(db: D1Database, id: number): Promise<IngestRun | null> {
  return db.prepare("SELECT * FROM ingest_runs WHERE id = ?1").bind(id).first<IngestRun>();
}
