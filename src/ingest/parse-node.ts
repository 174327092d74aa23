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

/** Resolves an xml:base against the one in scope above it, when that one is absolute. */
export function resolveBase(base: string | null, outer: string | null): string | null {
  if (!base) return outer;
  if (!outer) return base;
  try {
    return new URL(base, outer).href;
  } catch {
    return base;
  }
}
