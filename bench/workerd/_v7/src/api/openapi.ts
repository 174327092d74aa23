/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. OpenAPI 3.1
 * uses JSON Schema 2020-12, which is what zod 4 emits, so schemas go in unchanged.
 */
import * as z from "zod";
import { REQUEST_EXAMPLES, RESPONSE_EXAMPLES } from "./openapi-examples";
import * as s from "./schemas";

type Json = Record<string, unknown>;

interface Operation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  admin?: boolean;
  path_params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType; type?: string }>;
}

const FEED_TYPES = {
  rss: { name: "RSS 2.0", type: "application/rss+xml" },
  atom: { name: "Atom 1.0", type: "application/atom+xml" },
  json: { name: "JSON Feed 1.1", type: "application/feed+json" },
} as const;

/** Every successful GET carries these, and answers 304 to a matching If-None-Match (api/cache.ts). */
const CACHE_HEADERS = {
  ETag: { description: "weak validator over the body", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60 for lists; longer for single resources", schema: { type: "string" } },
};

const problem = (description: string) => ({ description, schema: s.Problem, type: "application/problem+json" });

const OPERATIONS: Operation[] = [
  { method: "get", path: "/v1/health", summary: "Liveness", responses: { 200: { description: "OK", schema: z.object({ ok: z.literal(true) }) } } },
  { method: "get", path: "/v1/feeds", summary: "List feeds", responses: { 200: { description: "Feeds", schema: z.object({ feeds: z.array(s.Feed) }) } } },
  {
    method: "post", path: "/v1/feeds", summary: "Register a feed (checked, not fetched; due at once)", admin: true, body: s.CreateFeedBody,
    responses: { 201: { description: "Registered", schema: s.Feed }, 400: problem("Invalid or refused URL"), 409: problem("URL already registered") },
  },
  { method: "get", path: "/v1/feeds/{id}", summary: "One feed with its recent errors", path_params: s.IdParam, responses: { 200: { description: "Feed", schema: s.FeedDetail }, 404: problem("Unknown feed") } },
  {
    method: "patch", path: "/v1/feeds/{id}", summary: "Rename or pause a feed", admin: true, path_params: s.IdParam, body: s.PatchFeedBody,
    responses: { 200: { description: "Feed", schema: s.Feed }, 404: problem("Unknown feed") },
  },
  {
    method: "delete", path: "/v1/feeds/{id}", summary: "Remove a feed (its stories stay unless purge=true)", admin: true, path_params: s.IdParam, query: s.DeleteFeedQuery,
    responses: { 204: { description: "Deleted" }, 404: problem("Unknown feed") },
  },
  {
    method: "post", path: "/v1/feeds/import", summary: "Import an OPML 2.0 subscription list (body: the OPML XML)", admin: true,
    responses: {
      200: { description: "Feeds added, already registered, refused", schema: z.object({ added: z.array(z.string()), already_registered: z.array(z.string()), refused: z.array(z.object({ url: z.string(), reason: z.string() })) }) },
      413: problem("OPML over 1 MB"),
    },
  },
  { method: "get", path: "/v1/feeds.opml", summary: "Export the registered feeds as OPML 2.0", responses: { 200: { description: "OPML 2.0 document", type: "text/x-opml" } } },
  {
    method: "post", path: "/v1/ingest", summary: "Start an ingest pass now (all due feeds, or one)", admin: true, query: s.IngestQuery,
    responses: { 202: { description: "Run started; feeds queued", schema: s.IngestRun }, 404: problem("Unknown feed") },
  },
  { method: "get", path: "/v1/ingest/runs/{id}", summary: "Progress of an ingest run", path_params: s.IdParam, responses: { 200: { description: "Run", schema: s.IngestRun }, 404: problem("Unknown run") } },
  {
    method: "post", path: "/v1/reannotate", summary: "Re-annotate stored stories in one resumable batch", admin: true, query: s.ReannotateQuery,
    responses: { 200: { description: "Batch done", schema: s.ReannotateResult } },
  },
  {
    method: "post", path: "/v1/storage/migrate", summary: "Move one resumable batch of story bodies from D1 to R2", admin: true, query: s.StorageMigrateQuery,
    responses: { 200: { description: "Batch done", schema: s.StorageMigrateResult } },
  },
  {
    method: "get", path: "/v1/stories", summary: "Filtered stories, newest first, keyset-paged", query: s.StoriesListQuery,
    responses: {
      200: {
        description: "A page of stories: whole stories, or with `fields` only the members named (and id)",
        schema: z.object({ stories: z.array(z.union([s.Story, s.Story.partial().required({ id: true })])), next_cursor: z.string().nullable() }),
      },
      400: problem("Bad parameter"),
    },
  },
  ...(["rss", "atom", "json"] as const).map((ext): Operation => ({
    method: "get", path: `/v1/stories.${ext}`, summary: `The same stories query as a ${FEED_TYPES[ext].name} feed, next page linked`, query: s.StoriesQuery,
    responses: { 200: { description: `${FEED_TYPES[ext].name} document`, type: FEED_TYPES[ext].type }, 400: problem("Bad parameter") },
  })),
  { method: "get", path: "/v1/stories/{id}", summary: "One story", path_params: s.IdParam, responses: { 200: { description: "Story", schema: s.Story }, 404: problem("Unknown story") } },
  {
    method: "delete", path: "/v1/stories/{id}", summary: "Take a story down; a tombstone keeps later fetches from restoring it", admin: true, path_params: s.IdParam,
    responses: { 204: { description: "Deleted" }, 404: problem("Unknown story") },
  },
  {
    method: "get", path: "/v1/entities", summary: "Entities with story counts", query: s.EntitiesQuery,
    responses: { 200: { description: "Entities", schema: z.object({ entities: z.array(s.EntityCount) }) } },
  },
  {
    method: "get", path: "/v1/entities/{type}/{name}", summary: "One entity's profile: counts, first and last seen, co-occurring entities, top feeds", path_params: s.EntityPath, query: s.EntityProfileQuery,
    responses: { 200: { description: "Profile", schema: s.EntityProfile }, 404: problem("No story is tagged with this entity") },
  },
  {
    method: "get", path: "/v1/clusters", summary: "Clusters of copies of one story across feeds, newest activity first", query: s.ClustersQuery,
    responses: { 200: { description: "A page of clusters", schema: s.ClusterPage }, 400: problem("Bad parameter") },
  },
  {
    method: "get", path: "/v1/clusters/{id}", summary: "One cluster with its members, the earliest first", path_params: s.IdParam,
    responses: { 200: { description: "Cluster", schema: s.ClusterDetail }, 404: problem("Unknown cluster") },
  },
  {
    method: "get", path: "/v1/stats", summary: "Stories per day, feed, flag and wire over a window of published_at", query: s.StatsQuery,
    responses: { 200: { description: "Counts", schema: s.Stats }, 400: problem("Bad window") },
  },
  {
    method: "post", path: "/v1/annotate", summary: "Annotate a text or HTML body; stores nothing", body: s.AnnotateBody,
    responses: { 200: { description: "Annotation", schema: s.AnnotateResult }, 413: problem("Body over 1 MB") },
  },
  // ── alerts (issue 16) ──
  {
    method: "post", path: "/v1/alerts", summary: "Create an alert: a stories query whose new matches are POSTed, signed (Standard Webhooks), to a webhook", admin: true, body: s.CreateAlertBody,
    responses: { 201: { description: "Created; the webhook secret is shown in this answer only", schema: s.Alert }, 400: problem("Invalid query, URL or secret") },
  },
  { method: "get", path: "/v1/alerts", summary: "List alerts", admin: true, responses: { 200: { description: "Alerts", schema: z.object({ alerts: z.array(s.Alert) }) } } },
  { method: "get", path: "/v1/alerts/{id}", summary: "One alert", admin: true, path_params: s.IdParam, responses: { 200: { description: "Alert", schema: s.Alert }, 404: problem("Unknown alert") } },
  {
    method: "patch", path: "/v1/alerts/{id}", summary: "Rename, pause, change the query, mode, URL or secret of an alert", admin: true, path_params: s.IdParam, body: s.PatchAlertBody,
    responses: { 200: { description: "Alert", schema: s.Alert }, 404: problem("Unknown alert") },
  },
  { method: "delete", path: "/v1/alerts/{id}", summary: "Delete an alert with its deliveries", admin: true, path_params: s.IdParam, responses: { 204: { description: "Deleted" }, 404: problem("Unknown alert") } },
  {
    method: "get", path: "/v1/alerts/{id}/deliveries", summary: "An alert's deliveries, newest first, each with its attempt log", admin: true, path_params: s.IdParam, query: s.DeliveriesQuery,
    responses: { 200: { description: "Deliveries", schema: z.object({ deliveries: z.array(s.Delivery), next_cursor: z.int().nullable() }) }, 404: problem("Unknown alert") },
  },
  {
    method: "post", path: "/v1/alerts/{id}/test", summary: "Queue a signed test delivery (no story) to the alert's webhook", admin: true, path_params: s.IdParam,
    responses: { 202: { description: "Queued; follow it in the delivery log", schema: s.Delivery }, 404: problem("Unknown alert") },
  },
  { method: "get", path: "/v1/openapi.json", summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } },
  { method: "get", path: "/docs", summary: "This document rendered as an HTML page", responses: { 200: { description: "HTML page", type: "text/html" } } },
];

/** Schemas with a meta id become shared components; zod puts them in $defs, which OpenAPI keeps under components. */
function toSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, Json>): Json {
  const { $schema: _, $defs, id: _id, ...root } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  const rewrite = (j: Json): Json => JSON.parse(JSON.stringify(j).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) components[name] = rewrite(def);
  const metaId = z.globalRegistry.get(schema)?.id;
  if (!metaId) return rewrite(root);
  // A schema that zod also lists in $defs comes back as a reference to itself: keep the definition.
  if (root.$ref !== `#/$defs/${metaId}`) components[metaId] = rewrite(root);
  return { $ref: `#/components/schemas/${metaId}` };
}

function parameters(schema: z.ZodObject | undefined, where: "path" | "query", components: Record<string, Json>): Json[] {
  if (!schema) return [];
  const properties = (toSchema(schema, "input", components).properties ?? {}) as Record<string, Json>;
  return Object.entries(properties).map(([name, p]) => {
    const { description, ...rest } = p;
    return {
      name,
      in: where,
      required: where === "path",
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const components: Record<string, Json> = {};
  const problemRef = { "application/problem+json": { schema: toSchema(s.Problem, "output", components) } };
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, Json> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const example = Number(status) < 300 ? RESPONSE_EXAMPLES[`${op.method} ${op.path}`] : undefined;
      const media = {
        ...(r.schema ? { schema: toSchema(r.schema, "output", components) } : {}),
        ...(example !== undefined && example !== null ? { example } : {}),
      };
      responses[status] = {
        description: r.description,
        ...(op.method === "get" && Number(status) < 300 ? { headers: CACHE_HEADERS } : {}),
        ...(Object.keys(media).length ? { content: { [r.type ?? "application/json"]: media } } : {}),
      };
    }
    if (op.method === "get") responses["304"] = { description: "Not Modified: If-None-Match matched the ETag" };
    if (op.path_params || op.query || op.body) responses["400"] ??= { description: "Invalid request", content: problemRef };
    if (op.admin) {
      responses["401"] = { description: "Missing or wrong token", content: problemRef };
      responses["503"] = { description: "No ADMIN_TOKEN configured", content: problemRef };
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/\/v1|[/.]+(\w)/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      parameters: [...parameters(op.path_params, "path", components), ...parameters(op.query, "query", components)],
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body, "input", components), ...(REQUEST_EXAMPLES[`${op.method} ${op.path}`] ? { example: REQUEST_EXAMPLES[`${op.method} ${op.path}`] } : {}) } } } }
        : {}),
      responses,
      ...(op.admin ? { security: [{ adminToken: [] }] } : {}),
    };
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "wirewatch",
      version: "1",
      description: "Syndicated-news ingestion and annotation: stories with syndication/automation flags and entity tags.",
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "ADMIN_TOKEN" } },
    },
  };
  return cached;
}
