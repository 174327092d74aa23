/**
 * Feed parsing found wanting from outside (issue 13, item 9): root elements with a namespace prefix and no
 * default namespace, Dublin Core descriptions, and DCMI Terms dates as fallbacks.
 */
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/parse";

const bytes = (xml: string) => new TextEncoder().encode(xml);

describe("prefixed roots", () => {
  it("reads an RSS 2.0 document whose root is <r:rss>", async () => {
    const feed = await parseFeed(
      bytes(`<?xml version="1.0"?>
<r:rss xmlns:r="http://backend.userland.com/rss2" version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><r:channel><r:title>Prefixed</r:title><r:link>https://prefixed.example/</r:link>
<r:item><r:title>First story</r:title><r:link>https://prefixed.example/1</r:link><r:guid>p-1</r:guid><r:pubDate>Tue, 12 Mar 2024 06:00:00 GMT</r:pubDate><dc:creator>Ana Ruiz</dc:creator><r:description>Body one.</r:description></r:item>
</r:channel></r:rss>`),
      "application/rss+xml",
    );
    expect(feed).toMatchObject({ format: "rss", title: "Prefixed", siteUrl: "https://prefixed.example/" });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ guid: "p-1", link: "https://prefixed.example/1", title: "First story", author: "Ana Ruiz", published: "Tue, 12 Mar 2024 06:00:00 GMT", content: "Body one." });
  });

  it("reads an RDF document whose RSS 1.0 elements are all prefixed", async () => {
    const feed = await parseFeed(
      bytes(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <rss:channel rdf:about="https://plains.example/"><rss:title>Plains Courier</rss:title><rss:link>https://plains.example/</rss:link><rss:description>Farm news</rss:description></rss:channel>
  <rss:item rdf:about="https://plains.example/a/1"><rss:title>Wheat prices rise</rss:title><rss:link>https://plains.example/a/1</rss:link><dc:date>2024-03-12T06:00:00Z</dc:date><rss:description>Prices rose.</rss:description></rss:item>
  <rss:item rdf:about="https://plains.example/a/2"><rss:title>Rain at last</rss:title><rss:link>https://plains.example/a/2</rss:link></rss:item>
</rdf:RDF>`),
      "application/rdf+xml",
    );
    expect(feed).toMatchObject({ format: "rdf", title: "Plains Courier", siteUrl: "https://plains.example/" });
    expect(feed.items.map((i) => [i.guid, i.title, i.link])).toEqual([
      ["https://plains.example/a/1", "Wheat prices rise", "https://plains.example/a/1"],
      ["https://plains.example/a/2", "Rain at last", "https://plains.example/a/2"],
    ]);
    expect(feed.items[0]).toMatchObject({ published: "2024-03-12T06:00:00Z", content: "Prices rose." });
  });
});

describe("Dublin Core and DCMI Terms", () => {
  const rss = (item: string) =>
    bytes(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><item><guid>g</guid><title>A story</title>${item}</item></channel></rss>`);

  it("reads dc:description as the summary beside a body", async () => {
    const [i] = (await parseFeed(rss("<dc:description>The short version.</dc:description><content:encoded>&lt;p&gt;The long version.&lt;/p&gt;</content:encoded>"), null)).items;
    expect(i).toMatchObject({ summary: "The short version.", content: "<p>The long version.</p>" });
  });

  it("takes dc:description as the body when it is all the item has", async () => {
    const [i] = (await parseFeed(rss("<dc:description>Only this.</dc:description>"), null)).items;
    expect(i).toMatchObject({ summary: null, content: "Only this." });
  });

  it.each([
    ["dcterms:issued", "<dcterms:issued>2024-03-10T01:00:00Z</dcterms:issued><dcterms:created>2024-03-09T01:00:00Z</dcterms:created>", "2024-03-10T01:00:00Z"],
    ["dcterms:created", "<dcterms:created>2024-03-09T01:00:00Z</dcterms:created><dcterms:available>2024-03-11T01:00:00Z</dcterms:available>", "2024-03-09T01:00:00Z"],
    ["dcterms:available", "<dcterms:available>2024-03-11T01:00:00Z</dcterms:available><dcterms:modified>2024-03-12T01:00:00Z</dcterms:modified>", "2024-03-11T01:00:00Z"],
    ["dcterms:modified", "<dcterms:modified>2024-03-12T01:00:00Z</dcterms:modified>", "2024-03-12T01:00:00Z"],
  ])("falls back to %s for the publication date", async (_name, dates, published) => {
    const [i] = (await parseFeed(rss(`<description>Body.</description>${dates}`), null)).items;
    expect(i!.published).toBe(published);
  });

  it("prefers pubDate over every DCMI date", async () => {
    const [i] = (await parseFeed(rss("<pubDate>Tue, 12 Mar 2024 06:00:00 GMT</pubDate><dcterms:created>2024-03-09T01:00:00Z</dcterms:created>"), null)).items;
    expect(i!.published).toBe("Tue, 12 Mar 2024 06:00:00 GMT");
  });
});
