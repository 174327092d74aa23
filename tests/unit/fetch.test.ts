import { describe, expect, inject, it } from "vitest";
import { FetchError, fetchFeed, USER_AGENT, type FetchOptions } from "../../src/ingest/fetch";

const server = inject("feedServer");
const MB = 1024 * 1024;

/** A fetch that records every URL it is asked for, so tests can prove a refused hop was never requested. */
function recordingFetch(rewrite: (url: string) => string = (url) => url): { fetch: typeof fetch; requested: string[] } {
  const requested: string[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    requested.push(url);
    return fetch(rewrite(url), init);
  };
  return { fetch: recording, requested };
}

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { fetch, etag: null, lastModified: null, timeoutMs: 5000, maxBytes: 10 * MB, allowPrivate: true, ...overrides };
}

let feeds = 0;
/** Publishes a small feed on the server under a name no other test uses, and returns its URL and body. */
async function publish(): Promise<{ url: string; xml: string }> {
  feeds += 1;
  const name = `fetch-test-${feeds}-${crypto.randomUUID()}`;
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fetch test ${feeds}</title></channel></rss>`;
  const url = `${server}/mutable/${name}`;
  const put = await fetch(url, { method: "PUT", body: xml, headers: { "content-type": "application/rss+xml" } });
  expect(put.status).toBe(204);
  return { url, xml };
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

function respond(status: number, headers: Record<string, string>): string {
  return `${server}/respond/${status}?${new URLSearchParams(headers)}`;
}

describe("fetchFeed: success and conditional GET", () => {
  it("returns the body, its type and validators on 200", async () => {
    const { url, xml } = await publish();
    const outcome = await fetchFeed(url, options());
    expect(outcome.kind).toBe("ok");
    if (outcome.kind !== "ok") return;
    expect(new TextDecoder().decode(outcome.body)).toBe(xml);
    expect(outcome.contentType).toBe("application/rss+xml");
    expect(outcome.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(outcome.lastModified).toBe("Tue, 12 Mar 2024 06:00:00 GMT");
    expect(outcome.finalUrl).toBe(url);
    expect(outcome.permanentUrl).toBeNull();
  });

  async function sentHeaders(overrides: Partial<FetchOptions>): Promise<Record<string, string>> {
    const outcome = await fetchFeed(`${server}/echo-headers`, options(overrides));
    if (outcome.kind !== "ok") throw new Error("expected ok");
    return JSON.parse(new TextDecoder().decode(outcome.body)) as Record<string, string>;
  }

  it("identifies itself honestly and asks for feeds first", async () => {
    const sent = await sentHeaders({});
    expect(sent["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toBe("wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; feed fetcher)");
    expect(sent.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml, application\/feed\+json/);
  });

  it.each([
    { validators: "none", etag: null, lastModified: null, sent: {} },
    { validators: "an ETag", etag: '"abc"', lastModified: null, sent: { "if-none-match": '"abc"' } },
    {
      validators: "a Last-Modified",
      etag: null,
      lastModified: "Mon, 11 Mar 2024 00:00:00 GMT",
      sent: { "if-modified-since": "Mon, 11 Mar 2024 00:00:00 GMT" },
    },
    { validators: "both", etag: '"abc"', lastModified: "Mon, 11 Mar 2024 00:00:00 GMT", sent: { "if-none-match": '"abc"' } },
  ])("with $validators, sends the conditional headers $sent", async ({ etag, lastModified, sent }) => {
    const headers = await sentHeaders({ etag, lastModified });
    expect({ "if-none-match": headers["if-none-match"], "if-modified-since": headers["if-modified-since"] }).toEqual({
      "if-none-match": undefined,
      "if-modified-since": undefined,
      ...sent,
    });
  });

  it("gets a changed feed from a server that wrongly answers 304 to a matching If-Modified-Since alone", async () => {
    const { url } = await publish();
    const first = await fetchFeed(url, options());
    if (first.kind !== "ok") throw new Error("expected ok");
    const changed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Changed</title></channel></rss>';
    await fetch(url, { method: "PUT", body: changed, headers: { "content-type": "application/rss+xml" } });
    const second = await fetchFeed(url, options({ etag: first.etag, lastModified: first.lastModified }));
    expect(second.kind === "ok" && new TextDecoder().decode(second.body)).toBe(changed);
  });

  it("answers not_modified when the ETag still matches", async () => {
    const { url } = await publish();
    const first = await fetchFeed(url, options());
    if (first.kind !== "ok") throw new Error("expected ok");
    const second = await fetchFeed(url, options({ etag: first.etag }));
    expect(second).toEqual({
      kind: "not_modified",
      etag: first.etag,
      lastModified: null,
      permanentUrl: null,
      maxAgeSeconds: null,
      expiresAt: null,
    });
  });

  it("answers not_modified when Last-Modified still matches", async () => {
    const { url } = await publish();
    const outcome = await fetchFeed(url, options({ lastModified: "Tue, 12 Mar 2024 06:00:00 GMT" }));
    expect(outcome.kind).toBe("not_modified");
    expect(outcome.lastModified).toBe("Tue, 12 Mar 2024 06:00:00 GMT");
  });

  it("fetches in full when the validators are stale", async () => {
    const { url } = await publish();
    const outcome = await fetchFeed(url, options({ etag: '"stale"', lastModified: "Mon, 01 Jan 2024 00:00:00 GMT" }));
    expect(outcome.kind).toBe("ok");
  });

  it("reads a gzip-encoded feed as its decompressed bytes", async () => {
    const plain = await (await fetch(`${server}/fixtures/seed-story.txt`)).text();
    const outcome = await fetchFeed(`${server}/gzip/seed-story.txt`, options());
    if (outcome.kind !== "ok") throw new Error("expected ok");
    expect(new TextDecoder().decode(outcome.body)).toBe(plain);
  });

  it.each<{ headers: Record<string, string>; maxAgeSeconds: number | null; expiresAt: string | null }>([
    { headers: { "cache-control": "public, max-age=600" }, maxAgeSeconds: 600, expiresAt: null },
    { headers: { "cache-control": "max-age=600", age: "100" }, maxAgeSeconds: 500, expiresAt: null },
    { headers: { "cache-control": "max-age=60", age: "300" }, maxAgeSeconds: 0, expiresAt: null },
    { headers: { "cache-control": "no-cache" }, maxAgeSeconds: null, expiresAt: null },
    { headers: { expires: "Wed, 13 Mar 2024 07:30:00 GMT" }, maxAgeSeconds: null, expiresAt: "2024-03-13T07:30:00.000Z" },
    { headers: { expires: "0" }, maxAgeSeconds: null, expiresAt: null },
  ])("reads the caching signals $headers", async ({ headers, maxAgeSeconds, expiresAt }) => {
    const outcome = await fetchFeed(respond(200, headers), options());
    expect(outcome).toMatchObject({ kind: "ok", maxAgeSeconds, expiresAt });
  });

  it("passes the caching signals on with a 304 too", async () => {
    const outcome = await fetchFeed(respond(304, { "cache-control": "max-age=900", etag: '"v2"' }), options({ etag: '"v1"' }));
    expect(outcome).toEqual({
      kind: "not_modified",
      etag: '"v2"',
      lastModified: null,
      permanentUrl: null,
      maxAgeSeconds: 900,
      expiresAt: null,
    });
  });
});

describe("fetchFeed: redirects", () => {
  it("follows a chain of five hops, resolving relative Locations", async () => {
    const { url } = await publish();
    const path = new URL(url).pathname.slice(1);
    const { fetch: recording, requested } = recordingFetch();
    const outcome = await fetchFeed(`${server}/redirect/4/${path}`, options({ fetch: recording }));
    expect(outcome).toMatchObject({ kind: "ok", finalUrl: url, permanentUrl: null });
    expect(requested).toHaveLength(6);
  });

  it("refuses a sixth hop", async () => {
    const { url } = await publish();
    const err = await failure(fetchFeed(`${server}/redirect/5/${new URL(url).pathname.slice(1)}`, options()));
    expect(err.message).toBe("fetch: too many redirects (more than 5)");
  });

  it("honours a lower maxRedirects", async () => {
    const { url } = await publish();
    const err = await failure(fetchFeed(`${server}/redirect/1/${new URL(url).pathname.slice(1)}`, options({ maxRedirects: 1 })));
    expect(err.message).toBe("fetch: too many redirects (more than 1)");
  });

  it("reports a redirect loop as a loop", async () => {
    const err = await failure(fetchFeed(`${server}/loop`, options()));
    expect(err.message).toBe(`fetch: redirect loop at ${server}/loop`);
  });

  it("reports the new address when every hop was permanent (301, 308)", async () => {
    const { url } = await publish();
    const start = respond(301, { location: respond(308, { location: new URL(url).pathname }) });
    const outcome = await fetchFeed(start, options());
    expect(outcome).toMatchObject({ kind: "ok", finalUrl: url, permanentUrl: url });
  });

  it("reports the new address on a 304 behind permanent redirects too", async () => {
    const { url } = await publish();
    const first = await fetchFeed(url, options());
    if (first.kind !== "ok") throw new Error("expected ok");
    const outcome = await fetchFeed(respond(301, { location: url }), options({ etag: first.etag }));
    expect(outcome).toMatchObject({ kind: "not_modified", permanentUrl: url });
  });

  it("reports no new address when any hop was temporary", async () => {
    const { url } = await publish();
    const start = respond(301, { location: respond(307, { location: url }) });
    expect(await fetchFeed(start, options())).toMatchObject({ kind: "ok", finalUrl: url, permanentUrl: null });
  });

  it("fails clearly on a redirect without a Location", async () => {
    const err = await failure(fetchFeed(`${server}/status/302`, options()));
    expect(err.message).toBe("fetch: HTTP 302 redirect without a Location header");
    expect(err.status).toBe(302);
  });

  it("refuses a redirect to cloud metadata even for local runs, without requesting it", async () => {
    const { fetch: recording, requested } = recordingFetch();
    const start = respond(302, { location: "http://169.254.169.254/latest/meta-data/" });
    const err = await failure(fetchFeed(start, options({ fetch: recording, allowPrivate: true })));
    expect(err.message).toBe(
      "fetch: redirect to a refused URL: host 169.254.169.254 is a cloud metadata address and is always refused",
    );
    expect(requested).toEqual([start]);
  });

  describe("with private feeds refused, from a public name that the test routes to the local server", () => {
    const PUBLIC = "https://feeds.example.com";
    const routed = (): ReturnType<typeof recordingFetch> => recordingFetch((url) => url.replace(PUBLIC, server));

    it("checks every hop: a redirect to a loopback address is refused and never requested", async () => {
      const { url } = await publish();
      const { fetch: recording, requested } = routed();
      const start = `${PUBLIC}/respond/302?${new URLSearchParams({ location: url })}`;
      const err = await failure(fetchFeed(start, options({ fetch: recording, allowPrivate: false })));
      expect(err.message).toMatch(/^fetch: redirect to a refused URL: host 127\.0\.0\.1 is a loopback address/);
      expect(err.status).toBeNull();
      expect(requested).toEqual([start]);
    });

    it("follows a relative redirect on the same public host", async () => {
      const { url } = await publish();
      const { fetch: recording, requested } = routed();
      const path = new URL(url).pathname;
      const outcome = await fetchFeed(`${PUBLIC}/redirect/1${path}`, options({ fetch: recording, allowPrivate: false }));
      expect(outcome).toMatchObject({ kind: "ok", finalUrl: `${PUBLIC}${path}` });
      expect(requested).toHaveLength(3);
    });
  });

  it("refuses a private first URL without requesting it", async () => {
    const { fetch: recording, requested } = recordingFetch();
    const err = await failure(fetchFeed(`${server}/echo-headers`, options({ fetch: recording, allowPrivate: false })));
    expect(err.message).toMatch(/^fetch: refused URL: host 127\.0\.0\.1 is a loopback address/);
    expect(requested).toEqual([]);
  });

  it("refuses a scheme other than http(s)", async () => {
    const err = await failure(fetchFeed("ftp://feeds.example.com/rss.xml", options()));
    expect(err.message).toBe("fetch: refused URL: scheme ftp: is not allowed; use http or https");
  });
});

describe("fetchFeed: HTTP errors", () => {
  it.each([
    { status: 500, message: "fetch: HTTP 500 Internal Server Error" },
    { status: 404, message: "fetch: HTTP 404 Not Found" },
    { status: 410, message: "fetch: HTTP 410 Gone" },
    { status: 403, message: "fetch: HTTP 403 Forbidden" },
  ])("fails with the status on $status", async ({ status, message }) => {
    const err = await failure(fetchFeed(`${server}/status/${status}`, options()));
    expect(err.message).toBe(message);
    expect(err.status).toBe(status);
    expect(err.retryAfterSeconds).toBeNull();
  });

  it.each([
    { status: 502, statusText: "", message: "fetch: HTTP 502 Bad Gateway" },
    { status: 530, statusText: "", message: "fetch: HTTP 530 Origin DNS Error" },
    { status: 503, statusText: "Down For Maintenance", message: "fetch: HTTP 503 Service Unavailable" },
    { status: 499, statusText: "Client Closed Request", message: "fetch: HTTP 499 Client Closed Request" },
  ])("names status $status in the same words whatever reason phrase came with it", async ({ status, statusText, message }) => {
    const bare: typeof fetch = async () => new Response(null, { status, statusText });
    const err = await failure(fetchFeed("https://feeds.example.com/rss", options({ fetch: bare })));
    expect(err).toMatchObject({ message, status });
  });

  it("reads Retry-After in seconds on 429", async () => {
    const err = await failure(fetchFeed(`${server}/status/429?retry-after=120`, options()));
    expect(err).toMatchObject({ message: "fetch: HTTP 429 Too Many Requests", status: 429, retryAfterSeconds: 120 });
  });

  it("reads Retry-After as an HTTP date on 503", async () => {
    const at = new Date(Date.now() + 600_000).toUTCString();
    const err = await failure(fetchFeed(respond(503, { "retry-after": at }), options()));
    expect(err.status).toBe(503);
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(595);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it("treats a Retry-After date in the past as no wait", async () => {
    const err = await failure(fetchFeed(respond(503, { "retry-after": "Tue, 12 Mar 2024 06:00:00 GMT" }), options()));
    expect(err.retryAfterSeconds).toBe(0);
  });

  it("ignores a Retry-After it cannot read", async () => {
    const err = await failure(fetchFeed(respond(429, { "retry-after": "soon" }), options()));
    expect(err.retryAfterSeconds).toBeNull();
  });
});

describe("fetchFeed: network faults, timeouts and size", () => {
  it.each([
    { fault: "a connection reset", url: `${server}/reset`, message: "fetch: network error: connection refused or reset" },
    { fault: "a refused connection", url: "http://127.0.0.1:1/feed.xml", message: "fetch: network error: connection refused or reset" },
    {
      fault: "a name that does not resolve",
      url: "http://no-such-host.invalid/feed.xml",
      message: "fetch: network error: host unreachable (DNS lookup or connection failed)",
    },
  ])("turns $fault into a network error", async ({ url, message }) => {
    const err = await failure(fetchFeed(url, options()));
    expect(err.message).toBe(message);
    expect(err.status).toBeNull();
  });

  it("keeps the runtime's words for a network failure it does not recognise", async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError("TLS handshake failed"));
    const err = await failure(fetchFeed("https://feeds.example.com/rss", options({ fetch: failing })));
    expect(err.message).toBe("fetch: network error: TLS handshake failed");
  });

  // Without the deadline these would end with the server (30 s, 60 s) and never say "timed out".
  it("times out a body that stalls after the headers", async () => {
    const err = await failure(fetchFeed(`${server}/slow?ms=30000`, options({ timeoutMs: 300 })));
    expect(err.message).toBe("fetch: timed out after 0.3 s");
  });

  it("times out a body that keeps dripping bytes past the deadline", async () => {
    const err = await failure(fetchFeed(`${server}/drip?every=20`, options({ timeoutMs: 400 })));
    expect(err.message).toBe("fetch: timed out after 0.4 s");
  });

  it("times out a server that never answers, whatever the fetch does with the signal", async () => {
    const hanging: typeof fetch = () => new Promise<Response>(() => undefined);
    const err = await failure(fetchFeed(`${server}/never`, options({ fetch: hanging, timeoutMs: 200 })));
    expect(err.message).toBe("fetch: timed out after 0.2 s");
  });

  it("states the default timeout in whole seconds", async () => {
    const hanging: typeof fetch = () => new Promise<Response>(() => undefined);
    const started = Date.now();
    const err = await failure(fetchFeed(`${server}/never`, options({ fetch: hanging, timeoutMs: 1000 })));
    expect(err.message).toBe("fetch: timed out after 1 s");
    // A lower bound only: the deadline must not fire early (a loaded machine can only make it later).
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it.each([
    { route: "large", declared: false },
    { route: "large", declared: true },
  ])("refuses a body over the cap (Content-Length declared: $declared)", async ({ declared }) => {
    const url = `${server}/large/${11 * MB}${declared ? "?declared=1" : ""}`;
    const err = await failure(fetchFeed(url, options()));
    expect(err.message).toBe("fetch: feed is larger than 10 MB");
    expect(err.status).toBeNull();
  });

  it("accepts a body exactly at the cap", async () => {
    const outcome = await fetchFeed(`${server}/large/${MB}`, options({ maxBytes: MB }));
    expect(outcome.kind === "ok" && outcome.body.byteLength).toBe(MB);
  });

  it("counts the cap on decompressed bytes: a small gzip body that inflates past it is refused", async () => {
    const err = await failure(fetchFeed(`${server}/large-gzip/${2 * MB}`, options({ maxBytes: MB })));
    expect(err.message).toBe("fetch: feed is larger than 1 MB");
  });
});

describe("fetchFeed: one retry after a lost connection", () => {
  const ok = () => new Response("<rss version=\"2.0\"><channel><title>t</title></channel></rss>", { headers: { "content-type": "application/rss+xml" } });

  it("retries an idempotent GET once when the connection is refused or reset, and succeeds", async () => {
    let calls = 0;
    const flaky: typeof fetch = async () => {
      calls += 1;
      if (calls === 1) throw new Error("Network connection lost.");
      return ok();
    };
    const outcome = await fetchFeed("https://feeds.example.com/rss", options({ fetch: flaky }));
    expect(outcome.kind).toBe("ok");
    expect(calls).toBe(2);
  });

  it("records the error when the second attempt fails too, after exactly two attempts", async () => {
    let calls = 0;
    const dead: typeof fetch = async () => {
      calls += 1;
      throw new Error("Network connection lost.");
    };
    const err = await failure(fetchFeed("https://feeds.example.com/rss", options({ fetch: dead })));
    expect(err.message).toBe("fetch: network error: connection refused or reset");
    expect(calls).toBe(2);
  });

  it("does not retry an HTTP error or another network failure", async () => {
    let calls = 0;
    const failing: typeof fetch = async () => {
      calls += 1;
      throw new TypeError("TLS handshake failed");
    };
    await failure(fetchFeed("https://feeds.example.com/rss", options({ fetch: failing })));
    expect(calls).toBe(1);
    const before = calls;
    await failure(fetchFeed(respond(500, {}), options()));
    expect(calls).toBe(before);
  });

  it("gets the feed when a real server resets the first connection", async () => {
    const outcome = await fetchFeed(`${server}/reset-once/${crypto.randomUUID()}`, options());
    expect(outcome.kind).toBe("ok");
  });
});
