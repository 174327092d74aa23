/**
 * XML feeds: the prolog is checked, a prefix bound to Atom dropped, the document repaired, then rss-parser's
 * parseString (xml2js over sax, strict) builds the tree and picks the RSS/RDF/Atom builder. Our builders keep
 * the raw elements and our adapters map them, because rss-parser's own builders lose what the later stages
 * need (see RawFeedParser). xml:base is resolved element by element down to each item.
 */
import { decodeHTML } from "entities";
import Parser from "rss-parser";
import type { FeedFormat, ParsedFeed } from "../model";
import { alternateLink, authorsOf, mapAtomEntry, textConstruct, type TextConstruct } from "./parse-atom";
import { FeedParseError } from "./parse-error";
import { repairXml, salvageTruncated, trimAfterRoot } from "./parse-lenient";
import { unprefixRoot } from "./parse-namespace";
import { attrOf, childText, children, resolveBase, type XmlElement, type XmlNode } from "./parse-node";
import { lineAt, readProlog } from "./parse-prolog";
import { mapRssItem } from "./parse-rss";

/** What our builders hand back through parseString: the channel (or Atom feed) element and its items. */
interface RawFeed {
  feed: XmlElement;
  items: RawItem[];
}

interface RawItem {
  item: XmlElement;
  /** The xml:base in scope around the item, from its ancestors (the item's own is read by the adapter). */
  base: string | null;
}

/**
 * rss-parser's builders fold description into `content`, drop attributes (Atom type, xml:base,
 * isPermaLink, category@term), and throw on one unparseable Atom <published> or one <link> without
 * attributes, losing the whole feed; customFields cannot prevent either. We keep its XML pass (xml2js
 * over sax, strict) and its choice of builder by root element and version, and replace the builders.
 */
class RawFeedParser extends Parser {
  buildRSS2(doc: { rss: XmlNode }): RawFeed {
    return rssFeed(asElement(doc.rss));
  }
  buildRSS0_9(doc: { rss: XmlNode }): RawFeed {
    return rssFeed(asElement(doc.rss));
  }
  /** RSS 1.0 items are the channel's siblings: only the root's xml:base is around them. */
  buildRSS1(doc: { "rdf:RDF": XmlNode }): RawFeed {
    const root = asElement(doc["rdf:RDF"]);
    const base = attrOf(root, "xml:base");
    return { feed: channelOf(root), items: children(root, "item").filter(isElement).map((item) => ({ item, base })) };
  }
  buildAtomFeed(doc: { feed: XmlNode }): RawFeed {
    const feed = asElement(doc.feed);
    const base = attrOf(feed, "xml:base");
    return { feed, items: children(feed, "entry").filter(isElement).map((item) => ({ item, base })) };
  }
}

/**
 * RSS 0.9x/2.0: the items in the channel, then any a broken generator put after </channel> but inside
 * <rss>, which good readers still show.
 */
function rssFeed(root: XmlElement): RawFeed {
  const channel = channelOf(root);
  const rootBase = attrOf(root, "xml:base");
  const channelBase = resolveBase(attrOf(channel, "xml:base"), rootBase);
  const inside = children(channel, "item").filter(isElement).map((item) => ({ item, base: channelBase }));
  const outside = children(root, "item").filter(isElement).map((item) => ({ item, base: rootBase }));
  return { feed: channel, items: [...inside, ...outside] };
}

/** An RSS document without a channel is not one: readFeed reports it from the text. */
function channelOf(root: XmlElement): XmlElement {
  const channel = children(root, "channel")[0];
  if (channel === undefined) throw new Error("no channel");
  return asElement(channel);
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
  const prolog = readProlog(text);
  const { root, xml, namespace } = unprefixRoot(prolog.xml, prolog.root, prolog.rootAt);
  const format = FORMAT_OF_ROOT[root];
  if (!format) throw notAFeed(root, prolog.htmlDoctype);
  const warnings: string[] = [];
  const whole = trimAfterRoot(xml, root);
  if (whole !== null) return { ...(await readFeed(repairXml(whole, root, warnings), format, namespace)), warnings };
  // No close tag for the root: the body was cut off. Keep the complete items when there are some.
  const salvaged = salvageTruncated(xml, root);
  if (salvaged === null) throw new FeedParseError(`parse: unexpected end of XML at line ${lineAt(xml, xml.length)}`);
  const feed = await readFeed(repairXml(salvaged, root, warnings), format, namespace);
  warnings.unshift(`the document ends before </${root}>: kept the ${feed.items.length} complete items`);
  return { ...feed, warnings };
}

function notAFeed(root: string, htmlDoctype: boolean): FeedParseError {
  if (htmlDoctype || /^(?:html|head|body)$/i.test(root)) return new FeedParseError("parse: not a feed (looks like an HTML page)");
  if (root.toLowerCase() === "opml") return new FeedParseError("parse: not a feed (an OPML subscription list)");
  return new FeedParseError(`parse: not a feed (root element <${root}> is not rss, rdf:RDF or feed)`);
}

/** `namespace` is the root element's namespace URI: it tells Atom 0.3 from 1.0. */
async function readFeed(xml: string, format: FeedFormat, namespace: string | null): Promise<Omit<ParsedFeed, "warnings">> {
  let raw: RawFeed;
  try {
    raw = (await new RawFeedParser({ defaultRSS: 2 }).parseString(xml)) as unknown as RawFeed;
  } catch (error) {
    throw xmlError(error, xml, format);
  }
  const { feed, items } = raw;
  if (format === "atom") {
    const legacy = attrOf(feed, "version") === "0.3" || (namespace ?? "").includes("purl.org/atom/ns");
    const scope = { legacy, author: authorsOf(feed) };
    return {
      format,
      title: plainTitle(textConstruct(children(feed, "title")[0], legacy)),
      siteUrl: alternateLink(children(feed, "link")),
      ttlMinutes: null,
      items: items.map(({ item, base }) => mapAtomEntry(item, base, scope)),
    };
  }
  return {
    format,
    title: childText(feed, "title"),
    siteUrl: childText(feed, "link"),
    ttlMinutes: minutes(childText(feed, "ttl")),
    items: items.map(({ item, base }) => mapRssItem(item, base)),
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

