/** /v1/stories: the filtered, keyset-paged story list and single stories. */
import { Hono } from "hono";
import { canonicalEntityName } from "../annotate/entities";
import { canonicalWire } from "../annotate/wires";
import { decodeCursor, getStory, queryStories, type StoryFilter } from "../store/stories";
import { ApiError } from "./problems";
import { IdParam, StoriesQuery } from "./schemas";
import { valid } from "./validate";
import type * as z from "zod";

/** Turns validated query parameters into a store filter, resolving aliases ("PTI", "U.N.") to canonical names. */
export function storyFilter(q: z.infer<typeof StoriesQuery>): StoryFilter {
  let cursor;
  if (q.cursor !== undefined) {
    cursor = decodeCursor(q.cursor);
    if (!cursor) throw new ApiError("invalid-request", "Invalid cursor: use next_cursor from a previous page.", [{ field: "cursor", message: "not a cursor issued by this API" }]);
  }
  if (q.entity_type && q.entity.length === 0) {
    throw new ApiError("invalid-request", "entity_type needs at least one entity parameter.", [{ field: "entity_type", message: "given without entity" }]);
  }
  return {
    entities: [...new Set(q.entity.map(canonicalEntityName))],
    entityType: q.entity_type,
    flags: q.flag,
    noFlags: q.no_flag,
    wire: q.wire === undefined ? undefined : (canonicalWire(q.wire) ?? q.wire),
    feedId: q.feed,
    q: q.q,
    since: q.since,
    until: q.until,
    limit: q.limit,
    cursor,
  };
}

/** FTS5 reports query syntax problems as SQL errors; they are the caller's mistake, so a 400. */
function isFtsSyntaxError(err: unknown): err is Error {
  return err instanceof Error && /fts5|syntax error|no such column|unterminated string|malformed MATCH/i.test(err.message);
}

export const stories = new Hono<{ Bindings: Env }>()
  .get("/", valid("query", StoriesQuery), async (c) => {
    const filter = storyFilter(c.req.valid("query"));
    try {
      return c.json(await queryStories(c.env.DB, filter));
    } catch (err) {
      if (filter.q !== undefined && isFtsSyntaxError(err)) {
        const reason = err.message.replace(/^.*?(fts5:|syntax error|no such column|unterminated)/i, "$1");
        throw new ApiError("invalid-request", `Invalid q: ${reason}`, [{ field: "q", message: reason }]);
      }
      throw err;
    }
  })

  .get("/:id", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const story = await getStory(c.env.DB, id);
    if (!story) throw new ApiError("not-found", `No story with id ${id}.`);
    return c.json(story);
  });
