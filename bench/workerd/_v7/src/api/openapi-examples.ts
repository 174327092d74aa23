/**
 * One example response per operation of the OpenAPI document, keyed by "method path", plus request body
 * examples. Kept apart from the operation list so the list stays a table; the document generator merges
 * them in, and a test checks that every operation has one.
 */
import type { Story } from "../model";

const story: Story = {
  id: 1042,
  feed_id: 3,
  guid: "hg-world-1002",
  url: "https://harbour-gazette.example/world/monsoon-forecast",
  title: "Monsoon forecast lifts hopes for farm output",
  author: null,
  published_at: "2024-03-12T06:10:00.000Z",
  updated_at: null,
  fetched_at: "2024-03-12T06:15:02.113Z",
  summary: null,
  content_html: "<p>New Delhi, Mar 12 (PTI) The India Meteorological Department on Tuesday forecast a normal monsoon.</p>",
  content_text: "New Delhi, Mar 12 (PTI) The India Meteorological Department on Tuesday forecast a normal monsoon.",
  categories: ["India"],
  flags: {
    auto_generated: true,
    unedited: true,
    syndicated: true,
    ai_generated: false,
    wire_services: ["Press Trust of India"],
    evidence: [
      { flag: "unedited", rule: "unedited-staff-disclaimer", text: "This story has not been edited by Harbour Gazette staff", kind: "stated" },
      { flag: "wire", rule: "wire-dateline", text: "New Delhi, Mar 12 (PTI)", kind: "stated" },
    ],
  },
  entities: [
    { name: "India Meteorological Department", type: "organization", mentions: 1, spans: [{ field: "text", start: 28, end: 59 }] },
    { name: "New Delhi", type: "place", mentions: 1, spans: [{ field: "text", start: 0, end: 9 }] },
  ],
  cluster: { id: 1017, size: 6, feeds: 5 },
  content_source: "feed",
  article: null,
};

const feed = {
  id: 3,
  url: "https://harbour-gazette.example/world/rss.xml",
  title: "Harbour Gazette — World",
  site_url: "https://harbour-gazette.example/world",
  paused: false,
  status: "ok",
  last_fetched_at: "2024-03-12T06:15:00.000Z",
  last_error: null,
  last_warning: null,
  error_count: 0,
  next_fetch_at: "2024-03-12T06:45:00.000Z",
  story_count: 128,
  content_mode: "auto",
  article_selector: null,
};

const run = {
  id: 77,
  trigger: "api",
  started_at: "2024-03-12T06:15:00.000Z",
  finished_at: null,
  feeds_total: 1,
  feeds_done: 0,
  feeds_ok: 0,
  feeds_not_modified: 0,
  feeds_failed: 0,
  items_seen: 0,
  stories_new: 0,
  stories_updated: 0,
};

const cluster = {
  id: 1017,
  size: 6,
  feeds: 5,
  outlets: 5,
  title: "Monsoon forecast lifts hopes for farm output",
  first_story_id: 1017,
  first_at: "2024-03-12T05:40:00.000Z",
  last_at: "2024-03-12T09:02:00.000Z",
};

const page = { stories: [story], next_cursor: "WyIyMDI0LTAzLTEyVDA2OjEwOjAwLjAwMFoiLDEwNDJd" };

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>wirewatch: entity=Haiti, no_flag=syndicated</title><link>https://wirewatch.example/v1/stories?entity=Haiti&amp;no_flag=syndicated</link><description>Stories from wirewatch matching https://wirewatch.example/v1/stories?entity=Haiti&amp;no_flag=syndicated</description><atom:link href="https://wirewatch.example/v1/stories.rss?entity=Haiti&amp;no_flag=syndicated" rel="self" type="application/rss+xml"/><item><title>Aid convoy reaches Port-au-Prince</title><link>https://harbour-gazette.example/world/haiti-convoy</link><guid isPermaLink="false">tag:wirewatch.example,2024:story:1051</guid><pubDate>Wed, 13 Mar 2024 14:00:00 GMT</pubDate><description>&lt;p&gt;An aid convoy reached Port-au-Prince on Wednesday.&lt;/p&gt;</description><category>Haiti</category></item></channel></rss>`;

const atom = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://wirewatch.example/v1/stories.atom?entity=Haiti</id><title type="text">wirewatch: entity=Haiti</title><updated>2024-03-13T14:00:00.000Z</updated><author><name>wirewatch</name></author><link rel="self" type="application/atom+xml" href="https://wirewatch.example/v1/stories.atom?entity=Haiti"/><entry><id>tag:wirewatch.example,2024:story:1051</id><title type="text">Aid convoy reaches Port-au-Prince</title><updated>2024-03-13T14:00:00.000Z</updated><link rel="alternate" href="https://harbour-gazette.example/world/haiti-convoy"/><content type="html">&lt;p&gt;An aid convoy reached Port-au-Prince on Wednesday.&lt;/p&gt;</content><category term="Haiti"/></entry></feed>`;

const alert = {
  id: 5,
  name: "Unedited PTI copy about Haiti",
  query: { flag: ["unedited"], wire: "PTI", entity: ["Haiti"] },
  webhook: { url: "https://hooks.example.com/wirewatch" },
  mode: "each",
  paused: false,
  status: "ok",
  error_count: 0,
  last_error: null,
  last_error_at: null,
  next_attempt_at: null,
  last_delivered_at: "2024-03-12T06:15:06.000Z",
  created_at: "2024-03-01T09:00:00.000Z",
  updated_at: "2024-03-01T09:00:00.000Z",
};

const delivery = {
  id: 9001,
  alert_id: 5,
  webhook_id: "msg_wirewatch_a5_s1042",
  kind: "each",
  story_ids: [1042],
  status: "delivered",
  attempts: 2,
  created_at: "2024-03-12T06:15:04.000Z",
  delivered_at: "2024-03-12T06:16:05.000Z",
  last_error: "HTTP 500",
  next_attempt_at: null,
  log: [
    { attempt: 1, at: "2024-03-12T06:15:05.000Z", status: 500, duration_ms: 84, error: "HTTP 500", next_retry_at: "2024-03-12T06:16:05.000Z" },
    { attempt: 2, at: "2024-03-12T06:16:05.000Z", status: 200, duration_ms: 61, error: null, next_retry_at: null },
  ],
};

export const RESPONSE_EXAMPLES: Record<string, unknown> = {
  "get /v1/health": { ok: true },
  "get /v1/feeds": { feeds: [feed] },
  "post /v1/feeds": { ...feed, status: "pending", last_fetched_at: null, story_count: 0 },
  "get /v1/feeds/{id}": { ...feed, recent_errors: [], copy_share: { signed: 120, copies: 77, share: 0.642 } },
  "patch /v1/feeds/{id}": { ...feed, paused: true },
  "delete /v1/feeds/{id}": null,
  "post /v1/feeds/import": { added: ["https://harbour-gazette.example/world/rss.xml"], already_registered: [], refused: [] },
  "get /v1/feeds.opml": `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>wirewatch feeds</title></head><body><outline type="rss" text="Harbour Gazette — World" xmlUrl="https://harbour-gazette.example/world/rss.xml"/></body></opml>`,
  "post /v1/ingest": run,
  "get /v1/ingest/runs/{id}": { ...run, finished_at: "2024-03-12T06:15:04.000Z", feeds_done: 1, feeds_ok: 1, items_seen: 3, stories_new: 1 },
  "post /v1/reannotate": { annotator_version: 3, processed: 200, next_after: 1200, remaining: 5400 },
  "post /v1/storage/migrate": { moved: 100, failed: 0, next_after: 1300, remaining: 4200, texts_compacted: 100, texts_remaining: 4200, signatures_packed: 100, signatures_remaining: 3900, band_keys_moved: 100, band_keys_remaining: 900, spans_packed: 850, spans_remaining: 35000, timeline_rows_moved: 5000, timeline_rows_remaining: 10000, texts_repacked: 100, texts_repack_remaining: 4200 },
  "get /v1/stories": page,
  "get /v1/stories/{id}": story,
  "get /v1/stories.rss": rss,
  "get /v1/stories.atom": atom,
  "get /v1/stories.json": {
    version: "https://jsonfeed.org/version/1.1",
    title: "wirewatch: entity=Haiti",
    home_page_url: "https://wirewatch.example/v1/stories?entity=Haiti",
    feed_url: "https://wirewatch.example/v1/stories.json?entity=Haiti",
    authors: [{ name: "wirewatch" }],
    items: [
      {
        id: "tag:wirewatch.example,2024:story:1051",
        url: "https://harbour-gazette.example/world/haiti-convoy",
        title: "Aid convoy reaches Port-au-Prince",
        content_html: "<p>An aid convoy reached Port-au-Prince on Wednesday.</p>",
        content_text: "An aid convoy reached Port-au-Prince on Wednesday.",
        date_published: "2024-03-13T14:00:00.000Z",
        tags: ["Haiti", "Port-au-Prince"],
      },
    ],
  },
  "get /v1/entities": { entities: [{ name: "Haiti", type: "place", story_count: 42 }, { name: "United Nations", type: "organization", story_count: 31 }] },
  "get /v1/entities/{type}/{name}": {
    name: "Haiti",
    type: "place",
    story_count: 42,
    first_seen: "2024-01-04T08:00:00.000Z",
    last_seen: "2024-03-13T14:00:00.000Z",
    syndicated_share: 0.38,
    co_occurring: [{ name: "Port-au-Prince", type: "place", story_count: 19 }, { name: "Antony Blinken", type: "person", story_count: 6 }],
    top_feeds: [{ feed_id: 3, title: "Harbour Gazette — World", story_count: 17 }],
  },
  "get /v1/stats": {
    since: "2024-03-11T00:00:00.000Z",
    until: "2024-03-14T00:00:00.000Z",
    total: 9,
    per_day: [{ day: "2024-03-11", stories: 2 }, { day: "2024-03-12", stories: 3 }, { day: "2024-03-13", stories: 4 }],
    per_feed: [{ feed_id: 3, title: "Harbour Gazette — World", stories: 5 }, { feed_id: 4, title: "Newsroom", stories: 4 }],
    per_flag: { auto_generated: 2, unedited: 3, syndicated: 5, ai_generated: 0 },
    per_wire: [{ wire: "Reuters", stories: 3 }, { wire: "Press Trust of India", stories: 2 }],
    copy_share: [{ feed_id: 3, signed: 5, copies: 3, share: 0.6 }, { feed_id: 4, signed: 4, copies: 0, share: 0 }],
  },
  "get /v1/clusters": { clusters: [cluster], next_cursor: null },
  "get /v1/clusters/{id}": {
    ...cluster,
    members: [
      { story_id: 1017, feed_id: 9, title: "Monsoon forecast lifts hopes for farm output", url: "https://wire.example/monsoon", published_at: "2024-03-12T05:40:00.000Z", similarity: 0.97, first: true, outlet: "wire.example", same_outlet: false, copy: true },
      { story_id: 1042, feed_id: 3, title: "Monsoon forecast lifts hopes for farm output", url: "https://harbour-gazette.example/world/monsoon-forecast", published_at: "2024-03-12T06:10:00.000Z", similarity: 0.97, first: false, outlet: "harbour-gazette.example", same_outlet: false, copy: true },
    ],
  },
  "post /v1/annotate": { title: story.title, flags: story.flags, entities: story.entities, content_text: story.content_text },
  "post /v1/alerts": { ...alert, webhook: { url: alert.webhook.url, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }, status: "pending", last_delivered_at: null },
  "get /v1/alerts": { alerts: [alert] },
  "get /v1/alerts/{id}": alert,
  "patch /v1/alerts/{id}": { ...alert, paused: true },
  "delete /v1/alerts/{id}": null,
  "get /v1/alerts/{id}/deliveries": { deliveries: [delivery], next_cursor: null },
  "post /v1/alerts/{id}/test": { ...delivery, id: 9002, webhook_id: "msg_wirewatch_a5_t3f9c1e0a7b2d4c68", kind: "test", story_ids: [], status: "pending", attempts: 0, delivered_at: null, log: [] },
  "get /v1/openapi.json": { openapi: "3.1.0", info: { title: "wirewatch", version: "1" }, paths: {} },
  "get /docs": "<!doctype html><html lang=\"en\">…</html>",
};

export const REQUEST_EXAMPLES: Record<string, unknown> = {
  "post /v1/feeds": { url: "https://harbour-gazette.example/world/rss.xml", title: "Harbour Gazette — World" },
  "patch /v1/feeds/{id}": { paused: true },
  "post /v1/alerts": { name: "Unedited PTI copy about Haiti", query: { flag: "unedited", wire: "PTI", entity: "Haiti" }, webhook: { url: "https://hooks.example.com/wirewatch" }, mode: "each" },
  "patch /v1/alerts/{id}": { paused: true },
  "post /v1/annotate": { title: "Monsoon outlook", text: "New Delhi, Mar 12 (PTI) The India Meteorological Department on Tuesday forecast a normal monsoon." },
};
