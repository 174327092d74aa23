/** /v1/feeds: register, list, inspect, pause and remove feeds. Reads are public, writes admin. */
import { Hono } from "hono";
import { checkFeedUrl } from "../url-safety";
import { feedCopyShare } from "../store/clusters";
import { deleteFeedBodies } from "../store/bodies";
import { deleteFeed, getFeed, getFeedErrors, insertFeed, listFeeds, updateFeed } from "../store/feeds";
import { setFeedContentOptions } from "../store/articles";
import { adminOnly } from "./auth";
import { limitBody } from "./body-limit";
import { ApiError } from "./problems";
import { CreateFeedBody, DeleteFeedQuery, IdParam, PatchFeedBody } from "./schemas";
import { valid } from "./validate";
import type { ContentMode, Feed } from "../model";

/** A feed registration is a URL and a title: anything near this size is not one. */
const MAX_FEED_BODY_BYTES = 64 * 1024;

export const feeds = new Hono<{ Bindings: Env }>()
  .get("/", async (c) => c.json({ feeds: await listFeeds(c.env.DB) }))

  .post("/", adminOnly(), limitBody(MAX_FEED_BODY_BYTES), valid("json", CreateFeedBody), async (c) => {
    const body = c.req.valid("json");
    const check = checkFeedUrl(body.url, { allowPrivate: c.env.ALLOW_PRIVATE_FEEDS === "true" });
    if (!check.ok) {
      throw new ApiError("invalid-request", `Invalid url: ${check.reason}`, [{ field: "url", message: check.reason }]);
    }
    // Registration does not fetch (CONTRACT.md): the next ingest pass does, and the feed is due at once.
    const inserted = await insertFeed(c.env.DB, { url: check.url.href, title: body.title ?? null }, new Date().toISOString());
    if (!inserted) throw new ApiError("conflict", `A feed with url ${check.url.href} is already registered.`);
    const feed = await withContentOptions(c.env.DB, inserted.id, body);
    return c.json(feed ?? inserted, 201, { Location: `/v1/feeds/${inserted.id}` });
  })

  .get("/:id", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const feed = await getFeed(c.env.DB, id);
    if (!feed) throw new ApiError("not-found", `No feed with id ${id}.`);
    return c.json({ ...feed, recent_errors: await getFeedErrors(c.env.DB, id), copy_share: await feedCopyShare(c.env.DB, id) });
  })

  .patch("/:id", adminOnly(), limitBody(MAX_FEED_BODY_BYTES), valid("param", IdParam), valid("json", PatchFeedBody), async (c) => {
    const { id } = c.req.valid("param");
    const { content_mode, article_selector, ...patch } = c.req.valid("json");
    const feed = patch.title !== undefined || patch.paused !== undefined ? await updateFeed(c.env.DB, id, patch) : await getFeed(c.env.DB, id);
    if (!feed) throw new ApiError("not-found", `No feed with id ${id}.`);
    return c.json((await withContentOptions(c.env.DB, id, { content_mode, article_selector })) ?? feed);
  })

  .delete("/:id", adminOnly(), valid("param", IdParam), valid("query", DeleteFeedQuery), async (c) => {
    const { id } = c.req.valid("param");
    const { purge } = c.req.valid("query");
    if (!(await deleteFeed(c.env.DB, id, purge))) {
      throw new ApiError("not-found", `No feed with id ${id}.`);
    }
    // The purged stories' rows are gone, so their bodies (all under the feed's prefix) are unreferenced.
    if (purge) await deleteFeedBodies(c.env.BODIES, id);
    return c.body(null, 204);
  });

/** Full articles: a feed's content_mode and article_selector, set when the body gives them (store/articles.ts). */
async function withContentOptions(
  db: D1Database,
  id: number,
  body: { content_mode?: ContentMode; article_selector?: string | null },
): Promise<Feed | null> {
  const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return null;
  await setFeedContentOptions(db, id, patch);
  return getFeed(db, id);
}
