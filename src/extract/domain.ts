/**
 * Registrable domains without the whole Public Suffix List: the last two labels, or three when the second-level
 * label is one of the generic ones country registries sell under (co.uk, com.au, co.in, …). Good enough to tell
 * one outlet from another; it would call two sites of a private suffix (a.github.io, b.github.io) different,
 * which only errs towards reporting a canonical link, never towards hiding one.
 */
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "nic", "info", "biz", "news"]);

export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1)!)) return labels.join(".");
  const tld = labels.at(-1)!;
  const second = labels.at(-2)!;
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join(".");
}

/** The registrable domain of an absolute http(s) URL, or null for anything else. */
export function domainOf(url: string | null, base?: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, base ?? undefined);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return registrableDomain(parsed.hostname);
  } catch {
    return null;
  }
}
