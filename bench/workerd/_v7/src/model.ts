/**
 * Domain types shared by every stage of the pipeline. This module imports nothing:
 * the stages agree on these shapes and on nothing else.
 *
 *   fetch ─► FetchResult ─► parse ─► ParsedFeed ─► normalize ─► NormalizedItem ─► annotate ─► Annotation ─► store
 */

/** The feed formats the parser front door recognises. */
export type FeedFormat = "rss" | "rdf" | "atom" | "json";

/** One item as the feed gave it, before normalization. Strings are raw (may hold markup or be relative). */
export interface ParsedItem {
  /** guid (RSS), id (Atom/JSON Feed) or rdf:about (RSS 1.0), as written. */
  guid: string | null;
  /** The item's link, possibly relative to `base`. */
  link: string | null;
  /** Title as written; `titleIsHtml` says whether it holds markup that must be stripped. */
  title: string | null;
  titleIsHtml: boolean;
  author: string | null;
  /** Raw date strings, exactly as the feed wrote them. */
  published: string | null;
  updated: string | null;
  /** Short description/summary (HTML or text). */
  summary: string | null;
  /** The fullest body the feed gave (content:encoded, Atom content, JSON content_html/content_text), HTML. */
  content: string | null;
  categories: string[];
  /** xml:base in scope for this item, if any, used to resolve relative links. */
  base: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  /** RSS <ttl> in minutes, when given: a hint for the schedule. */
  ttlMinutes: number | null;
  items: ParsedItem[];
  /** What the parser had to leave out of a feed it still read: a cut-off document, items over the cap. */
  warnings: string[];
}

/** One item after normalization: plain text, absolute URLs, ISO UTC dates, sanitized HTML. */
export interface NormalizedItem {
  guid: string;
  url: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  updated_at: string | null;
  /** The raw date string when it could not be parsed or was clamped, kept for audit. */
  published_raw: string | null;
  summary: string | null;
  content_html: string | null;
  /** Plain text of the fullest body, paragraphs separated by a blank line; not yet cleaned of disclaimers. */
  text: string;
  categories: string[];
  /** Stable hash of title + body, so an unchanged item is not rewritten. */
  content_hash: string;
}

export const FLAG_NAMES = ["auto_generated", "unedited", "syndicated", "ai_generated"] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

/** `stated` when the text or page itself says it; `inferred` when wirewatch worked it out (e.g. from copies). */
export type EvidenceKind = "stated" | "inferred";

export interface Evidence {
  flag: FlagName | "wire";
  /** The id of the catalogue rule that matched. */
  rule: string;
  /** The sentence or byline that triggered the flag, as it stood in the text. */
  text: string;
  kind: EvidenceKind;
  /** Inferred evidence: the stories it rests on. */
  stories?: number[];
  /** Inferred evidence: how similar those stories are, 0–1. */
  similarity?: number;
}

export interface Flags {
  auto_generated: boolean;
  unedited: boolean;
  syndicated: boolean;
  ai_generated: boolean;
  /** Canonical agency names, e.g. "Reuters", "Associated Press", "Press Trust of India". */
  wire_services: string[];
  evidence: Evidence[];
}

export const ENTITY_TYPES = ["person", "organization", "place"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Which returned text a mention span points into. */
export type SpanField = "title" | "text";

/** One mention: UTF-16 offsets [start, end) into the story's `title` or `content_text`. */
export interface MentionSpan {
  field: SpanField;
  start: number;
  end: number;
}

export interface Entity {
  /** The canonical full form used in the story ("Antony Blinken", "United Nations"). */
  name: string;
  type: EntityType;
  mentions: number;
  /** One per mention (`mentions === spans.length`); lists may leave them out. */
  spans?: MentionSpan[];
}

/** What annotate() returns for one story. */
export interface Annotation {
  flags: Flags;
  /** Most mentioned first. */
  entities: Entity[];
  /** The body with disclaimers, desk slugs and scrape artifacts removed. */
  content_text: string;
}

export type FeedStatus = "pending" | "ok" | "error";

export interface Feed {
  id: number;
  url: string;
  title: string | null;
  site_url: string | null;
  paused: boolean;
  status: FeedStatus;
  last_fetched_at: string | null;
  last_error: string | null;
  /** What the last successful fetch had to leave out (a cut-off document, items over the cap), else null. */
  last_warning: string | null;
  error_count: number;
  next_fetch_at: string | null;
  story_count: number;
  /** When items get their article page fetched (full articles). */
  content_mode: ContentMode;
  /** A CSS selector for the story's element on this feed's pages; null lets the extractor find it. */
  article_selector: string | null;
}

/** The members of a Story, in the order they are served; `fields=` on the list picks among them. */
export const STORY_FIELDS = [
  "id", "feed_id", "guid", "url", "title", "author", "published_at", "updated_at", "fetched_at", "summary",
  "content_html", "content_text", "categories", "flags", "entities", "cluster", "content_source", "article",
] as const;
export type StoryField = (typeof STORY_FIELDS)[number];

export interface Story {
  id: number;
  feed_id: number;
  guid: string;
  url: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  updated_at: string | null;
  fetched_at: string;
  summary: string | null;
  content_html: string | null;
  content_text: string;
  categories: string[];
  flags: Flags;
  entities: Entity[];
  /** The cluster of copies of this story across feeds, or null when no other feed carries it. */
  cluster: StoryCluster | null;
  /** Where content_text came from: the feed's body, or the article page (the feed's text is then in summary). */
  content_source: ContentSource;
  article: ArticleState | null;
}

/** A story's cluster as a Story carries it. */
export interface StoryCluster {
  id: number;
  size: number;
  /** Distinct feeds among the members. */
  feeds: number;
}

// ── full articles (issue 13) ─────────────────────────────────────────────────────────────────────────────

/** When a feed's items get their article page fetched: auto (summary-only items), feed (never), article (always). */
export const CONTENT_MODES = ["auto", "feed", "article"] as const;
export type ContentMode = (typeof CONTENT_MODES)[number];

export type ContentSource = "feed" | "article";

export const ARTICLE_STATUSES = ["pending", "ok", "error", "skipped"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The article fetch of one story: null when none was wanted. */
export interface ArticleState {
  status: ArticleStatus;
  fetched_at: string | null;
  error: string | null;
}

/** What a page's own markup says about where its story comes from, as a catalogue rule (src/extract/provenance.ts). */
export interface PageSignal {
  rule: string;
  flags: FlagName[];
  wire_services: string[];
  /** The tag or byline as found, e.g. 'link rel="canonical" https://…'. */
  text: string;
}

/**
 * What a story must meet, as GET /v1/stories means it: every entity tagged (canonical name, case-insensitive, of
 * `entityType` when given), every flag set, no `noFlags` flag set, the wire among the story's wires, the feed,
 * full text (`q`), published_at within [since, until). The list's filter adds paging and cluster conditions to it
 * (store/stories.ts StoryFilter); an alert's is exactly this (alerts/match.ts).
 */
export interface StoryConditions {
  entities: string[];
  entityType?: EntityType;
  flags: FlagName[];
  noFlags: FlagName[];
  wire?: string;
  feedId?: number;
  q?: string;
  since?: string;
  until?: string;
  /** `evidence=stated`: a flag counts only when the story's own text states it, not what copies imply. */
  statedOnly?: boolean;
}
