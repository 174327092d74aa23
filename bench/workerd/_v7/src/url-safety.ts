/**
 * URL safety for feed URLs: the one check shared by feed registration (API) and every fetch hop (ingest).
 * Pure: imports nothing, so the API can use it without reaching into src/ingest.
 *
 * It relies on the WHATWG URL parser (workerd, Node and browsers alike) to canonicalize hosts first: decimal
 * (2130706433), hex (0x7f000001, 0x7f.0.0.1), octal (0177.0.0.1), short (127.1), percent-encoded and full-width
 * IPv4 forms all come out as a dotted quad, and every IPv6 form comes out compressed and bracketed
 * ("[::ffff:7f00:1]"). So only two address shapes are left to classify here, plus names.
 *
 * What it cannot catch: a public name whose DNS points at a private address (or rebinds to one). Workers cannot
 * resolve DNS before fetching, so that check is impossible here; in production Cloudflare's egress does not reach
 * private networks, which closes that path at the platform instead.
 */

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * "private" ranges are refused unless private feeds are allowed (local runs); "never" ranges are refused even
 * then, because no feed is ever served from them and they are what SSRF attacks aim at (cloud metadata).
 */
type Tier = "private" | "never";
interface Verdict {
  tier: Tier;
  what: string;
}

interface Range4 {
  base: number;
  bits: number;
  verdict: Verdict;
}

const MAX_URL_LENGTH = 2048;

function v4(text: string): number {
  return text.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function range4(cidr: string, tier: Tier, what: string): Range4 {
  const [base = "", bits = "32"] = cidr.split("/");
  return { base: v4(base), bits: Number(bits), verdict: { tier, what } };
}

// Most specific first: the first match wins. From the IANA IPv4 Special-Purpose Address Registry (RFC 6890).
const RANGES_V4: Range4[] = [
  range4("169.254.169.254/32", "never", "a cloud metadata address"),
  range4("169.254.170.2/32", "never", "a cloud metadata address"), // AWS ECS task metadata
  range4("100.100.100.200/32", "never", "a cloud metadata address"), // Alibaba Cloud
  range4("0.0.0.0/8", "private", "an unspecified address"),
  range4("10.0.0.0/8", "private", "a private address"),
  range4("100.64.0.0/10", "private", "a carrier-grade NAT address"),
  range4("127.0.0.0/8", "private", "a loopback address"),
  range4("169.254.0.0/16", "private", "a link-local address"),
  range4("172.16.0.0/12", "private", "a private address"),
  range4("192.0.0.0/24", "private", "a reserved address"),
  range4("192.0.2.0/24", "private", "a documentation address"),
  range4("192.88.99.0/24", "private", "a reserved address"),
  range4("192.168.0.0/16", "private", "a private address"),
  range4("198.18.0.0/15", "private", "a benchmarking address"),
  range4("198.51.100.0/24", "private", "a documentation address"),
  range4("203.0.113.0/24", "private", "a documentation address"),
  range4("224.0.0.0/4", "never", "a multicast address"),
  range4("255.255.255.255/32", "never", "the broadcast address"),
  range4("240.0.0.0/4", "never", "a reserved address"),
];

function classifyV4(address: number): Verdict | null {
  for (const range of RANGES_V4) {
    const shift = 32 - range.bits;
    if (Math.floor(address / 2 ** shift) === Math.floor(range.base / 2 ** shift)) return range.verdict;
  }
  return null;
}

function formatV4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/** Expands a canonical (WHATWG-serialized, so hex-only) IPv6 literal to its eight 16-bit groups. */
function parseV6(text: string): number[] {
  const [head = "", tail] = text.split("::");
  const groups = (part: string): number[] => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  if (tail === undefined) return groups(head);
  const left = groups(head);
  const right = groups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function startsWith(groups: number[], prefix: number[]): boolean {
  return prefix.every((group, i) => groups[i] === group);
}

function v4From(high: number, low: number): number {
  return high * 65536 + low;
}

/**
 * Transition forms that carry an IPv4 address inside an IPv6 one: each is judged by the IPv4 address it
 * reaches, so ::ffff:127.0.0.1 or 64:ff9b::10.0.0.1 are as private as the address they embed.
 */
function embeddedV4(g: number[]): { address: number; form: string } | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return { address: v4From(g6, g7), form: "IPv4-mapped" };
  }
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return { address: v4From(g6, g7), form: "IPv4-compatible" };
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return { address: v4From(g6, g7), form: "NAT64" };
  }
  if (g0 === 0x2002) return { address: v4From(g1, g2), form: "6to4" };
  // Teredo stores the client's IPv4 address bit-inverted in the last 32 bits (RFC 4380).
  if (g0 === 0x2001 && g1 === 0) return { address: v4From(g6 ^ 0xffff, g7 ^ 0xffff), form: "Teredo" };
  return null;
}

function classifyV6(text: string): Verdict | null {
  const g = parseV6(text);
  if (g.every((group) => group === 0)) return { tier: "private", what: "an unspecified address" };
  if (g.slice(0, 7).every((group) => group === 0) && g[7] === 1) return { tier: "private", what: "a loopback address" };
  if (startsWith(g, [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254])) return { tier: "never", what: "a cloud metadata address" };

  const embedded = embeddedV4(g);
  if (embedded) {
    const inner = classifyV4(embedded.address);
    if (inner) return { tier: inner.tier, what: `${embedded.form} (${formatV4(embedded.address)}), ${inner.what}` };
    // The deprecated IPv4-compatible form is routed nowhere, whatever it embeds.
    if (embedded.form === "IPv4-compatible") return { tier: "private", what: "a deprecated IPv4-compatible address" };
    return null;
  }

  const [g0 = 0, g1 = 0] = g;
  if (g0 >= 0xff00) return { tier: "never", what: "a multicast address" };
  if ((g0 & 0xfe00) === 0xfc00) return { tier: "private", what: "a unique local (private) address" };
  if ((g0 & 0xffc0) === 0xfe80) return { tier: "private", what: "a link-local address" };
  if ((g0 & 0xffc0) === 0xfec0) return { tier: "private", what: "a site-local address" };
  if (g0 === 0x64 && g1 === 0xff9b) return { tier: "private", what: "a local-use NAT64 address" };
  if (g0 === 0x2001 && g1 === 0xdb8) return { tier: "private", what: "a documentation address" };
  // Only 2000::/3 is allocated for global unicast; everything else is reserved.
  if ((g0 & 0xe000) !== 0x2000) return { tier: "private", what: "a reserved address" };
  return null;
}

const METADATA_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog"]);
const LOCAL_SUFFIXES = ["localhost", "local", "internal", "home.arpa", "localdomain"];

function classifyName(host: string): Verdict | null {
  // "localhost." and "localhost" are the same name to a resolver.
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  if (METADATA_NAMES.has(name)) return { tier: "never", what: "a cloud metadata name" };
  const suffix = LOCAL_SUFFIXES.find((s) => name === s || name.endsWith(`.${s}`));
  if (suffix) return { tier: "private", what: `a local name (.${suffix})` };
  // A single-label name only resolves through a local search domain.
  if (!name.includes(".")) return { tier: "private", what: "a single-label local name" };
  return null;
}

function classifyHost(hostname: string): Verdict | null {
  if (hostname.startsWith("[")) return classifyV6(hostname.slice(1, -1));
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return classifyV4(v4(hostname));
  return classifyName(hostname);
}

function refuse(reason: string): UrlCheck {
  return { ok: false, reason };
}

/**
 * Checks that a feed URL is absolute http(s), carries no credentials and does not point at a private,
 * loopback, link-local or otherwise non-public host. `allowPrivate` (ALLOW_PRIVATE_FEEDS, local runs only)
 * lifts the private refusals, but never those for cloud metadata, multicast, broadcast and reserved space.
 */
export function checkFeedUrl(input: string, opts: { allowPrivate: boolean }): UrlCheck {
  const text = input.trim();
  if (text === "") return refuse("URL is empty");
  if (text.length > MAX_URL_LENGTH) return refuse(`URL is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("not a valid absolute URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return refuse(`scheme ${url.protocol} is not allowed; use http or https`);
  }
  if (url.username !== "" || url.password !== "") return refuse("credentials in the URL are not allowed");
  if (url.hostname === "") return refuse("URL has no host");

  const verdict = classifyHost(url.hostname);
  if (verdict?.tier === "never") return refuse(`host ${url.hostname} is ${verdict.what} and is always refused`);
  if (verdict && !opts.allowPrivate) {
    return refuse(`host ${url.hostname} is ${verdict.what}; such hosts are refused unless ALLOW_PRIVATE_FEEDS is "true"`);
  }
  return { ok: true, url };
}
