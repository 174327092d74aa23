/**
 * The Hono app: CORS for reads, one router per resource, problem+json for every error and unknown route.
 * Services that live outside the API (starting an ingest pass) are injected, keeping api/ free of ingest/.
 */
import { Hono } from "hono";
import { cors } from "hono/cors";
import { alerts } from "./alerts";
import { annotateRoute } from "./annotate";
import { cacheControl, weakEtag } from "./cache";
import { clusters } from "./clusters";
import { docs } from "./docs";
import { entities } from "./entities";
import { feeds } from "./feeds";
import { feedsOut } from "./feeds-out";
import { ingestRoutes, type MoveBodies, type Reannotate, reannotateRoutes, type StartIngest, storageRoutes } from "./ingest";
import { openApiDocument } from "./openapi";
import { opml } from "./opml";
import { onError, problemResponse } from "./problems";
import { stats } from "./stats";
import { stories } from "./stories";
import { ui } from "../ui";

export interface ApiServices {
  startIngest: StartIngest;
  reannotate: Reannotate;
  moveBodies: MoveBodies;
}

export function createApp(services: ApiServices) {
  const app = new Hono<{ Bindings: Env }>();
  app.use("/v1/*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], maxAge: 86_400 }));
  app.use("*", weakEtag(), cacheControl());
  app.get("/v1/health", (c) => c.json({ ok: true }));
  app.get("/v1/openapi.json", (c) => c.json(openApiDocument()));
  app.route("/v1", opml);
  app.route("/v1/feeds", feeds);
  // Before /v1/stories: "/v1/stories.rss" is its own path, never an id of /v1/stories/:id.
  app.route("/v1", feedsOut);
  app.route("/v1/stories", stories);
  app.route("/v1/entities", entities);
  app.route("/v1/clusters", clusters);
  app.route("/v1/stats", stats);
  app.route("/docs", docs);
  app.route("/v1/annotate", annotateRoute);
  app.route("/v1/ingest", ingestRoutes(services.startIngest));
  app.route("/v1/reannotate", reannotateRoutes(services.reannotate));
  app.route("/v1/storage", storageRoutes(services.moveBodies));
  app.route("/v1/alerts", alerts);
  // The editors' interface; its writes call this same app in-process, as a client of the API.
  app.route("/", ui((req, env, ctx) => Promise.resolve(app.fetch(req, env, ctx))));
  app.notFound((c) => problemResponse(c, "not-found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError(onError);
  return app;
}
