/**
 * When to fetch a feed next, from its own signals. A success waits for the longest interval the publisher asks
 * for (RSS ttl, Cache-Control max-age, Expires) or, failing those, follows how often the feed publishes; an
 * error backs off exponentially but never past a day, so a feed is never disabled forever and recovers by
 * itself on its next success.
 */

const MINUTE = 60_000;
const MIN_INTERVAL = 5 * MINUTE;
const MAX_INTERVAL = 24 * 60 * MINUTE;
const DEFAULT_INTERVAL = 30 * MINUTE;
const FIRST_BACKOFF = 5 * MINUTE;
/** Enough recent items to see a rhythm, few enough that a years-old archive does not drown it. */
const FREQUENCY_SAMPLE = 10;

export interface ScheduleInput {
  now: Date;
  outcome: "ok" | "not_modified" | "error";
  /** Consecutive errors including this one; ignored on success. */
  errorCount: number;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number | null;
  expiresAt?: string | null;
  retryAfterSeconds?: number | null;
  /** ISO published_at of the newest items, to estimate how often the feed publishes. */
  recentItemDates?: string[];
}

function clamp(ms: number): number {
  return Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, ms));
}

function positive(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Half the median gap between the newest items: polling twice per typical gap finds most stories within half
 * a gap of publication. The median, not the mean, so one long silence or one burst does not skew it.
 */
function publishingInterval(dates: string[], now: number): number | null {
  const times = [...new Set(dates.map((d) => Date.parse(d)))]
    .filter((t) => !Number.isNaN(t) && t <= now)
    .sort((a, b) => b - a)
    .slice(0, FREQUENCY_SAMPLE);
  if (times.length < 2) return null;
  const gaps = times.slice(1).map((t, i) => (times[i] ?? t) - t).sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const median = gaps.length % 2 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
  return median / 2;
}

function successInterval(input: ScheduleInput, now: number): number {
  // The publisher's own hints are floors: fetching before they say the content can change only costs them.
  const ttl = positive(input.ttlMinutes);
  const maxAge = positive(input.maxAgeSeconds);
  const expires = positive(input.expiresAt ? Date.parse(input.expiresAt) - now : null);
  const hints = [ttl && ttl * MINUTE, maxAge && maxAge * 1000, expires].filter((ms): ms is number => ms !== null);
  const rhythm = publishingInterval(input.recentItemDates ?? [], now) ?? DEFAULT_INTERVAL;
  return clamp(Math.max(rhythm, ...hints));
}

/**
 * Exponential backoff, 5 min × 2^(n−1) capped at a day, but never sooner than the server's Retry-After
 * (itself capped at a day: a server asking for a week still gets a daily check, so the feed can recover).
 */
function errorInterval(input: ScheduleInput): number {
  const n = Math.max(1, Math.floor(input.errorCount));
  const backoff = FIRST_BACKOFF * 2 ** Math.min(n - 1, 30);
  const retryAfter = (positive(input.retryAfterSeconds) ?? 0) * 1000;
  return clamp(Math.max(backoff, retryAfter));
}

/** The ISO time at which the feed is next due. */
export function nextFetchAt(input: ScheduleInput): string {
  const now = input.now.getTime();
  const interval = input.outcome === "error" ? errorInterval(input) : successInterval(input, now);
  return new Date(now + interval).toISOString();
}
