/**
 * The outlet a story belongs to: the registrable domain of its URL (else of its feed), from the Public
 * Suffix List through tldts, so economictimes.indiatimes.com and timesofindia.indiatimes.com are one outlet
 * while bbc.co.uk and itv.co.uk are two. Pure.
 */
import { getDomain, getHostname } from "tldts";

export function outletOf(...urls: (string | null | undefined)[]): string {
  for (const url of urls) {
    if (!url) continue;
    const domain = getDomain(url);
    if (domain) return domain.toLowerCase();
    const host = getHostname(url);
    if (host) return host.toLowerCase();
  }
  return "";
}
