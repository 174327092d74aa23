/**
 * A story's cleaned text compressed in its row (issue 17, migrations/0012): lists, search results and the
 * story page read content_text on every page, so it stays in D1, but as raw DEFLATE (RFC 1951) in the BLOB
 * column content_z rather than as TEXT; the row mapper (stories.ts) gives the text back. Synchronous
 * `node:zlib` (nodejs_compat in workerd, Node itself in scripts and the bench), so a mapper stays a plain
 * function and a page stays one D1 round trip.
 *
 * The first byte names the format, so formats sit beside each other and old rows stay readable without a
 * rewrite: 1 is plain raw DEFLATE (0012), 2 raw DEFLATE with the preset dictionary of text-dictionary.ts
 * (0014), which new writes use. A format is frozen once shipped: a new dictionary is a new format number.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { TEXT_DICTIONARY } from "./text-dictionary";

/** Raw DEFLATE of the UTF-8 text, at the highest level: written once, read many times. */
const DEFLATE_RAW = 1;
/** Raw DEFLATE with the preset dictionary (version 1): short texts start with common phrasing to copy. */
const DEFLATE_RAW_DICT1 = 2;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const DICT1 = encoder.encode(TEXT_DICTIONARY);

/** The format new writes use, for the mover's walk over rows still in an older one. */
export const TEXT_FORMAT = DEFLATE_RAW_DICT1;

/** D1 hands a BLOB back as an array of byte values (workerd) or an ArrayBuffer (other drivers). */
export type StoredBlob = ArrayBuffer | ArrayBufferView | number[];

export function packText(text: string): Uint8Array {
  const packed = deflateRawSync(encoder.encode(text), { level: 9, dictionary: DICT1 });
  const out = new Uint8Array(packed.length + 1);
  out[0] = DEFLATE_RAW_DICT1;
  out.set(packed, 1);
  return out;
}

export function bytesOf(v: StoredBlob): Uint8Array {
  if (Array.isArray(v)) return Uint8Array.from(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return new Uint8Array(v);
}

export function unpackText(v: StoredBlob): string {
  const bytes = bytesOf(v);
  if (bytes[0] === DEFLATE_RAW_DICT1) return decoder.decode(inflateRawSync(bytes.subarray(1), { dictionary: DICT1 }));
  if (bytes[0] === DEFLATE_RAW) return decoder.decode(inflateRawSync(bytes.subarray(1)));
  throw new Error(`store: unknown text format ${bytes[0] ?? "(empty)"} in content_z`);
}

/** content_text as the row holds it: compressed in content_z, or inline (rows not yet compacted). */
export function storedText(r: { content_text: string; content_z?: StoredBlob | null }): string {
  return r.content_z == null ? r.content_text : unpackText(r.content_z);
}

/** Bytes as hex, for SQL's unhex(): how a BLOB travels inside a JSON parameter. */
export function hexOf(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}
