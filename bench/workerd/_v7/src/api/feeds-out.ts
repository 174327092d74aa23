/**
 * Feeds out: any stories query as RSS 2.0, Atom 1.0 (RFC 4287) or JSON Feed 1.1, so a reader can subscribe
 * to, say, original stories about Haiti. The same parameters and the same filter code as GET /v1/stories;
 * the next page is linked (Atom rel="next", JSON Feed next_url, atom:link rel="next" in RSS).
 */
import { Hono } from "hono";
import type { Story } from "../model";
import type { StoryPage } from "../store/stories";
import { StoriesQuery } from "./schemas";
import { storyPage } from "./stories";
import { valid } from "./validate";

interface Channel {
  title: string;
  self: string;
  next: string | null;
  /** The same query as JSON, for readers that show a home link. */
  home: string;
  id: (story: Story) => string;
}

/** XML 1.0 allows neither these control characters nor unpaired surrogates, escaped or not. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, "").replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);
}

function element(name: string, text: string | null | undefined, attrs = ""): string {
  return text === null || text === undefined ? "" : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

/** Tags for readers: the feed's own categories, then the entity names, most mentioned first. */
function tagsOf(story: Story): string[] {
  return [...new Set([...story.categories, ...story.entities.map((e) => e.name)])];
}

function bodyHtml(story: Story): string | null {
  return story.content_html ?? story.summary;
}

/** RFC 822 date, as RSS 2.0 requires ("Tue, 12 Mar 2024 01:59:00 GMT"). */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function toRss(page: StoryPage, ch: Channel): string {
  const items = page.stories.map((s) =>
    [
      "<item>",
      element("title", s.title),
      element("link", s.url),
      element("guid", ch.id(s), ' isPermaLink="false"'),
      element("pubDate", rfc822(s.published_at ?? s.fetched_at)),
      element("dc:creator", s.author),
      element("description", bodyHtml(s) ?? s.content_text),
      ...tagsOf(s).map((t) => element("category", t)),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>',
    element("title", ch.title),
    element("link", ch.home),
    element("description", `Stories from wirewatch matching ${ch.home}`),
    `<atom:link href="${escapeXml(ch.self)}" rel="self" type="application/rss+xml"/>`,
    ch.next ? `<atom:link href="${escapeXml(ch.next)}" rel="next" type="application/rss+xml"/>` : "",
    // The newest change among the items, not the time of the request: the same stories give the same document,
    // so its ETag holds and a reader polling every few minutes gets a 304.
    element("lastBuildDate", newestChange(page)),
    element("generator", "wirewatch"),
    ...items,
    "</channel></rss>\n",
  ].join("");
}

function storyUpdated(s: Story): string {
  return s.updated_at ?? s.published_at ?? s.fetched_at;
}

function newestChange(page: StoryPage): string | null {
  const newest = page.stories.map(storyUpdated).sort().at(-1);
  return newest === undefined ? null : rfc822(newest);
}

export function toAtom(page: StoryPage, ch: Channel): string {
  // atom:updated is required; an empty page has no change of its own to report.
  const updated = page.stories.map(storyUpdated).sort().at(-1) ?? new Date().toISOString();
  const entries = page.stories.map((s) => {
    const html = bodyHtml(s);
    return [
      "<entry>",
      element("id", ch.id(s)),
      element("title", s.title, ' type="text"'),
      element("updated", storyUpdated(s)),
      element("published", s.published_at),
      s.url ? `<link rel="alternate" href="${escapeXml(s.url)}"/>` : "",
      s.author ? `<author>${element("name", s.author)}</author>` : "",
      element("summary", s.summary, ' type="text"'),
      html === null ? element("content", s.content_text, ' type="text"') : element("content", html, ' type="html"'),
      ...tagsOf(s).map((t) => `<category term="${escapeXml(t)}"/>`),
      "</entry>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element("id", ch.self),
    element("title", ch.title, ' type="text"'),
    element("updated", updated),
    // The feed-level author covers entries whose source gave none (RFC 4287 §4.1.1).
    `<author>${element("name", "wirewatch")}</author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(ch.self)}"/>`,
    `<link rel="alternate" type="application/json" href="${escapeXml(ch.home)}"/>`,
    ch.next ? `<link rel="next" type="application/atom+xml" href="${escapeXml(ch.next)}"/>` : "",
    element("generator", "wirewatch"),
    ...entries,
    "</feed>\n",
  ].join("");
}

export function toJsonFeed(page: StoryPage, ch: Channel): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: ch.title,
    home_page_url: ch.home,
    feed_url: ch.self,
    ...(ch.next ? { next_url: ch.next } : {}),
    authors: [{ name: "wirewatch" }],
    items: page.stories.map((s) => ({
      id: ch.id(s),
      ...(s.url ? { url: s.url } : {}),
      title: s.title,
      content_html: bodyHtml(s) ?? undefined,
      content_text: s.content_text,
      ...(s.summary ? { summary: s.summary } : {}),
      date_published: s.published_at ?? s.fetched_at,
      ...(s.updated_at ? { date_modified: s.updated_at } : {}),
      ...(s.author ? { authors: [{ name: s.author }] } : {}),
      tags: tagsOf(s),
      // JSON Feed extensions start with an underscore; readers ignore them, scripts get the annotation.
      _wirewatch: { story_id: s.id, feed_id: s.feed_id, flags: s.flags, entities: s.entities },
    })),
  };
}

/** A readable title from the query: "wirewatch: entity=Haiti, no_flag=syndicated". */
function titleOf(url: URL): string {
  const parts = [...url.searchParams].filter(([k]) => k !== "cursor" && k !== "limit").map(([k, v]) => `${k}=${v}`);
  return parts.length ? `wirewatch: ${parts.join(", ")}` : "wirewatch: all stories";
}

function channel(requestUrl: string, page: StoryPage): Channel {
  const self = new URL(requestUrl);
  const home = new URL(self);
  home.pathname = "/v1/stories";
  home.searchParams.delete("cursor");
  let next: string | null = null;
  if (page.next_cursor) {
    const n = new URL(self);
    n.searchParams.set("cursor", page.next_cursor);
    next = n.toString();
  }
  return {
    title: titleOf(self),
    self: self.toString(),
    next,
    home: home.toString(),
    // A tag URI (RFC 4151): stable for the story whatever page or query it appears on.
    id: (s) => `tag:${self.hostname},2024:story:${s.id}`,
  };
}

export const feedsOut = new Hono<{ Bindings: Env }>()
  .get("/stories.rss", valid("query", StoriesQuery), async (c) => {
    const page = await storyPage(c.env, c.req.valid("query"));
    return c.body(toRss(page, channel(c.req.url, page)), 200, { "content-type": "application/rss+xml; charset=utf-8" });
  })
  .get("/stories.atom", valid("query", StoriesQuery), async (c) => {
    const page = await storyPage(c.env, c.req.valid("query"));
    return c.body(toAtom(page, channel(c.req.url, page)), 200, { "content-type": "application/atom+xml; charset=utf-8" });
  })
  .get("/stories.json", valid("query", StoriesQuery), async (c) => {
    const page = await storyPage(c.env, c.req.valid("query"));
    return c.body(JSON.stringify(toJsonFeed(page, channel(c.req.url, page))), 200, {
      "content-type": "application/feed+json; charset=utf-8",
    });
  });
