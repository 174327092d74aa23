/**
 * Bytes → text. The charset comes from the BOM, then a UTF-16 sniff of the first bytes, then the bytes
 * themselves (valid UTF-8 wins over a wrong declaration), then the Content-Type charset, then the XML prolog.
 * Labels go through TextDecoder (WHATWG encodings), which already treats ISO-8859-1 and US-ASCII as
 * windows-1252, as browsers do.
 */
const PROLOG_WINDOW = 1024;

/** Decodes a feed body to a string without its BOM. */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);

  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not valid UTF-8: only now does a declared legacy charset get a say.
  }
  // UTF-8 and UTF-16 declarations were already tried above; here they can only be wrong.
  const declared = declaredCharset(contentType, bytes);
  const decoder = declared && !/^(?:utf-?8|utf-?16)/i.test(declared) ? decoderFor(declared) : null;
  return decoder ? decoder.decode(bytes) : decodeBrokenUtf8(bytes);
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** XML without a BOM still reveals UTF-16 by the zero byte beside its first '<' (XML 1.0 appendix F). */
function sniffUtf16(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) return "utf-16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return "utf-16be";
  return null;
}

function declaredCharset(contentType: string | null, bytes: Uint8Array): string | null {
  const fromHeader = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  if (fromHeader && decoderFor(fromHeader)) return fromHeader;
  // The prolog is ASCII in every ASCII-compatible charset, so a latin-1 view of the first bytes reads it.
  const head = String.fromCharCode(...bytes.subarray(0, PROLOG_WINDOW));
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Invalid UTF-8 declared (or defaulted) as UTF-8. If it holds no valid multi-byte sequence at all it is
 * really a legacy single-byte feed; otherwise a few bad bytes in a UTF-8 feed become U+FFFD and the rest survives.
 */
function decodeBrokenUtf8(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  if (/[\u0080-\uFFFC\uFFFE\uFFFF\u{10000}-\u{10FFFF}]/u.test(text)) return text;
  return new TextDecoder("windows-1252").decode(bytes);
}
