import { describe, expect, inject, it } from "vitest";
import { parseFeed } from "../../src/ingest/parse";

async function fixtureBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`${inject("feedServer")}/fixtures/${path}`);
  if (!res.ok) throw new Error(`fixture ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const CAFE_TITLE = "Café prices — up again";
const CAFE_BODY = "The “flat white” now costs €4, they’re saying.";

describe("workerd's TextDecoder knows the charsets feeds use", () => {
  it.each([
    ["windows-1252", [0x80, 0xe9, 0x92], "€é’", "windows-1252"],
    ["iso-8859-1", [0x80, 0xe9, 0x92], "€é’", "windows-1252"],
    ["utf-16le", [0xe9, 0x00, 0x19, 0x20], "é’", "utf-16le"],
    ["utf-16be", [0x00, 0xe9, 0x20, 0x19], "é’", "utf-16be"],
  ])("%s", (label, bytes, text, encoding) => {
    const decoder = new TextDecoder(label as string);
    expect(decoder.encoding).toBe(encoding);
    expect(decoder.decode(new Uint8Array(bytes as number[]))).toBe(text);
  });
});

describe("parseFeed decodes the body from the BOM, the Content-Type, the prolog and the bytes themselves", () => {
  it.each([
    { file: "feeds/windows-1252.xml", contentType: null, why: "prolog declares windows-1252" },
    { file: "feeds/latin1-by-header.xml", contentType: "application/rss+xml; charset=ISO-8859-1", why: "Content-Type says ISO-8859-1, read as windows-1252" },
    { file: "feeds/utf8-declared-latin1.xml", contentType: "text/xml; charset=iso-8859-1", why: "valid UTF-8 wins over a wrong declaration" },
    { file: "feeds/utf16le-bom.xml", contentType: "application/xml; charset=utf-8", why: "the BOM wins over the Content-Type" },
    { file: "feeds/utf16be.xml", contentType: null, why: "UTF-16BE sniffed from the first bytes, no BOM" },
    { file: "feeds/bom-utf8.xml", contentType: null, why: "a UTF-8 BOM is dropped" },
  ])("$file: $why", async ({ file, contentType }) => {
    const feed = await parseFeed(await fixtureBytes(file), contentType);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: CAFE_TITLE, content: CAFE_BODY, link: "https://encodings.example/item" });
  });

  const latin15 = (prolog: string) =>
    new Uint8Array([
      ...new TextEncoder().encode(`${prolog}<rss version="2.0"><channel><title>Price `),
      0xa4,
      ...new TextEncoder().encode("5</title></channel></rss>"),
    ]);

  it.each([
    { what: "the prolog's charset when there is no header", prolog: '<?xml version="1.0" encoding="ISO-8859-15"?>', contentType: null, title: "Price €5" },
    { what: "the Content-Type's charset over the prolog's", prolog: '<?xml version="1.0" encoding="ISO-8859-15"?>', contentType: "text/xml; charset=windows-1252", title: "Price ¤5" },
    { what: "windows-1252 for undeclared bytes that are not UTF-8", prolog: '<?xml version="1.0"?>', contentType: null, title: "Price ¤5" },
    { what: "windows-1252 when UTF-16 is declared for ASCII-compatible bytes", prolog: '<?xml version="1.0" encoding="UTF-16"?>', contentType: null, title: "Price ¤5" },
    { what: "windows-1252 when the declared charset is unknown", prolog: '<?xml version="1.0" encoding="x-no-such-charset"?>', contentType: null, title: "Price ¤5" },
  ])("uses $what", async ({ prolog, contentType, title }) => {
    expect((await parseFeed(latin15(prolog), contentType)).title).toBe(title);
  });

  it("keeps a UTF-8 feed with a few broken bytes as UTF-8, the bad bytes replaced and NUL removed", async () => {
    const feed = await parseFeed(await fixtureBytes("hostile/invalid-utf8-nul.xml"), null);
    expect(feed.items[0]).toMatchObject({ title: "Nul in the title", content: "Before \uFFFD\uFFFD\uFFFD after – still UTF-8" });
  });
});
