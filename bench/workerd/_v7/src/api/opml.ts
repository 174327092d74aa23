/** OPML 2.0: import a subscription list (admin) and export the registered feeds. */
import { Hono } from "hono";
import { OpmlError, parseOpml, renderOpml } from "../opml";
import { insertFeeds, listFeeds } from "../store/feeds";
import { checkFeedUrl } from "../url-safety";
import { adminOnly } from "./auth";
import { limitBody } from "./body-limit";
import { ApiError } from "./problems";

const MAX_OPML_BYTES = 1024 * 1024;
/** More than this in one import is refused whole: split the list. */
const MAX_FEEDS_PER_IMPORT = 5_000;

export const opml = new Hono<{ Bindings: Env }>()
  .get("/feeds.opml", async (c) => {
    const feeds = await listFeeds(c.env.DB);
    const body = renderOpml(
      feeds.map((f) => ({ url: f.url, title: f.title, siteUrl: f.site_url })),
      "wirewatch feeds",
      new Date(),
    );
    return c.body(body, 200, { "content-type": "text/x-opml; charset=utf-8" });
  })

  .post(
    "/feeds/import",
    adminOnly(),
    limitBody(MAX_OPML_BYTES),
    async (c) => {
      let entries;
      try {
        entries = parseOpml(await c.req.text());
      } catch (err) {
        if (err instanceof OpmlError) throw new ApiError("invalid-request", err.message);
        throw err;
      }
      if (entries.length > MAX_FEEDS_PER_IMPORT) {
        throw new ApiError("invalid-request", `The OPML lists ${entries.length} feeds; at most ${MAX_FEEDS_PER_IMPORT} per import.`);
      }
      const allowPrivate = c.env.ALLOW_PRIVATE_FEEDS === "true";
      const accepted = new Map<string, string | null>();
      const refused: { url: string; reason: string }[] = [];
      for (const entry of entries) {
        const check = checkFeedUrl(entry.url, { allowPrivate });
        // A URL listed twice (in two folders) keeps its first title.
        if (check.ok) {
          if (!accepted.has(check.url.href)) accepted.set(check.url.href, entry.title);
        } else refused.push({ url: entry.url, reason: check.reason });
      }
      const added = await insertFeeds(
        c.env.DB,
        [...accepted].map(([url, title]) => ({ url, title })),
        new Date().toISOString(),
      );
      return c.json({
        added: [...added],
        already_registered: [...accepted.keys()].filter((u) => !added.has(u)),
        refused,
      });
    },
  );
