/**
 * extract: one news page's HTML in → its story's text, byline, page metadata, provenance signals, and whether
 * it is a wall rather than a story. Pure (a string in, nothing fetched): the article queue consumer and
 * POST /v1/annotate with `extract` both call extractPage, so the two give the same result.
 *
 * The main text comes from @mozilla/readability on linkedom, or from the feed's own CSS selector when it has
 * one. Readability keeps the article element and nothing around it; wire copy needs more, so the page's other
 * visible blocks are returned too (`outside`), for the annotator to look for a closing disclaimer or a
 * dateline that sat in its own element (annotate/article.ts).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom/worker";
import type { PageSignal } from "../model";
import { type DomNode, paragraphsOf } from "./blocks";
import { readMetadata } from "./metadata";
import { provenanceSignals } from "./provenance";
import { detectWall, type Wall } from "./walls";

export type { Wall } from "./walls";

export interface ExtractedPage {
  /** Headline: JSON-LD headline, else og:title, else what Readability found. */
  title: string | null;
  byline: string | null;
  /** ISO 8601 UTC, from the page's metadata; null when it gave none or none that parses. */
  published_at: string | null;
  site_name: string | null;
  /** Authors the page names in its metadata (JSON-LD, author meta tags), as written. */
  authors: string[];
  /** The story's text, one paragraph per entry. */
  paragraphs: string[];
  /** Visible blocks outside the story's text, in page order, without navigation and page furniture. */
  outside: string[];
  signals: PageSignal[];
  wall: Wall | null;
  /** How the text was found: the feed's selector, Readability, or the page's JSON-LD articleBody. */
  method: "selector" | "readability" | "json-ld";
}

export interface ExtractOptions {
  /** Where the page was fetched from, after redirects: resolves relative links and tells outlets apart. */
  url?: string | null;
  /** A CSS selector for the story's element (the feed's article_selector); Readability when absent or unmatched. */
  selector?: string | null;
}

/** Navigation and furniture never hold the story's own disclaimer or dateline. */
const FURNITURE_TAGS = new Set(["nav", "aside", "form", "menu", "figcaption"]);
const FURNITURE_NAMES =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookies?|consent|gdpr|share|sharing|social|comments?|related|recommended|newsletter|promo|advert|ads?|subscribe|sidebar|trending|most-read|popular|meta|tags?|posted|timestamp)(?:$|[\s_-])/i;
/** Lines that are page furniture whatever element holds them. */
const BOILERPLATE_LINE =
  /^(?:advertisement|advert|sponsored|ad|story continues below|scroll to continue|continue reading)$|^(?:also read|read also|read more|see also|also see|recommended)\s*[:|]/i;

function isFurniture(node: DomNode): boolean {
  if (FURNITURE_TAGS.has(node.nodeName.toLowerCase())) return true;
  const names = `${node.getAttribute?.("class") ?? ""} ${node.getAttribute?.("id") ?? ""} ${node.getAttribute?.("role") ?? ""}`;
  return FURNITURE_NAMES.test(names) || /\bnavigation\b/.test(names);
}

/** A paragraph's words, lower-cased, for telling whether it is part of the story's text. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function wordCount(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0);
}

type PageDocument = ReturnType<typeof parseHTML>["document"];

function bySelector(document: PageDocument, selector: string | null | undefined): string[] | null {
  if (!selector) return null;
  let element: ReturnType<PageDocument["querySelector"]>;
  try {
    element = document.querySelector(selector);
  } catch {
    // An invalid selector falls back to Readability rather than failing the page.
    return null;
  }
  if (element === null) return null;
  // The feed's own choice of element: taken whole, furniture tests and all left aside.
  const paragraphs = paragraphsOf(element as unknown as DomNode);
  return paragraphs.length > 0 ? paragraphs : null;
}

export function extractPage(html: string, opts: ExtractOptions = {}): ExtractedPage {
  const url = opts.url ?? null;
  const { document } = parseHTML(html);
  const meta = readMetadata(document);
  const body = (document.body ?? document.documentElement) as unknown as DomNode | null;
  // Read before Readability, which takes the document apart as it works.
  const visible = body ? paragraphsOf(body, isFurniture) : [];
  // Banners included, for the wall test: a wall's wording may sit in what the other walk counts as furniture.
  const everything = body ? paragraphsOf(body).join("\n") : "";

  let method: ExtractedPage["method"] = "selector";
  let paragraphs = bySelector(document, opts.selector);
  let byline: string | null = null;
  let readabilityTitle: string | null = null;
  let readabilitySite: string | null = null;
  let readabilityPublished: string | null = null;
  if (paragraphs === null) {
    method = "readability";
    // Readability's types name the browser's DOM, which linkedom implements but this project's types lack.
    const article = new Readability<DomNode>(document as never, {
      serializer: (el) => el as DomNode,
      charThreshold: 300,
      // Kept so that furniture left inside the article (ad slots, newsletter boxes) is still known by its class.
      keepClasses: true,
    }).parse();
    paragraphs = article?.content ? paragraphsOf(article.content, isFurniture).filter((p) => !BOILERPLATE_LINE.test(p)) : [];
    byline = article?.byline?.trim() || null;
    readabilityTitle = article?.title?.trim() || null;
    readabilitySite = article?.siteName?.trim() || null;
    readabilityPublished = article?.publishedTime ?? null;
  }
  // AMP and script-rendered pages may carry the story only in their JSON-LD.
  const ldBody = meta.jsonLd?.articleBody?.trim();
  if (ldBody) {
    const ldParagraphs = ldBody.split(/\n\s*\n|\r?\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
    if (wordCount(ldParagraphs) > 1.5 * wordCount(paragraphs) + 20) {
      paragraphs = ldParagraphs;
      method = "json-ld";
    }
  }

  const inside = new Set(paragraphs.map(key));
  const whole = key(paragraphs.join(" "));
  const outside = visible.filter((p) => {
    const k = key(p);
    return k !== "" && !inside.has(k) && !whole.includes(k);
  });
  const text = paragraphs.join("\n\n");
  const authors = [...new Set([...(meta.jsonLd?.authors ?? []), ...meta.authors])];
  return {
    title: meta.jsonLd?.headline ?? meta.title ?? readabilityTitle,
    byline,
    published_at: isoDate(meta.published) ?? isoDate(readabilityPublished),
    site_name: meta.siteName ?? readabilitySite,
    authors,
    paragraphs,
    outside,
    signals: provenanceSignals(meta, url, byline),
    wall: detectWall(html, text, everything, url),
    method,
  };
}
