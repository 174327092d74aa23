/**
 * OPML 2.0 subscription lists: read the feed URLs out of an import, write the registered feeds out.
 * Pure. Outlines nest (folders); every outline with an xmlUrl is a feed, wherever it sits.
 */
import { escapeUTF8 as escapeXML } from "entities";
import { Parser } from "htmlparser2";

export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
}

export class OpmlError extends Error {}

/** Lists the feeds of an OPML document. Entity declarations are refused, as for feeds (CONTRACT.md). */
export function parseOpml(xml: string): OpmlFeed[] {
  if (/<!ENTITY/i.test(xml)) throw new OpmlError("opml: document declares XML entities (<!ENTITY), refused");
  const feeds: OpmlFeed[] = [];
  let sawOpml = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "opml") sawOpml = true;
        if (name !== "outline") return;
        // Attribute names are case-sensitive in OPML, but exporters disagree on xmlUrl vs xmlurl.
        const get = (key: string) => attrs[key] ?? attrs[key.toLowerCase()] ?? null;
        const url = get("xmlUrl")?.trim();
        if (url) feeds.push({ url, title: get("title") ?? get("text"), siteUrl: get("htmlUrl") });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (!sawOpml) throw new OpmlError("opml: not an OPML document (no <opml> element)");
  return feeds;
}

export function renderOpml(feeds: OpmlFeed[], title: string, now: Date): string {
  const outlines = feeds
    .map((f) => {
      const attrs = [
        `type="rss"`,
        `text="${escapeXML(f.title ?? f.url)}"`,
        f.title ? `title="${escapeXML(f.title)}"` : "",
        `xmlUrl="${escapeXML(f.url)}"`,
        f.siteUrl ? `htmlUrl="${escapeXML(f.siteUrl)}"` : "",
      ].filter(Boolean);
      return `    <outline ${attrs.join(" ")}/>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>${escapeXML(title)}</title>
    <dateCreated>${now.toUTCString()}</dateCreated>
  </head>
  <body>
${outlines}
  </body>
</opml>
`;
}
