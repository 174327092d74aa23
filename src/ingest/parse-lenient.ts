/**
 * Lenient recovery: turns the XML that feeds actually serve into XML a strict parser accepts, in one pass
 * that leaves CDATA sections and comments alone:
 *   - HTML named entities (&nbsp; &eacute; ...) become numeric references, a '&' that starts no entity
 *     becomes &amp;, and numeric references to windows-1252 code points (&#146;) get the character meant;
 *   - an element that carries markup (RSS description, Atom xhtml content, ...) is wrapped in CDATA, so
 *     its HTML need not be well-formed XML and reaches the adapters as one string, in document order;
 *   - nesting deeper than MAX_DEPTH is refused before anything recurses on it.
 */
import { decodeHTMLStrict } from "entities";
import { entitiesRefused, lineAt } from "./parse-prolog";
import { FeedParseError } from "./parse-error";

/** Real feeds nest a dozen levels; XHTML bodies a few dozen more. */
export const MAX_DEPTH = 256;
/**
 * Real feeds carry tens of items, archives a few hundred. Beyond this the rest of the pipeline could not
 * finish in one invocation anyway (about 1.5 ms of CPU per story), so the first MAX_ITEMS are kept.
 */
export const MAX_ITEMS = 1000;

const ILLEGAL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const ENTITY_TAIL = /#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};/y;
const MARKUP_BEARING = new Set([
  "title", "description", "content:encoded", "content", "summary", "subtitle", "tagline", "info", "rights",
]);
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
export function repairXml(xml: string, root: string): string {
  const out: string[] = [];
  const itemClose = itemCloseTag(root);
  let items = 0;
  let copied = 0;
  let depth = 0;
  const token = /[<&]/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const i = m.index;
    if (xml[i] === "&") {
      const fixed = fixEntity(xml, i);
      if (fixed !== null) {
        out.push(xml.slice(copied, i), fixed.text);
        copied = fixed.end;
        token.lastIndex = fixed.end;
      }
      continue;
    }
    const next = xml[i + 1] ?? "";
    if (!/[A-Za-z_:/!?]/.test(next)) {
      // "a < b" in text: a strict parser stops here, a reader means a less-than sign.
      out.push(xml.slice(copied, i), "&lt;");
      copied = i + 1;
    } else if (next === "/") {
      depth--;
      if (xml.startsWith(itemClose, i) && ++items === MAX_ITEMS) {
        out.push(xml.slice(copied, i + itemClose.length), containerClosers(root));
        return out.join("");
      }
    } else if (next === "!" || next === "?") {
      token.lastIndex = skipDeclaration(xml, i);
    } else {
      const tagEnd = xml.indexOf(">", i);
      if (tagEnd < 0) break;
      if (xml[tagEnd - 1] === "/") continue;
      depth++;
      if (depth > MAX_DEPTH) throw tooDeep(xml, i);
      const name = /^<([\w.:-]+)/.exec(xml.slice(i, i + 64))?.[1] ?? "";
      if (!MARKUP_BEARING.has(name)) continue;
      const wrap = wrapMarkup(xml, name, tagEnd + 1);
      if (wrap) {
        out.push(xml.slice(copied, i), repairEntities(xml.slice(i, tagEnd + 1)), wrap.cdata);
        copied = wrap.close;
        token.lastIndex = wrap.close;
      }
    }
  }
  if (copied === 0) return xml;
  out.push(xml.slice(copied));
  return out.join("");
}

/** Entity repair alone, for the attributes of a tag whose content is wrapped. */
function repairEntities(text: string): string {
  return text.replace(/&(?:#?\w{1,32};)?/g, (match: string, i: number) => {
    const fixed = fixEntity(text, i);
    return fixed ? fixed.text + text.slice(fixed.end, i + match.length) : match;
  });
}

/** Returns the replacement for the '&' at `i`, or null when it already starts a valid XML reference. */
function fixEntity(xml: string, i: number): { text: string; end: number } | null {
  ENTITY_TAIL.lastIndex = i + 1;
  const tail = ENTITY_TAIL.exec(xml)?.[0];
  if (!tail) return { text: "&amp;", end: i + 1 };
  const end = i + 1 + tail.length;
  const name = tail.slice(0, -1);
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (code >= 0x80 && code <= 0x9f) return { text: numericRef(WINDOWS_1252_C1.codePointAt(code - 0x80) ?? 0xfffd), end };
    return isXmlChar(code) ? null : { text: "&#xFFFD;", end };
  }
  if (XML_ENTITIES.has(name.toLowerCase())) return null;
  const decoded = decodeHTMLStrict(`&${tail}`);
  const chars = [...decoded];
  if (decoded === `&${tail}` || chars.length > 2) return { text: "&amp;", end: i + 1 };
  return { text: chars.map((c) => numericRef(c.codePointAt(0) ?? 0xfffd)).join(""), end };
}

function numericRef(code: number): string {
  return `&#x${code.toString(16).toUpperCase()};`;
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
 * tag starts. Returns null for text content, CDATA content, or when the close tag cannot be found.
 */
function wrapMarkup(xml: string, name: string, start: number): { cdata: string; close: number } | null {
  const close = xml.indexOf(`</${name}>`, start);
  const firstTag = xml.indexOf("<", start);
  if (close < 0 || firstTag === close) return null;
  const inner = xml.slice(start, close);
  if (inner.includes("<![CDATA[") || inner.includes(`<${name}`)) return null;
  checkMarkupDepth(xml, inner, start);
  const html = /^\s*<(?:\w+:)?div\b[^>]*\bxmlns(?::\w+)?\s*=/.test(inner) ? unwrapXhtml(inner) : inner;
  return { cdata: `<![CDATA[${html.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`, close };
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
  return xml.slice(0, cut + itemClose.length) + containerClosers(root);
}

function itemCloseTag(root: string): string {
  return root === "feed" ? "</entry>" : "</item>";
}

/** RSS items sit in <channel>; RDF items and Atom entries directly in the root. */
function containerClosers(root: string): string {
  return root === "rss" ? "</channel></rss>" : `</${root}>`;
}
