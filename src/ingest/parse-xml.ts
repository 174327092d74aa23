/**
 * XML feeds: the prolog is checked, the document repaired, then rss-parser's parseString (xml2js over sax,
 * strict) builds the tree and picks the RSS/RDF/Atom builder. Items are mapped by our own adapters from the
 * raw elements, because rss-parser's item builders lose what the later stages need (see RawItemParser).
 */
import { decodeHTML } from "entities";
import Parser from "rss-parser";
import type { FeedFormat, ParsedFeed } from "../model";
import { alternateLink, authorsOf, mapAtomEntry, textConstruct, type TextConstruct } from "./parse-atom";
import { FeedParseError } from "./parse-error";
import { repairXml, salvageTruncated, trimAfterRoot } from "./parse-lenient";
import { attrOf, childText, type XmlElement, type XmlNode } from "./parse-node";
import { lineAt, readProlog } from "./parse-prolog";
import { mapRssItem } from "./parse-rss";

/** Feed-level elements kept raw (keepArray) through rss-parser's customFields. */
interface RawFeed {
  attributes?: Record<string, string>;
  titles?: XmlNode[];
  links?: XmlNode[];
  authors?: XmlNode[];
  ttls?: XmlNode[];
}
interface RawItem {
  node: XmlElement;
}

const RAW_FEED_FIELDS = [
  ["$", "attributes", { keepArray: true }],
  ["title", "titles", { keepArray: true }],
  ["link", "links", { keepArray: true }],
  ["author", "authors", { keepArray: true }],
  ["ttl", "ttls", { keepArray: true }],
];

/**
 * rss-parser's item builders fold description into `content`, drop attributes (Atom type, xml:base,
 * isPermaLink, category@term), and its Atom builder throws on one unparseable <published>, losing the
 * whole feed. We keep its XML pass and format dispatch and take each item element as it is.
 */
class RawItemParser extends Parser<RawFeed, RawItem> {
  parseItemRss(node: XmlElement): RawItem {
    return { node };
  }
  parseItemAtom(node: XmlElement): RawItem {
    return { node };
  }
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
  const parser = new RawItemParser({
    defaultRSS: 2,
    customFields: { feed: RAW_FEED_FIELDS as unknown as (keyof RawFeed)[] },
  });
  let out: RawFeed & { items: RawItem[] };
  try {
    out = await parser.parseString(xml);
  } catch (error) {
    throw xmlError(error, xml, format);
  }
  const base = attrOf({ $: out.attributes ?? {} }, "xml:base");
  if (format === "atom") {
    const legacy = out.attributes?.version === "0.3" || (out.attributes?.xmlns ?? "").includes("purl.org/atom/ns");
    const feedNode: XmlElement = { author: out.authors ?? [] };
    const scope = { legacy, base, author: authorsOf(feedNode) };
    return {
      format,
      title: plainTitle(textConstruct(out.titles?.[0], legacy)),
      siteUrl: alternateLink(out.links ?? []),
      ttlMinutes: null,
      items: out.items.map((item) => mapAtomEntry(item.node, scope)),
    };
  }
  const channel: XmlElement = { title: out.titles ?? [], link: out.links ?? [], ttl: out.ttls ?? [] };
  return {
    format,
    title: childText(channel, "title"),
    siteUrl: childText(channel, "link"),
    ttlMinutes: minutes(childText(channel, "ttl")),
    items: out.items.map((item) => mapRssItem(item.node, base)),
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
  if (!sax) return new FeedParseError(`parse: not a valid ${format.toUpperCase()} document (${message})`);
  const line = Number(sax[2]) + 1;
  if (/unclosed root tag|unexpected end/i.test(sax[1] ?? "")) {
    return new FeedParseError(`parse: unexpected end of XML at line ${Math.min(line, lineAt(xml, xml.length))}`);
  }
  return new FeedParseError(`parse: malformed XML at line ${line}, column ${sax[3]}: ${(sax[1] ?? "").toLowerCase()}`);
}

