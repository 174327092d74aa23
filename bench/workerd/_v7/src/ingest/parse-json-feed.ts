/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org), which rss-parser does not read. Fields of the wrong JSON type are
 * ignored rather than fatal: one odd item must not lose the feed.
 */
import type { ParsedFeed, ParsedItem } from "../model";
import { FeedParseError } from "./parse-error";
import { MAX_ITEMS } from "./parse-limits";
import { distinct, escapeHtml, firstOf, textToHtml } from "./parse-node";

type Json = Record<string, unknown>;

export function parseJsonFeed(text: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`parse: invalid JSON (${(error as Error).message})`);
  }
  if (!isObject(doc) || !Array.isArray(doc.items) || !isJsonFeed(doc)) {
    throw new FeedParseError("parse: not a feed (JSON without a JSON Feed version and items)");
  }
  const feedAuthor = authorOf(doc);
  return {
    format: "json",
    title: str(doc.title),
    siteUrl: str(doc.home_page_url),
    ttlMinutes: null,
    items: doc.items.filter(isObject).slice(0, MAX_ITEMS).map((item) => mapItem(item, feedAuthor)),
    warnings:
      doc.items.length > MAX_ITEMS
        ? [`more than ${MAX_ITEMS.toLocaleString("en")} items: kept the first ${MAX_ITEMS.toLocaleString("en")}`]
        : [],
  };
}

/** A version URL is required; without one, an items array beside a title or home page still counts. */
function isJsonFeed(doc: Json): boolean {
  const version = str(doc.version);
  if (version) return /^https?:\/\/jsonfeed\.org\/version\//i.test(version);
  return str(doc.title) !== null || str(doc.home_page_url) !== null || str(doc.feed_url) !== null;
}

function mapItem(item: Json, feedAuthor: string | null): ParsedItem {
  const html = str(item.content_html);
  const text = str(item.content_text);
  const summary = str(item.summary);
  const content = firstOf(html, text === null ? null : textToHtml(text));
  const updated = str(item.date_modified);
  const id = typeof item.id === "number" ? String(item.id) : str(item.id);
  return {
    guid: id,
    link: firstOf(str(item.url), str(item.external_url)),
    title: str(item.title),
    titleIsHtml: false,
    author: firstOf(authorOf(item), feedAuthor),
    published: firstOf(str(item.date_published), updated),
    updated,
    // JSON Feed's summary is plain text; every body leaves the parser as HTML.
    summary: summary !== null && content !== null ? escapeHtml(summary) : null,
    content: firstOf(content, summary === null ? null : escapeHtml(summary)),
    categories: Array.isArray(item.tags) ? distinct(item.tags.map(str)) : [],
    base: null,
  };
}

/** 1.1 has `authors`; 1.0 had a single `author`. */
function authorOf(node: Json): string | null {
  const list = Array.isArray(node.authors) ? node.authors : isObject(node.author) ? [node.author] : [];
  const names = distinct(list.filter(isObject).map((author) => str(author.name)));
  return names.length ? names.join(", ") : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
