/**
 * Story bodies in R2 (issue 17): what is read one story at a time, the sanitized content_html and the
 * pre-annotation source_text, kept as one gzip-compressed JSON object per body, out of D1.
 *
 * Invariants:
 * - Keys are content addressed, `b/{feed_id}/{guid hash}/{body hash}`: an object never changes once written, so
 *   a cached copy is always true and writing the same body twice is harmless. The feed prefix lets a purged
 *   feed's bodies be listed and removed.
 * - Write the object first, then the row that points at it (storyWriteStatements with `body`); remove the
 *   pointer first, then the object. A row therefore never points at a body that was not written; what can be
 *   left behind is an unreferenced object, never a dangling key.
 * - A failed put is not an error: the body is stored inline in D1 instead (readable at once), and the mover
 *   (moveInlineBodies) takes it to R2 later.
 */

/** The part of a story that lives in R2. */
export interface Body {
  content_html: string | null;
  source_text: string;
}

/** Where a write puts a story's body: under an R2 key, or inline in D1's columns. */
export type BodyPlacement = { key: string } | { inline: true };

const INLINE: BodyPlacement = { inline: true };

/** A body with nothing in it is not worth an object (nor a row in the mover's index). */
export function isEmptyBody(b: Body): boolean {
  return b.content_html === null && b.source_text === "";
}

async function sha256Hex(text: string, bytes: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest.subarray(0, bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function bodyKey(feedId: number, guid: string, body: Body): Promise<string> {
  return `b/${feedId}/${await sha256Hex(guid, 8)}/${await sha256Hex(JSON.stringify([body.content_html, body.source_text]), 16)}`;
}

/** Every body key of a feed starts with this. */
export function feedBodyPrefix(feedId: number): string {
  return `b/${feedId}/`;
}

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gunzip(bytes: ArrayBuffer): Promise<string> {
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}

/**
 * Writes one body and says where it went: its key, or inline when the put failed (or no bucket is bound, as
 * in a deployment without R2). An empty body goes nowhere: inline with nothing in it.
 */
export async function putBody(bucket: R2Bucket | undefined, feedId: number, guid: string, body: Body): Promise<BodyPlacement> {
  if (!bucket || isEmptyBody(body)) return INLINE;
  const key = await bodyKey(feedId, guid, body);
  try {
    // Only the body's two members: callers may pass a wider row.
    const stored: Body = { content_html: body.content_html, source_text: body.source_text };
    await bucket.put(key, await gzip(JSON.stringify(stored)), { httpMetadata: { contentType: "application/gzip" } });
    return { key };
  } catch (err) {
    console.error(`bodies: put ${key} failed, stored inline for the mover: ${err instanceof Error ? err.message : String(err)}`);
    return INLINE;
  }
}

/** Bodies written at a time: the put of each is one subrequest, and a Worker holds 6 connections open. */
const CONCURRENCY = 6;

/** Runs fn over items with at most CONCURRENCY at once, results in the items' order. */
export async function pooled<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
  return out;
}

// Objects never change, so a per-isolate cache needs no invalidation: it only bounds memory.
const CACHE_BYTES = 8 * 1024 * 1024;
const cache = new Map<string, { body: Body; size: number }>();
let cached = 0;

function remember(key: string, body: Body): void {
  const size = (body.content_html?.length ?? 0) + body.source_text.length;
  if (size > CACHE_BYTES / 8) return;
  cache.set(key, { body, size });
  cached += size;
  for (const [k, v] of cache) {
    if (cached <= CACHE_BYTES) break;
    cache.delete(k);
    cached -= v.size;
  }
}

export class BodyMissingError extends Error {
  constructor(key: string) {
    super(`bodies: object ${key} is missing from R2`);
  }
}

/** Reads bodies by key (parallel, cached); a key whose object is gone is an error, never a silent empty body. */
export async function getBodies(bucket: R2Bucket | undefined, keys: readonly string[]): Promise<Map<string, Body>> {
  const found = new Map<string, Body>();
  const wanted = [...new Set(keys)].filter((k) => {
    const hit = cache.get(k);
    if (hit) {
      // Refreshed as most recently used.
      cache.delete(k);
      cache.set(k, hit);
      found.set(k, hit.body);
    }
    return !hit;
  });
  if (wanted.length === 0) return found;
  if (!bucket) throw new Error("bodies: stories point at R2 bodies but no BODIES bucket is bound");
  await pooled(wanted, async (key) => {
    const object = await bucket.get(key);
    if (!object) throw new BodyMissingError(key);
    const body = JSON.parse(await gunzip(await object.arrayBuffer())) as Body;
    remember(key, body);
    found.set(key, body);
  });
  return found;
}

/** Removes objects no row points at any more; a failure leaves garbage, never a dangling key, so it is logged. */
export async function deleteBodies(bucket: R2Bucket | undefined, keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (!bucket || unique.length === 0) return;
  try {
    // R2 deletes up to 1,000 keys per call.
    for (let i = 0; i < unique.length; i += 1000) await bucket.delete(unique.slice(i, i + 1000));
    for (const k of unique) {
      const hit = cache.get(k);
      if (hit) cached -= hit.size;
      cache.delete(k);
    }
  } catch (err) {
    console.error(`bodies: delete of ${unique.length} objects failed, left as garbage: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Removes every body of a feed (a purged feed); bounded by `maxKeys` per call so a huge feed takes a few calls. */
export async function deleteFeedBodies(bucket: R2Bucket | undefined, feedId: number, maxKeys = 10_000): Promise<number> {
  if (!bucket) return 0;
  let removed = 0;
  let cursor: string | undefined;
  do {
    const listed = await bucket.list({ prefix: feedBodyPrefix(feedId), cursor, limit: 1000 });
    await deleteBodies(bucket, listed.objects.map((o) => o.key));
    removed += listed.objects.length;
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor && removed < maxKeys);
  return removed;
}
