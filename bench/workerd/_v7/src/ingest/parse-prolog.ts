/**
 * The XML prolog: everything before the root element. This is where the parser is attacked (entity
 * declarations: billion laughs, XXE) and where feeds are most often broken (junk before the declaration),
 * so it is read by hand before any XML parser sees the document.
 */
import { FeedParseError } from "./parse-error";

export interface Prolog {
  /** The root element's name as written, e.g. "rss", "rdf:RDF", "feed". */
  root: string;
  /** The document with any DOCTYPE and leading junk blanked out (same length, so positions still match). */
  xml: string;
  /** Where the root element's start tag begins in `xml`. */
  rootAt: number;
  /** Whether a DOCTYPE mentioned HTML. */
  htmlDoctype: boolean;
}

/** Where a feed starts when something else was printed before it. */
const FEED_START = /<\?xml\s|<(?:rss|(?:[\w.-]+:)?feed|rdf:RDF)\b/;
const JUNK_WINDOW = 4096;
/** Atom may be written with a prefix (atom:feed); whether it is bound to Atom is checked later. */
const FEED_ROOT = /^(?:rss|rdf:RDF|(?:[\w.-]+:)?feed)$/;

/**
 * Finds the root element, refuses entity declarations and blanks out a plain DOCTYPE. Entity declarations
 * are refused rather than ignored: XML parsers disagree on them, and a feed never needs one. Servers
 * sometimes print warnings or markup before the feed; that is skipped when a feed follows soon after.
 */
export function readProlog(text: string): Prolog {
  let first: Prolog | FeedParseError;
  try {
    first = scanProlog(text);
  } catch (error) {
    if (!(error instanceof FeedParseError) || /ENTITY/.test(error.message)) throw error;
    first = error;
  }
  if (!(first instanceof FeedParseError) && (FEED_ROOT.test(first.root) || first.htmlDoctype || /^html$/i.test(first.root))) {
    return first;
  }
  const start = text.slice(0, JUNK_WINDOW).search(FEED_START);
  if (start <= 0) {
    if (first instanceof FeedParseError) throw first;
    return first;
  }
  if (/<!ENTITY/i.test(text.slice(0, start))) throw entitiesRefused();
  return scanProlog(blank(text, 0, start));
}

function scanProlog(text: string): Prolog {
  let xml = text;
  let i = 0;
  let htmlDoctype = false;
  for (;;) {
    i = skipSpace(xml, i);
    if (xml.startsWith("<?", i)) {
      i = endOf(xml, i, "?>", "processing instruction");
    } else if (xml.startsWith("<!--", i)) {
      i = endOf(xml, i, "-->", "comment");
    } else if (/^<!DOCTYPE\b/i.test(xml.slice(i, i + 10))) {
      const end = doctypeEnd(xml, i);
      const doctype = xml.slice(i, end);
      if (/<!ENTITY/i.test(doctype)) throw entitiesRefused();
      htmlDoctype = /^<!DOCTYPE\s+html\b/i.test(doctype);
      xml = blank(xml, i, end);
      i = end;
    } else if (xml.startsWith("<!", i)) {
      if (/^<!ENTITY/i.test(xml.slice(i, i + 8))) throw entitiesRefused();
      throw new FeedParseError(`parse: malformed XML at line ${lineAt(xml, i)}: unexpected markup before the root element`);
    } else if (xml[i] === "<") {
      const root = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i, i + 200))?.[1];
      if (!root) throw new FeedParseError(`parse: malformed XML at line ${lineAt(xml, i)}: no root element`);
      return { root, xml, rootAt: i, htmlDoctype };
    } else if (i >= xml.length) {
      throw new FeedParseError("parse: not a feed (no root element)");
    } else if (xml.slice(0, i).trim() === "") {
      throw new FeedParseError("parse: not a feed (neither XML nor JSON)");
    } else {
      throw new FeedParseError(`parse: not a feed (text before the first element at line ${lineAt(xml, i)})`);
    }
  }
}

export function entitiesRefused(): FeedParseError {
  return new FeedParseError("parse: feed declares XML entities (<!ENTITY), refused");
}

/** The 1-based line number of a position, as a feed owner's editor would show it. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

function endOf(text: string, start: number, terminator: string, what: string): number {
  const end = text.indexOf(terminator, start);
  if (end < 0) throw new FeedParseError(`parse: unexpected end of XML at line ${lineAt(text, text.length)} (unterminated ${what})`);
  return end + terminator.length;
}

/** A DOCTYPE ends at the first '>' outside quotes and outside its [internal subset]. */
function doctypeEnd(text: string, start: number): number {
  let quote = "";
  let depth = 0;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "[") {
      depth++;
    } else if (c === "]") {
      depth--;
    } else if (c === ">" && depth <= 0) {
      return i + 1;
    }
  }
  throw new FeedParseError(`parse: unexpected end of XML at line ${lineAt(text, text.length)} (unterminated DOCTYPE)`);
}

/** Blanks a span with spaces, keeping its newlines, so later error positions still point at the feed's own lines. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
}
