/**
 * The alert queue's consumer: one message is one delivery, POSTed to the alert's webhook, signed as Standard
 * Webhooks says. Every attempt is logged. A failed attempt is retried with exponential backoff through the
 * queue (message.retry with a delay); after the last one the delivery is marked failed and kept, and the alert
 * records the error and backs off like a feed (5 min × 2ⁿ⁻¹, at most a day) without ever being disabled.
 *
 * The guarantee is at least once: a receiver that answered 2xx but whose answer was lost gets the delivery
 * again, under the same webhook-id, so it can drop the copy. Order is not guaranteed.
 */
import { nextFetchAt } from "../ingest/schedule";
import type { Story } from "../model";
import { type AlertMessage, type ClaimedDelivery, claimDelivery, dropEmptyDelivery, recordAttempt, releaseDelivery } from "../store/alerts";
import { storiesByIds } from "../store/stories";
import { checkFeedUrl } from "../url-safety";
import { STORY_FIELDS, type StoryField } from "../model";
import { type SignedHeaders, signWebhook } from "./sign";

/** HTTP attempts per delivery; wrangler.toml's max_retries for the alert queue matches it. */
export const DELIVERY_ATTEMPTS = 7;
/** Queues delay a message by at most 12 hours. */
const MAX_DELAY_S = 12 * 60 * 60;
/** A queued retry keeps its delivery's lease this long past its due time before the cron sends it again. */
const LEASE_GRACE_MS = 15 * 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Deliveries attempted at once in one consumer batch. */
const CONCURRENCY = 5;
const USER_AGENT = "wirewatch-alerts/0.1 (+https://github.com/wirewatch/wirewatch)";

export interface DeliverDeps {
  fetch: typeof fetch;
  now: () => Date;
}

const defaultDeps: DeliverDeps = { fetch: (input, init) => fetch(input, init), now: () => new Date() };

/** The wait before attempt n + 1 after attempt n failed: 1 min × 3ⁿ⁻¹ (1, 3, 9, 27, 81, 243 min), at most 12 h. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(MAX_DELAY_S, 60 * 3 ** Math.max(0, attempt - 1));
}

export async function consumeAlertBatch(batch: MessageBatch<AlertMessage>, env: Env, deps: DeliverDeps = defaultDeps): Promise<void> {
  const queue = [...batch.messages];
  const lanes = Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
    for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
      try {
        const retryIn = await deliver(env, message.body.deliveryId, deps);
        if (retryIn === null) message.ack();
        else message.retry({ delaySeconds: retryIn });
      } catch (err) {
        // Only infrastructure failures get here (D1 unavailable): the queue retries, then dead-letters.
        console.error(`alerts: delivery ${message.body.deliveryId} will be retried: ${errorMessage(err)}`);
        message.retry({ delaySeconds: 60 });
      }
    }
  });
  await Promise.all(lanes);
}

/** The delivery's JSON body: the alert, each story (or the members the alert's `fields` names) and why it matched. */
export async function deliveryBody(db: D1Database, d: ClaimedDelivery, at: Date, bucket?: R2Bucket): Promise<string> {
  const fields = (d.alert.query.fields as StoryField[] | undefined) ?? STORY_FIELDS;
  const stories = new Map((await storiesByIds(db, d.matches.map((m) => m.storyId), fields, bucket)).map((s) => [s.id, s]));
  const matches = d.matches.flatMap((m) => {
    const story = stories.get(m.storyId);
    // A story taken down since it matched is not sent.
    return story ? [{ story: story as Partial<Story>, matched_at: m.matchedAt, reason: m.reason }] : [];
  });
  return JSON.stringify({
    type: d.kind === "test" ? "alert.test" : d.kind === "digest" ? "alert.digest" : "alert.match",
    timestamp: at.toISOString(),
    data: {
      alert: { id: d.alert.id, name: d.alert.name, mode: d.alert.mode, query: d.alert.query },
      matches,
    },
  });
}

/** One attempt of one delivery. Returns the delay before the next attempt, or null when the message is done. */
export async function deliver(env: Env, deliveryId: number, deps: DeliverDeps = defaultDeps): Promise<number | null> {
  const timeoutMs = Number(env.WEBHOOK_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  const started = deps.now();
  const now = started.toISOString();
  const claimed = await claimDelivery(env.DB, deliveryId, { now, inflightUntil: new Date(started.getTime() + timeoutMs + 60_000).toISOString() });
  // Delivered, failed, deleted with its alert, or being attempted by another copy of this message.
  if (!claimed) return null;
  const { alert } = claimed;
  if (claimed.kind !== "test") {
    // A paused alert holds its deliveries (unpausing makes them due); one backing off holds its new ones.
    if (alert.paused) {
      await releaseDelivery(env.DB, claimed.id, now);
      return null;
    }
    if (claimed.attempt === 1 && alert.nextAttemptAt !== null && alert.nextAttemptAt > now) {
      await releaseDelivery(env.DB, claimed.id, alert.nextAttemptAt);
      return null;
    }
    if (claimed.matches.length === 0) {
      await dropEmptyDelivery(env.DB, claimed.id);
      return null;
    }
  }

  const body = await deliveryBody(env.DB, claimed, started, env.BODIES);
  const result = await post(alert.webhookUrl, body, signWebhook(alert.secret, claimed.webhookId, started, body), {
    fetch: deps.fetch,
    timeoutMs,
    allowPrivate: env.ALLOW_PRIVATE_FEEDS === "true",
  });
  const finished = deps.now();
  const last = result.permanent || claimed.attempt >= DELIVERY_ATTEMPTS;
  const retryIn = result.error === null || last ? null : retryDelaySeconds(claimed.attempt);
  const nextRetryAt = retryIn === null ? null : new Date(finished.getTime() + retryIn * 1000);
  await recordAttempt(env.DB, {
    deliveryId: claimed.id,
    alertId: alert.id,
    attempt: claimed.attempt,
    now: finished.toISOString(),
    status: result.status,
    durationMs: finished.getTime() - started.getTime(),
    error: result.error,
    nextRetryAt: nextRetryAt?.toISOString() ?? null,
    leaseUntil: new Date((nextRetryAt ?? finished).getTime() + LEASE_GRACE_MS).toISOString(),
    alertNextAttemptAt: result.error === null ? null : nextFetchAt({ now: finished, outcome: "error", errorCount: alert.errorCount + 1 }),
  });
  return retryIn;
}

interface PostResult {
  status: number | null;
  /** Null when the receiver answered 2xx. */
  error: string | null;
  /** No retry can help: the URL is refused. */
  permanent: boolean;
}

/**
 * POSTs once. The URL is checked as a feed URL is (no private addresses unless ALLOW_PRIVATE_FEEDS); redirects
 * are not followed, since a POST must not be replayed at an address nobody checked, so a 3xx is a failure.
 */
async function post(
  url: string,
  body: string,
  signed: SignedHeaders,
  opts: { fetch: typeof fetch; timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  const check = checkFeedUrl(url, { allowPrivate: opts.allowPrivate });
  if (!check.ok) return { status: null, error: `refused URL: ${check.reason}`, permanent: true };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const res = await opts.fetch(check.url.href, {
      method: "POST",
      redirect: "manual",
      signal: controller.signal,
      headers: { "content-type": "application/json", "user-agent": USER_AGENT, ...signed },
      body,
    });
    // The answer's body is never needed: free the connection.
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { status: res.status, error: null, permanent: false };
    const what = res.status >= 300 && res.status < 400 ? `HTTP ${res.status} redirect (redirects are not followed)` : `HTTP ${res.status}`;
    return { status: res.status, error: what, permanent: false };
  } catch (err) {
    const error = controller.signal.aborted ? `timed out after ${opts.timeoutMs / 1000} s` : `network error: ${errorMessage(err)}`;
    return { status: null, error, permanent: false };
  } finally {
    clearTimeout(timer);
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
