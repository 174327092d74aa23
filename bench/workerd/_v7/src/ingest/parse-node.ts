/**
 * Reading xml2js output (explicitArray: every child is an array; text in `_`, attributes in `$`), and the
 * small text helpers the format adapters share.
 */

export type XmlNode = string | XmlElement;
export interface XmlElement {
  _?: string;
  $?: Record<string, string>;
  [child: string]: unknown;
}

/** The child elements called `name`, in document order. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || typeof node === "string") return [];
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** An element's own text, trimmed; null when it has none. */
export function textOf(node: XmlNode | undefined): string | null {
  const text = typeof node === "string" ? node : typeof node?._ === "string" ? node._ : null;
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** The text of the first child called `name` that has any. */
export function childText(node: XmlNode | undefined, name: string): string | null {
  for (const child of children(node, name)) {
    const text = textOf(child);
    if (text !== null) return text;
  }
  return null;
}

export function attrOf(node: XmlNode | undefined, name: string): string | null {
  if (!node || typeof node === "string") return null;
  const value = node.$?.[name]?.trim();
  return value ? value : null;
}

/** The first non-null value, the way feed readers fall back from field to field. */
export function firstOf<T>(...values: (T | null | undefined)[]): T | null {
  for (const value of values) if (value !== null && value !== undefined) return value;
  return null;
}

/** Distinct non-empty values in first-seen order. */
export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ""))];
}

/** A summary that repeats the body, laid out differently, is no summary. */
export function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Plain text as HTML, so that every body the parser hands on is HTML: blank lines become paragraphs and
 * single newlines line breaks, which the normalizer turns back into the same text.
 */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * XML Base, hierarchically: an element's reference (its xml:base, or a link's href) resolves against the base
 * in scope above it. The outermost base is relative to the document URL, which only the normalizer knows, so
 * relative bases are combined into one reference still relative to it.
 */
export function resolveBase(reference: string | null, outer: string | null): string | null {
  if (!reference) return outer;
  if (!outer || SCHEME.test(reference)) return reference;
  if (!SCHEME.test(outer)) return mergeRelative(reference, outer);
  try {
    return new URL(reference, outer).href;
  } catch {
    return reference;
  }
}

/**
 * RFC 3986 §5.2.2 with a relative base: the result resolves against any document URL as the reference would
 * against the base resolved there. Dot segments stay, and are removed (the same way) by that last resolution.
 */
function mergeRelative(reference: string, base: string): string {
  if (reference.startsWith("//")) return reference;
  const authority = /^\/\/[^/?#]*/.exec(base)?.[0] ?? "";
  if (reference.startsWith("/")) return authority + reference;
  const withoutFragment = base.split("#")[0] as string;
  if (reference.startsWith("#")) return withoutFragment + reference;
  const path = withoutFragment.split("?")[0] as string;
  if (reference.startsWith("?")) return path + reference;
  if (authority !== "" && path === authority) return `${authority}/${reference}`;
  // A base ending in "." or ".." names a directory, as in remove_dot_segments.
  if (/(?:^|\/)\.\.?$/.test(path)) return `${path}/${reference}`;
  return path.slice(0, path.lastIndexOf("/") + 1) + reference;
}
