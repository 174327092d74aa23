/**
 * What the API fuzzing sends (fast-check arbitraries for query strings, path segments and bodies) and what
 * every answer must be: a 2xx/3xx, or a 4xx problem+json, never a 5xx, with the admin token nowhere in it.
 * Shared by api-fuzz-reads and api-fuzz-writes: two files from when requests went through `SELF`, whose cost
 * grew with every request in a file. They now go to the Worker's fetch handler (tests/integration/helpers.ts).
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { api, feedUrl, registerFeed, runCron } from "../integration/helpers";

export const FUZZ_RUNS = 100;
// Shrinking a failure costs hundreds of requests through the Worker: report the first counterexample as found.
fc.configureGlobal({ endOnFailure: true });
/** Documents that ignore their query string are fuzzed more lightly: each answer is costly and identical. */
export const STATIC_RUNS = 20;
/** A property's requests take 20–90 ms each through the Worker under a parallel test load. */
export const PROPERTY_TIMEOUT_MS = 120_000;
export const TOKEN = "test-admin-token";

// ── what is sent ─────────────────────────────────────────────────────────────────────────────────────────

export const SQL_AND_FTS = [
  "'", '"', "`", ";", "--", "/*", "*/", "%", "_", "\\", "?1", "$1", ":name", "(", ")", "*", "^", "+", "-", "{", "}", "[", "]",
  " OR ", " AND ", " NOT ", "NEAR(", "1=1", "' OR '1'='1", '" OR ""="', "'; DROP TABLE stories; --", "UNION SELECT * FROM feeds",
  "title:", "content_text:", "stories_fts", "\u0000", "\u202e", "\uFFFD", " ", "\t", "\n",
];
export const WORDS = ["lagos", "zz", "Reuters", "x", "AP", "1", "null", "undefined"];

/** Strings built from SQL and FTS5 metacharacters and operators, with a few words between them. */
export const injection = fc.array(fc.constantFrom(...SQL_AND_FTS, ...WORDS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));

export const anyText = fc.oneof(
  injection,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 600 }),
  fc.integer().map(String),
  fc.constantFrom("", "true", "false", "-1", "0", "1e309", "NaN", "9007199254740993", "2024-02-30", "2024-03-12T25:00:00Z", "1970-01-01"),
  // Cursors that decode: forged sort keys and ids must be bound as data too.
  fc.tuple(fc.oneof(injection, fc.string()), fc.oneof(fc.integer(), fc.double())).map(([s, n]) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify([s, n]))))),
);

export const QUERY_KEYS = [
  "entity", "entity_type", "flag", "no_flag", "wire", "feed", "q", "since", "until", "limit", "cursor",
  "type", "top", "purge", "force", "after", "all", "format",
];

/** A query string, mostly well encoded, sometimes raw (bad percent escapes, stray separators). */
export const queryString = fc.oneof(
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), anyText), { maxLength: 6 }).map(
    (pairs) => new URLSearchParams(pairs).toString(),
  ),
  fc.array(fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "&", "=", "==", "q=", "+", ";", "entity=%FF", "limit=5"), { maxLength: 8 }).map((p) => p.join("")),
);

export const pathSegment = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom("0", "-1", "1.5", "1e3", "9007199254740993", "99999999999999999999", "%00", "..", "%2F"),
  fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponent),
  injection.map(encodeURIComponent),
);

export const GET_ROUTES: { name: string; path: fc.Arbitrary<string>; runs?: number }[] = [
  { name: "/v1/health", path: fc.constant("/v1/health"), runs: STATIC_RUNS },
  { name: "/v1/feeds", path: fc.constant("/v1/feeds") },
  { name: "/v1/feeds/:id", path: pathSegment.map((s) => `/v1/feeds/${s}`) },
  { name: "/v1/feeds.opml", path: fc.constant("/v1/feeds.opml") },
  { name: "/v1/stories", path: fc.constant("/v1/stories") },
  { name: "/v1/stories/:id", path: pathSegment.map((s) => `/v1/stories/${s}`) },
  { name: "/v1/stories.rss|atom|json", path: fc.constantFrom("/v1/stories.rss", "/v1/stories.atom", "/v1/stories.json") },
  { name: "/v1/entities", path: fc.constant("/v1/entities") },
  { name: "/v1/entities/:type/:name", path: fc.tuple(fc.oneof(fc.constantFrom("person", "organization", "place"), pathSegment), pathSegment).map(([t, n]) => `/v1/entities/${t}/${n}`) },
  { name: "/v1/stats", path: fc.constant("/v1/stats") },
  { name: "/v1/ingest/runs/:id", path: pathSegment.map((s) => `/v1/ingest/runs/${s}`) },
  { name: "/v1/openapi.json", path: fc.constant("/v1/openapi.json"), runs: STATIC_RUNS },
  { name: "/docs", path: fc.constant("/docs"), runs: STATIC_RUNS },
];

export const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        // Valid URLs lead to the local feed server's 404, so the ingest passes fuzzing starts finish at once.
        url: fc.oneof(anyText, fc.string().map((s) => `${feedUrl("/status/404")}?${encodeURIComponent(s)}`), fc.constant("file:///etc/passwd"), fc.constant("http://169.254.169.254/"), fc.jsonValue()),
        title: fc.oneof(anyText, fc.jsonValue()),
        paused: fc.oneof(fc.boolean(), anyText, fc.jsonValue()),
        text: fc.oneof(anyText, fc.jsonValue()),
        html: fc.oneof(anyText, fc.constant("<script>alert(1)</script><p onclick=x>hi</p>")),
        constructor: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("", "{", '{"url":', "null", "[]", '{"url":"http://a"}'.repeat(3), "\uFEFF{}", '{"__proto__":{"admin":true},"url":"x"}'),
);

export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/x-opml",
  "",
);

export const BODY_ROUTES: { name: string; method: string; path: fc.Arbitrary<string>; admin: boolean }[] = [
  { name: "POST /v1/feeds", method: "POST", path: fc.constant("/v1/feeds"), admin: true },
  { name: "PATCH /v1/feeds/:id", method: "PATCH", path: fc.oneof(fc.constant("/v1/feeds/1"), pathSegment.map((s) => `/v1/feeds/${s}`)), admin: true },
  { name: "DELETE /v1/feeds/:id", method: "DELETE", path: fc.tuple(pathSegment, queryString).map(([s, q]) => `/v1/feeds/${s}?${q}`), admin: true },
  { name: "POST /v1/feeds/import", method: "POST", path: fc.constant("/v1/feeds/import"), admin: true },
  { name: "POST /v1/annotate", method: "POST", path: fc.constant("/v1/annotate"), admin: false },
  { name: "POST /v1/ingest", method: "POST", path: queryString.map((q) => `/v1/ingest?${q}`), admin: true },
  { name: "POST /v1/reannotate", method: "POST", path: queryString.map((q) => `/v1/reannotate?${q}`), admin: true },
];

export const ADMIN_ROUTES = [
  { method: "POST", path: "/v1/feeds", body: '{"url":"https://fuzz.example/rss"}' },
  { method: "PATCH", path: "/v1/feeds/1", body: '{"paused":true}' },
  { method: "DELETE", path: "/v1/feeds/1", body: undefined },
  { method: "POST", path: "/v1/feeds/import", body: '<opml version="2.0"><body/></opml>' },
  { method: "POST", path: "/v1/ingest", body: undefined },
  { method: "POST", path: "/v1/reannotate", body: undefined },
];

// ── what must hold ───────────────────────────────────────────────────────────────────────────────────────

/** Every response is read in full: its headers and body are scanned for the token, then checked for shape. */
const responses: string[] = [];
let requestsSent = 0;

export async function send(path: string, init: RequestInit = {}): Promise<{ res: Response; body: string }> {
  requestsSent++;
  const res = await api(path, init);
  const body = await res.text();
  responses.push(`${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${body}`);
  return { res, body };
}

/**
 * 2xx/3xx, or a 4xx whose body is a problem document with its own status: never a 5xx. A path whose dot
 * segments resolve out of the API ("/v1/entities/../.." is "/") reaches the web interface, whose error pages
 * are HTML by design (tests/hostile/ui-fuzz.test.ts checks those); pass the path sent to allow for that.
 */
export function expectWellFormed(res: Response, body: string, label: string, path?: string): void {
  expect(res.status, `${label} → ${res.status} ${body.slice(0, 300)}`).toBeLessThan(500);
  if (res.status < 400) return;
  if (path !== undefined && !resolvesIntoApi(path)) {
    expect(res.headers.get("content-type"), label).toMatch(/^(application\/problem\+json|text\/html)/);
    return;
  }
  expect(res.headers.get("content-type"), label).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(body) as Record<string, unknown>;
  expect(problem, label).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) });
}

/** Whether a path still names the API once the URL parser has resolved its "." and ".." segments. */
export function resolvesIntoApi(path: string): boolean {
  const { pathname } = new URL(path, "http://wirewatch.test");
  return pathname === "/v1" || pathname.startsWith("/v1/");
}

const logged: string[] = [];

/** Captures console output for the secret scan and seeds stories to query; call once per test file. */
export function setUpFuzzing(): void {
  beforeAll(async () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
        original(...args);
      });
    }
    for (const path of ["/fixtures/integration/world-rss.xml", "/fixtures/integration/wire-rdf.xml", "/fixtures/integration/newsroom-atom.xml", "/fixtures/seed.xml"]) {
      await registerFeed(path);
    }
    await runCron();
    const stories = await env.DB.prepare("SELECT count(*) AS n FROM stories").first<{ n: number }>();
    expect(stories?.n).toBeGreaterThan(3);
  });

  afterAll(() => {
    vi.restoreAllMocks();
  });
}

/** The token in no response and no log line of this file's fuzzing, which sent at least `minRequests`. */
export function expectNoSecretLeaked(minRequests: number): void {
  expect(requestsSent).toBeGreaterThan(minRequests);
  expect(responses.filter((r) => r.includes(TOKEN))).toEqual([]);
  expect(logged.filter((line) => line.includes(TOKEN))).toEqual([]);
}

