/**
 * Allowlist HTML sanitizer for stored and served story bodies (CONTRACT.md, Security).
 *
 * The input is parsed (htmlparser2) and a new document is written from the parse events: only allowlisted
 * elements and attributes are ever written, every text and attribute value is escaped on the way out, and every
 * element written is closed. Nothing of the input passes through as raw bytes, so a trick that confuses the
 * parser can at worst lose content; it cannot smuggle markup into the output. (HTMLRewriter, which passes
 * untouched input through, also costs ~20x more CPU here; see text.ts.)
 *
 * Decisions:
 * - Kept: structure and inline emphasis (see ALLOWED), div (CMS bodies use it for paragraphs), tables, figures
 *   and images. span and every unknown element are unwrapped: the tag goes, its content stays.
 * - Dropped with their content: HIDDEN_ELEMENTS (script, style, iframe, object, embed, form, svg, math...).
 * - No id, class, style, on* or data-* attribute survives: only those listed per element (plus dir and lang).
 * - URLs (href, src, cite) are read as a browser would (entities decoded, then the WHATWG URL parser, which
 *   strips tabs and newlines and lowercases the scheme), resolved against the base, and kept only for http and
 *   https, plus mailto for links. Without a base, a relative URL is kept relative.
 * - Links get rel="nofollow noopener": the body is third-party content.
 * - Output is capped at MAX_HTML_BYTES of UTF-8, cut between tokens with every open element closed.
 */
import { escapeAttribute, escapeText } from "entities/escape";
import { Parser, type Handler } from "htmlparser2";
import { HIDDEN_ELEMENTS, TextSink, truncateText, utf8Length } from "./text";

/** Cap on sanitized HTML, in UTF-8 bytes: D1 rows hold 2 MB, shared with the text and the rest of the story. */
export const MAX_HTML_BYTES = 500_000;
/** Input beyond this many characters cannot contribute to a capped output worth keeping; it is not parsed. */
const MAX_INPUT_CHARS = 4 * MAX_HTML_BYTES;

/** Element → the attributes it may keep. */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    a: ["href", "title"],
    abbr: ["title"],
    b: [], blockquote: ["cite"], br: [], caption: [], cite: [], code: [], dd: [], del: [], div: [], dl: [], dt: [],
    em: [], figcaption: [], figure: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], hr: [], i: [],
    img: ["src", "alt", "title", "width", "height"],
    ins: [], li: [], mark: [], ol: [], p: [], pre: [], q: ["cite"], s: [], small: [], strong: [], sub: [],
    sup: [], table: [], tbody: [], td: ["colspan", "rowspan"], tfoot: [], th: ["colspan", "rowspan"],
    thead: [], time: ["datetime"], tr: [], u: [], ul: [],
  }).map(([name, attributes]) => [name, [...attributes, "dir", "lang"]]),
);

const VOID_ELEMENTS: ReadonlySet<string> = new Set(["br", "hr", "img"]);
const LINK_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:", "mailto:"]);
export const HTTP_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:"]);
/** Stands in for a missing base so that relative URLs can be checked by the same parser as absolute ones. */
const PROBE_BASE = "https://relative.invalid/";
const PROBE_HOST = "relative.invalid";
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** The WHATWG URL parser drops these anywhere in a URL, so "jav\tascript:" is "javascript:". */
const URL_IGNORED = /[\t\n\r]/g;
/*
 * URLs already in the exact form the URL parser would print them: lowercase name host (no port, no numeric
 * last label, which the parser would rewrite as IPv4), a path, and only characters it leaves unencoded. They are
 * taken as they are: in workerd every URL object costs ~10 µs, as much as sanitizing a paragraph.
 */
const CANONICAL_HTTP_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~!$&()*+,;=:@%/?#]*$/;
const CANONICAL_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&()*+,;=:@%/?#]*$/;
/** "." and ".." segments (also percent-encoded) are resolved by the parser, so they take the slow path. */
const DOT_SEGMENT = /\/(?:\.|%2e)/i;
const DIMENSION = /^\s*(\d{1,5})(?:px)?\s*$/i;
const SPAN = /^\s*(\d{1,4})\s*$/;
const LANG = /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i;
const DIR = /^(?:ltr|rtl|auto)$/i;

/** How an open element was handled, so its end tag is handled the same way. */
const enum Mode {
  Unwrapped,
  Written,
  Hidden,
}

export interface SanitizedBody {
  html: string;
  /** Plain text of the same body, as htmlToText would give it, capped at the requested length. */
  text: string;
}

/** Sanitized HTML of a fragment; relative URLs resolve against `baseUrl` when it is an absolute URL. */
export async function sanitizeHtml(html: string, baseUrl: string | null): Promise<string> {
  const sink = new HtmlSink(urlBase(baseUrl));
  new Parser(sink, { decodeEntities: true }).end(html.slice(0, MAX_INPUT_CHARS));
  return sink.result();
}

/** Sanitized HTML and plain text from one parse, for ingest, where every body needs both. */
export function sanitizeWithText(html: string, baseUrl: string | null, maxTextChars: number): SanitizedBody {
  const htmlSink = new HtmlSink(urlBase(baseUrl));
  const textSink = new TextSink(maxTextChars);
  const both: Partial<Handler> = {
    onopentag(name, attribs) {
      htmlSink.onopentag(name, attribs);
      textSink.onopentag(name);
    },
    onclosetag(name) {
      htmlSink.onclosetag(name);
      textSink.onclosetag(name);
    },
    ontext(text) {
      htmlSink.ontext(text);
      textSink.ontext(text);
    },
  };
  new Parser(both, { decodeEntities: true }).end(html.slice(0, MAX_INPUT_CHARS));
  return { html: htmlSink.result(), text: textSink.result() };
}

/** Writes the sanitized document from parser events. */
class HtmlSink implements Partial<Handler> {
  private readonly out: string[] = [];
  /** Open elements as this sink saw them open, to match each end tag with its start. */
  private readonly open: Array<{ name: string; mode: Mode }> = [];
  private bytes = 0;
  /** Bytes of the end tags still owed to open elements: room kept for them under the cap. */
  private owed = 0;
  private hiddenDepth = 0;
  private full = false;

  constructor(private readonly base: UrlBase | null) {}

  onopentag(name: string, attribs: Record<string, string>): void {
    if (this.hiddenDepth > 0 || HIDDEN_ELEMENTS.has(name)) {
      this.hiddenDepth++;
      this.open.push({ name, mode: Mode.Hidden });
      return;
    }
    const allowed = ALLOWED.get(name);
    const tag = allowed ? startTag(name, attribs, allowed, this.base) : null;
    const written = tag !== null && this.write(tag) && !VOID_ELEMENTS.has(name);
    this.open.push({ name, mode: written ? Mode.Written : Mode.Unwrapped });
    if (written) this.owed += name.length + 3;
  }

  onclosetag(name: string): void {
    // At the end of input the parser closes a tag cut off before its ">", whose start it never reported.
    if (this.open.at(-1)?.name !== name) return;
    const { mode } = this.open.pop()!;
    if (mode === Mode.Hidden) this.hiddenDepth--;
    if (mode !== Mode.Written) return;
    this.owed -= name.length + 3;
    this.out.push(`</${name}>`);
    this.bytes += name.length + 3;
  }

  ontext(text: string): void {
    if (this.hiddenDepth > 0 || this.full) return;
    const escaped = escapeText(text);
    if (this.write(escaped)) return;
    // The text that crosses the cap is cut at a word; entities hold no spaces, so none is split in practice.
    const room = MAX_HTML_BYTES - this.owed - this.bytes;
    if (room > 16) this.out.push(truncateText(escaped, room, "byte"));
  }

  result(): string {
    return this.out.join("");
  }

  /** Appends a token if it fits under the cap with the owed end tags; once one does not, nothing more is. */
  private write(token: string): boolean {
    if (this.full) return false;
    const size = utf8Length(token);
    if (this.bytes + size + this.owed > MAX_HTML_BYTES) {
      this.full = true;
      return false;
    }
    this.out.push(token);
    this.bytes += size;
    return true;
  }
}

/** The start tag to write, or null when the element is pointless without what was removed (an img without src). */
function startTag(name: string, attribs: Record<string, string>, allowed: readonly string[], base: UrlBase | null): string | null {
  let tag = `<${name}`;
  let hasUrl = false;
  for (const attribute of allowed) {
    const raw = attribs[attribute];
    if (raw === undefined) continue;
    const value = cleanAttribute(attribute, raw, base);
    if (value === null) continue;
    if (attribute === "href" || attribute === "src") hasUrl = true;
    tag += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  if (name === "img" && !hasUrl) return null;
  if (name === "a" && hasUrl) tag += ' rel="nofollow noopener"';
  return `${tag}>`;
}

function cleanAttribute(attribute: string, value: string, base: UrlBase | null): string | null {
  switch (attribute) {
    case "href":
      return safeUrl(value, base, LINK_SCHEMES);
    case "src":
    case "cite":
      return safeUrl(value, base, HTTP_SCHEMES);
    case "width":
    case "height":
      return DIMENSION.exec(value)?.[1] ?? null;
    case "colspan":
    case "rowspan":
      return SPAN.exec(value)?.[1] ?? null;
    case "lang":
      return LANG.test(value) ? value : null;
    case "dir":
      return DIR.test(value) ? value.toLowerCase() : null;
    default:
      return value;
  }
}

/** A base URL for resolving references, parsed once per document. */
export interface UrlBase {
  href: string;
  /** "https://host[:port]" for http(s) bases, used to resolve "/path" without a URL object; else null. */
  origin: string | null;
}

/** The base for `baseUrl`, or null when it is absent or not an absolute URL. */
export function urlBase(baseUrl: string | null): UrlBase | null {
  const url = baseUrl === null ? null : parseUrl(baseUrl);
  if (url === null) return null;
  return { href: url.href, origin: url.protocol === "http:" || url.protocol === "https:" ? url.origin : null };
}

/**
 * A URL (already entity-decoded by the parser) judged by the same URL parser a browser uses, so "JaVaScRiPt:",
 * " javascript:", "java\tscript:" and "&#106;avascript:" all show their real scheme; resolved against the base.
 * Without a base, a relative URL is kept relative.
 */
export function safeUrl(value: string, base: UrlBase | null, schemes: ReadonlySet<string>): string | null {
  const cleaned = value.replace(URL_IGNORED, "").trim();
  if (cleaned === "") return null;
  if (!DOT_SEGMENT.test(cleaned)) {
    if (CANONICAL_HTTP_URL.test(cleaned)) return schemes.has(cleaned.startsWith("https:") ? "https:" : "http:") ? cleaned : null;
    if (base?.origin && CANONICAL_PATH.test(cleaned)) return base.origin + cleaned;
  }
  const url = parseUrl(cleaned, base?.href ?? PROBE_BASE);
  if (url === null || !schemes.has(url.protocol)) return null;
  if (base === null && url.host === PROBE_HOST && !HAS_SCHEME.test(cleaned)) return cleaned;
  return url.href;
}

/** URL.parse where the runtime has it is the same; this also runs under Node 20 for scripts. */
function parseUrl(reference: string, base?: string): URL | null {
  try {
    return new URL(reference, base);
  } catch {
    return null;
  }
}
