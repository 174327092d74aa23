/**
 * HTTP caching for reads: a weak ETag over the body with 304 on If-None-Match, and a
 * Cache-Control per kind of resource. Lists change as feeds are fetched, so they are fresh for a minute;
 * a single story or entity profile changes only on re-fetch or re-annotation; documents only on deploy.
 */
import type { MiddlewareHandler } from "hono";

const POLICIES: [RegExp, string][] = [
  [/^\/v1\/stories\/\d+$/, "public, max-age=300"],
  [/^\/v1\/entities\/[^/]+\/[^/]+$/, "public, max-age=300"],
  [/^\/(v1\/openapi\.json|docs)$/, "public, max-age=3600"],
  [/^\/v1\/(stories(\.(rss|atom|json))?|entities|stats|feeds(\.opml|\/\d+)?)$/, "public, max-age=60"],
];

/** Cache-Control for what a GET answered: the resource's policy on success, never stored otherwise. */
export function cacheControl(): MiddlewareHandler {
  return async function cacheControl(c, next) {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return;
    if (c.res.headers.has("cache-control")) return;
    const path = new URL(c.req.url).pathname;
    const policy = c.res.ok ? POLICIES.find(([pattern]) => pattern.test(path))?.[1] : undefined;
    c.res.headers.set("cache-control", policy ?? "no-store");
  };
}

/** Headers a 304 keeps (RFC 9110 §15.4.5), plus CORS so a browser revalidating a cross-origin read can use it. */
const KEPT_ON_304 = new Set(["cache-control", "content-location", "date", "etag", "expires", "vary", "access-control-allow-origin"]);

function ifNoneMatchHas(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const opaque = tag.replace(/^W\//, "");
  // Weak comparison (RFC 9110 §8.8.3.2): W/"x" and "x" match.
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((t) => t.replace(/^W\//, "") === opaque);
}

/**
 * A weak ETag: the SHA-1 of the body as served (weak, since a proxy may re-encode it), and 304 on a matching
 * If-None-Match. The body is read once and the response rebuilt from the same bytes: cloning it and reading
 * the copy in chunks (hono/etag) cost about 1.3 ms of a 160 KB story page in the API bench.
 */
export function weakEtag(): MiddlewareHandler {
  return async function weakEtag(c, next) {
    await next();
    const method = c.req.method;
    if ((method !== "GET" && method !== "HEAD") || !c.res.ok || c.res.headers.has("etag") || !c.res.body) return;
    const res = c.res;
    const body = await res.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", body));
    const tag = `W/"${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}"`;
    if (ifNoneMatchHas(c.req.header("if-none-match"), tag)) {
      const headers = new Headers();
      for (const [name, value] of res.headers) if (KEPT_ON_304.has(name)) headers.set(name, value);
      headers.set("etag", tag);
      // Through the Context setter, which would carry every old header over; the 304 gets only its own.
      c.res = undefined;
      c.res = new Response(null, { status: 304, statusText: "Not Modified", headers });
      return;
    }
    const out = new Response(body, res);
    out.headers.set("etag", tag);
    c.res = undefined;
    c.res = out;
  };
}
