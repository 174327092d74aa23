/**
 * Atom 1.0 (RFC 4287) and the still-served Atom 0.3 entries. Their text constructs say what they hold:
 * Atom 1.0 with type text|html|xhtml, Atom 0.3 with a MIME type and a mode (xml|escaped|base64).
 * Every body is handed on as HTML; plain text is escaped into paragraphs.
 */
import type { ParsedItem } from "../model";
import { joined } from "./parse-rss";
import {
  attrOf, childText, children, distinct, firstOf, resolveBase, sameText, textOf, textToHtml, type XmlElement, type XmlNode,
} from "./parse-node";

export interface AtomScope {
  /** Atom 0.3 (version="0.3" or the purl.org namespace). */
  legacy: boolean;
  /** The feed's authors, which an entry without its own inherits (RFC 4287 §4.2.1). */
  author: string | null;
}

export interface TextConstruct {
  value: string;
  isHtml: boolean;
}

/** `outerBase` is the xml:base in scope around the entry (the feed's). */
export function mapAtomEntry(entry: XmlElement, outerBase: string | null, scope: AtomScope): ParsedItem {
  const title = textConstruct(children(entry, "title")[0], scope.legacy);
  const content = bestContent(children(entry, "content"), scope.legacy);
  const summary = textConstruct(children(entry, "summary")[0], scope.legacy);
  const contentHtml = content && htmlOf(content);
  const summaryHtml = summary && htmlOf(summary);
  const updated = firstOf(childText(entry, "updated"), childText(entry, "modified"));
  return {
    guid: childText(entry, "id"),
    link: alternateLink(children(entry, "link")),
    title: title?.value ?? null,
    titleIsHtml: title?.isHtml ?? false,
    author: firstOf(authorsOf(entry), authorsOf(children(entry, "source")[0]), scope.author),
    // updated is required and published optional in Atom: an entry is published at the latest when updated.
    published: firstOf(childText(entry, "published"), childText(entry, "issued"), childText(entry, "created"), updated),
    updated,
    summary: contentHtml !== null && summaryHtml !== null && !sameText(summaryHtml, contentHtml) ? summaryHtml : null,
    content: firstOf(contentHtml, summaryHtml),
    categories: distinct([
      ...children(entry, "category").map((category) => attrOf(category, "term") ?? textOf(category)),
      ...children(entry, "dc:subject").map(textOf),
    ]),
    base: resolveBase(attrOf(entry, "xml:base"), outerBase),
  };
}

export function authorsOf(node: XmlNode | undefined): string | null {
  return joined(children(node, "author").map((author) => firstOf(childText(author, "name"), childText(author, "email"))));
}

/** RFC 4287 §4.2.7.2: a registered relation may also be written as this URI followed by its name. */
const IANA_RELATION = "http://www.iana.org/assignments/relation/";

/**
 * The entry's web page: rel="alternate" (the default rel), an HTML one first. An xml:base on the link itself
 * applies to its href; the result may still be relative to the entry's base.
 */
export function alternateLink(links: XmlNode[]): string | null {
  const alternates = links.filter((link) => relationOf(link) === "alternate");
  const html = alternates.find((link) => /html/i.test(attrOf(link, "type") ?? "text/html"));
  const link = html ?? alternates[0];
  // Some feeds write Atom links RSS-style, as text.
  const href = attrOf(link, "href") ?? textOf(link);
  return href === null ? null : resolveBase(href, attrOf(link, "xml:base"));
}

function relationOf(link: XmlNode): string {
  const rel = (attrOf(link, "rel") ?? "alternate").toLowerCase();
  return rel.startsWith(IANA_RELATION) ? rel.slice(IANA_RELATION.length) : rel;
}

/**
 * Atom 0.3 may offer several contents, nested in a multipart/alternative one: take an HTML one when there
 * is one.
 */
function bestContent(nodes: XmlNode[], legacy: boolean): TextConstruct | null {
  const offered = legacy ? nodes.flatMap(alternativesOf) : nodes;
  const constructs = offered.map((node) => textConstruct(node, legacy)).filter((c): c is TextConstruct => c !== null);
  return constructs.find((c) => c.isHtml) ?? constructs[0] ?? null;
}

function alternativesOf(node: XmlNode): XmlNode[] {
  return (attrOf(node, "type") ?? "").toLowerCase().startsWith("multipart/") ? children(node, "content") : [node];
}

/**
 * The value of a text construct and whether it is HTML. Inline xhtml arrives as one HTML string (the
 * lenient pass wrapped it). Out-of-line (src) and binary media content carry no text: null.
 */
export function textConstruct(node: XmlNode | undefined, legacy: boolean): TextConstruct | null {
  if (node === undefined || attrOf(node, "src")) return null;
  const type = (attrOf(node, "type") ?? (legacy ? "text/plain" : "text")).toLowerCase();
  const mode = legacy ? (attrOf(node, "mode") ?? "xml").toLowerCase() : "xml";
  const raw = textOf(node);
  const value = raw !== null && mode === "base64" ? decodeBase64(raw) : raw;
  if (value === null) return null;
  if (type === "html" || type === "xhtml" || type.includes("html")) return { value, isHtml: true };
  if (type === "text" || type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml")) {
    return { value, isHtml: false };
  }
  return null;
}

function htmlOf(construct: TextConstruct): string {
  return construct.isHtml ? construct.value : textToHtml(construct.value);
}

function decodeBase64(encoded: string): string | null {
  try {
    const binary = atob(encoded.replace(/\s+/g, ""));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
