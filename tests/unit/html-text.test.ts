/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { collapseWhitespace, decodeEntities, htmlToText, truncateText, utf8Length } from "../../src/html/text";

const benign = Object.fromEntries(
  Object.entries(import.meta.glob("../../fixtures/html/benign/*", { query: "?raw", import: "default", eager: true })).map(
    ([path, text]) => [path.split("/").pop()!, String(text)],
  ),
);

describe("htmlToText", () => {
  const cases: Array<[behaviour: string, html: string, text: string]> = [
    ["separates paragraphs with a blank line", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."],
    ["breaks at br", "First line<br>second line", "First line\n\nsecond line"],
    ["breaks at list items, headings, blockquotes and divs", "<h1>H</h1><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote><div>d</div>", "H\n\na\n\nb\n\nq\n\nd"],
    ["breaks at table rows and spaces table cells", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><th>d</th></tr></table>", "a b\n\nc d"],
    ["does not break at inline elements", "<p>fore<b>ground</b> and <a href=x>link</a>ed</p>", "foreground and linked"],
    ["collapses whitespace inside a paragraph", "<p>  many \n\t spaces\r\n here  </p>", "many spaces here"],
    ["collapses no-break and other Unicode spaces", "<p>a&nbsp;&nbsp;b\u2003c\u3000d</p>", "a b c d"],
    ["never yields empty paragraphs from nested or empty blocks", "<div><div><p></p><p> </p><div>x</div></div></div><p>\n</p>", "x"],
    ["decodes named, numeric and hex entities", "<p>&amp; &lt;tag&gt; &#8217; &#x2014; &eacute;</p>", "& <tag> \u2019 \u2014 é"],
    ["decodes legacy entities without a semicolon as browsers do", "<p>&copy 2024 &amp co</p>", "© 2024 & co"],
    ["leaves a bare ampersand alone", "<p>Fish & chips, AT&T</p>", "Fish & chips, AT&T"],
    ["drops script and style content", "<p>a<script>var x = '<p>no</p>';</script>b</p><style>p{color:red}</style>", "ab"],
    ["drops the content of hidden elements", "<p>keep</p><noscript>enable js</noscript><template>t</template><svg><text>s</text></svg><form><label>l</label></form><iframe>i</iframe><select><option>o</option></select>", "keep"],
    ["drops comments", "<p>a<!-- hidden -->b</p>", "ab"],
    ["drops the head of a whole document", "<html><head><title>Page</title></head><body><p>Body</p></body></html>", "Body"],
    ["removes zero-width spaces, soft hyphens and control characters", "<p>in\u200bvis\u00adible\u0007</p>", "invisible"],
    ["keeps zero-width joiners that scripts need", "<p>क्\u200dष</p>", "क्\u200dष"],
    ["reads plain text without tags as one paragraph", "just text &amp; more", "just text & more"],
    ["decodes entities split nowhere but spanning inline tags", "<p>x<b>&amp;</b>y</p>", "x&y"],
    ["gives empty text for markup without text", "<p><img src=x></p><br><hr>", ""],
    ["gives empty text for empty input", "", ""],
    ["keeps text after an unclosed inline tag", "<p>a <em>b", "a b"],
  ];
  it.each(cases)("%s", async (_behaviour, html, text) => {
    expect(await htmlToText(html)).toBe(text);
  });

  it.each(["article", "inline-only", "rtl-and-lang"])("reads fixtures/html/benign/%s.html as its .txt", async (name) => {
    expect(benign[`${name}.txt`]).toBeDefined();
    expect(await htmlToText(benign[`${name}.html`]!)).toBe(benign[`${name}.txt`]);
  });
});

describe("decodeEntities", () => {
  const cases: Array<[input: string, output: string]> = [
    ["AT&amp;T", "AT&T"],
    ["&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>"],
    ["&#39;quoted&#x27;", "'quoted'"],
    ["&rsquo;&hellip;&nbsp;", "\u2019\u2026\u00a0"],
    ["&amp;amp;", "&amp;"],
    ["no entities here", "no entities here"],
    ["&unknown; stays", "&unknown; stays"],
  ];
  it.each(cases)("decodes %j to %j", (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

describe("collapseWhitespace", () => {
  const cases: Array<[input: string, output: string]> = [
    ["  a  b  ", "a b"],
    ["a\n\n\tb", "a b"],
    ["a\u00a0\u00a0b", "a b"],
    ["", ""],
    [" \n ", ""],
  ];
  it.each(cases)("collapses %j to %j", (input, output) => {
    expect(collapseWhitespace(input)).toBe(output);
  });
});

describe("truncateText", () => {
  const cases: Array<[behaviour: string, text: string, max: number, unit: "char" | "byte", output: string]> = [
    ["returns text that fits unchanged", "short", 10, "char", "short"],
    ["returns text of exactly the limit unchanged", "abcde", 5, "char", "abcde"],
    ["cuts at a word boundary near the limit and adds an ellipsis", "the harbour board voted", 20, "char", "the harbour board…"],
    ["cuts a single long word where it stands", `a ${"x".repeat(60)}`, 40, "char", `a ${"x".repeat(37)}…`],
    ["counts bytes for multi-byte text", "ééééé", 7, "byte", "éé…"],
    ["never splits a surrogate pair", "😀😀😀", 5, "char", "😀😀…"],
  ];
  it.each(cases)("%s", (_behaviour, text, max, unit, output) => {
    const result = truncateText(text, max, unit);
    expect(result).toBe(output);
    expect(unit === "char" ? result.length : utf8Length(result)).toBeLessThanOrEqual(max);
  });
});

describe("utf8Length", () => {
  it.each([["", 0], ["abc", 3], ["é", 2], ["ह", 3], ["😀", 4]] as const)("measures %j as %i bytes", (s, bytes) => {
    expect(utf8Length(s)).toBe(bytes);
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});
