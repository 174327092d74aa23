/**
 * The parser's bounds. The fetcher caps a body at MAX_FEED_BYTES (10 MiB by default); within that, these
 * keep a hostile or absurd feed from costing more CPU and memory than the invocation has, and each one
 * fails with a message that names it.
 */

/** The parser refuses more than the fetcher's default cap on its own account. */
export const MAX_PARSE_BYTES = 10 * 1024 * 1024;

/** Real feeds nest a dozen levels; XHTML bodies a few dozen more. */
export const MAX_DEPTH = 256;

/**
 * Real feeds carry tens of items, archives a few hundred. Beyond this the rest of the pipeline could not
 * finish in one invocation anyway (about 1.5 ms of CPU per story), so the first MAX_ITEMS are kept.
 */
export const MAX_ITEMS = 1000;

/**
 * A feed of MAX_ITEMS items has a few tens of thousands of elements (markup inside bodies is text to the XML
 * parser and does not count). Millions of empty elements cost xml2js seconds and hundreds of MB.
 */
export const MAX_ELEMENTS = 100_000;

/** Elements in feeds carry a handful of attributes at most; each costs sax and xml2js a few microseconds. */
export const MAX_ATTRIBUTES = 200_000;

/** The longest start tag accepted; real ones are under a few hundred bytes, even with long URLs. */
export const MAX_TAG_LENGTH = 64 * 1024;
