/**
 * The polite, safe feed fetcher: conditional GET, redirects followed by hand with every hop checked by
 * checkFeedUrl, one deadline covering headers and body, a byte cap on the decompressed body, an honest
 * User-Agent, and the caching signals (Cache-Control, Expires, Retry-After) the schedule needs.
 * `fetch` is injected so tests and the bench can pass their own.
 */
import { checkFeedUrl } from "../url-safety";

export const USER_AGENT = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; feed fetcher)";

// Feed types first, then generic XML/JSON (many feeds are served as text/xml), then anything.
const ACCEPT = [
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/rdf+xml;q=0.9",
  "application/xml;q=0.8",
  "text/xml;q=0.8",
  "application/json;q=0.7",
  "*/*;q=0.5",
].join(", ");

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);

export interface FetchOptions {
  fetch: typeof fetch;
  etag: string | null;
  lastModified: string | null;
  timeoutMs: number;
  maxBytes: number;
  allowPrivate: boolean;
  maxRedirects?: number;
  /** The Accept header; feed types by default. The article stage asks for HTML. */
  accept?: string;
  /** What is fetched, for error messages ("feed is larger than 10 MB", "page is larger than 5 MB"). */
  what?: string;
}

interface CacheSignals {
  maxAgeSeconds: number | null;
  expiresAt: string | null;
}

export type FetchOutcome =
  | ({
      kind: "ok";
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      /** The final URL when every hop was a permanent redirect (301/308): the feed has moved. */
      permanentUrl: string | null;
    } & CacheSignals)
  | ({
      kind: "not_modified";
      etag: string | null;
      lastModified: string | null;
      /** As for "ok": a moved feed answers 304 at its new address, and the move still counts. */
      permanentUrl: string | null;
    } & CacheSignals);

/** A fetch that produced no usable feed. `status` is the HTTP status when there was one. */
export class FetchError extends Error {
  override name = "FetchError";
  status: number | null;
  retryAfterSeconds: number | null;
  /** The connection was refused or reset before a response: nothing reached the server's application. */
  connectionLost: boolean;

  constructor(
    message: string,
    opts: { status?: number | null; retryAfterSeconds?: number | null; connectionLost?: boolean } = {},
  ) {
    super(`fetch: ${message}`);
    this.status = opts.status ?? null;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
    this.connectionLost = opts.connectionLost ?? false;
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}

/**
 * An HTTP-date (RFC 9110 §5.6.7) in any of its three forms, all of which name the day and month and carry
 * hh:mm:ss. Checked first because Date.parse guesses at anything ("0" becomes the year 2000).
 */
function parseHttpDate(value: string | null): number | null {
  if (value === null || !/^[a-z]{3,9},? /i.test(value.trim()) || !/\d\d:\d\d:\d\d/.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = parseHttpDate(value);
  return date === null ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * max-age less Age (time already spent in caches on the way) is how long the publisher says the response stays
 * fresh; an Expires that does not parse (often "0" or "-1") means already expired (RFC 9111 §5.3), so null.
 */
function cacheSignals(headers: Headers): CacheSignals {
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(headers.get("cache-control") ?? "");
  const age = Number(headers.get("age") ?? 0);
  const maxAgeSeconds = maxAge?.[1] === undefined ? null : Math.max(0, Number(maxAge[1]) - (age > 0 ? age : 0));
  const expires = parseHttpDate(headers.get("expires"));
  return { maxAgeSeconds, expiresAt: expires === null ? null : new Date(expires).toISOString() };
}

/** Rejects as soon as the deadline passes, so a stalled read cannot outlive the timeout. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = (): void => reject(signal.reason);
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

/**
 * Reads the body chunk by chunk, counting the bytes the stream yields. workerd decompresses gzip/deflate/br
 * transparently, so these are the decompressed bytes: a small gzip bomb hits the cap like a large feed does.
 */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, aborted: Promise<never>, what: string): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new FetchError(`${what} is larger than ${formatBytes(maxBytes)}`);
      chunks.push(value);
    }
  } catch (err) {
    // Stop the download: without a cancel the rest of an oversized or stalled body keeps streaming in.
    reader.cancel().catch(() => undefined);
    throw err;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function requestHeaders(opts: FetchOptions): Headers {
  const headers = new Headers({ "user-agent": USER_AGENT, accept: opts.accept ?? ACCEPT });
  // The ETag alone when there is one: RFC 9110 §13.1.3 makes servers ignore If-Modified-Since beside
  // If-None-Match anyway, and servers that wrongly honour either one would answer 304 to a changed feed.
  if (opts.etag) headers.set("if-none-match", opts.etag);
  else if (opts.lastModified) headers.set("if-modified-since", opts.lastModified);
  return headers;
}

// HTTP/2 and HTTP/3 carry no reason phrase, so the status names the error, in the same words whatever the protocol.
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  406: "Not Acceptable",
  408: "Request Timeout",
  410: "Gone",
  429: "Too Many Requests",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  521: "Web Server Is Down",
  522: "Connection Timed Out",
  523: "Origin Is Unreachable",
  525: "SSL Handshake Failed",
  526: "Invalid SSL Certificate",
  530: "Origin DNS Error",
};

function httpError(res: Response): FetchError {
  const reason = REASONS[res.status] ?? res.statusText;
  const text = reason ? ` ${reason}` : "";
  return new FetchError(`HTTP ${res.status}${text}`, {
    status: res.status,
    retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after"), Date.now()),
  });
}

function checkedHop(url: string, opts: FetchOptions, hop: number): URL {
  const check = checkFeedUrl(url, { allowPrivate: opts.allowPrivate });
  if (check.ok) return check.url;
  throw new FetchError(hop === 0 ? `refused URL: ${check.reason}` : `redirect to a refused URL: ${check.reason}`);
}

function send(url: URL, opts: FetchOptions, signal: AbortSignal, aborted: Promise<never>): Promise<Response> {
  // Called unbound: workerd's fetch throws "Illegal invocation" when called as a method of another object.
  const doFetch = opts.fetch;
  return Promise.race([doFetch(url.href, { headers: requestHeaders(opts), redirect: "manual", signal }), aborted]);
}

async function fetchHops(url: string, opts: FetchOptions, signal: AbortSignal, aborted: Promise<never>): Promise<FetchOutcome> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const seen = new Set<string>();
  let current = checkedHop(url, opts, 0);
  let permanent = true;

  for (let hop = 0; ; hop++) {
    seen.add(current.href);
    const res = await send(current, opts, signal, aborted);

    if (REDIRECT_STATUSES.has(res.status)) {
      // Free the connection: a redirect's body is never read.
      res.body?.cancel().catch(() => undefined);
      const location = res.headers.get("location");
      if (!location) throw new FetchError(`HTTP ${res.status} redirect without a Location header`, { status: res.status });
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        throw new FetchError(`redirect to an invalid URL: ${location.slice(0, 200)}`, { status: res.status });
      }
      if (seen.has(next)) throw new FetchError(`redirect loop at ${next}`, { status: res.status });
      if (hop + 1 > maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects})`, { status: res.status });
      permanent &&= PERMANENT_STATUSES.has(res.status);
      current = checkedHop(next, opts, hop + 1);
      continue;
    }

    const validators = { etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified") };
    if (res.status === 304) {
      res.body?.cancel().catch(() => undefined);
      return {
        kind: "not_modified",
        // A 304 need not repeat the validators; the ones sent are still current then.
        etag: validators.etag ?? opts.etag,
        lastModified: validators.lastModified ?? opts.lastModified,
        permanentUrl: hop > 0 && permanent ? current.href : null,
        ...cacheSignals(res.headers),
      };
    }
    if (res.status < 200 || res.status >= 300) {
      res.body?.cancel().catch(() => undefined);
      throw httpError(res);
    }

    // Fail before downloading when the server declares an oversized plain body up front.
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (!res.headers.has("content-encoding") && declared > opts.maxBytes) {
      res.body?.cancel().catch(() => undefined);
      throw new FetchError(`${opts.what ?? "feed"} is larger than ${formatBytes(opts.maxBytes)}`);
    }
    const body = res.body ? await readCapped(res.body, opts.maxBytes, aborted, opts.what ?? "feed") : new Uint8Array(0);
    return {
      kind: "ok",
      body,
      contentType: res.headers.get("content-type"),
      ...validators,
      finalUrl: current.href,
      permanentUrl: hop > 0 && permanent ? current.href : null,
      ...cacheSignals(res.headers),
    };
  }
}

/**
 * The runtime's own failures, before the headers or mid-body, reworded for an operator: workerd reports a
 * refused or reset connection as "Network connection lost." and a failed DNS lookup as "internal error".
 */
function networkError(err: unknown): FetchError {
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith("Network connection lost")) {
    return new FetchError("network error: connection refused or reset", { connectionLost: true });
  }
  if (message.startsWith("internal error")) return new FetchError("network error: host unreachable (DNS lookup or connection failed)");
  return new FetchError(`network error: ${message}`);
}

/**
 * Fetches a feed (or, with `accept` and `what`, an article page) politely and safely. Resolves with the body
 * or a not-modified answer; rejects with a FetchError for a refused URL or hop, an HTTP error, a network
 * failure, the timeout or the size cap.
 *
 * A connection refused or reset before any response is tried once more: a GET is idempotent (RFC 9110
 * §9.2.2), and the usual cause is not the server refusing but a pooled keep-alive connection that the
 * server closed just as it was reused (RFC 9112 §9.3.1 lets a client retry then). Timeouts and HTTP errors
 * are not retried.
 */
export async function fetchFeed(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  try {
    return await fetchOnce(url, opts);
  } catch (err) {
    if (err instanceof FetchError && err.connectionLost) return fetchOnce(url, opts);
    throw err;
  }
}

async function fetchOnce(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FetchError(`timed out after ${formatSeconds(opts.timeoutMs)}`)), opts.timeoutMs);
  const aborted = whenAborted(controller.signal);
  // Nobody may be awaiting `aborted` when the deadline passes; that rejection is expected, not unhandled.
  aborted.catch(() => undefined);
  try {
    return await fetchHops(url, opts, controller.signal, aborted);
  } catch (err) {
    // Past the deadline the runtime's own AbortError may win the race; the timeout is what happened.
    if (controller.signal.aborted) throw controller.signal.reason;
    if (err instanceof FetchError) throw err;
    throw networkError(err);
  } finally {
    clearTimeout(timer);
  }
}
