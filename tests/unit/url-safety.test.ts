import { describe, expect, it } from "vitest";
import { checkFeedUrl } from "../../src/url-safety";

/**
 * Each row: the URL as a user or a redirect might give it; the reason fragment when private feeds are refused
 * (production), or null when it is accepted; and whether it is still refused with ALLOW_PRIVATE_FEEDS "true".
 */
interface Row {
  input: string;
  refused: string | null;
  refusedWhenPrivateAllowed: boolean;
}

function accepted(input: string): Row {
  return { input, refused: null, refusedWhenPrivateAllowed: false };
}
function privateHost(input: string, reason: string): Row {
  return { input, refused: reason, refusedWhenPrivateAllowed: false };
}
function never(input: string, reason: string): Row {
  return { input, refused: reason, refusedWhenPrivateAllowed: true };
}

const TABLE: Row[] = [
  // Ordinary public feeds.
  accepted("https://news.example.com/feed.xml"),
  accepted("http://news.example.com:8080/rss?section=world"),
  accepted("HTTPS://NEWS.EXAMPLE.COM/Feed"),
  accepted("  https://news.example.com/feed  "),
  accepted("https://8.8.8.8/feed"),
  accepted("https://[2606:4700::1111]/feed"),
  accepted("https://[::ffff:8.8.8.8]/feed"),
  accepted("https://[64:ff9b::8.8.8.8]/feed"),
  accepted("https://[2002:808:808::1]/feed"),
  accepted("https://xn--nxasmq6b.example/feed"),
  accepted("https://localhost.example.com/feed"),
  accepted("https://172.32.0.1/feed"),
  accepted("https://100.128.0.1/feed"),
  // Syntax, scheme and credentials: refused whatever the setting.
  never("", "URL is empty"),
  never("news.example.com/feed", "not a valid absolute URL"),
  never("/feed.xml", "not a valid absolute URL"),
  never("http://exa mple.com/", "not a valid absolute URL"),
  never("http://example.com:99999/", "not a valid absolute URL"),
  never(`https://example.com/${"a".repeat(2100)}`, "longer than 2048 characters"),
  never("ftp://example.com/feed.xml", "scheme ftp: is not allowed; use http or https"),
  never("file:///etc/passwd", "scheme file: is not allowed; use http or https"),
  never("javascript:alert(1)", "scheme javascript: is not allowed"),
  never("data:application/rss+xml,<rss/>", "scheme data: is not allowed"),
  never("gopher://example.com/", "scheme gopher: is not allowed"),
  never("https://user:secret@example.com/feed", "credentials in the URL are not allowed"),
  never("https://user@example.com/feed", "credentials in the URL are not allowed"),
  // Loopback in every encoding WHATWG URL canonicalizes to 127.0.0.1.
  privateHost("http://127.0.0.1/feed", "127.0.0.1 is a loopback address"),
  privateHost("http://127.255.255.254/", "loopback"),
  privateHost("http://2130706433/", "127.0.0.1 is a loopback address"),
  privateHost("http://0x7f000001/", "127.0.0.1 is a loopback address"),
  privateHost("http://0x7f.0.0.1/", "127.0.0.1 is a loopback address"),
  privateHost("http://0177.0.0.1/", "127.0.0.1 is a loopback address"),
  privateHost("http://127.1/", "127.0.0.1 is a loopback address"),
  privateHost("http://%31%32%37.0.0.1/", "127.0.0.1 is a loopback address"),
  privateHost("http://127\u30020\u30020\u30021/", "127.0.0.1 is a loopback address"),
  privateHost("http://127.0.0.1./", "127.0.0.1 is a loopback address"),
  privateHost("http://0x7f.1/", "127.0.0.1 is a loopback address"),
  // Parser-confusion forms: judged by the host WHATWG URL sees, which is the host the fetcher then requests.
  privateHost("http://127.0.0.1\\@feeds.example.com/", "127.0.0.1 is a loopback address"),
  accepted("http://feeds.example.com#@127.0.0.1/"),
  privateHost("http://[::1]/", "[::1] is a loopback address"),
  privateHost("http://[0:0:0:0:0:0:0:1]/", "[::1] is a loopback address"),
  privateHost("http://[::ffff:127.0.0.1]/", "IPv4-mapped (127.0.0.1), a loopback address"),
  privateHost("http://[::ffff:7f00:1]/", "IPv4-mapped (127.0.0.1), a loopback address"),
  privateHost("http://[::127.0.0.1]/", "IPv4-compatible (127.0.0.1), a loopback address"),
  privateHost("http://[::8.8.8.8]/", "deprecated IPv4-compatible"),
  // Private, CGNAT, link-local, unspecified.
  privateHost("http://10.0.0.5/", "a private address"),
  privateHost("http://10.1/", "10.0.0.1 is a private address"),
  privateHost("http://172.16.0.1/", "a private address"),
  privateHost("http://172.31.255.255/", "a private address"),
  privateHost("http://192.168.1.1/", "a private address"),
  privateHost("http://0300.0250.0.1/", "192.168.0.1 is a private address"),
  privateHost("http://100.64.0.1/", "carrier-grade NAT"),
  privateHost("http://100.127.255.254/", "carrier-grade NAT"),
  privateHost("http://169.254.1.1/", "a link-local address"),
  privateHost("http://0.0.0.0/", "unspecified"),
  privateHost("http://0/", "0.0.0.0 is an unspecified address"),
  privateHost("http://[::]/", "unspecified"),
  privateHost("http://[fc00::1]/", "unique local"),
  privateHost("http://[fd12:3456::1]/", "unique local"),
  privateHost("http://[fe80::1]/", "link-local"),
  privateHost("http://[fec0::1]/", "site-local"),
  privateHost("http://[64:ff9b::10.0.0.1]/", "NAT64 (10.0.0.1), a private address"),
  privateHost("http://[64:ff9b::7f00:1]/", "NAT64 (127.0.0.1), a loopback address"),
  privateHost("http://[64:ff9b:1::a00:1]/", "local-use NAT64"),
  privateHost("http://[2002:c0a8:101::1]/", "6to4 (192.168.1.1), a private address"),
  privateHost("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "Teredo (127.0.0.1), a loopback address"),
  privateHost("http://[2001:db8::1]/", "documentation"),
  privateHost("http://[100::1]/", "reserved"),
  privateHost("http://192.0.2.10/", "documentation"),
  privateHost("http://198.18.0.1/", "benchmarking"),
  // Local names.
  privateHost("http://localhost/", "localhost is a local name (.localhost)"),
  privateHost("http://LOCALHOST./feed", "local name (.localhost)"),
  privateHost("http://feeds.localhost:8787/", "local name (.localhost)"),
  privateHost("http://printer.local/", "local name (.local)"),
  privateHost("http://api.internal/", "local name (.internal)"),
  privateHost("http://nas.home.arpa/", "local name (.home.arpa)"),
  privateHost("http://intranet/feed", "single-label local name"),
  // Cloud metadata, multicast, broadcast, reserved: refused even for local runs.
  never("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address and is always refused"),
  never("http://2852039166/", "169.254.169.254 is a cloud metadata address"),
  never("http://169.254.170.2/v2/credentials", "cloud metadata"),
  never("http://100.100.100.200/", "cloud metadata"),
  never("http://[fd00:ec2::254]/", "cloud metadata"),
  never("http://[::ffff:169.254.169.254]/", "IPv4-mapped (169.254.169.254), a cloud metadata address"),
  never("http://metadata.google.internal/computeMetadata/v1/", "cloud metadata name"),
  never("http://metadata.google.internal./", "cloud metadata name"),
  never("http://metadata/", "cloud metadata name"),
  never("http://224.0.0.1/", "multicast"),
  never("http://239.255.255.250/", "multicast"),
  never("http://[ff02::1]/", "multicast"),
  never("http://255.255.255.255/", "broadcast"),
  never("http://240.0.0.1/", "reserved address and is always refused"),
];

describe("checkFeedUrl", () => {
  it.each(TABLE)("$input: production refuses with $refused", ({ input, refused }) => {
    const check = checkFeedUrl(input, { allowPrivate: false });
    if (refused === null) {
      expect(check).toMatchObject({ ok: true });
    } else {
      expect(check.ok).toBe(false);
      expect(check.ok ? "" : check.reason).toContain(refused);
    }
  });

  it.each(TABLE)("$input: with private feeds allowed, refused is $refusedWhenPrivateAllowed", ({ input, refusedWhenPrivateAllowed }) => {
    expect(checkFeedUrl(input, { allowPrivate: true }).ok).toBe(!refusedWhenPrivateAllowed);
  });

  it("returns the canonical URL it checked, so callers store and fetch exactly that", () => {
    const check = checkFeedUrl("  HTTPS://News.Example.COM/a/../feed.xml  ", { allowPrivate: false });
    expect(check.ok && check.url.href).toBe("https://news.example.com/feed.xml");
  });

  it("tells the operator how to allow private feeds", () => {
    const check = checkFeedUrl("http://192.168.0.10/feed", { allowPrivate: false });
    expect(check.ok ? "" : check.reason).toBe(
      'host 192.168.0.10 is a private address; such hosts are refused unless ALLOW_PRIVATE_FEEDS is "true"',
    );
  });
});
