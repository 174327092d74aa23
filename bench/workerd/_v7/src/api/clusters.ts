/** /v1/clusters: copies of one story across feeds, newest activity first, and one cluster with its members. */
import { Hono } from "hono";
import { canonicalEntityName } from "../annotate/entities";
import { canonicalWire } from "../annotate/wires";
import { getCluster, listClusters } from "../store/clusters";
import { decodeCursor, encodeCursor } from "../store/stories";
import { ApiError } from "./problems";
import { ClustersQuery, IdParam } from "./schemas";
import { valid } from "./validate";

export const clusters = new Hono<{ Bindings: Env }>()
  .get("/", valid("query", ClustersQuery), async (c) => {
    const q = c.req.valid("query");
    let cursor;
    if (q.cursor !== undefined) {
      cursor = decodeCursor(q.cursor);
      if (!cursor) throw new ApiError("invalid-request", "Invalid cursor: use next_cursor from a previous page.", [{ field: "cursor", message: "not a cursor issued by this API" }]);
    }
    const page = await listClusters(c.env.DB, {
      since: q.since,
      until: q.until,
      entities: [...new Set(q.entity.map(canonicalEntityName))],
      wire: q.wire === undefined ? undefined : (canonicalWire(q.wire) ?? q.wire),
      minSize: q.min_size,
      limit: q.limit,
      cursor,
    });
    return c.json({ clusters: page.clusters, next_cursor: page.next ? encodeCursor(page.next) : null });
  })

  .get("/:id", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const cluster = await getCluster(c.env.DB, id);
    if (!cluster) throw new ApiError("not-found", `No cluster with id ${id}.`);
    return c.json(cluster);
  });
