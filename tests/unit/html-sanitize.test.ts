/// <reference types="vite/client" />
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { HTTP_SCHEMES, MAX_HTML_BYTES, safeUrl, sanitizeHtml, sanitizeWithText, urlBase } from "../../src/html/sanitize";
import { htmlToText, utf8Length } from "../../src/html/text";

const BASE = "https://news.example/world/2024/story.html";

const evil = fixtures(import.meta.glob("../../fixtures/html/evil/*.html", { query: "?raw", import: "default", eager: true }));
const benign = fixtures(import.meta.glob("../../fixtures/html/benign/*", { query: "?raw", import: "default", eager: true }));

function fixtures(files: Record<string, unknown>): Map<string, string> {
  return new Map(Object.entries(files).map(([path, text]) => [path.split("/").pop()!, String(text)]));
}

/** The allowlist restated as the specification the output is checked against (CONTRACT.md, Security). */
const GLOBAL = ["dir", "lang"];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "rel"], abbr: ["title"], blockquote: ["cite"], q: ["cite"], time: ["datetime"],
  img: ["src", "alt", "title", "width", "height"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"],
  ...Object.fromEntries(
    ("b br caption cite code dd del div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i ins li mark ol p pre s " +
      "small strong sub sup table tbody tfoot thead tr u ul").split(" ").map((name) => [name, []]),
  ),
};
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
const DANGEROUS_ELEMENT = /<\s*\/?\s*(script|style|iframe|object|embed|form|svg|math|meta|base|link|textarea|template|input|button|noscript|frame|frameset|applet|xmp|plaintext|title|foreignobject)\b/i;

/** Checks the output twice: as raw text (no dangerous tag or scheme anywhere in a tag) and as parsed elements. */
function expectSafe(html: string): void {
  expect(html).not.toMatch(DANGEROUS_ELEMENT);
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag).not.toMatch(/[\s/"']on[a-z]*\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(tag).not.toMatch(/(javascript|vbscript|data|file)\s*:/i);
  }
  const problems: string[] = [];
  new Parser({
    onopentag(name, attribs) {
      const allowed = ALLOWED_ATTRIBUTES[name];
      if (!allowed) problems.push(`element <${name}>`);
      for (const [attribute, value] of Object.entries(attribs)) {
        if (!allowed?.includes(attribute) && !GLOBAL.includes(attribute)) problems.push(`${name}@${attribute}`);
        const absoluteAndSafe = /^(https?:\/\/|mailto:)/i.test(value);
        const relative = !/^[^/?#]*:/.test(value);
        if (URL_ATTRIBUTES.has(attribute) && !absoluteAndSafe && !relative) problems.push(`${name}@${attribute}=${value}`);
      }
    },
  }).end(html);
  expect(problems).toEqual([]);
}

describe("sanitizeHtml removes every dangerous construct of the evil corpus", () => {
  it("has a corpus to check", () => {
    expect(evil.size).toBeGreaterThanOrEqual(60);
  });

  it.each([...evil.keys()])("%s", async (name) => {
    expectSafe(await sanitizeHtml(evil.get(name)!, BASE));
  });
});

describe("sanitizeHtml keeps the harmless content around the dangerous constructs", () => {
  const kept: Array<[fixture: string, output: string]> = [
    ["script-element.html", "<p>Before the script.</p><p>After the script.</p>\n"],
    ["script-after-attribute-breakout.html", '<img src="https://img.example/a.png" alt="\\">"&gt;<p>Breakout.</p>\n'],
    ["script-name-split-by-inner-script.html", "ipt&gt;alert(1)ipt&gt;<p>Split name.</p>\n"],
    ["comment-closed-by-bang.html", "<p>Comment trick.</p> --&gt;\n"],
    ["comment-unclosed.html", "<p>Open comment.</p>"],
    ["onerror-uppercase.html", '<img src="https://img.example/a.png"><p>Upper.</p>\n'],
    ["onmouseover-after-slash.html", "<p>Slash separator.</p>\n"],
    ["onclick-on-link.html", '<a href="https://news.example/a" rel="nofollow noopener">Link</a>\n'],
    ["href-javascript-tab-entity.html", "<a>Click</a>\n"],
    ["href-javascript-decimal-entities.html", "<a>Click</a>\n"],
    ["style-attribute.html", "<p>Styled paragraph.</p>\n"],
    ["base-element.html", '<a href="https://news.example/x" rel="nofollow noopener">Relative</a>\n'],
    ["noscript-mutation.html", "<p>Noscript.</p>\n"],
    ["escaped-markup-in-text.html", "<p>&lt;script&gt;alert(1)&lt;/script&gt; stays text.</p>\n"],
    ["dom-clobbering-ids.html", '<img src="https://img.example/a.png"><p>Clobber.</p>\n'],
    ["link-target-and-ping.html", '<a href="https://news.example/a" rel="nofollow noopener">Ping</a>\n'],
    ["unknown-element-with-handler.html", "Custom.\n"],
    ["unclosed-tag-at-end.html", "<p>Cut off</p>"],
    ["unclosed-attribute-at-end.html", "<p>Cut off </p>"],
    ["plaintext.html", "<p>Before plaintext.</p>"],
  ];
  it.each(kept)("%s", async (fixture, output) => {
    expect(evil.has(fixture)).toBe(true);
    expect(await sanitizeHtml(evil.get(fixture)!, BASE)).toBe(output);
  });
});

describe("sanitizeHtml rules", () => {
  const cases: Array<[behaviour: string, input: string, base: string | null, output: string]> = [
    ["resolves a relative link against the base and marks it nofollow", '<a href="../2023/old.html">old</a>', BASE,
      '<a href="https://news.example/world/2023/old.html" rel="nofollow noopener">old</a>'],
    ["resolves a protocol-relative image", '<img src="//cdn.example/a.png" alt="A">', BASE, '<img src="https://cdn.example/a.png" alt="A">'],
    ["keeps a relative URL relative when there is no base", '<a href="/a?b=1&amp;c=2">x</a>', null,
      '<a href="/a?b=1&amp;c=2" rel="nofollow noopener">x</a>'],
    ["treats an unparseable base as no base", '<a href="/a">x</a>', "not a url", '<a href="/a" rel="nofollow noopener">x</a>'],
    ["still refuses javascript: when there is no base", '<a href="javascript:alert(1)">x</a>', null, "<a>x</a>"],
    ["keeps mailto links", '<a href="mailto:desk@news.example">desk</a>', BASE, '<a href="mailto:desk@news.example" rel="nofollow noopener">desk</a>'],
    ["refuses mailto as an image source", '<img src="mailto:desk@news.example">', BASE, ""],
    ["drops an image whose only source was refused", '<p><img src="data:image/png;base64,AAAA" alt="x">after</p>', BASE, "<p>after</p>"],
    ["unwraps span and unknown elements, keeping their text", "<span>one</span> <font color=red>two</font>", BASE, "one two"],
    ["drops hidden elements with their whole content", "<p>a<select><option>b</option></select>c</p>", BASE, "<p>ac</p>"],
    ["closes elements the input left open", "<blockquote><p><em>open", BASE, "<blockquote><p><em>open</em></p></blockquote>"],
    ["closes implied paragraphs the way a browser does", "<p>one<p>two", BASE, "<p>one</p><p>two</p>"],
    ["ignores stray end tags", "<div>x</div></div></span></table>", BASE, "<div>x</div>"],
    ["re-escapes decoded text", "<p>a &amp; b &lt; c &gt; d &quot;e&quot; &nbsp;f</p>", BASE, "<p>a &amp; b &lt; c &gt; d \"e\" &nbsp;f</p>"],
    ["escapes quotes and ampersands in attribute values", `<abbr title='say "hi" &amp; bye'>x</abbr>`, BASE, '<abbr title="say &quot;hi&quot; &amp; bye">x</abbr>'],
    ["keeps pixel dimensions as numbers and drops percentages", '<img src="/a.png" width="640px" height="50%">', BASE,
      '<img src="https://news.example/a.png" width="640">'],
    ["keeps numeric table spans only", '<table><tr><td colspan="2" rowspan="x">c</td></tr></table>', BASE,
      '<table><tr><td colspan="2">c</td></tr></table>'],
    ["drops comments, the doctype and processing instructions", "<!DOCTYPE html><?xml version='1.0'?><!-- note --><p>x</p>", BASE, "<p>x</p>"],
    ["writes void elements without end tags", "<p>a<br/>b</p><hr></hr>", BASE, "<p>a<br>b</p><hr>"],
    ["lowercases tag and attribute names", '<P><A HREF="/x">y</A></P>', BASE, '<p><a href="https://news.example/x" rel="nofollow noopener">y</a></p>'],
    ["keeps the first of duplicated attributes", '<a href="/first" href="javascript:alert(1)">x</a>', BASE,
      '<a href="https://news.example/first" rel="nofollow noopener">x</a>'],
    ["unwraps html and body of a whole document and drops its head", "<html><head><title>T</title></head><body><p>x</p></body></html>", BASE, "<p>x</p>"],
    ["gives nothing for nothing", "", BASE, ""],
  ];
  it.each(cases)("%s", async (_behaviour, input, base, output) => {
    const html = await sanitizeHtml(input, base);
    expect(html).toBe(output);
    expectSafe(html);
  });
});

describe("sanitizeHtml keeps benign markup", () => {
  it.each(["article", "inline-only", "rtl-and-lang"])("%s.html matches %s.sanitized.html", async (name) => {
    const input = benign.get(`${name}.html`);
    const expected = benign.get(`${name}.sanitized.html`);
    expect(input).toBeDefined();
    const html = await sanitizeHtml(input!, "https://ferries.example.org/news/");
    expect(html).toBe(expected);
    expectSafe(html);
  });
});

describe("sanitizeHtml caps its output", () => {
  it("stops below MAX_HTML_BYTES between tokens and closes what is open", async () => {
    const paragraph = "<p>Dock workers <em>unloaded</em> the morning ferry while gulls argued overhead.</p>";
    const huge = `<div><blockquote>${paragraph.repeat(Math.ceil((MAX_HTML_BYTES * 1.5) / paragraph.length))}`;
    const html = await sanitizeHtml(huge, BASE);
    expect(utf8Length(html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(utf8Length(html)).toBeGreaterThan(MAX_HTML_BYTES - 200);
    expect(html.startsWith("<div><blockquote><p>")).toBe(true);
    expect(html.endsWith("</blockquote></div>")).toBe(true);
    expectSafe(html);
  });

  it("counts multi-byte characters as bytes", async () => {
    const html = await sanitizeHtml(`<p>${"ह".repeat(MAX_HTML_BYTES)}</p>`, BASE);
    expect(utf8Length(html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect(html.endsWith("…</p>")).toBe(true);
  });
});

describe("sanitizeWithText", () => {
  it("gives the same html as sanitizeHtml and the same text as htmlToText from one parse", async () => {
    const input = benign.get("article.html")!;
    const both = sanitizeWithText(input, "https://ferries.example.org/news/", 200_000);
    expect(both.html).toBe(await sanitizeHtml(input, "https://ferries.example.org/news/"));
    expect(both.text).toBe(await htmlToText(input));
  });

  it("stops collecting text past its character budget", () => {
    const both = sanitizeWithText(`<p>${"word ".repeat(1000)}</p><p>${"more ".repeat(1000)}</p>`, BASE, 100);
    expect(both.text.length).toBeLessThanOrEqual(100 + 5000);
    expect(both.text).not.toContain("more");
  });
});

describe("safeUrl gives exactly what the URL parser gives, with or without its shortcut", () => {
  const base = "https://news.example:8443/world/2024/story.html";
  it.each([
    "https://cdn.example/a/b.png?w=640&h=360#top",
    "http://news.example/",
    "/images/a.png",
    "/a/b?c=d&e=(f)*g,h;i:j@k%20l",
    "images/a.png",
    "../up.png",
    "/a/./b/../c",
    "/a/%2e%2E/c",
    "https://news.example/a/../b",
    "https://News.Example/A",
    "https://news.example",
    "https://news.example:443/a",
    "http://1.2.3/a",
    "http://0x7f.1/a",
    "https://xn--bcher-kva.example/a",
    "https://bücher.example/a",
    "/a b/c",
    "/q?x='y'",
    "/p#frag`x",
    "//cdn.example/a.png",
    "?only=query",
    "#only-fragment",
  ])("%s", (reference) => {
    expect(safeUrl(reference, urlBase(base), HTTP_SCHEMES)).toBe(new URL(reference, base).href);
  });
});
