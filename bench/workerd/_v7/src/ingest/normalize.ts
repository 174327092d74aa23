/**
 * normalize: ParsedItem → NormalizedItem. Pure: plain-text titles, absolute http(s) URLs, ISO UTC dates,
 * sanitized HTML with its plain text, and a stable identity per item.
 *
 * Identity (the story's guid within its feed): the feed's guid/id (trimmed), else the item's absolute link, else
 * "sha1:" + SHA-1 of title and raw date. Within one batch no two items share a guid: when a second item claims
 * a guid already taken, it is the same story listed twice if its next identity (link, else title and date,
 * else content) matches the first holder's, and is dropped; otherwise it becomes "<guid>#<10 hex of SHA-1 of
 * that next identity>", stable across fetches as long as the item is ("#2", "#3"... only if even that is taken).
 *
 * Bodies: content becomes content_html and text, unless the summary's text is more than twice as long (the
 * content was a stub); the other one is the summary, unless it is just the opening of the body. Relative URLs
 * in a body resolve against xml:base when the feed gave one, else the item's link (RSS bodies are copied from
 * the article page), else the feed URL.
 *
 * content_hash covers what a reader sees: title, url, author, summary, text and categories. It leaves out dates
 * (some feeds stamp every item with the fetch time) and markup-only changes to content_html.
 */
import { HTTP_SCHEMES, safeUrl, sanitizeWithText, urlBase, type SanitizedBody, type UrlBase } from "../html/sanitize";
import { collapseWhitespace, decodeEntities, htmlToText, truncateText } from "../html/text";
import type { NormalizedItem, ParsedItem } from "../model";
import { parseFeedDate } from "./dates";

export interface NormalizeContext {
  feedUrl: string;
  /** ISO UTC time of the fetch: the ceiling for item dates. */
  fetchedAt: string;
}

export class NormalizeError extends Error {
  override name = "NormalizeError";
}

export const MAX_TITLE_CHARS = 1_000;
/** Storage caps in UTF-8 bytes: a D1 row holds 2 MB, shared with content_html (at most 500 KB, see sanitize.ts). */
export const MAX_TEXT_BYTES = 200_000;
export const MAX_SUMMARY_BYTES = 20_000;
const MAX_AUTHOR_CHARS = 300;
const MAX_CATEGORIES = 50;
const MAX_CATEGORY_CHARS = 200;
/** A guid longer than this is hashed: it is an identity, not content, and it is indexed. */
const MAX_GUID_CHARS = 2_000;
const FALLBACK_TITLE_CHARS = 80;
/** Markup read for a title or summary: far more than their caps need, so a hostile feed cannot make it costly. */
const MAX_TITLE_INPUT_CHARS = 20 * MAX_TITLE_CHARS;
const MAX_SUMMARY_INPUT_CHARS = 1_000_000;
const UNTITLED = "(untitled)";

/** RSS <author> is "email (Name)": the name is what a reader wants. */
const EMAIL_WITH_NAME = /^[^\s@()]+@[^\s@()]+\s*\((.+)\)$/;
/** How teasers end: punctuation such as "…", "[...]" or "»", perhaps around a "Read more" link text. */
const TEASER_END = /[^\p{L}\p{N}]*(?:(?:read more|continue reading)[^\p{L}\p{N}]*)?$/iu;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** An item normalized, with what is needed to settle guid collisions inside its batch. */
interface Draft {
  item: NormalizedItem;
  /** The identity after the guid: used to tell a repeated story from a collision. */
  nextIdentity: string;
}

/**
 * The guids already given out in one fetch, with the identity of each holder. Passing the same one to
 * successive calls normalizes a feed chunk by chunk exactly as in one call.
 */
export type GuidHolders = Map<string, string>;

/** Normalizes one fetch's items, in feed order. Exact repeats of a story are dropped; see the module comment. */
export async function normalizeItems(
  items: ParsedItem[],
  ctx: NormalizeContext,
  holders: GuidHolders = new Map(),
): Promise<NormalizedItem[]> {
  const feedBase = urlBase(ctx.feedUrl);
  if (feedBase === null) throw new NormalizeError(`normalize: feed URL is not an absolute URL: ${ctx.feedUrl}`);
  if (Number.isNaN(Date.parse(ctx.fetchedAt))) throw new NormalizeError(`normalize: fetchedAt is not an ISO date-time: ${ctx.fetchedAt}`);
  const drafts: Draft[] = [];
  for (const item of items) drafts.push(await normalizeItem(item, ctx, feedBase));
  return settleGuids(drafts, holders);
}

async function normalizeItem(item: ParsedItem, ctx: NormalizeContext, feedBase: UrlBase): Promise<Draft> {
  const xmlBase = httpUrl(item.base, feedBase);
  const url = httpUrl(item.link, xmlBase === null ? feedBase : urlBase(xmlBase));
  const bodyBase = xmlBase ?? url ?? feedBase.href;
  const { body, summary } = await readBodies(item, bodyBase);
  const text = truncateText(body?.text ?? "", MAX_TEXT_BYTES, "byte");
  const title = (await plainTitle(item.title, item.titleIsHtml)) || fallbackTitle(text);
  const author = plainAuthor(item.author);
  const categories = plainCategories(item.categories);
  const published = parseFeedDate(item.published, ctx.fetchedAt);
  const updated = parseFeedDate(item.updated, ctx.fetchedAt);
  const rawDate = item.published?.trim() || item.updated?.trim() || "";
  const contentHash = await sha1Hex([title, url ?? "", author ?? "", summary ?? "", text, categories.join("\u001f")].join("\u0000"));
  const titleAndDate = `${title}\n${rawDate}`;
  const feedGuid = item.guid?.trim() || null;
  const guid = feedGuid !== null
    ? feedGuid.length > MAX_GUID_CHARS ? `sha1:${await sha1Hex(feedGuid)}` : feedGuid
    : url ?? `sha1:${await sha1Hex(titleAndDate)}`;
  const nextIdentity = feedGuid !== null ? (url ?? titleAndDate) : url !== null ? titleAndDate : contentHash;
  return {
    item: {
      guid,
      url,
      title,
      author,
      published_at: published.iso ?? updated.iso,
      updated_at: updated.iso,
      published_raw: item.published?.trim() ? published.raw : updated.raw,
      summary,
      content_html: body && body.html.trim() !== "" ? body.html : null,
      text,
      categories,
      content_hash: contentHash,
    },
    nextIdentity,
  };
}

/** The body (html + text) is the fuller of content and summary; the summary is kept only when it adds something. */
async function readBodies(item: ParsedItem, base: string): Promise<{ body: SanitizedBody | null; summary: string | null }> {
  const content = item.content?.trim() ? item.content : null;
  const summaryHtml = item.summary?.trim() ? item.summary : null;
  const fromContent = content !== null ? sanitizeWithText(content, base, MAX_TEXT_BYTES) : null;
  if (summaryHtml === null) return { body: fromContent, summary: null };
  if (fromContent === null) return { body: sanitizeWithText(summaryHtml, base, MAX_TEXT_BYTES), summary: null };
  const summaryText = await htmlToText(summaryHtml.slice(0, MAX_SUMMARY_INPUT_CHARS));
  // Only a stub of content (an embed, a one-line caption) loses to the summary; teaser noise must not win.
  if (summaryText.length > 2 * fromContent.text.length) {
    return { body: sanitizeWithText(summaryHtml, base, MAX_TEXT_BYTES), summary: null };
  }
  const adds = summaryText !== "" && !opensBody(summaryText, fromContent.text);
  return { body: fromContent, summary: adds ? truncateText(summaryText, MAX_SUMMARY_BYTES, "byte") : null };
}

/** Whether a summary is only the first words of the body, perhaps cut off with "…" or "[...] Read more". */
function opensBody(summary: string, body: string): boolean {
  const teaser = oneLine(summary).replace(TEASER_END, "");
  return teaser === "" || oneLine(body).startsWith(teaser);
}

/**
 * A title as plain text. An HTML title (every RSS title: raw or entity-escaped tags are common there) has its
 * markup stripped and its entities decoded; a plain-text one (Atom type="text", JSON Feed) is literal, so
 * "<em>" or "&amp;" in it are the characters written.
 */
async function plainTitle(raw: string | null, isHtml: boolean): Promise<string> {
  if (raw === null) return "";
  const input = raw.slice(0, MAX_TITLE_INPUT_CHARS);
  return truncateText(collapseWhitespace(isHtml ? await htmlToText(input) : input), MAX_TITLE_CHARS);
}

function fallbackTitle(text: string): string {
  const opening = oneLine(text);
  return opening === "" ? UNTITLED : truncateText(opening, FALLBACK_TITLE_CHARS);
}

function plainAuthor(raw: string | null): string | null {
  if (raw === null) return null;
  let author = collapseWhitespace(decodeEntities(raw));
  author = EMAIL_WITH_NAME.exec(author)?.[1]?.trim() ?? author;
  return author === "" ? null : truncateText(author, MAX_AUTHOR_CHARS);
}

/** Decoded, collapsed, de-duplicated regardless of case (first spelling wins), capped in number and length. */
function plainCategories(raw: string[]): string[] {
  const seen = new Set<string>();
  const categories: string[] = [];
  for (const category of raw) {
    const clean = truncateText(collapseWhitespace(decodeEntities(category)), MAX_CATEGORY_CHARS);
    const key = clean.toLowerCase();
    if (clean === "" || seen.has(key)) continue;
    seen.add(key);
    categories.push(clean);
    if (categories.length === MAX_CATEGORIES) break;
  }
  return categories;
}

/** An absolute http(s) URL from a possibly relative reference, or null for anything else. */
function httpUrl(reference: string | null, base: UrlBase | null): string | null {
  return reference === null ? null : safeUrl(reference, base, HTTP_SCHEMES);
}

/** Gives every story in the batch its own guid; see the module comment for the rule. */
async function settleGuids(drafts: Draft[], holders: GuidHolders): Promise<NormalizedItem[]> {
  const settled: NormalizedItem[] = [];
  for (const { item, nextIdentity } of drafts) {
    const holder = holders.get(item.guid);
    if (holder === nextIdentity) continue;
    let guid = item.guid;
    if (holder !== undefined) {
      guid = `${item.guid}#${(await sha1Hex(nextIdentity)).slice(0, 10)}`;
      for (let n = 2; holders.has(guid); n++) guid = `${item.guid}#${n}`;
    }
    holders.set(guid, nextIdentity);
    settled.push(guid === item.guid ? item : { ...item, guid });
  }
  return settled;
}

function oneLine(text: string): string {
  return text.replaceAll("\n\n", " ");
}

async function sha1Hex(s: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", new TextEncoder().encode(s)));
  let hex = "";
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

