/** /v1/entities: entities with the number of stories tagged with each. */
import { Hono } from "hono";
import { listEntities } from "../store/entities";
import { EntitiesQuery } from "./schemas";
import { valid } from "./validate";

export const entities = new Hono<{ Bindings: Env }>().get("/", valid("query", EntitiesQuery), async (c) => {
  const q = c.req.valid("query");
  return c.json({ entities: await listEntities(c.env.DB, { ...q, prefix: q.q }) });
});
