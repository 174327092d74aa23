import * as fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { FeedParseError, parseFeed } from "../../src/ingest/parse";
import { MAX_ATTRIBUTES, MAX_DEPTH, MAX_ELEMENTS, MAX_ITEMS, MAX_PARSE_BYTES } from "../../src/ingest/parse-limits";

async function fixtureBytes(path: string): Promise<Uint8Array> {
  const url = `${inject("feedServer")}/fixtures/${path}`;
  // After a long CPU-bound test the server may have closed the pooled keep-alive socket: retry once.
  const res = await fetch(url).catch(() => fetch(url));
  if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const encode = (text: string) => new TextEncoder().encode(text);
const rss = (items: string) =>
  `<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>T</title><link>https://t.example/</link>\n${items}</channel></rss>`;

async function parseError(bytes: Uint8Array, contentType: string | null = null): Promise<FeedParseError> {
  const error = await parseFeed(bytes, contentType).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedParseError);
  return error as FeedParseError;
}

const ENTITIES_REFUSED = "parse: feed declares XML entities (<!ENTITY), refused";

describe("parseFeed refuses entity declarations: nothing is expanded, nothing fetched", () => {
  it.each([
    "hostile/billion-laughs.xml",
    "hostile/quadratic-blowup.xml",
    "hostile/xxe-file.xml",
    "hostile/xxe-http.xml",
    "hostile/xxe-parameter.xml",
  ])("%s", async (file) => {
    expect((await parseError(await fixtureBytes(file))).message).toBe(ENTITIES_REFUSED);
  });

  it("never requests an external entity's URL", async () => {
    const probe = `${inject("feedServer")}/mutable/xxe-probe`;
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "${probe}">]>${rss("<item><title>&x;</title></item>").replace(/^<\?xml[^>]*>/, "")}`;
    expect((await parseError(encode(xml))).message).toBe(ENTITIES_REFUSED);
    const hits = (await (await fetch(`${inject("feedServer")}/hits/xxe-probe`)).json()) as { hits: number };
    expect(hits.hits).toBe(0);
  });

  it.each([
    ["hidden behind a quote that never closes", `<!DOCTYPE rss [ <!-- it's --> <!ENTITY a "b"> ]>\n<rss version="2.0"><channel/></rss>`],
    ["behind junk before the prolog", `junk <!DOCTYPE rss [<!ENTITY a "b">]>\n<rss version="2.0"><channel/></rss>`],
    ["after the root element starts", `<rss version="2.0"><!DOCTYPE rss [<!ENTITY a "b">]><channel/></rss>`],
    ["outside any DOCTYPE", `<!ENTITY a "b">\n<rss version="2.0"><channel/></rss>`],
    ["in lower case", `<!doctype rss [<!entity a "b">]>\n<rss version="2.0"><channel/></rss>`],
  ])("also when the declaration is %s", async (_, xml) => {
    expect((await parseError(encode(xml))).message).toBe(ENTITIES_REFUSED);
  });

  it("accepts a plain DOCTYPE such as Netscape's RSS 0.91 one", async () => {
    const feed = await parseFeed(await fixtureBytes("feeds/rss091-netscape.xml"), null);
    expect(feed.items).toHaveLength(2);
  });
});

describe("parseFeed says clearly why a body is not a feed", () => {
  const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c]);
  it.each([
    { what: "an HTML page", bytes: () => fixtureBytes("hostile/html-page.html"), message: "parse: not a feed (looks like an HTML page)" },
    { what: "an HTML page without a DOCTYPE", bytes: async () => encode("<html><body>Moved</body></html>"), message: "parse: not a feed (looks like an HTML page)" },
    { what: "JSON that is not a feed", bytes: () => fixtureBytes("hostile/not-a-feed.json"), message: "parse: not a feed (JSON without a JSON Feed version and items)" },
    { what: "a JSON array", bytes: async () => encode("[1, 2, 3]"), message: "parse: not a feed (JSON without a JSON Feed version and items)" },
    { what: "invalid JSON", bytes: async () => encode('{"version": "https://jsonfeed.org/version/1", "items": [}'), message: /^parse: invalid JSON \(/ },
    { what: "random binary data", bytes: () => fixtureBytes("hostile/binary-junk.bin"), message: "parse: not a feed (binary data)" },
    { what: "a PNG image", bytes: () => fixtureBytes("hostile/png-image.bin"), message: "parse: not a feed (binary data)" },
    { what: "a JPEG image", bytes: async () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x08, 0x06, 0x06, 0x07, 0x06, 0x05, 0x08]), message: "parse: not a feed (binary data)" },
    { what: "a body still gzip-compressed", bytes: async () => gzip, message: "parse: not a feed (gzip-compressed data)" },
    { what: "an empty body", bytes: async () => encode(" \n "), message: "parse: empty body" },
    { what: "plain text", bytes: async () => encode("Service temporarily unavailable"), message: "parse: not a feed (neither XML nor JSON)" },
    { what: "an OPML list", bytes: async () => encode('<?xml version="1.0"?><opml version="2.0"><body/></opml>'), message: "parse: not a feed (an OPML subscription list)" },
    { what: "another XML document", bytes: async () => encode("<sitemap><url/></sitemap>"), message: "parse: not a feed (root element <sitemap> is not rss, rdf:RDF or feed)" },
    { what: "XML cut off before any item", bytes: async () => encode('<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>Cut'), message: "parse: unexpected end of XML at line 3" },
    { what: "RSS without a channel", bytes: async () => encode('<rss version="2.0"><item><title>x</title></item></rss>'), message: "parse: not a valid RSS document (no <channel> element)" },
    { what: "XML with mismatched tags", bytes: async () => encode(rss("<item><title>x</link></item>")), message: /^parse: malformed XML at line 4, column \d+: unexpected close tag/ },
  ])("$what", async ({ bytes, message }) => {
    const error = await parseError(await bytes());
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });
});

describe("parseFeed stays bounded on hostile sizes and shapes", () => {
  it("refuses XML nested 10,000 deep without overflowing the stack", async () => {
    const deep = rss(`<item><x>${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}</x></item>`);
    expect((await parseError(encode(deep))).message).toBe(`parse: XML nested deeper than ${MAX_DEPTH} levels at line 4, refused`);
  });

  it("refuses HTML nested 10,000 deep inside a description", async () => {
    const deep = rss(`<item><description>${"<div>".repeat(10_000)}${"</div>".repeat(10_000)}</description></item>`);
    expect((await parseError(encode(deep))).message).toBe(`parse: XML nested deeper than ${MAX_DEPTH} levels at line 4, refused`);
  });

  it(`refuses a body over ${MAX_PARSE_BYTES / 1024 / 1024} MB before decoding it`, async () => {
    const error = await parseError(new Uint8Array(MAX_PARSE_BYTES + 1).fill(0x20));
    expect(error.message).toBe("parse: feed is larger than 10 MB");
  });

  it(`keeps the first ${MAX_ITEMS} of 100,000 items`, async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `<item><title>t${i}</title><link>https://t.example/${i}</link></item>`);
    const feed = await parseFeed(encode(rss(items.join(""))), null);
    expect(feed.items).toHaveLength(MAX_ITEMS);
    expect(feed.items.at(-1)?.link).toBe(`https://t.example/${MAX_ITEMS - 1}`);
    expect(feed.warnings).toEqual(["more than 1,000 items: kept the first 1,000"]);
  });

  it(`warns of nothing for exactly ${MAX_ITEMS} items, in RSS, Atom and JSON Feed`, async () => {
    const rssItems = Array.from({ length: MAX_ITEMS }, (_, i) => `<item><title>t${i}</title></item>`).join("");
    expect((await parseFeed(encode(rss(rssItems)), null)).warnings).toEqual([]);
    const entries = Array.from({ length: MAX_ITEMS }, (_, i) => `<entry><id>e${i}</id><title>t</title></entry>`).join("");
    const atom = await parseFeed(encode(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entries}</feed>`), null);
    expect(atom.items).toHaveLength(MAX_ITEMS);
    expect(atom.warnings).toEqual([]);
    const items = Array.from({ length: MAX_ITEMS }, (_, i) => ({ id: String(i), content_text: "x" }));
    expect((await parseFeed(encode(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items })), null)).warnings).toEqual([]);
  });

  it(`warns when an Atom feed has more than ${MAX_ITEMS} entries`, async () => {
    const entries = Array.from({ length: MAX_ITEMS + 1 }, (_, i) => `<entry><id>e${i}</id><title>t</title></entry>`).join("");
    const atom = await parseFeed(encode(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entries}</feed>`), null);
    expect(atom.items).toHaveLength(MAX_ITEMS);
    expect(atom.warnings).toEqual(["more than 1,000 items: kept the first 1,000"]);
  });

  it(`keeps the first ${MAX_ITEMS} of 100,000 JSON Feed items`, async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: String(i), content_text: "x" }));
    const feed = await parseFeed(encode(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items })), null);
    expect(feed.items).toHaveLength(MAX_ITEMS);
    expect(feed.warnings).toEqual(["more than 1,000 items: kept the first 1,000"]);
  });

  it.each([
    ["two million empty elements", () => `<item><x>${"<a/>".repeat(2_000_000)}</x></item>`],
    ["240,000 attributes on 40,000 elements", () => `<item>${'<a x="1" y="1" z="1" u="1" v="1" w="1"/>'.repeat(40_000)}</item>`],
  ])("refuses %s before building a tree of them", async (_, items) => {
    const error = await parseError(encode(rss(items())));
    expect(error.message).toBe(
      `parse: feed has more than ${MAX_ELEMENTS.toLocaleString("en")} XML elements or ${MAX_ATTRIBUTES.toLocaleString("en")} attributes, refused`,
    );
  });

  it("refuses a start tag longer than 64 KB", async () => {
    const error = await parseError(encode(rss(`<item><link href="${"x".repeat(70_000)}"/></item>`)));
    expect(error.message).toBe("parse: malformed XML at line 4: a tag longer than 64 KB");
  });

  it.each([
    ["a million stray '&'", "a & b ".repeat(1_000_000)],
    ["a million HTML entities", "&eacute;".repeat(1_000_000)],
    ["a million unknown entities", "&zzzz;".repeat(1_000_000)],
    ["a million unclosed '<a'", `${"<a".repeat(1_000_000)}>`],
  ])("reads a description of %s whole", async (_, description) => {
    const feed = await parseFeed(encode(rss(`<item><description>${description}</description></item>`)), null);
    expect(feed.items[0]?.content?.length).toBeGreaterThanOrEqual(1_000_000);
  });

  it("refuses a run of a million unclosed elements as too deep", async () => {
    const error = await parseError(encode(rss(`<item>${"<title>x".repeat(1_000_000)}</title></item>`)));
    expect(error.message).toBe(`parse: XML nested deeper than ${MAX_DEPTH} levels at line 4, refused`);
  });

  it("parses a 1 MB title whole", async () => {
    const title = "A".repeat(1 << 20);
    const feed = await parseFeed(encode(rss(`<item><title>${title}</title></item>`)), null);
    expect(feed.items[0]?.title).toHaveLength(1 << 20);
  });

  it("survives an Atom entry whose date is not a date (rss-parser alone throws on it)", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>x</title><published>yesterday</published></entry></feed>`;
    const feed = await parseFeed(encode(xml), null);
    expect(feed.items[0]).toMatchObject({ guid: "1", published: "yesterday" });
  });
});

describe("parseFeed on mangled feeds", () => {
  /** One edit of a byte string: cut it short, or splice in bytes, a markup fragment, or a copy of a slice. */
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
    fc.record({
      kind: fc.constant("markup" as const),
      at: fc.nat(),
      text: fc.constantFrom("<", ">", "&", "]]>", "<![CDATA[", "<!--", "<!DOCTYPE x>", "</item>", "<item>", "&nbsp;", "\u0000", '"', "<entry>"),
    }),
    fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.nat({ max: 64 }) }),
  );

  type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

  function apply(bytes: Uint8Array, edits: Edit[]): Uint8Array {
    let out = bytes;
    for (const e of edits) {
      const at = e.at % (out.length + 1);
      if (e.kind === "cut") {
        out = out.slice(0, at);
        continue;
      }
      const insert = e.kind === "insert" ? e.bytes : e.kind === "markup" ? encode(e.text) : out.slice(at, at + e.length);
      out = new Uint8Array([...out.slice(0, at), ...insert, ...out.slice(at)]);
    }
    return out;
  }

  it.each(["feeds/rss2.xml", "feeds/atom10.xml", "feeds/atom03.xml", "feeds/rdf.xml", "feeds/jsonfeed-1.1.json", "feeds/utf16le-bom.xml"])(
    "%s: every mangling parses or fails with a FeedParseError, nothing else",
    async (file) => {
      const original = await fixtureBytes(file);
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
          const outcome = await parseFeed(apply(original, edits), null).then(
            (feed) => feed,
            (error: unknown) => error,
          );
          return outcome instanceof FeedParseError || (typeof outcome === "object" && outcome !== null && "items" in outcome);
        }),
        { numRuns: 300 },
      );
    },
  );
});
