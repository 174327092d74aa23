/**
 * Lenient recovery: turns the XML that feeds actually serve into XML a strict parser accepts, in one pass
 * that leaves CDATA sections and comments alone:
 *   - HTML named entities (&nbsp; &eacute; ...) become the characters they name, a '&' that starts no
 *     entity becomes &amp;, and numeric references to windows-1252 code points (&#146;) the character meant;
 *   - an element that carries markup (RSS description, Atom xhtml content, ...) is wrapped in CDATA, so
 *     its HTML need not be well-formed XML and reaches the adapters as one string, in document order;
 *   - nesting deeper than MAX_DEPTH, or more than MAX_ELEMENTS elements or MAX_ATTRIBUTES attributes, is
 *     refused before xml2js builds a tree of it.
 */
import { decodeHTMLStrict } from "entities";
import { entitiesRefused, lineAt } from "./parse-prolog";
import { FeedParseError } from "./parse-error";
import { MAX_ATTRIBUTES, MAX_DEPTH, MAX_ELEMENTS, MAX_ITEMS, MAX_TAG_LENGTH } from "./parse-limits";

const EQUALS = 0x3d;
const ILLEGAL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const ENTITY_TAIL = /#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};/y;
const MARKUP_BEARING = new Set([
  "title", "description", "content:encoded", "content", "summary", "subtitle", "tagline", "info", "rights",
]);
const XHTML_TYPE = /\stype\s*=\s*["']xhtml["']/i;
const XHTML_DIV = /^\s*<(?:\w+:)?div\b/;
const XHTML_DIV_DECLARED = /^\s*<(?:\w+:)?div\b[^>]*\bxmlns(?::\w+)?\s*=/;
/** HTML elements that never close, so they do not deepen the nesting of an HTML body. */
const VOID_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
]);
/** Numeric references 128–159 name C1 controls, but feeds mean the windows-1252 characters (as HTML does). */
const WINDOWS_1252_C1 = new TextDecoder("windows-1252").decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));

/** Characters XML 1.0 forbids (and NUL) are removed: a strict parser would reject the whole feed for one. */
export function stripIllegalChars(text: string): string {
  return text.replace(ILLEGAL_CHARS, "");
}

/**
 * Rewrites a document (prolog already checked) into well-formed-enough XML; see the module comment.
 * A feed with more than MAX_ITEMS items is cut after the last one kept, before the XML parser spends
 * time on the rest.
 */
export function repairXml(xml: string, root: string, warnings: string[] = []): string {
  const out = new Output(xml);
  const itemClose = itemCloseTag(root);
  let items = 0;
  let elements = 0;
  let attributes = 0;
  let tagEnd = 0;
  const closes = new CloseTagFinder(xml);
  let depth = 0;
  const token = /[<&]/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const i = m.index;
    if (xml[i] === "&") {
      const fixed = fixEntity(xml, i);
      if (fixed !== null) {
        out.replace(i, fixed.end, fixed.text);
        token.lastIndex = fixed.end;
      }
      continue;
    }
    const next = xml[i + 1] ?? "";
    if (!/[A-Za-z_:/!?]/.test(next)) {
      // "a < b" in text: a strict parser stops here, a reader means a less-than sign.
      out.replace(i, i + 1, "&lt;");
    } else if (next === "/") {
      depth--;
      if (xml.startsWith(itemClose, i) && ++items === MAX_ITEMS) {
        const more = new RegExp(`<${itemClose.slice(2, -1)}[\\s>/]`).test(xml.slice(i + itemClose.length));
        if (more) warnings.push(`more than ${MAX_ITEMS.toLocaleString("en")} items: kept the first ${MAX_ITEMS.toLocaleString("en")}`);
        out.replace(i + itemClose.length, xml.length, containerClosers(xml, root, i));
        return out.text();
      }
    } else if (next === "!" || next === "?") {
      token.lastIndex = skipDeclaration(xml, i);
    } else {
      // A '<' inside the span of the last start tag found ends where that one does: searching and
      // counting again would make a run of unclosed '<' quadratic.
      if (i >= tagEnd) {
        tagEnd = xml.indexOf(">", i);
        if (tagEnd < 0) break;
        if (tagEnd - i > MAX_TAG_LENGTH) {
          throw new FeedParseError(`parse: malformed XML at line ${lineAt(xml, i)}: a tag longer than ${MAX_TAG_LENGTH / 1024} KB`);
        }
        // '=' also occurs inside attribute values (query strings): the count errs on the safe side.
        for (let c = i + 2; c < tagEnd; c++) if (xml.charCodeAt(c) === EQUALS) attributes++;
      }
      if (++elements > MAX_ELEMENTS || attributes > MAX_ATTRIBUTES) {
        throw new FeedParseError(
          `parse: feed has more than ${MAX_ELEMENTS.toLocaleString("en")} XML elements or ` +
            `${MAX_ATTRIBUTES.toLocaleString("en")} attributes, refused`,
        );
      }
      if (xml[tagEnd - 1] === "/") continue;
      if (++depth > MAX_DEPTH) throw tooDeep(xml, i);
      const name = /^<([\w.:-]+)/.exec(xml.slice(i, i + 64))?.[1] ?? "";
      if (!MARKUP_BEARING.has(name)) continue;
      const wrap = wrapMarkup(xml, name, tagEnd + 1, closes, XHTML_TYPE.test(xml.slice(i, tagEnd)));
      if (wrap) {
        out.replace(i, wrap.close, repairEntities(xml.slice(i, tagEnd + 1)) + wrap.cdata);
        token.lastIndex = wrap.close;
      }
    }
  }
  return out.text();
}

/**
 * The repaired document, built from the source and its replacements. Parts are joined in blocks, so a
 * document with a million stray '&' holds a few hundred strings at a time rather than millions.
 */
class Output {
  private readonly blocks: string[] = [];
  private parts: string[] = [];
  private copied = 0;

  constructor(private readonly source: string) {}

  replace(start: number, end: number, text: string): void {
    this.parts.push(this.source.slice(this.copied, start), text);
    this.copied = end;
    if (this.parts.length >= 8192) {
      this.blocks.push(this.parts.join(""));
      this.parts = [];
    }
  }

  text(): string {
    if (this.copied === 0 && this.blocks.length === 0 && this.parts.length === 0) return this.source;
    return this.blocks.join("") + this.parts.join("") + this.source.slice(this.copied);
  }
}

/** Entity repair alone, for the attributes of a tag whose content is wrapped. */
function repairEntities(text: string): string {
  return text.replace(/&(?:#?\w{1,32};)?/g, (match: string, i: number) => {
    const fixed = fixEntity(text, i);
    return fixed ? fixed.text + text.slice(fixed.end, i + match.length) : match;
  });
}

/**
 * Returns the replacement for the '&' at `i`, or null when it already starts a valid XML reference.
 * Named HTML entities and repaired numeric ones become the character itself, which costs the XML parser
 * nothing, unless it is one XML reserves.
 */
function fixEntity(xml: string, i: number): { text: string; end: number } | null {
  ENTITY_TAIL.lastIndex = i + 1;
  const tail = ENTITY_TAIL.exec(xml)?.[0];
  if (!tail) return { text: "&amp;", end: i + 1 };
  const end = i + 1 + tail.length;
  const name = tail.slice(0, -1);
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (code >= 0x80 && code <= 0x9f) return { text: WINDOWS_1252_C1[code - 0x80] as string, end };
    return isXmlChar(code) ? null : { text: "\uFFFD", end };
  }
  if (XML_ENTITIES.has(name.toLowerCase())) return null;
  const text = htmlEntity(name);
  return text === null ? { text: "&amp;", end: i + 1 } : { text, end };
}

const entityCache = new Map<string, string | null>();
const ENTITY_CACHE_SIZE = 4096;

/** What an HTML named entity stands for, as text safe in XML; null when HTML has no such entity. */
function htmlEntity(name: string): string | null {
  const cached = entityCache.get(name);
  if (cached !== undefined) return cached;
  const decoded = decodeHTMLStrict(`&${name};`);
  const chars = [...decoded];
  const text =
    decoded === `&${name};` || chars.length > 2
      ? null
      : /[<&"']/.test(decoded)
        ? chars.map((c) => `&#x${(c.codePointAt(0) ?? 0xfffd).toString(16)};`).join("")
        : decoded;
  if (entityCache.size < ENTITY_CACHE_SIZE) entityCache.set(name, text);
  return text;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Skips CDATA, comments and processing instructions whole; refuses a late entity declaration. */
function skipDeclaration(xml: string, i: number): number {
  if (xml.startsWith("<![CDATA[", i)) return after(xml, i, "]]>");
  if (xml.startsWith("<!--", i)) return after(xml, i, "-->");
  if (xml.startsWith("<?", i)) return after(xml, i, "?>");
  if (/^<!(?:ENTITY|DOCTYPE)/i.test(xml.slice(i, i + 10))) throw entitiesRefused();
  return i + 2;
}

function after(xml: string, i: number, terminator: string): number {
  const end = xml.indexOf(terminator, i);
  return end < 0 ? xml.length : end + terminator.length;
}

/**
 * When the element opened just before `start` holds child elements rather than text, returns its content
 * as one CDATA section (Atom xhtml: without the wrapping div and namespace prefixes) and where its close
 * tag starts; `xhtml` says the element declared type="xhtml". Returns null for text content, CDATA content,
 * or when the close tag cannot be found.
 */
function wrapMarkup(
  xml: string, name: string, start: number, closes: CloseTagFinder, xhtml: boolean,
): { cdata: string; close: number } | null {
  const close = closes.find(name, start);
  const firstTag = xml.indexOf("<", start);
  if (close < 0 || firstTag === close) return null;
  const inner = xml.slice(start, close);
  // The nested-name test first: in a run of unclosed elements it finds the next one at once.
  if (inner.includes(`<${name}`) || inner.includes("<![CDATA[")) return null;
  checkMarkupDepth(xml, inner, start);
  // The div's namespace may be declared on it or, with a prefix, further up (then type="xhtml" tells).
  const wrapped = xhtml ? XHTML_DIV.test(inner) : XHTML_DIV_DECLARED.test(inner);
  const html = wrapped ? unwrapXhtml(inner) : inner;
  return { cdata: `<![CDATA[${html.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`, close };
}

/**
 * indexOf for close tags, remembering each answer: the same answer holds for any later start up to the
 * close found (or for every later start when there was none), so a run of unclosed elements stays linear.
 */
class CloseTagFinder {
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(private readonly xml: string) {}

  find(name: string, start: number): number {
    const known = this.found.get(name);
    if (known && known.from <= start && (known.at < 0 || start <= known.at)) return known.at;
    const at = this.xml.indexOf(`</${name}>`, start);
    this.found.set(name, { from: start, at });
    return at;
  }
}

/** Atom xhtml content is one namespaced div that is not part of the content (RFC 4287 §3.1.1.3). */
function unwrapXhtml(inner: string): string {
  return inner
    .replace(/^\s*<(?:\w+:)?div\b[^>]*>/, "")
    .replace(/<\/(?:\w+:)?div>\s*$/, "")
    .replace(/<(\/?)\w+:(?=\w)/g, "<$1")
    .replace(/\s+xmlns(?::\w+)?\s*=\s*("[^"]*"|'[^']*')/g, "");
}

/** Nesting inside an HTML body counts too: it becomes text here, but later stages walk it as a tree. */
function checkMarkupDepth(xml: string, inner: string, offset: number): void {
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else if (!m[3] && !VOID_ELEMENTS.has((m[2] as string).toLowerCase()) && ++depth > MAX_DEPTH) {
      throw tooDeep(xml, offset + (m.index ?? 0));
    }
  }
}

function tooDeep(xml: string, i: number): FeedParseError {
  return new FeedParseError(`parse: XML nested deeper than ${MAX_DEPTH} levels at line ${lineAt(xml, i)}, refused`);
}

/**
 * Splits a document at the end of its root element. Returns the document without anything after the
 * root's close tag (servers append junk), or null when the close tag is missing: the feed was truncated.
 */
export function trimAfterRoot(xml: string, root: string): string | null {
  const close = xml.lastIndexOf(`</${root}`);
  if (close < 0) return null;
  const end = xml.indexOf(">", close);
  return end < 0 ? null : xml.slice(0, end + 1);
}

/** A truncated feed keeps its complete items: cut after the last one and close the containers around it. */
export function salvageTruncated(xml: string, root: string): string | null {
  const itemClose = itemCloseTag(root);
  const cut = xml.lastIndexOf(itemClose);
  if (cut < 0) return null;
  return xml.slice(0, cut + itemClose.length) + containerClosers(xml, root, cut);
}

function itemCloseTag(root: string): string {
  return root === "feed" ? "</entry>" : "</item>";
}

/**
 * What closes the document after an item ending at `at`. RSS items sit in <channel> (unless a broken
 * generator put them after it); RDF items and Atom entries directly in the root.
 */
function containerClosers(xml: string, root: string, at: number): string {
  return root === "rss" && xml.lastIndexOf("</channel", at) < 0 ? "</channel></rss>" : `</${root}>`;
}
