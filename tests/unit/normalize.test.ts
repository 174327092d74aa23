/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import seedStory from "../../fixtures/seed-story.txt?raw";
import { MAX_TEXT_BYTES, MAX_TITLE_CHARS, NormalizeError, normalizeItems, type NormalizeContext } from "../../src/ingest/normalize";
import { utf8Length } from "../../src/html/text";
import type { ParsedItem } from "../../src/model";

const CTX: NormalizeContext = { feedUrl: "https://news.example/feeds/world.xml", fetchedAt: "2024-06-01T12:00:00.000Z" };

function item(fields: Partial<ParsedItem> = {}): ParsedItem {
  return {
    guid: null, link: null, title: "Harbour board approves ferry timetable", titleIsHtml: false, author: null,
    published: null, updated: null, summary: null, content: "<p>The board voted on Thursday.</p>", categories: [],
    base: null, ...fields,
  };
}

async function one(fields: Partial<ParsedItem>, ctx: NormalizeContext = CTX) {
  const items = await normalizeItems([item(fields)], ctx);
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe("normalizeItems gives each story an identity", () => {
  it.each<[behaviour: string, fields: Partial<ParsedItem>, guid: string]>([
    ["uses the feed's guid, trimmed", { guid: "  urn:story:42 \n", link: "https://news.example/a" }, "urn:story:42"],
    ["keeps a guid exactly as written otherwise", { guid: "Story 42/Ä" }, "Story 42/Ä"],
    ["falls back to the absolute link", { link: "/world/a.html" }, "https://news.example/world/a.html"],
    ["treats a blank guid as absent", { guid: "   ", link: "https://news.example/b" }, "https://news.example/b"],
  ])("%s", async (_behaviour, fields, guid) => {
    expect((await one(fields)).guid).toBe(guid);
  });

  it("falls back to a stable sha1 of title and date when there is neither guid nor link", async () => {
    const fields = { published: "Tue, 12 Mar 2024 01:59:00 +0530" };
    const first = await one(fields);
    expect(first.guid).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect((await one(fields)).guid).toBe(first.guid);
    expect((await one({ ...fields, published: "Wed, 13 Mar 2024 01:59:00 +0530" })).guid).not.toBe(first.guid);
    expect((await one({ ...fields, title: "Another title" })).guid).not.toBe(first.guid);
  });

  it("hashes a guid too long to index", async () => {
    expect((await one({ guid: "x".repeat(5000) })).guid).toMatch(/^sha1:[0-9a-f]{40}$/);
  });
});

describe("normalizeItems never gives two stories of one batch the same guid", () => {
  const cases: Array<[behaviour: string, items: Array<Partial<ParsedItem>>, guids: RegExp[]]> = [
    ["suffixes a reused guid with a hash of the second item's link",
      [{ guid: "g", link: "https://news.example/1" }, { guid: "g", link: "https://news.example/2" }],
      [/^g$/, /^g#[0-9a-f]{10}$/]],
    ["keeps every one of several items sharing a guid apart",
      [{ guid: "g", link: "https://news.example/1" }, { guid: "g", link: "https://news.example/2" }, { guid: "g", link: "https://news.example/3" }],
      [/^g$/, /^g#[0-9a-f]{10}$/, /^g#[0-9a-f]{10}$/]],
    ["drops a story listed twice under the same guid and link, keeping the first",
      [{ guid: "g", link: "https://news.example/1" }, { guid: "g", link: "https://news.example/1", title: "Edited title" }],
      [/^g$/]],
    ["tells items sharing a guid and no link apart by title and date",
      [{ guid: "g", title: "One" }, { guid: "g", title: "Two" }],
      [/^g$/, /^g#[0-9a-f]{10}$/]],
    ["suffixes items sharing a link and no guid by title and date",
      [{ link: "https://news.example/live" , title: "Update 1" }, { link: "https://news.example/live", title: "Update 2" }],
      [/^https:\/\/news\.example\/live$/, /^https:\/\/news\.example\/live#[0-9a-f]{10}$/]],
    ["suffixes hash identities whose title and date match but whose content differs",
      [{ content: "<p>First body.</p>" }, { content: "<p>Second body.</p>" }],
      [/^sha1:[0-9a-f]{40}$/, /^sha1:[0-9a-f]{40}#[0-9a-f]{10}$/]],
    ["drops exact duplicates that have no guid or link",
      [{ content: "<p>Same.</p>" }, { content: "<p>Same.</p>" }],
      [/^sha1:[0-9a-f]{40}$/]],
  ];
  it.each(cases)("%s", async (_behaviour, fields, guids) => {
    const items = await normalizeItems(fields.map(item), CTX);
    expect(items.map((i) => i.guid)).toEqual(guids.map((g) => expect.stringMatching(g)));
    expect(new Set(items.map((i) => i.guid)).size).toBe(items.length);
  });

  it("settles collisions the same way on every fetch", async () => {
    const fields = [{ guid: "g", link: "https://news.example/1" }, { guid: "g", link: "https://news.example/2" }];
    const first = await normalizeItems(fields.map(item), CTX);
    const again = await normalizeItems(fields.map(item), { ...CTX, fetchedAt: "2024-06-02T00:00:00.000Z" });
    expect(again.map((i) => i.guid)).toEqual(first.map((i) => i.guid));
  });
});

describe("normalizeItems makes URLs absolute and keeps only http(s)", () => {
  it.each<[behaviour: string, fields: Partial<ParsedItem>, url: string | null]>([
    ["resolves a relative link against the feed URL", { link: "../world/a.html" }, "https://news.example/world/a.html"],
    ["resolves a relative link against xml:base first", { link: "a.html", base: "https://other.example/section/" }, "https://other.example/section/a.html"],
    ["resolves a relative xml:base against the feed URL", { link: "a.html", base: "/archive/" }, "https://news.example/archive/a.html"],
    ["ignores an xml:base that is not http(s)", { link: "a.html", base: "ftp://files.example/" }, "https://news.example/feeds/a.html"],
    ["keeps an absolute link, normalized", { link: "  HTTPS://News.Example/A?b=1#c " }, "https://news.example/A?b=1#c"],
    ["keeps http", { link: "http://news.example/a" }, "http://news.example/a"],
    ["refuses javascript:", { link: "javascript:alert(1)" }, null],
    ["refuses mailto:", { link: "mailto:desk@news.example" }, null],
    ["refuses ftp:", { link: "ftp://files.example/a" }, null],
    ["gives null for an unparseable link", { link: "http://" }, null],
    ["gives null without a link", { link: null }, null],
  ])("%s", async (_behaviour, fields, url) => {
    expect((await one(fields)).url).toBe(url);
  });
});

describe("normalizeItems reads dates", () => {
  it.each<[behaviour: string, fields: Partial<ParsedItem>, expected: { published_at: string | null; updated_at: string | null; published_raw: string | null }]>([
    ["converts the CONTRACT.md example", { published: "Tue, 12 Mar 2024 01:59:00 +0530" },
      { published_at: "2024-03-11T20:29:00.000Z", updated_at: null, published_raw: null }],
    ["converts published and updated", { published: "2024-03-12T01:59:00Z", updated: "2024-03-13T08:00:00+01:00" },
      { published_at: "2024-03-12T01:59:00.000Z", updated_at: "2024-03-13T07:00:00.000Z", published_raw: null }],
    ["takes updated as published when only updated is given", { updated: "2024-03-13T08:00:00Z" },
      { published_at: "2024-03-13T08:00:00.000Z", updated_at: "2024-03-13T08:00:00.000Z", published_raw: null }],
    ["keeps the raw string of an unparseable date, falling back to updated", { published: "last Tuesday", updated: "2024-03-13T08:00:00Z" },
      { published_at: "2024-03-13T08:00:00.000Z", updated_at: "2024-03-13T08:00:00.000Z", published_raw: "last Tuesday" }],
    ["clamps a future date to the fetch time and keeps it raw", { published: "2031-01-01T00:00:00Z" },
      { published_at: CTX.fetchedAt, updated_at: null, published_raw: "2031-01-01T00:00:00Z" }],
    ["gives null without dates", {}, { published_at: null, updated_at: null, published_raw: null }],
  ])("%s", async (_behaviour, fields, expected) => {
    const { published_at, updated_at, published_raw } = await one(fields);
    expect({ published_at, updated_at, published_raw }).toEqual(expected);
  });
});

describe("normalizeItems gives a plain-text title", () => {
  it.each<[behaviour: string, fields: Partial<ParsedItem>, title: string]>([
    ["decodes the entities of an HTML title", { title: "AT&amp;T &#8217;s &quot;plan&quot;", titleIsHtml: true }, "AT&T ’s \"plan\""],
    ["collapses whitespace", { title: "  Ferry \n\t timetable  " }, "Ferry timetable"],
    ["strips markup from an HTML title", { title: "<b>Ferry</b> <i>timetable</i> &amp; fares", titleIsHtml: true }, "Ferry timetable & fares"],
    ["joins the paragraphs of an HTML title", { title: "<p>Ferry</p><p>timetable</p>", titleIsHtml: true }, "Ferry timetable"],
    ["strips raw tags from an RSS title", { title: "Ferry <em>timetable</em> approved", titleIsHtml: true }, "Ferry timetable approved"],
    ["decodes an HTML title once, so doubly escaped tags stay text", { title: "&lt;b&gt;Ferry&lt;/b&gt; timetable", titleIsHtml: true }, "<b>Ferry</b> timetable"],
    ["keeps a literal less-than sign in an HTML title", { title: "Fares &lt; 5 euros, a < b", titleIsHtml: true }, "Fares < 5 euros, a < b"],
    ["keeps tag-like text in a plain-text title as characters", { title: "How to use the <em> element" }, "How to use the <em> element"],
    ["keeps entity-like text in a plain-text title as characters", { title: "Write &amp; for an ampersand" }, "Write &amp; for an ampersand"],
    ["falls back to the opening of the text", { title: "  ", content: "<p>The board voted on Thursday.</p><p>More.</p>" }, "The board voted on Thursday. More."],
    ["falls back to about 80 characters of a long text", { title: null, content: `<p>${"word ".repeat(40)}</p>` }, `${"word ".repeat(16).trim()}…`],
    ["falls back to (untitled) without title or text", { title: "<b></b>", titleIsHtml: true, content: null }, "(untitled)"],
  ])("%s", async (_behaviour, fields, title) => {
    expect((await one(fields)).title).toBe(title);
  });

  it(`caps a title at ${MAX_TITLE_CHARS} characters`, async () => {
    const { title } = await one({ title: "long ".repeat(1000) });
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("normalizeItems gives text, summary and sanitized HTML of the fullest body", () => {
  it.each<[behaviour: string, fields: Partial<ParsedItem>, expected: { text: string; summary: string | null; content_html: string | null }]>([
    ["uses content for the body and keeps a different summary",
      { summary: "Evening sailings added.", content: "<p>The board voted.</p><p>Sailings start in May.</p>" },
      { text: "The board voted.\n\nSailings start in May.", summary: "Evening sailings added.", content_html: "<p>The board voted.</p><p>Sailings start in May.</p>" }],
    ["drops a summary that is the opening of the body",
      { summary: "<p>The board voted.</p>", content: "<p>The board voted.</p><p>Sailings start in May.</p>" },
      { text: "The board voted.\n\nSailings start in May.", summary: null, content_html: "<p>The board voted.</p><p>Sailings start in May.</p>" }],
    ["drops a teaser cut off with an ellipsis and a read-more link",
      { summary: "The board voted. Sailings st [&#8230;] <a href='/x'>Read more &raquo;</a>", content: "<p>The board voted.</p><p>Sailings start in May.</p>" },
      { text: "The board voted.\n\nSailings start in May.", summary: null, content_html: "<p>The board voted.</p><p>Sailings start in May.</p>" }],
    ["uses the summary as the body when there is no content",
      { summary: "<p>Only a <b>summary</b>.</p><script>x()</script>", content: null },
      { text: "Only a summary.", summary: null, content_html: "<p>Only a <b>summary</b>.</p>" }],
    ["uses the summary as the body when it is more than twice as full as the content",
      { summary: "<p>A long description of the vote and the new sailings.</p>", content: "<p>Vote.</p>" },
      { text: "A long description of the vote and the new sailings.", summary: null, content_html: "<p>A long description of the vote and the new sailings.</p>" }],
    ["gives empty text and no HTML without any body", { summary: null, content: "  " }, { text: "", summary: null, content_html: null }],
    ["gives no HTML for a body that sanitizes to nothing", { content: "<script>x()</script>" }, { text: "", summary: null, content_html: null }],
    ["resolves relative URLs in the body against the item's link",
      { link: "https://news.example/world/story.html", content: '<p><a href="next.html">next</a></p>' },
      { text: "next", summary: null, content_html: '<p><a href="https://news.example/world/next.html" rel="nofollow noopener">next</a></p>' }],
    ["resolves relative URLs in the body against xml:base when given",
      { link: "https://news.example/world/story.html", base: "https://cdn.example/world/", content: '<img src="a.png" alt="">' },
      { text: "", summary: null, content_html: '<img src="https://cdn.example/world/a.png" alt="">' }],
    ["resolves relative URLs against the feed URL without link or base",
      { content: '<a href="/x">x</a>' },
      { text: "x", summary: null, content_html: '<a href="https://news.example/x" rel="nofollow noopener">x</a>' }],
  ])("%s", async (_behaviour, fields, expected) => {
    const { text, summary, content_html } = await one(fields);
    expect({ text, summary, content_html }).toEqual(expected);
  });

  it(`caps the text at ${MAX_TEXT_BYTES} bytes of UTF-8`, async () => {
    const { text } = await one({ content: `<p>${"समाचार ".repeat(40_000)}</p>` });
    expect(utf8Length(text)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(utf8Length(text)).toBeGreaterThan(MAX_TEXT_BYTES - 100);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("normalizeItems cleans author and categories", () => {
  it.each<[behaviour: string, author: string | null, expected: string | null]>([
    ["keeps a plain name, collapsed", "  Jane   Roe ", "Jane Roe"],
    ["takes the name from an RSS email-with-name", "desk@news.example (Jane Roe)", "Jane Roe"],
    ["decodes entities", "O&#39;Brien &amp; Sons", "O'Brien & Sons"],
    ["gives null for a blank author", "   ", null],
    ["gives null without an author", null, null],
  ])("author: %s", async (_behaviour, author, expected) => {
    expect((await one({ author })).author).toBe(expected);
  });

  it("decodes, collapses and de-duplicates categories regardless of case, dropping blanks", async () => {
    const { categories } = await one({ categories: ["World", " world ", "Ports &amp; Harbours", "", "  ", "Caribbean\n News"] });
    expect(categories).toEqual(["World", "Ports & Harbours", "Caribbean News"]);
  });
});

describe("normalizeItems content_hash", () => {
  const base: Partial<ParsedItem> = { guid: "g", link: "https://news.example/a", published: "2024-03-12T01:59:00Z" };
  it.each<[behaviour: string, change: Partial<ParsedItem>, changes: boolean]>([
    ["is the same for the same item", {}, false],
    ["ignores a changed date", { published: "2024-03-13T01:59:00Z" }, false],
    ["ignores markup that does not change the text", { content: "<div>The board voted on Thursday.</div>" }, false],
    ["changes with the title", { title: "Edited title" }, true],
    ["changes with the text", { content: "<p>The board voted on Friday.</p>" }, true],
    ["changes with the link", { link: "https://news.example/b" }, true],
    ["changes with the summary", { summary: "A new summary." }, true],
    ["changes with the categories", { categories: ["Ports"] }, true],
  ])("%s", async (_behaviour, change, changes) => {
    const before = await one(base);
    const after = await one({ ...base, ...change });
    expect(before.content_hash).toMatch(/^[0-9a-f]{40}$/);
    expect(after.content_hash !== before.content_hash).toBe(changes);
  });
});

describe("normalizeItems context", () => {
  it.each<[behaviour: string, ctx: NormalizeContext]>([
    ["refuses a relative feed URL", { ...CTX, feedUrl: "/feed.xml" }],
    ["refuses a fetch time that is not a date", { ...CTX, fetchedAt: "soon" }],
  ])("%s with a NormalizeError", async (_behaviour, ctx) => {
    await expect(normalizeItems([item()], ctx)).rejects.toThrow(NormalizeError);
    await expect(normalizeItems([item()], ctx)).rejects.toThrow(/^normalize: /);
  });

  it("gives nothing for no items", async () => {
    expect(await normalizeItems([], CTX)).toEqual([]);
  });
});

describe("normalizeItems on the seed story", () => {
  const paragraphs = seedStory.trim().split(/\n\s*\n/);
  const seed = item({
    guid: "https://www.devdiscourse.example/article/headlines/1001",
    link: "https://www.devdiscourse.example/article/headlines/1001-blinken-haiti",
    title: "Blinken hopes for &#39;progress&#39; on Haiti as he meets Caribbean leaders",
    titleIsHtml: true,
    published: "Tue, 12 Mar 2024 01:59:00 +0530",
    content: paragraphs.map((p) => `<p>${p.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</p>`).join("\n"),
  });

  it("keeps every paragraph, disclaimer included, as plain text with the CONTRACT.md date", async () => {
    const [story] = await normalizeItems([seed], { feedUrl: "https://www.devdiscourse.example/rss/headlines", fetchedAt: CTX.fetchedAt });
    expect(story!.published_at).toBe("2024-03-11T20:29:00.000Z");
    expect(story!.title).toBe("Blinken hopes for 'progress' on Haiti as he meets Caribbean leaders");
    expect(story!.text).toBe(paragraphs.map((p) => p.replace(/\s+/g, " ").trim()).join("\n\n"));
    expect(story!.text.startsWith("date 2024-03-12 U.S. Secretary of State Antony Blinken")).toBe(true);
    expect(story!.text.endsWith("auto-generated from a syndicated feed.)")).toBe(true);
  });
});
