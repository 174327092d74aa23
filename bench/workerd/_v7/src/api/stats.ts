/** /v1/stats: counts for dashboards over a window of published_at, by default the last 30 UTC days. */
import { Hono } from "hono";
import { copySharePerFeed } from "../store/clusters";
import { storyStats } from "../store/stats";
import { ApiError } from "./problems";
import { StatsQuery } from "./schemas";
import { valid } from "./validate";

const DAY_MS = 86_400_000;
/** A year and a day: per_day stays a dense series a chart can draw without a second request. */
const MAX_WINDOW_DAYS = 366;

/** [since, until): until defaults to the end of today (UTC), since to 30 days before until. */
export function statsWindow(q: { since?: string; until?: string }, now: Date): { since: string; until: string } {
  const until = q.until ?? new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS).toISOString();
  const since = q.since ?? new Date(Date.parse(until) - 30 * DAY_MS).toISOString();
  const days = (Date.parse(until) - Date.parse(since)) / DAY_MS;
  if (days <= 0) throw new ApiError("invalid-request", "since must be before until.", [{ field: "since", message: "not before until" }]);
  if (days > MAX_WINDOW_DAYS) {
    throw new ApiError("invalid-request", `The window is at most ${MAX_WINDOW_DAYS} days.`, [{ field: "since", message: `window over ${MAX_WINDOW_DAYS} days` }]);
  }
  return { since, until };
}

export const stats = new Hono<{ Bindings: Env }>().get("/", valid("query", StatsQuery), async (c) => {
  const window = statsWindow(c.req.valid("query"), new Date());
  const [counts, copyShare] = await Promise.all([storyStats(c.env.DB, window), copySharePerFeed(c.env.DB, window)]);
  return c.json({ ...counts, copy_share: copyShare });
});
