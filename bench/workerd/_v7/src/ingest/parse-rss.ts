/**
 * RSS 0.90–0.92, 2.0 and 1.0/RDF items, read from the elements rss-parser's XML pass kept. RSS titles
 * may carry entity-escaped markup, and descriptions are HTML, so both are handed on as HTML.
 */
import type { ParsedItem } from "../model";
import { attrOf, childText, children, distinct, firstOf, resolveBase, sameText, textOf, type XmlElement } from "./parse-node";

export function mapRssItem(item: XmlElement, channelBase: string | null): ParsedItem {
  const guidNode = children(item, "guid")[0];
  const guid = firstOf(textOf(guidNode), attrOf(item, "rdf:about"));
  const description = childText(item, "description");
  const encoded = childText(item, "content:encoded");
  // Dublin Core's description is a summary (DCMI: "an account of the resource").
  const dcDescription = childText(item, "dc:description");
  const body = firstOf(encoded, description);
  const updated = firstOf(childText(item, "dcterms:modified"), childText(item, "atom:updated"));
  return {
    guid,
    link: firstOf(childText(item, "feedburner:origLink"), childText(item, "link"), permalinkOf(guidNode, guid)),
    title: firstOf(childText(item, "title"), childText(item, "dc:title")),
    titleIsHtml: true,
    author: firstOf(joined(children(item, "dc:creator").map(textOf)), childText(item, "author")),
    // An item with only a modification date was at least published by then.
    // DCMI Terms dates are fallbacks, most to least like a publication date.
    published: firstOf(
      childText(item, "pubDate"),
      childText(item, "dc:date"),
      childText(item, "dcterms:issued"),
      childText(item, "dcterms:created"),
      childText(item, "dcterms:available"),
      updated,
    ),
    updated,
    summary:
      encoded !== null && description !== null && !sameText(description, encoded)
        ? description
        : dcDescription !== null && body !== null && !sameText(dcDescription, body)
          ? dcDescription
          : null,
    content: firstOf(body, dcDescription),
    categories: distinct([...children(item, "category"), ...children(item, "dc:subject")].map(textOf)),
    base: resolveBase(attrOf(item, "xml:base"), channelBase),
  };
}

/** RSS 2.0: a guid is the item's URL unless it says isPermaLink="false". */
function permalinkOf(guidNode: ReturnType<typeof children>[number] | undefined, guid: string | null): string | null {
  if (!guid || attrOf(guidNode, "isPermaLink")?.toLowerCase() === "false") return null;
  return /^https?:\/\//i.test(guid) ? guid : null;
}

export function joined(names: (string | null)[]): string | null {
  const list = distinct(names);
  return list.length ? list.join(", ") : null;
}
