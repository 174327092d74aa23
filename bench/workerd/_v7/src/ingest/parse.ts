/**
 * The parser front door: bytes → ParsedFeed. It decodes the body, recognises the format from the first
 * bytes (and the Content-Type only as a tie-breaker), and hands the text to the JSON Feed or XML adapter.
 * Every failure is a FeedParseError whose message a feed owner can act on.
 *
 *   bytes ─► decode (BOM, sniff, charset) ─► strip illegal chars ─► JSON Feed | XML (prolog, Atom prefix, repair, rss-parser)
 */
import type { ParsedFeed } from "../model";
import { decodeFeedBytes } from "./parse-decode";
import { FeedParseError } from "./parse-error";
import { parseJsonFeed } from "./parse-json-feed";
import { stripIllegalChars } from "./parse-lenient";
import { MAX_PARSE_BYTES } from "./parse-limits";
import { parseXmlFeed } from "./parse-xml";

export { FeedParseError };

/** A body this dense in control bytes is not text in any charset a feed uses. */
const BINARY_SHARE = 0.05;

/**
 * Parses a fetched feed body. `contentType` is the response's Content-Type header (for its charset, and
 * to read a body that does not start with '{' or '<' as JSON). Throws FeedParseError, never anything else
 * for bad input.
 */
export async function parseFeed(bytes: Uint8Array, contentType: string | null): Promise<ParsedFeed> {
  if (bytes.length > MAX_PARSE_BYTES) {
    throw new FeedParseError(`parse: feed is larger than ${MAX_PARSE_BYTES / 1024 / 1024} MB`);
  }
  refuseBinary(bytes);
  const text = stripIllegalChars(decodeFeedBytes(bytes, contentType));
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  if (first === undefined && text.trim() === "") throw new FeedParseError("parse: empty body");
  if (first === "{" || (first !== "<" && /json/i.test(contentType ?? ""))) return parseJsonFeed(text);
  if (first === "[") throw new FeedParseError("parse: not a feed (JSON without a JSON Feed version and items)");
  return parseXmlFeed(text);
}

function refuseBinary(bytes: Uint8Array): void {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new FeedParseError("parse: not a feed (gzip-compressed data)");
  const head = bytes.subarray(0, 1024);
  // UTF-16 text is half zero bytes; it is recognised by its BOM or its '<' and decoded, not refused.
  const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (bom16 || head[0] === 0x3c || (head[0] === 0x00 && head[1] === 0x3c)) return;
  let control = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  if (control > head.length * BINARY_SHARE) throw new FeedParseError("parse: not a feed (binary data)");
}
