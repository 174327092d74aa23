/** /v1/stories: the filtered, keyset-paged story list and single stories. */
import { Hono } from "hono";
import { canonicalEntityName } from "../annotate/entities";
import { canonicalWire } from "../annotate/wires";
import { decodeCursor, deleteStory, getStory, queryStories, queryStoryFields, type StoryFilter, type StoryPage } from "../store/stories";
import { adminOnly } from "./auth";
import { ApiError } from "./problems";
import { IdParam, StoriesListQuery, StoriesQuery } from "./schemas";
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
    statedOnly: q.evidence === "stated",
    clusterId: q.cluster,
    minCopies: q.min_copies,
  };
}

/**
 * FTS5 reports query syntax problems as SQL errors; they are the caller's mistake, so a 400. The messages quote
 * the query back, newlines included, hence dotAll.
 */
const FTS_PROBLEM = /(fts5: .*?|syntax error.*?|no such column.*?|unterminated string.*?|malformed MATCH.*?|unknown special query.*?)(: SQLITE_ERROR)?$/is;

/** Runs a page query, turning FTS5 syntax errors into a 400 naming the problem. */
export async function withSearchErrors<T>(filter: StoryFilter, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const problem = filter.q !== undefined && err instanceof Error ? FTS_PROBLEM.exec(err.message) : null;
    if (problem) {
      const reason = problem[1]!.replace(/: $/, "");
      throw new ApiError("invalid-request", `Invalid q: ${reason}`, [{ field: "q", message: reason }]);
    }
    throw err;
  }
}

/** One page of a stories query, shared by the JSON list and the feeds out so that both filter alike. */
export async function storyPage(env: Pick<Env, "DB" | "BODIES">, query: z.infer<typeof StoriesQuery>): Promise<StoryPage> {
  const filter = storyFilter(query);
  return withSearchErrors(filter, () => queryStories(env.DB, filter, env.BODIES));
}

export const stories = new Hono<{ Bindings: Env }>()
  .get("/", valid("query", StoriesListQuery), async (c) => {
    const { fields, ...query } = c.req.valid("query");
    if (fields === undefined) return c.json(await storyPage(c.env, query));
    const filter = storyFilter(query);
    return c.json(await withSearchErrors(filter, () => queryStoryFields(c.env.DB, filter, fields, c.env.BODIES)));
  })

  .get("/:id", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const story = await getStory(c.env.DB, id, c.env.BODIES);
    if (!story) throw new ApiError("not-found", `No story with id ${id}.`);
    return c.json(story);
  })

  // Takedowns: the story goes, and a tombstone keeps the next fetch of its feed from bringing it back.
  .delete("/:id", adminOnly(), valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deleteStory(c.env.DB, id, new Date().toISOString(), c.env.BODIES))) {
      throw new ApiError("not-found", `No story with id ${id}.`);
    }
    return c.body(null, 204);
  });
