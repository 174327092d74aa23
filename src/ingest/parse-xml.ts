/**
 * XML feeds: the prolog is checked, the document repaired, then rss-parser's parseString (xml2js over sax,
 * strict) builds the tree and picks the RSS/RDF/Atom builder. Our builders keep the raw elements and our
 * adapters map them, because rss-parser's own builders lose what the later stages need (see RawFeedParser).
 */
import { decodeHTML } from "entities";
import Parser from "rss-parser";
import type { FeedFormat, ParsedFeed } from "../model";
import { alternateLink, authorsOf, mapAtomEntry, textConstruct, type TextConstruct } from "./parse-atom";
import { FeedParseError } from "./parse-error";
import { repairXml, salvageTruncated, trimAfterRoot } from "./parse-lenient";
import { attrOf, childText, children, type XmlElement, type XmlNode } from "./parse-node";
import { lineAt, readProlog } from "./parse-prolog";
import { mapRssItem } from "./parse-rss";

/** What our builders hand back through parseString: the channel (or Atom feed) element and its items. */
interface RawFeed {
  feed: XmlElement;
  items: XmlElement[];
}

/**
 * rss-parser's builders fold description into `content`, drop attributes (Atom type, xml:base,
 * isPermaLink, category@term), and throw on one unparseable Atom <published> or one <link> without
 * attributes, losing the whole feed; customFields cannot prevent either. We keep its XML pass (xml2js
 * over sax, strict) and its choice of builder by root element and version, and replace the builders.
 */
class RawFeedParser extends Parser {
  buildRSS(channel: XmlNode, items: XmlNode[] | undefined): RawFeed {
    return { feed: asElement(channel), items: (items ?? []).filter(isElement) };
  }
  buildAtomFeed(doc: { feed: XmlNode }): RawFeed {
    const feed = asElement(doc.feed);
    return { feed, items: children(feed, "entry").filter(isElement) };
  }
  /** Podcast metadata is not news; its builder also walks the items we replaced. */
  decorateItunes(): void {}
}

function isElement(node: XmlNode): node is XmlElement {
  return typeof node === "object";
}

/** xml2js gives an empty element as "" and a text-only one as a string. */
function asElement(node: XmlNode): XmlElement {
  return isElement(node) ? node : { _: node };
}

const FORMAT_OF_ROOT: Record<string, FeedFormat> = { rss: "rss", "rdf:RDF": "rdf", feed: "atom" };

/** Parses an XML feed document (already decoded, illegal characters stripped). */
export async function parseXmlFeed(text: string): Promise<ParsedFeed> {
  const { root, xml, htmlDoctype } = readProlog(text);
  const format = FORMAT_OF_ROOT[root];
  if (!format) throw notAFeed(root, htmlDoctype);
  const whole = trimAfterRoot(xml, root);
  if (whole !== null) return readFeed(repairXml(whole, root), format);
  // No close tag for the root: the body was cut off. Keep the complete items when there are some.
  const salvaged = salvageTruncated(xml, root);
  if (salvaged === null) throw new FeedParseError(`parse: unexpected end of XML at line ${lineAt(xml, xml.length)}`);
  return readFeed(repairXml(salvaged, root), format);
}

function notAFeed(root: string, htmlDoctype: boolean): FeedParseError {
  if (htmlDoctype || /^(?:html|head|body)$/i.test(root)) return new FeedParseError("parse: not a feed (looks like an HTML page)");
  if (root.toLowerCase() === "opml") return new FeedParseError("parse: not a feed (an OPML subscription list)");
  return new FeedParseError(`parse: not a feed (root element <${root}> is not rss, rdf:RDF or feed)`);
}

async function readFeed(xml: string, format: FeedFormat): Promise<ParsedFeed> {
  let raw: RawFeed;
  try {
    raw = (await new RawFeedParser({ defaultRSS: 2 }).parseString(xml)) as unknown as RawFeed;
  } catch (error) {
    throw xmlError(error, xml, format);
  }
  const { feed, items } = raw;
  const base = attrOf(feed, "xml:base");
  if (format === "atom") {
    const legacy = attrOf(feed, "version") === "0.3" || (attrOf(feed, "xmlns") ?? "").includes("purl.org/atom/ns");
    const scope = { legacy, base, author: authorsOf(feed) };
    return {
      format,
      title: plainTitle(textConstruct(children(feed, "title")[0], legacy)),
      siteUrl: alternateLink(children(feed, "link")),
      ttlMinutes: null,
      items: items.map((entry) => mapAtomEntry(entry, scope)),
    };
  }
  return {
    format,
    title: childText(feed, "title"),
    siteUrl: childText(feed, "link"),
    ttlMinutes: minutes(childText(feed, "ttl")),
    items: items.map((item) => mapRssItem(item, base)),
  };
}

/** ParsedFeed.title carries no markup flag, so an HTML feed title is reduced to its text here. */
function plainTitle(title: TextConstruct | null): string | null {
  if (!title) return null;
  return title.isHtml ? decodeHTML(title.value.replace(/<[^>]*>/g, "")).trim() || null : title.value;
}

function minutes(ttl: string | null): number | null {
  const value = ttl === null ? NaN : Number(ttl);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** sax reports "Message\nLine: 0-based\nColumn: n\nChar: c"; a feed owner wants a line they can open. */
function xmlError(error: unknown, xml: string, format: FeedFormat): FeedParseError {
  const message = error instanceof Error ? error.message : String(error);
  const sax = /^(.*)\nLine: (\d+)\nColumn: (\d+)/.exec(message);
  if (!sax) {
    const missing = format !== "atom" && !/<channel[\s>/]/.test(xml) ? "no <channel> element" : "unexpected structure";
    return new FeedParseError(`parse: not a valid ${format.toUpperCase()} document (${missing})`);
  }
  const line = Number(sax[2]) + 1;
  if (/unclosed root tag|unexpected end/i.test(sax[1] ?? "")) {
    return new FeedParseError(`parse: unexpected end of XML at line ${Math.min(line, lineAt(xml, xml.length))}`);
  }
  return new FeedParseError(`parse: malformed XML at line ${line}, column ${sax[3]}: ${(sax[1] ?? "").toLowerCase()}`);
}

