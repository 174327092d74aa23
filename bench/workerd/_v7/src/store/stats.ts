/**
 * Counts for dashboards over a window of published_at: stories per day, feed, flag and wire. The window is
 * the same [since, until) as the stories filter, so a bar on a chart opens as /v1/stories?since=&until=.
 * Day, feed and flag counts read only the covering index stories_published (migrations/0002).
 */
import { FLAG_NAMES, type FlagName } from "../model";

export interface StoryStats {
  since: string;
  until: string;
  total: number;
  /** One entry per UTC day of the window, oldest first, zero days included. */
  per_day: { day: string; stories: number }[];
  per_feed: { feed_id: number; title: string | null; stories: number }[];
  per_flag: Record<FlagName, number>;
  per_wire: { wire: string; stories: number }[];
}

const DAY_MS = 86_400_000;
/** Flags that copies in other feeds can imply (migrations/0007): counted as the stories filter counts them. */
const INFERABLE: readonly FlagName[] = ["syndicated", "unedited"];

export async function storyStats(db: D1Database, window: { since: string; until: string }): Promise<StoryStats> {
  const inWindow = "s.published_at >= ?1 AND s.published_at < ?2";
  const [days, feeds, flags, wires] = await db.batch([
    db
      .prepare(`SELECT substr(s.published_at, 1, 10) AS day, count(*) AS stories FROM stories s WHERE ${inWindow} GROUP BY day`)
      .bind(window.since, window.until),
    db
      .prepare(
        `SELECT s.feed_id, f.title, count(*) AS stories FROM stories s LEFT JOIN feeds f ON f.id = s.feed_id
         WHERE ${inWindow} GROUP BY s.feed_id ORDER BY stories DESC, s.feed_id`,
      )
      .bind(window.since, window.until),
    db
      .prepare(
        `SELECT count(*) AS total, ${FLAG_NAMES.map((f) => `coalesce(sum(${INFERABLE.includes(f) ? `max(s.${f}, s.inferred_${f})` : `s.${f}`}), 0) AS ${f}`).join(", ")}
         FROM stories s WHERE ${inWindow}`,
      )
      .bind(window.since, window.until),
    db
      .prepare(
        `SELECT w.wire, count(*) AS stories FROM stories s JOIN story_wires w ON w.story_id = s.id
         WHERE ${inWindow} GROUP BY w.wire ORDER BY stories DESC, w.wire`,
      )
      .bind(window.since, window.until),
  ]);
  const counted = new Map((days?.results as { day: string; stories: number }[]).map((d) => [d.day, d.stories]));
  const { total, ...perFlag } = flags?.results[0] as { total: number } & Record<FlagName, number>;
  return {
    ...window,
    total,
    per_day: daysOf(window).map((day) => ({ day, stories: counted.get(day) ?? 0 })),
    per_feed: feeds?.results as StoryStats["per_feed"],
    per_flag: perFlag,
    per_wire: wires?.results as StoryStats["per_wire"],
  };
}

/** The UTC days that [since, until) touches. */
function daysOf({ since, until }: { since: string; until: string }): string[] {
  const days: string[] = [];
  for (let t = Date.parse(since.slice(0, 10)); t < Date.parse(until); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
