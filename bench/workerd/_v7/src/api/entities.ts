/** /v1/entities: entities with the number of stories tagged with each, and one entity's profile. */
import { Hono } from "hono";
import { canonicalEntityName } from "../annotate/entities";
import { entityProfile, listEntities } from "../store/entities";
import { ApiError } from "./problems";
import { EntitiesQuery, EntityPath, EntityProfileQuery } from "./schemas";
import { valid } from "./validate";

export const entities = new Hono<{ Bindings: Env }>()
  .get("/", valid("query", EntitiesQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json({ entities: await listEntities(c.env.DB, { ...q, prefix: q.q }) });
  })

  // The path name goes through the tagger's own aliases, so /place/U.S. finds "United States".
  .get("/:type/:name", valid("param", EntityPath), valid("query", EntityProfileQuery), async (c) => {
    const { type, name } = c.req.valid("param");
    const canonical = canonicalEntityName(name);
    const profile = await entityProfile(c.env.DB, { name: canonical, type, top: c.req.valid("query").top });
    if (!profile) throw new ApiError("not-found", `No ${type} named "${canonical}" is tagged in any story.`);
    return c.json(profile);
  });
