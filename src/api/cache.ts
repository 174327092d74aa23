/**
 * HTTP caching for reads: a weak ETag over the body with 304 on If-None-Match (Hono's etag middleware), and a
 * Cache-Control per kind of resource. Lists change as feeds are fetched, so they are fresh for a minute;
 * a single story or entity profile changes only on re-fetch or re-annotation; documents only on deploy.
 */
import type { MiddlewareHandler } from "hono";
import { etag, RETAINED_304_HEADERS } from "hono/etag";

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

/**
 * Weak, since the body is hashed after serialization and a proxy may re-encode it. A 304 keeps the CORS
 * header too, so a browser revalidating a cross-origin read can use it.
 */
export function weakEtag(): MiddlewareHandler {
  return etag({ weak: true, retainedHeaders: [...RETAINED_304_HEADERS, "access-control-allow-origin"] });
}
