/**
 * Stories per UTC day, split by flag, wire, feed or one entity: the series the editors' charts draw.
 * Same [since, until) window on published_at as /v1/stats and the stories filter, so a bar opens as
 * /?since=DAY&until=DAY+1. Every series is dense (zero days included), oldest first.
 */
import { type EntityType, FLAG_NAMES, type FlagName } from "../model";
import { entityTimeline } from "./entities";

export interface DayWindow {
  since: string;
  until: string;
}

export interface DailySeries {
  days: string[];
  /** Counts per day, aligned with `days`. */
  values: number[];
}

const DAY_MS = 86_400_000;

/** The UTC days that [since, until) touches, as YYYY-MM-DD. */
export function daysIn({ since, until }: DayWindow): string[] {
  const days: string[] = [];
  for (let t = Date.parse(since.slice(0, 10)); t < Date.parse(until); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function dense(days: string[], rows: { day: string; n: number }[]): number[] {
  const counted = new Map(rows.map((r) => [r.day, r.n]));
  return days.map((d) => counted.get(d) ?? 0);
}

/** Groups rows of (key, day, n) into one dense series per key, keys in first-seen order. */
function seriesByKey<K extends string | number>(days: string[], rows: { key: K; day: string; n: number }[]): Map<K, DailySeries> {
  const grouped = new Map<K, { day: string; n: number }[]>();
  for (const r of rows) {
    const list = grouped.get(r.key) ?? [];
    list.push(r);
    grouped.set(r.key, list);
  }
  return new Map([...grouped].map(([k, list]) => [k, { days, values: dense(days, list) }]));
}

export interface FlagWireDaily {
  days: string[];
  total: number[];
  flags: Record<FlagName, number[]>;
  /** The `topWires` wires with most stories in the window, most first. */
  wires: { wire: string; values: number[] }[];
}

/** Per day: all stories, each flag, and the busiest wires. Flag counts read only the covering index stories_published. */
export async function dailyByFlagAndWire(db: D1Database, window: DayWindow, topWires = 6): Promise<FlagWireDaily> {
  const inWindow = "s.published_at >= ?1 AND s.published_at < ?2";
  const [flags, wires] = await db.batch([
    db
      .prepare(
        `SELECT substr(s.published_at, 1, 10) AS day, count(*) AS n, ${FLAG_NAMES.map((f) => `sum(s.${f}) AS ${f}`).join(", ")}
         FROM stories s WHERE ${inWindow} GROUP BY day`,
      )
      .bind(window.since, window.until),
    db
      .prepare(
        `WITH top AS (SELECT w.wire FROM stories s JOIN story_wires w ON w.story_id = s.id WHERE ${inWindow}
                      GROUP BY w.wire ORDER BY count(*) DESC, w.wire LIMIT ?3)
         SELECT w.wire AS key, substr(s.published_at, 1, 10) AS day, count(*) AS n
         FROM stories s JOIN story_wires w ON w.story_id = s.id JOIN top ON top.wire = w.wire
         WHERE ${inWindow} GROUP BY w.wire, day`,
      )
      .bind(window.since, window.until, topWires),
  ]);
  const days = daysIn(window);
  const rows = (flags?.results ?? []) as ({ day: string; n: number } & Record<FlagName, number>)[];
  const byFlag = Object.fromEntries(FLAG_NAMES.map((f) => [f, dense(days, rows.map((r) => ({ day: r.day, n: r[f] })))])) as Record<FlagName, number[]>;
  const byWire = seriesByKey(days, (wires?.results ?? []) as { key: string; day: string; n: number }[]);
  return {
    days,
    total: dense(days, rows),
    flags: byFlag,
    wires: [...byWire]
      .map(([wire, s]) => ({ wire, values: s.values, sum: s.values.reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.sum - a.sum || a.wire.localeCompare(b.wire))
      .map(({ wire, values }) => ({ wire, values })),
  };
}

/** Per feed, per day: the feeds page's sparklines. Feeds with no story in the window are absent. */
export async function dailyByFeed(db: D1Database, window: DayWindow): Promise<Map<number, DailySeries>> {
  const { results } = await db
    .prepare(
      `SELECT s.feed_id AS key, substr(s.published_at, 1, 10) AS day, count(*) AS n FROM stories s
       WHERE s.published_at >= ?1 AND s.published_at < ?2 GROUP BY s.feed_id, day`,
    )
    .bind(window.since, window.until)
    .all<{ key: number; day: string; n: number }>();
  return seriesByKey(daysIn(window), results);
}

/** One entity's stories per day, through its timeline (migrations/0002). */
export async function dailyForEntity(db: D1Database, entity: { name: string; type: EntityType }, window: DayWindow): Promise<DailySeries> {
  const { results } = await db
    .prepare(
      `SELECT substr(s.published_at, 1, 10) AS day, count(*) AS n
       FROM ${entityTimeline("(SELECT id FROM entities WHERE name = ?1 AND type = ?2)")} t JOIN stories s ON s.id = t.story_id
       WHERE s.published_at >= ?3 AND s.published_at < ?4
       GROUP BY day`,
    )
    .bind(entity.name, entity.type, window.since, window.until)
    .all<{ day: string; n: number }>();
  const days = daysIn(window);
  return { days, values: dense(days, results) };
}

/** The newest published_at of any story, to end a chart's window on the latest coverage. */
export async function newestPublished(db: D1Database): Promise<string | null> {
  const row = await db.prepare("SELECT max(published_at) AS at FROM stories").first<{ at: string | null }>();
  return row?.at ?? null;
}
