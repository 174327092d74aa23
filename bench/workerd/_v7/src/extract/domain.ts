/**
 * Registrable domains from the Public Suffix List (through tldts, as clustering's outlets are), so that
 * economictimes.indiatimes.com and timesofindia.indiatimes.com are one site and bbc.co.uk and itv.co.uk two.
 */
import { getDomain } from "tldts";

export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return getDomain(host) ?? host;
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
