/**
 * robots.txt for the article stage, as RFC 9309 says: fetched through the same safe fetch path as feeds
 * (every redirect hop checked, at most 5), parsed by robots-parser, cached per origin for a day. A 4xx means
 * "no robots.txt": everything is allowed (§2.3.1.3). A 5xx, a 429 or a network failure means "unreachable":
 * nothing is fetched from the origin until it answers (§2.3.1.4), and that answer is cached for a short time
 * only, so the origin is asked again soon.
 */
import robotsParser from "robots-parser";
import { getOrigin, putRobots } from "../store/articles";
import { FetchError, fetchFeed, USER_AGENT } from "./fetch";

/** RFC 9309 §2.4: a crawler should not use a cached robots.txt for more than 24 hours. */
export const ROBOTS_CACHE_MS = 24 * 60 * 60 * 1000;
/** How long an unreachable robots.txt holds the origin before it is asked again. */
export const ROBOTS_UNREACHABLE_RETRY_S = 10 * 60;
/** RFC 9309 §2.5: crawlers must parse at least 500 KiB. */
const ROBOTS_MAX_BYTES = 500 * 1024;
/** A robots.txt Crawl-delay lengthens the spacing up to this, never beyond. */
export const MAX_CRAWL_DELAY_S = 60;

export type RobotsVerdict =
  | { kind: "allowed"; crawlDelaySeconds: number }
  | { kind: "disallowed"; rule: string }
  | { kind: "unreachable"; reason: string; retryAfterSeconds: number };

export interface RobotsDeps {
  fetch: typeof fetch;
  now: () => Date;
  allowPrivate: boolean;
  timeoutMs: number;
}

/** What robots.txt at `origin` says about fetching `url`, from the cache when it is fresh. */
export async function robotsVerdict(db: D1Database, origin: string, url: string, deps: RobotsDeps): Promise<RobotsVerdict> {
  const now = deps.now();
  let state = await getOrigin(db, origin);
  if (!state?.robots_expires_at || Date.parse(state.robots_expires_at) <= now.getTime()) {
    await putRobots(db, origin, await fetchRobots(origin, deps), now.toISOString());
    state = await getOrigin(db, origin);
  }
  const status = state?.robots_status ?? null;
  if (status !== null && status >= 200 && status < 300) {
    const robots = robotsParser(`${origin}/robots.txt`, state?.robots_body ?? "");
    if (robots.isDisallowed(url, USER_AGENT)) {
      return { kind: "disallowed", rule: `line ${robots.getMatchingLineNumber(url, USER_AGENT)}` };
    }
    return { kind: "allowed", crawlDelaySeconds: Math.min(MAX_CRAWL_DELAY_S, Number(robots.getCrawlDelay(USER_AGENT) ?? 0) || 0) };
  }
  if (status !== null && status >= 400 && status < 500 && status !== 429) return { kind: "allowed", crawlDelaySeconds: 0 };
  const expires = state?.robots_expires_at ? Date.parse(state.robots_expires_at) : now.getTime();
  return {
    kind: "unreachable",
    reason: status === null ? "robots.txt could not be fetched" : `robots.txt answered HTTP ${status}`,
    retryAfterSeconds: Math.max(1, Math.ceil((expires - now.getTime()) / 1000)),
  };
}

async function fetchRobots(origin: string, deps: RobotsDeps): Promise<{ status: number | null; body: string | null; expiresAt: string }> {
  const now = deps.now().getTime();
  const day = new Date(now + ROBOTS_CACHE_MS).toISOString();
  try {
    const outcome = await fetchFeed(`${origin}/robots.txt`, {
      fetch: deps.fetch,
      etag: null,
      lastModified: null,
      timeoutMs: deps.timeoutMs,
      maxBytes: ROBOTS_MAX_BYTES,
      allowPrivate: deps.allowPrivate,
      accept: "text/plain, */*;q=0.5",
      what: "robots.txt",
    });
    const body = outcome.kind === "ok" ? new TextDecoder().decode(outcome.body) : "";
    return { status: 200, body, expiresAt: day };
  } catch (err) {
    const status = err instanceof FetchError ? err.status : null;
    if (status !== null && status >= 400 && status < 500 && status !== 429) return { status, body: null, expiresAt: day };
    const wait = Math.max(ROBOTS_UNREACHABLE_RETRY_S, err instanceof FetchError ? (err.retryAfterSeconds ?? 0) : 0);
    if (!(err instanceof FetchError)) console.error(`robots: ${origin} failed unexpectedly: ${String(err)}`);
    return { status, body: null, expiresAt: new Date(now + wait * 1000).toISOString() };
  }
}
