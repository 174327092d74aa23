/**
 * Every request and response shape of the API, declared once: the routes validate with these and the
 * OpenAPI document is generated from them (zod 4's own JSON Schema output).
 */
import * as z from "zod";
import { ARTICLE_STATUSES, CONTENT_MODES, ENTITY_TYPES, FLAG_NAMES, STORY_FIELDS, type StoryField } from "../model";
import { isValidSelector } from "../extract/selector";

// ── objects ──────────────────────────────────────────────────────────────────────────────────────────────

const isoTime = z.iso.datetime().describe("ISO 8601 UTC");

export const Evidence = z
  .object({
    flag: z.enum([...FLAG_NAMES, "wire"]),
    rule: z.string().describe("id of the catalogue rule that matched"),
    text: z.string().describe("the sentence or byline that triggered the flag"),
    kind: z
      .enum(["stated", "inferred"])
      .describe("stated: the text or page says it; inferred: wirewatch worked it out (e.g. from copies in other feeds)"),
    stories: z.array(z.int()).optional().describe("inferred evidence: the stories it rests on"),
    similarity: z.number().min(0).max(1).optional().describe("inferred evidence: similarity to those stories"),
  })
  .meta({ id: "Evidence" });

export const Flags = z
  .object({
    auto_generated: z.boolean().describe("publisher says the item was produced/published automatically from a feed"),
    unedited: z.boolean().describe("publisher says its staff did not edit the body"),
    syndicated: z.boolean().describe("body is wire or syndicated copy"),
    ai_generated: z.boolean().describe("body was written by software or AI"),
    wire_services: z.array(z.string()).describe('canonical agency names, e.g. "Reuters"'),
    evidence: z.array(Evidence),
  })
  .meta({ id: "Flags" });

export const MentionSpan = z
  .object({
    field: z.enum(["title", "text"]).describe("which returned text the offsets point into: title or content_text"),
    start: z.int().min(0).describe("UTF-16 code unit offset of the mention's first character"),
    end: z.int().min(1).describe("UTF-16 code unit offset just past the mention (exclusive)"),
  })
  .meta({ id: "MentionSpan" });

export const Entity = z
  .object({
    name: z.string().describe("canonical full form used in the story"),
    type: z.enum(ENTITY_TYPES),
    mentions: z.int().min(1),
    spans: z
      .array(MentionSpan)
      .optional()
      .describe("one per mention (mentions = spans.length); lists may leave them out unless fields names entities"),
  })
  .meta({ id: "Entity" });

export const StoryCluster = z
  .object({ id: z.int(), size: z.int().min(2).describe("members"), feeds: z.int().min(1).describe("distinct feeds among the members") })
  .meta({ id: "StoryCluster" });

export const Story = z
  .object({
    id: z.int(),
    feed_id: z.int(),
    guid: z.string(),
    url: z.url().nullable(),
    title: z.string(),
    author: z.string().nullable(),
    published_at: isoTime.nullable(),
    updated_at: isoTime.nullable(),
    fetched_at: isoTime,
    summary: z.string().nullable(),
    content_html: z.string().nullable(),
    content_text: z.string(),
    categories: z.array(z.string()),
    flags: Flags,
    entities: z.array(Entity),
    cluster: StoryCluster.nullable().describe("copies of this story across feeds; null when no other story is a copy"),
    content_source: z.enum(["feed", "article"]).describe("where content_text came from; with article, the feed's own text is in summary"),
    article: z
      .object({ status: z.enum(ARTICLE_STATUSES), fetched_at: isoTime.nullable(), error: z.string().nullable() })
      .nullable()
      .describe("the article page fetch; null when none was wanted"),
  })
  .meta({ id: "Story" });

export const Feed = z
  .object({
    id: z.int(),
    url: z.url(),
    title: z.string().nullable(),
    site_url: z.string().nullable(),
    paused: z.boolean(),
    status: z.enum(["pending", "ok", "error"]),
    last_fetched_at: isoTime.nullable(),
    last_error: z.string().nullable(),
    last_warning: z.string().nullable().describe("what the last successful fetch had to leave out (a cut-off document, items over the cap)"),
    error_count: z.int(),
    next_fetch_at: isoTime.nullable(),
    story_count: z.int(),
    content_mode: z.enum(CONTENT_MODES).describe("auto: fetch the article page of summary-only items; feed: never; article: every item"),
    article_selector: z.string().nullable().describe("CSS selector for the story's element on this feed's pages; null: the extractor finds it"),
  })
  .meta({ id: "Feed" });

export const FeedDetail = Feed.extend({
  recent_errors: z.array(z.object({ at: isoTime, status: z.int().nullable(), message: z.string() })),
  copy_share: z.lazy(() => CopyShare).describe("how much of this feed is copies of other outlets' stories"),
}).meta({ id: "FeedDetail" });

export const IngestRun = z
  .object({
    id: z.int(),
    trigger: z.string(),
    started_at: isoTime,
    finished_at: isoTime.nullable(),
    feeds_total: z.int(),
    feeds_done: z.int(),
    feeds_ok: z.int(),
    feeds_not_modified: z.int(),
    feeds_failed: z.int(),
    items_seen: z.int(),
    stories_new: z.int(),
    stories_updated: z.int(),
  })
  .meta({ id: "IngestRun" });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

// ── requests ─────────────────────────────────────────────────────────────────────────────────────────────

/** A query parameter that may repeat: Hono hands over a string once, an array when repeated. */
const repeated = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** One value only: a repeated single-valued parameter is an error, not a silent pick. */
const single = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => v, item).refine((v) => !Array.isArray(v), "must be given once");

/** "2024-03-12" or a full date-time, normalized to the ISO UTC string stored in published_at. */
const dateBound = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO 8601 date or date-time")
  .transform((s, ctx) => {
    const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a valid date" });
      return z.NEVER;
    }
    return d.toISOString();
  });

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const boolParam = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const IdParam = z.object({ id: positiveId.describe("numeric id") });

export const StoriesQuery = z.object({
  entity: repeated(z.string().trim().min(1).max(200)).describe("repeatable; story is tagged with every given entity"),
  entity_type: single(z.enum(ENTITY_TYPES).optional()).describe("with entity: restrict the match to this type"),
  flag: repeated(z.enum(FLAG_NAMES)).describe("repeatable; story has every given flag"),
  no_flag: repeated(z.enum(FLAG_NAMES)).describe("repeatable; story has none of the given flags"),
  wire: single(z.string().trim().min(1).max(100).optional()).describe("wire service, canonical name or short form"),
  feed: single(positiveId.optional()).describe("feed id"),
  q: single(z.string().trim().min(1).max(500).optional()).describe("full-text search (FTS5 syntax: phrases, prefix*)"),
  since: single(dateBound.optional()).describe("published_at >= since (ISO 8601 date or date-time)"),
  until: single(dateBound.optional()).describe("published_at < until (ISO 8601 date or date-time)"),
  limit: single(z.coerce.number().int().min(1).max(200).default(50)).describe("1–200, default 50"),
  cursor: single(z.string().max(500).optional()).describe("opaque, from next_cursor"),
  evidence: single(z.enum(["stated", "any"]).default("any")).describe("stated: flag and no_flag count only evidence the story's own text states, not what copies imply"),
  cluster: single(positiveId.optional()).describe("members of this cluster (GET /v1/clusters)"),
  min_copies: single(z.coerce.number().int().min(2).max(100_000).optional()).describe("stories whose cluster has at least this many members"),
});

export const ClustersQuery = z.object({
  since: single(dateBound.optional()).describe("clusters whose latest member is dated at or after since"),
  until: single(dateBound.optional()).describe("clusters whose earliest member is dated before until"),
  entity: repeated(z.string().trim().min(1).max(200)).describe("repeatable; a member is tagged with every given entity"),
  wire: single(z.string().trim().min(1).max(100).optional()).describe("a member is attributed to this wire (stated or inherited)"),
  min_size: single(z.coerce.number().int().min(2).max(100_000).optional()).describe("at least this many members"),
  limit: single(z.coerce.number().int().min(1).max(200).default(50)).describe("1–200, default 50"),
  cursor: single(z.string().max(500).optional()).describe("opaque, from next_cursor"),
});

/** "id,title,flags": Story members to return; id is always included, an unknown name is an error. */
const storyFieldList = z
  // Not through single(): its check runs on the output, which here is a list.
  .string({ error: (issue) => (Array.isArray(issue.input) ? "must be given once" : undefined) })
  .max(300)
  .describe(`comma-separated Story members to return (id always included): ${STORY_FIELDS.join(", ")}`)
  .transform((v, ctx) => {
    const names = v.split(",").map((n) => n.trim()).filter((n) => n !== "");
    const unknown = names.filter((n) => !(STORY_FIELDS as readonly string[]).includes(n));
    if (names.length === 0 || unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: names.length === 0 ? "names no field" : `unknown field ${unknown.map((n) => JSON.stringify(n)).join(", ")}; known: ${STORY_FIELDS.join(", ")}`,
      });
      return z.NEVER;
    }
    return names as StoryField[];
  });

/** The JSON list's parameters: the stories query, plus a choice of members (feeds out always carry whole stories). */
export const StoriesListQuery = StoriesQuery.extend({
  fields: storyFieldList.optional().describe(
    "comma-separated Story members to return, e.g. id,title,url,published_at,flags,entities (id is always included); default: every member",
  ),
});

export const EntitiesQuery = z.object({
  type: single(z.enum(ENTITY_TYPES).optional()),
  q: single(z.string().trim().min(1).max(200).optional()).describe("name prefix, case-insensitive"),
  since: single(dateBound.optional()),
  until: single(dateBound.optional()),
  limit: single(z.coerce.number().int().min(1).max(1000).default(100)),
});

/** A CSS selector the extractor can use: checked here, so that a bad one is a 400 and never stored. */
const articleSelector = z.string().trim().min(1).max(500).refine(isValidSelector, "is not a valid CSS selector");

export const CreateFeedBody = z.strictObject({
  url: z.string().trim().min(1).max(2048),
  title: z.string().trim().min(1).max(500).optional(),
  content_mode: z.enum(CONTENT_MODES).optional(),
  article_selector: articleSelector.nullable().optional(),
});

export const PatchFeedBody = z
  .strictObject({
    title: z.string().trim().min(1).max(500).nullable().optional(),
    paused: z.boolean().optional(),
    content_mode: z.enum(CONTENT_MODES).optional(),
    article_selector: articleSelector.nullable().optional(),
  })
  .refine(
    (b) => b.title !== undefined || b.paused !== undefined || b.content_mode !== undefined || b.article_selector !== undefined,
    "give at least one of title, paused, content_mode, article_selector",
  );

export const DeleteFeedQuery = z.object({ purge: single(boolParam.default(false)) });

export const IngestQuery = z.object({
  feed: single(positiveId.optional()).describe("only this feed"),
  force: single(boolParam.default(false)).describe("ignore schedules"),
});

export const ReannotateQuery = z.object({
  after: single(z.coerce.number().int().min(0).optional()).describe("continue after this story id (next_after)"),
  limit: single(z.coerce.number().int().min(1).max(500).optional()).describe("stories in this batch, default 200"),
  all: single(boolParam.default(false)).describe("re-annotate every story, not only those of older annotator versions"),
});

export const StorageMigrateQuery = z.object({
  after: single(z.coerce.number().int().min(0).optional()).describe("continue after this story id (next_after)"),
  limit: single(z.coerce.number().int().min(1).max(500).optional()).describe("stories in this batch, default 100"),
});

export const StorageMigrateResult = z
  .object({
    moved: z.int().describe("bodies moved from D1 to R2 in this batch"),
    failed: z.int().describe("bodies whose R2 write failed: they stay in D1, readable, for the next batch"),
    next_after: z.int().nullable(),
    remaining: z.int().describe("bodies still held in D1 after this batch; every *_remaining counts up to 10,000 (that figure means at least as many)"),
    texts_compacted: z.int().describe("stories whose content_text was compressed into its row in this batch"),
    texts_remaining: z.int().describe("stories whose content_text is still inline after this batch"),
    signatures_packed: z.int().describe("cluster signatures rewritten as 256-byte binary digests in this batch"),
    signatures_remaining: z.int().describe("cluster signatures still stored wider (text, or 512 bytes) after this batch"),
    band_keys_moved: z.int().describe("stories whose cluster band keys moved to the undated layout in this batch"),
    band_keys_remaining: z.int().describe("stories whose band keys are still dated one by one after this batch"),
    spans_packed: z.int().describe("entity links whose mention spans were rewritten from JSON to the compact form in this batch"),
    spans_remaining: z.int().describe("entity links whose mention spans are still JSON after this batch"),
    timeline_rows_moved: z.int().describe("entity and wire timeline rows moved to integer-millisecond keys in this batch"),
    timeline_rows_remaining: z.int().describe("timeline rows still keyed by ISO text after this batch"),
    texts_repacked: z.int().describe("stories whose compressed text was re-packed with the preset dictionary (format 2) in this batch"),
    texts_repack_remaining: z.int().describe("stories whose text is still in compressed format 1 after this batch"),
  })
  .meta({ id: "StorageMigrateResult" });

export const ReannotateResult = z
  .object({ annotator_version: z.int(), processed: z.int(), next_after: z.int().nullable(), remaining: z.int() })
  .meta({ id: "ReannotateResult" });

export const AnnotateBody = z
  .strictObject({
    title: z.string().max(10_000).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.url({ protocol: /^https?$/ }).max(2048).optional().describe("where the story is from (nothing is fetched): tells outlets apart, and an agency's copy on its own site is not flagged syndicated"),
    extract: z.boolean().optional().describe("run article extraction and page-provenance reading on html, as ingest does"),
  })
  .refine((b) => b.text !== undefined || b.html !== undefined, { message: "text or html is required", path: ["text"] })
  .refine((b) => !b.extract || b.html !== undefined, { message: "extract needs html", path: ["html"] });

export const PageSignal = z
  .object({
    rule: z.string().describe("id of the page rule (src/extract/provenance.ts)"),
    flags: z.array(z.enum(FLAG_NAMES)),
    wire_services: z.array(z.string()),
    text: z.string().describe("the tag or byline as found"),
  })
  .meta({ id: "PageSignal" });

export const ExtractedArticle = z
  .object({
    title: z.string().nullable(),
    byline: z.string().nullable(),
    published_at: isoTime.nullable(),
    site_name: z.string().nullable(),
    signals: z.array(PageSignal).describe("the page's own provenance statements, also given as stated evidence"),
  })
  .meta({ id: "ExtractedArticle" });

export const AnnotateResult = z
  .object({
    title: z.string().describe("the title the spans with field title point into"),
    flags: Flags,
    entities: z.array(Entity),
    content_text: z.string(),
    article: ExtractedArticle.optional(),
  })
  .meta({ id: "AnnotateResult" });

export const EntityCount = z
  .object({ name: z.string(), type: z.enum(ENTITY_TYPES), story_count: z.int() })
  .meta({ id: "EntityCount" });

// ── query API (issue 6) ──────────────────────────────────────────────────────────────────────────────────

export const StoryPage = z
  .object({ stories: z.array(Story), next_cursor: z.string().nullable().describe("pass as cursor for the next page; null on the last") })
  .meta({ id: "StoryPage" });

export const EntityPath = z.object({
  type: z.enum(ENTITY_TYPES).describe("entity type"),
  name: z.string().trim().min(1).max(200).describe("canonical name or a known alias (\"U.N.\"), case-insensitive"),
});

export const EntityProfileQuery = z.object({
  top: single(z.coerce.number().int().min(1).max(50).default(10)).describe("length of co_occurring and top_feeds, 1–50, default 10"),
});

export const EntityProfile = z
  .object({
    name: z.string(),
    type: z.enum(ENTITY_TYPES),
    story_count: z.int(),
    first_seen: isoTime.describe("earliest published_at (fetched_at when undated) of its stories"),
    last_seen: isoTime.describe("latest published_at (fetched_at when undated) of its stories"),
    syndicated_share: z.number().min(0).max(1).describe("share of its stories flagged syndicated"),
    co_occurring: z.array(EntityCount).describe("entities tagged in the same stories, most shared first"),
    top_feeds: z.array(z.object({ feed_id: z.int(), title: z.string().nullable(), story_count: z.int() })),
  })
  .meta({ id: "EntityProfile" });

export const StatsQuery = z.object({
  since: single(dateBound.optional()).describe("published_at >= since; default 30 days before until"),
  until: single(dateBound.optional()).describe("published_at < until; default the end of today (UTC); window at most 366 days"),
});

export const Stats = z
  .object({
    since: isoTime,
    until: isoTime,
    total: z.int(),
    per_day: z.array(z.object({ day: z.iso.date(), stories: z.int() })).describe("every UTC day of the window, oldest first"),
    per_feed: z.array(z.object({ feed_id: z.int(), title: z.string().nullable(), stories: z.int() })),
    per_flag: z.object(Object.fromEntries(FLAG_NAMES.map((f) => [f, z.int()])) as Record<(typeof FLAG_NAMES)[number], z.ZodInt>),
    per_wire: z.array(z.object({ wire: z.string(), stories: z.int() })),
    copy_share: z.array(z.lazy(() => CopyShare.extend({ feed_id: z.int() }))).describe("per feed, stories of the window that are copies of other outlets'"),
  })
  .meta({ id: "Stats" });

// ── alerts (issue 16) ────────────────────────────────────────────────────────────────────────────────────

/**
 * An alert's saved query: the GET /v1/stories parameters (the same schema), less paging, which means
 * nothing to a query that runs on every new story. Strict, so a misspelt filter is an error, not a match-all.
 */
// `cluster` and `min_copies` are left out too: cluster membership is settled after the in-memory match runs, so an
// alert could not honour them; asking for them is a 400 rather than a filter silently ignored.
export const AlertQuery = StoriesListQuery.omit({ limit: true, cursor: true, cluster: true, min_copies: true }).strict();

/** Standard Webhooks secrets: "whsec_" and the base64 of 24 to 64 random bytes. */
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be "whsec_" followed by base64')
  .refine((s) => {
    const bytes = Math.floor(((s.length - 6) * 3) / 4) - (s.match(/=+$/)?.[0].length ?? 0);
    return bytes >= 24 && bytes <= 64;
  }, "must hold 24 to 64 bytes of key");

const alertMode = z.enum(["each", "digest"]).describe("each: one delivery per story; digest: one per alert per ingest pass (≤ 100 stories)");

export const CreateAlertBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  query: AlertQuery,
  webhook: z.strictObject({
    url: z.string().trim().min(1).max(2048),
    secret: webhookSecret.optional().describe("generated when absent, and shown once"),
  }),
  mode: alertMode.default("each"),
  paused: z.boolean().default(false),
});

export const PatchAlertBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    query: AlertQuery.optional(),
    webhook: z.strictObject({ url: z.string().trim().min(1).max(2048).optional(), secret: webhookSecret.optional() }).optional(),
    mode: alertMode.optional(),
    paused: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one of name, query, webhook, mode, paused");

export const Alert = z
  .object({
    id: z.int(),
    name: z.string(),
    query: z.record(z.string(), z.unknown()).describe("the GET /v1/stories parameters it matches, as validated"),
    webhook: z.object({ url: z.url(), secret: z.string().optional().describe("only in the answer that set it") }),
    mode: alertMode,
    paused: z.boolean(),
    status: z.enum(["pending", "ok", "error"]),
    error_count: z.int().describe("consecutive failed attempts; new deliveries wait until next_attempt_at"),
    last_error: z.string().nullable(),
    last_error_at: isoTime.nullable(),
    next_attempt_at: isoTime.nullable(),
    last_delivered_at: isoTime.nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: "Alert" });

export const DeliveryAttempt = z
  .object({
    attempt: z.int(),
    at: isoTime,
    status: z.int().nullable().describe("HTTP status, null when no answer came"),
    duration_ms: z.int(),
    error: z.string().nullable(),
    next_retry_at: isoTime.nullable(),
  })
  .meta({ id: "DeliveryAttempt" });

export const Delivery = z
  .object({
    id: z.int(),
    alert_id: z.int(),
    webhook_id: z.string().describe("the webhook-id header: stable per alert and story"),
    kind: z.enum(["each", "digest", "test"]),
    story_ids: z.array(z.int()),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    created_at: isoTime,
    delivered_at: isoTime.nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: isoTime.nullable(),
    log: z.array(DeliveryAttempt),
  })
  .meta({ id: "Delivery" });

export const DeliveriesQuery = z.object({
  limit: single(z.coerce.number().int().min(1).max(100).default(20)).describe("1–100, default 20"),
  cursor: single(positiveId.optional()).describe("from next_cursor"),
});

// ── clusters (issue 14) ──────────────────────────────────────────────────────────────────────────────────

export const Cluster = z
  .object({
    id: z.int().describe("the smallest story id among the members when the cluster was last written"),
    size: z.int().min(2),
    feeds: z.int().describe("distinct feeds"),
    outlets: z.int().describe("distinct outlets (registrable domains)"),
    title: z.string().describe("the earliest member's title"),
    first_story_id: z.int(),
    first_at: isoTime.describe("earliest member's published_at (fetched_at when undated)"),
    last_at: isoTime.describe("latest member's date: the cluster's last activity"),
  })
  .meta({ id: "Cluster" });

export const ClusterPage = z
  .object({ clusters: z.array(Cluster), next_cursor: z.string().nullable() })
  .meta({ id: "ClusterPage" });

export const ClusterDetail = Cluster.extend({
  members: z.array(
    z.object({
      story_id: z.int(),
      feed_id: z.int(),
      title: z.string(),
      url: z.string().nullable(),
      published_at: isoTime.nullable(),
      similarity: z.number().min(0).max(1).nullable().describe("estimated containment with its closest linked member"),
      first: z.boolean().describe("the earliest member (listed first)"),
      outlet: z.string().describe("registrable domain of the story (else its feed)"),
      same_outlet: z.boolean().describe("another member is from the same outlet: not counted as syndication"),
      copy: z.boolean().describe("shares most of its body with another outlet's member"),
    }),
  ),
}).meta({ id: "ClusterDetail" });

export const CopyShare = z
  .object({
    signed: z.int().describe("stories with a signature (a body of at least 50 words)"),
    copies: z.int().describe("of those, stories sharing at least 80% of their body with another outlet's story"),
    share: z.number().min(0).max(1).describe("copies / signed"),
  })
  .meta({ id: "CopyShare" });
