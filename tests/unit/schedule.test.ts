import { describe, expect, it } from "vitest";
import { nextFetchAt } from "../../src/ingest/schedule";

const NOW = new Date("2024-03-12T06:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;

/** ISO times going back from NOW by each gap in turn: the newest item first, as a feed lists them. */
function publishedEvery(...gaps: number[]): string[] {
  let t = NOW.getTime() - 5 * MIN;
  const dates = [new Date(t).toISOString()];
  for (const gap of gaps) {
    t -= gap;
    dates.push(new Date(t).toISOString());
  }
  return dates;
}

/** Twenty-one daily items, the newest a month old: an archive that must not set today's rhythm. */
const A_MONTH_EARLIER_DAILY = publishedEvery(...Array<number>(20).fill(24 * HOUR)).map((d) =>
  new Date(Date.parse(d) - 30 * 24 * HOUR).toISOString(),
);

function minutesUntil(iso: string): number {
  return (Date.parse(iso) - NOW.getTime()) / MIN;
}

describe("nextFetchAt after a success", () => {
  it.each([
    { why: "no signal at all: the default half hour", input: {}, minutes: 30 },
    { why: "RSS ttl longer than the default", input: { ttlMinutes: 60 }, minutes: 60 },
    { why: "RSS ttl shorter than the default is only a floor", input: { ttlMinutes: 1 }, minutes: 30 },
    { why: "RSS ttl of two days, capped at a day", input: { ttlMinutes: 2880 }, minutes: 1440 },
    { why: "Cache-Control max-age", input: { maxAgeSeconds: 3600 }, minutes: 60 },
    { why: "max-age=0 says nothing about the schedule", input: { maxAgeSeconds: 0 }, minutes: 30 },
    { why: "Expires two hours ahead", input: { expiresAt: "2024-03-12T08:00:00.000Z" }, minutes: 120 },
    { why: "Expires already past", input: { expiresAt: "2024-03-12T05:00:00.000Z" }, minutes: 30 },
    { why: "the longest of the publisher's hints", input: { ttlMinutes: 60, maxAgeSeconds: 7200 }, minutes: 120 },
    { why: "a null hint is no hint", input: { ttlMinutes: null, maxAgeSeconds: null, expiresAt: null }, minutes: 30 },
    { why: "items every 4 hours: every 2 hours", input: { recentItemDates: publishedEvery(4 * HOUR, 4 * HOUR, 4 * HOUR) }, minutes: 120 },
    { why: "items every 10 minutes: every 5", input: { recentItemDates: publishedEvery(10 * MIN, 10 * MIN, 10 * MIN) }, minutes: 5 },
    { why: "items every 2 minutes: not faster than 5", input: { recentItemDates: publishedEvery(2 * MIN, 2 * MIN, 2 * MIN) }, minutes: 5 },
    { why: "weekly items: once a day", input: { recentItemDates: publishedEvery(7 * 24 * HOUR, 7 * 24 * HOUR) }, minutes: 1440 },
    {
      why: "the median gap, so one long silence does not slow an hourly feed",
      input: { recentItemDates: publishedEvery(HOUR, HOUR, HOUR, 10 * 24 * HOUR) },
      minutes: 30,
    },
    {
      why: "a burst does not speed up a 6-hourly feed",
      input: { recentItemDates: publishedEvery(MIN, 6 * HOUR, 6 * HOUR, 6 * HOUR) },
      minutes: 180,
    },
    {
      why: "only the newest ten items set the rhythm",
      input: { recentItemDates: [...publishedEvery(...Array<number>(9).fill(20 * MIN)), ...A_MONTH_EARLIER_DAILY] },
      minutes: 10,
    },
    { why: "a fast rhythm does not override max-age", input: { maxAgeSeconds: 1800, recentItemDates: publishedEvery(10 * MIN, 10 * MIN) }, minutes: 30 },
    { why: "a single dated item gives no rhythm", input: { recentItemDates: publishedEvery() }, minutes: 30 },
    {
      why: "items sharing one timestamp count once",
      input: { recentItemDates: ["2024-03-12T05:00:00Z", "2024-03-12T05:00:00Z", "2024-03-12T05:00:00.000Z", "2024-03-12T01:00:00Z"] },
      minutes: 120,
    },
    {
      why: "unparseable and future dates are ignored",
      input: { recentItemDates: ["soon", "2024-03-12T05:00:00Z", "2030-01-01T00:00:00Z", "2024-03-12T03:00:00Z", ""] },
      minutes: 60,
    },
  ])("$why → $minutes min", ({ input, minutes }) => {
    expect(minutesUntil(nextFetchAt({ now: NOW, outcome: "ok", errorCount: 0, ...input }))).toBe(minutes);
  });

  it("treats 304 Not Modified like a success, honouring the publisher's hints", () => {
    expect(minutesUntil(nextFetchAt({ now: NOW, outcome: "not_modified", errorCount: 0, maxAgeSeconds: 3600 }))).toBe(60);
  });

  it("recovers from backoff at the first success, whatever the error count was", () => {
    expect(minutesUntil(nextFetchAt({ now: NOW, outcome: "ok", errorCount: 9 }))).toBe(30);
  });

  it("answers an ISO 8601 UTC time", () => {
    expect(nextFetchAt({ now: NOW, outcome: "ok", errorCount: 0 })).toBe("2024-03-12T06:30:00.000Z");
  });
});

describe("nextFetchAt after an error", () => {
  it.each([
    { errorCount: 0, minutes: 5 },
    { errorCount: 1, minutes: 5 },
    { errorCount: 2, minutes: 10 },
    { errorCount: 3, minutes: 20 },
    { errorCount: 4, minutes: 40 },
    { errorCount: 5, minutes: 80 },
    { errorCount: 9, minutes: 1280 },
    { errorCount: 10, minutes: 1440 },
    { errorCount: 1000, minutes: 1440 },
  ])("backs off to $minutes min after $errorCount consecutive errors", ({ errorCount, minutes }) => {
    expect(minutesUntil(nextFetchAt({ now: NOW, outcome: "error", errorCount }))).toBe(minutes);
  });

  it.each([
    { why: "waits at least as long as Retry-After", errorCount: 1, retryAfterSeconds: 3600, minutes: 60 },
    { why: "keeps the longer backoff when Retry-After is short", errorCount: 3, retryAfterSeconds: 60, minutes: 20 },
    { why: "caps a Retry-After of a week at a day, so the feed is never dropped", errorCount: 1, retryAfterSeconds: 7 * 86400, minutes: 1440 },
    { why: "ignores Retry-After: 0", errorCount: 2, retryAfterSeconds: 0, minutes: 10 },
  ])("$why", ({ errorCount, retryAfterSeconds, minutes }) => {
    expect(minutesUntil(nextFetchAt({ now: NOW, outcome: "error", errorCount, retryAfterSeconds }))).toBe(minutes);
  });

  it("ignores caching hints: they describe content the error did not deliver", () => {
    const at = nextFetchAt({ now: NOW, outcome: "error", errorCount: 1, maxAgeSeconds: 7200, ttlMinutes: 600 });
    expect(minutesUntil(at)).toBe(5);
  });
});
