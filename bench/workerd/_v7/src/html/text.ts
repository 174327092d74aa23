/**
 * HTML → plain text, shared by ingest (normalize) and the API (POST /v1/annotate).
 *
 * Paragraphs are separated by "\n\n": every block element (p, div, li, h1–h6, blockquote, tr, br...) ends one.
 * Inside a paragraph whitespace is collapsed to single spaces; entities are decoded; script, style and the
 * other elements whose content is never shown to a reader contribute nothing.
 *
 * Parsing uses htmlparser2 rather than the Workers-native HTMLRewriter: HTMLRewriter calls into JavaScript for
 * every element and text chunk, and measured in workerd that costs ~2 ms per 3 KB story for a text pass,
 * against ~0.1 ms here, while the pipeline's whole budget is ~1.5 ms per story.
 */
import { decodeHTML } from "entities/decode";
import { Parser, type Handler } from "htmlparser2";

/** Elements whose content is code, chrome or fallback, never article text: dropped with everything inside. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
  "svg", "math", "canvas", "audio", "video", "form", "button", "select", "textarea", "input", "head", "title",
  "xmp", "plaintext", "noembed", "noframes",
]);

/** Elements that start and end a paragraph of text. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
  "ul",
]);

/** Table cells sit side by side: a space keeps "a" and "b" in "<td>a</td><td>b</td>" apart. */
const CELL_ELEMENTS: ReadonlySet<string> = new Set(["td", "th"]);

/**
 * Invisible characters that only get in the way of matching text: C0 controls other than whitespace, soft
 * hyphen, zero-width space and the BOM. Zero-width (non-)joiners stay: Indic scripts and emoji need them.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b\ufeff]/g;
const WHITESPACE_RUN = /\s+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Decodes HTML character references as a browser does (named, numeric, and legacy ones without ";"). */
export function decodeEntities(s: string): string {
  return decodeHTML(s);
}

/** Collapses every run of whitespace (including no-break and other Unicode spaces) to one space, and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(WHITESPACE_RUN, " ").trim();
}

/** Plain text of an HTML fragment or document: paragraphs joined by "\n\n". */
export async function htmlToText(html: string): Promise<string> {
  const sink = new TextSink(Number.POSITIVE_INFINITY);
  new Parser(sink, { decodeEntities: true }).end(html);
  return sink.result();
}

/**
 * Collects text from parser events. Also fed by the sanitizer, so normalize gets sanitized HTML and text from
 * one parse. Stops collecting past `maxChars` so a hostile body cannot make the text pass grow without bound.
 */
export class TextSink implements Partial<Handler> {
  private readonly paragraphs: string[] = [];
  private current: string[] = [];
  private collected = 0;
  private hiddenDepth = 0;

  constructor(private readonly maxChars: number) {}

  onopentag(name: string): void {
    if (this.hiddenDepth > 0 || HIDDEN_ELEMENTS.has(name)) {
      this.hiddenDepth++;
      return;
    }
    this.boundary(name);
  }

  onclosetag(name: string): void {
    if (this.hiddenDepth > 0) {
      this.hiddenDepth--;
      return;
    }
    this.boundary(name);
  }

  ontext(text: string): void {
    if (this.hiddenDepth > 0 || this.collected > this.maxChars) return;
    this.current.push(text);
    this.collected += text.length;
  }

  result(): string {
    this.endParagraph();
    return this.paragraphs.join("\n\n");
  }

  private boundary(name: string): void {
    if (BLOCK_ELEMENTS.has(name)) this.endParagraph();
    else if (CELL_ELEMENTS.has(name)) this.current.push(" ");
  }

  private endParagraph(): void {
    if (this.current.length === 0) return;
    const paragraph = collapseWhitespace(this.current.join("").replace(INVISIBLE, ""));
    this.current = [];
    if (paragraph !== "") this.paragraphs.push(paragraph);
  }
}

/**
 * Shortens text to at most `max` units (UTF-16 characters, or UTF-8 bytes where storage limits are in bytes),
 * cutting at a word boundary when one is near, never inside a surrogate pair, and marking the cut with "…".
 */
export function truncateText(text: string, max: number, unit: "char" | "byte" = "char"): string {
  const fits = unit === "char" ? text.length <= max : text.length * 3 <= max || utf8Length(text) <= max;
  if (fits) return text;
  // The ellipsis is one character, three bytes.
  let end = unit === "char" ? max - 1 : byteBoundary(text, max - 3);
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  const wordEnd = Math.max(text.lastIndexOf(" ", end), text.lastIndexOf("\n", end));
  // Back up to a word boundary only when it costs little; one giant "word" is cut where it stands.
  if (wordEnd > 0 && end - wordEnd <= Math.max(20, end * 0.1)) end = wordEnd;
  return text.slice(0, end).trimEnd() + "…";
}

/** UTF-8 length of a string, without allocating its encoding. */
export function utf8Length(s: string): number {
  // Most markup and much news text is ASCII: one native regex scan beats a JavaScript loop over it.
  if (!NON_ASCII.test(s)) return s.length;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) bytes += unitBytes(s.charCodeAt(i));
  return bytes;
}

/** The largest index whose prefix fits in `maxBytes` of UTF-8. */
function byteBoundary(text: string, maxBytes: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    bytes += unitBytes(text.charCodeAt(i));
    if (bytes > maxBytes) return i;
  }
  return text.length;
}

/** UTF-8 bytes per UTF-16 code unit: a surrogate pair's 4 bytes count as 2 + 2. */
function unitBytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return 2;
  return 3;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
