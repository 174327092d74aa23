/**
 * /v1/ingest: start an ingest pass now, and follow its progress. The pass itself is injected by index.ts,
 * because the API may not import the ingest stages (ARCHITECTURE.md).
 */
import { Hono } from "hono";
import { getFeed } from "../store/feeds";
import { getRun, type IngestRun } from "../store/runs";
import { adminOnly } from "./auth";
import { ApiError } from "./problems";
import { IdParam, IngestQuery, ReannotateQuery, StorageMigrateQuery } from "./schemas";
import { valid } from "./validate";

export type StartIngest = (env: Env, opts: { trigger: string; feedId?: number; force?: boolean }) => Promise<IngestRun>;

export function ingestRoutes(startIngest: StartIngest) {
  return new Hono<{ Bindings: Env }>()
    .post("/", adminOnly(), valid("query", IngestQuery), async (c) => {
      const { feed, force } = c.req.valid("query");
      if (feed !== undefined && !(await getFeed(c.env.DB, feed))) throw new ApiError("not-found", `No feed with id ${feed}.`);
      const run = await startIngest(c.env, { trigger: "api", feedId: feed, force });
      // 202: the feeds are queued; GET /v1/ingest/runs/:id (Location) shows the run as it completes.
      return c.json(run, 202, { Location: `/v1/ingest/runs/${run.id}` });
    })
    .get("/runs/:id", valid("param", IdParam), async (c) => {
      const { id } = c.req.valid("param");
      const run = await getRun(c.env.DB, id);
      if (!run) throw new ApiError("not-found", `No ingest run with id ${id}.`);
      return c.json(run);
    });
}

export type MoveBodies = (env: Env, opts: { after?: number; limit?: number }) => Promise<unknown>;

/**
 * POST /v1/storage/migrate: moves one batch of bodies still held in D1 to R2 (issue 17); call again with `after`
 * until next_after is null. Stories read the same throughout, so it runs without downtime.
 */
export function storageRoutes(moveBodies: MoveBodies) {
  return new Hono<{ Bindings: Env }>().post("/migrate", adminOnly(), valid("query", StorageMigrateQuery), async (c) =>
    c.json(await moveBodies(c.env, c.req.valid("query"))),
  );
}

export type Reannotate = (env: Env, opts: { after?: number; limit?: number; all?: boolean }) => Promise<unknown>;

/** POST /v1/reannotate: one resumable batch of re-annotation; call again with `after` until next_after is null. */
export function reannotateRoutes(reannotate: Reannotate) {
  return new Hono<{ Bindings: Env }>().post("/", adminOnly(), valid("query", ReannotateQuery), async (c) =>
    c.json(await reannotate(c.env, c.req.valid("query"))),
  );
}
