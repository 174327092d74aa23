/**
 * The one place that picks the D1 database for a story or a time window (issue 17; docs/SCALING.md, "The
 * path past one database"). Today there is one shard, `DB`, holding every date. Past one database's 10 GB the
 * archive is split by time: each shard holds the stories whose sort_at falls in its period, ingest writes
 * through `forStory`, and a query fans out over `forWindow` (newest shard first) and merges pages by the same
 * (sort_at, id) cursor. Callers that must see everything (housekeeping) take `all`.
 */

export interface Shard {
  db: D1Database;
  /** The sort_at period it holds: [from, until), null for an open end. */
  from: string | null;
  until: string | null;
}

export interface Shards {
  forStory(sortAt: string): D1Database;
  /** Shards whose period meets [since, until), newest first: the order a newest-first page is merged in. */
  forWindow(since?: string, until?: string): Shard[];
  all(): Shard[];
}

/** The shard map: one open-ended shard on the DB binding until a second database is bound. */
export function shardsOf(env: { DB: D1Database }): Shards {
  const shards: Shard[] = [{ db: env.DB, from: null, until: null }];
  const holds = (s: Shard, at: string) => (s.from === null || at >= s.from) && (s.until === null || at < s.until);
  return {
    forStory(sortAt) {
      const shard = shards.find((s) => holds(s, sortAt));
      if (!shard) throw new Error(`shards: no database holds sort_at ${sortAt}`);
      return shard.db;
    },
    forWindow(since, until) {
      return shards.filter((s) => (since === undefined || s.until === null || s.until > since) && (until === undefined || s.from === null || s.from < until));
    },
    all() {
      return [...shards];
    },
  };
}
