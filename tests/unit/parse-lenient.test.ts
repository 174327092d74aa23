import { describe, expect, inject, it } from "vitest";
import { parseFeed } from "../../src/ingest/parse";
import { MAX_DEPTH, MAX_ITEMS } from "../../src/ingest/parse-limits";

async function fixtureBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`${inject("feedServer")}/fixtures/${path}`);
  if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const encode = (text: string) => new TextEncoder().encode(text);
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;

describe("parseFeed recovers the feeds that strict XML parsers reject", () => {
  it("escapes stray '&', maps HTML named entities and windows-1252 numeric references", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/lenient-entities.xml"), null);
    expect(feed.title).toBe("Fish & Chips Daily");
    expect(feed.siteUrl).toBe("https://fishandchips.example/?edition=uk&lang=en");
    expect(feed.items[0]).toMatchObject({
      title: "Caf\u00e9 owners\u00a0meet \u2014 again\u2026",
      link: "https://fishandchips.example/story?id=7&page=2",
      content: "Salt & vinegar prices rose 5% & more; AT&T\u2122 said &unknownthing; and \u2013 \u2019tis.",
      categories: ["Food & Drink"],
    });
  });

  it("reads an unescaped '<' in text as a less-than sign and keeps double escapes for the normalizer", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/lenient-entities.xml"), null);
    expect(feed.items[1]).toMatchObject({
      title: "Prices: 3 < 4, always",
      content: "A <b>bold</b> claim &amp; a double escape.",
    });
  });

  it("skips server warnings printed before the feed and junk after its root element", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/junk-around.xml"), null);
    expect(feed.title).toBe("Noisy Server");
    expect(feed.items.map((i) => i.title)).toEqual(["Still a feed"]);
  });

  it("keeps unescaped HTML in descriptions and titles as one HTML string, even when not well-formed", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/raw-html.xml"), null);
    expect(feed.items[0]).toMatchObject({
      title: "Markup <b>inside</b> the title",
      titleIsHtml: true,
      summary: "<p>First line<br>second line</p><p>Then <i>more</i> text &nbsp; here</p>",
      content: '<div class="body"><p>Body with <img src="/x.png"> an image.</p></div>',
    });
  });

  it("drops control characters that XML forbids", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/control-chars.xml"), null);
    expect(feed.title).toBe("Control characters");
    expect(feed.items[0]).toMatchObject({ title: "Vertical tab and form feed", content: "Bell and escape removed." });
  });

  it("salvages the complete items of a truncated feed", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/truncated.xml"), null);
    expect(feed.title).toBe("Cut Short");
    expect(feed.items.map((i) => i.link)).toEqual(["https://cutshort.example/1", "https://cutshort.example/2"]);
    expect(feed.warnings).toEqual(["the document ends before </rss>: kept the 2 complete items"]);
  });

  it("salvages a truncated feed whose last complete items sit after </channel>", async () => {
    const cut = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><guid>in</guid></item></channel>' +
      "<item><guid>out-1</guid></item><item><guid>out-2</guid></item><item><guid>ou";
    const feed = await parseFeed(encode(cut), null);
    expect(feed.items.map((i) => i.guid)).toEqual(["in", "out-1", "out-2"]);
  });

  it(`keeps the first ${MAX_ITEMS} items when the ones after </channel> take it over the limit`, async () => {
    const inside = Array.from({ length: 10 }, (_, i) => `<item><guid>in-${i}</guid></item>`).join("");
    const outside = Array.from({ length: MAX_ITEMS }, (_, i) => `<item><guid>out-${i}</guid></item>`).join("");
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${inside}</channel>${outside}</rss>`;
    const feed = await parseFeed(encode(xml), null);
    expect(feed.items).toHaveLength(MAX_ITEMS);
    expect(feed.items.at(-1)?.guid).toBe(`out-${MAX_ITEMS - 11}`);
    expect(feed.warnings).toEqual(["more than 1,000 items: kept the first 1,000"]);
  });

  it.each([
    ["a&nbsp;b", "a\u00a0b"],
    ["&eacute;", "\u00e9"],
    ["&mdash;", "\u2014"],
    ["&hellip;", "\u2026"],
    ["&rsquo;", "\u2019"],
    ["&trade;", "\u2122"],
    ["&AMP;", "&"],
    ["&#x1F600;", "\u{1F600}"],
    ["&#146;", "\u2019"],
    ["&#0;", "\uFFFD"],
    ["&#xD800;", "\uFFFD"],
    ["a & b", "a & b"],
    ["&;", "&;"],
    ["&notanentity;", "&notanentity;"],
    ["&notit;", "&notit;"],
    ["&nvlt;", "<\u20D2"],
    ["&#x26;", "&"],
  ])("reads %j in a title as %j", async (written, read) => {
    const feed = await parseFeed(encode(rss(`<item><title>${written}</title></item>`)), null);
    expect(feed.items[0]?.title).toBe(read);
  });

  it("repairs entities inside attributes, including on an element whose markup is wrapped", async () => {
    const feed = await parseFeed(
      encode(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/?x=1&y=2"><entry><id>1</id>` +
        `<link href="https://a.example/?p=1&q=2"/><content type="xhtml" xml:base="https://a.example/?m=1&n=2">` +
        `<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>`),
      null,
    );
    expect(feed.items[0]).toMatchObject({ link: "https://a.example/?p=1&q=2", base: "https://a.example/?x=1&y=2", content: "<p>x</p>" });
  });

  it("strips namespace prefixes from inline XHTML written with one", async () => {
    const feed = await parseFeed(
      encode(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="xhtml">` +
        `<xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">A <xhtml:b>bold</xhtml:b> move</xhtml:div></title></entry></feed>`),
      null,
    );
    expect(feed.items[0]).toMatchObject({ title: "A <b>bold</b> move", titleIsHtml: true });
  });

  it("keeps a ']]>' inside wrapped markup intact", async () => {
    const feed = await parseFeed(encode(rss("<item><description><p>a]]>b</p></description></item>")), null);
    expect(feed.items[0]?.content).toBe("<p>a]]>b</p>");
  });

  it(`accepts markup nested ${MAX_DEPTH} deep inside a description`, async () => {
    const html = "<div>".repeat(MAX_DEPTH - 8) + "deep" + "</div>".repeat(MAX_DEPTH - 8);
    const feed = await parseFeed(encode(rss(`<item><description>${html}</description></item>`)), null);
    expect(feed.items[0]?.content).toBe(html);
  });

  it("reads Atom links written as text, at feed and entry level (rss-parser alone throws on them)", async () => {
    const feed = await parseFeed(
      encode(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link>https://a.example/</link>` +
        `<entry><id>1</id><link>https://a.example/1</link></entry></feed>`),
      null,
    );
    expect(feed.siteUrl).toBe("https://a.example/");
    expect(feed.items[0]?.link).toBe("https://a.example/1");
  });

  it("reads an RSS feed with no version attribute as RSS 2.0", async () => {
    const feed = await parseFeed(encode("<rss><channel><title>T</title><item><title>x</title></item></channel></rss>"), null);
    expect(feed).toMatchObject({ format: "rss", title: "T" });
    expect(feed.items.map((i) => i.title)).toEqual(["x"]);
  });

  it("ignores podcast metadata it does not need, even malformed", async () => {
    const feed = await parseFeed(
      encode(`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>P</title>` +
        `<itunes:owner/><itunes:category/><itunes:keywords/><item><title>Episode</title><itunes:image/></item></channel></rss>`),
      null,
    );
    expect(feed.items.map((i) => i.title)).toEqual(["Episode"]);
  });

  it("skips empty items instead of failing on them", async () => {
    const feed = await parseFeed(encode(rss("<item/><item><title>kept</title></item>")), null);
    expect(feed.items.map((i) => i.title)).toEqual(["kept"]);
  });
});
