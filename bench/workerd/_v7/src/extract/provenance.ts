/**
 * The page's own provenance, as catalogue rules with ids: where the page says the story comes from in its
 * metadata rather than its text. Each signal becomes `stated` evidence (the page says it). These rules live
 * beside the text rules of src/annotate/rules.ts and share their id space (a test holds them apart).
 */
import { canonicalWire, wiresNamedIn } from "../annotate/wires";
import type { FlagName, PageSignal } from "../model";
import { domainOf } from "./domain";
import type { PageMetadata } from "./metadata";

export interface PageRule {
  readonly id: string;
  readonly flags: readonly FlagName[];
  /** What the page carries that sets it. */
  readonly description: string;
}

export const PAGE_RULES: readonly PageRule[] = [
  { id: "page-canonical-elsewhere", flags: ["syndicated"], description: 'rel="canonical" points to another outlet\'s registrable domain' },
  { id: "page-og-url-elsewhere", flags: ["syndicated"], description: "og:url points to another outlet's registrable domain" },
  { id: "page-syndication-source", flags: ["syndicated"], description: "a syndication-source meta tag (Google News)" },
  { id: "page-original-source", flags: ["syndicated"], description: "an original-source meta tag (Google News)" },
  { id: "page-jsonld-wire-author", flags: ["syndicated"], description: "schema.org Article JSON-LD whose author is a wire service" },
  {
    id: "page-jsonld-wire-source",
    flags: ["syndicated"],
    description: "schema.org Article JSON-LD whose publisher or sourceOrganization is a wire service",
  },
  { id: "page-jsonld-is-based-on", flags: ["syndicated"], description: "schema.org Article JSON-LD with isBasedOn (the story is based on another work)" },
  { id: "page-author-meta-wire", flags: ["syndicated"], description: "an author meta tag naming a wire service" },
  { id: "page-byline-wire", flags: ["syndicated"], description: "the page's byline names a wire service" },
];

/** Wire services' own sites, so a canonical link or source tag pointing there names the agency. */
const WIRE_DOMAINS: Readonly<Record<string, string>> = {
  "reuters.com": "Reuters",
  "apnews.com": "Associated Press",
  "ap.org": "Associated Press",
  "afp.com": "Agence France-Presse",
  "ptinews.com": "Press Trust of India",
  "aninews.in": "Asian News International",
  "ians.in": "Indo-Asian News Service",
  "xinhuanet.com": "Xinhua",
  "news.cn": "Xinhua",
  "uniindia.com": "United News of India",
  "bloomberg.com": "Bloomberg",
  "dowjones.com": "Dow Jones",
  "kyodonews.net": "Kyodo",
  "yna.co.kr": "Yonhap",
  "dpa.com": "dpa",
  "efe.com": "EFE",
  "ansa.it": "ANSA",
  "aa.com.tr": "Anadolu Agency",
};

/** Wires named by a URL's domain or, for a plain name, by the name itself. */
function wiresOfSource(value: string, pageUrl: string | null): string[] {
  const domain = /^(?:https?:)?\/\//i.test(value) ? domainOf(value, pageUrl) : null;
  if (domain !== null) return WIRE_DOMAINS[domain] ? [WIRE_DOMAINS[domain]] : [];
  const whole = canonicalWire(value);
  return whole ? [whole] : wiresNamedIn(value);
}

function signal(id: string, text: string, wires: string[]): PageSignal {
  const rule = PAGE_RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`extract: page rule ${id} is missing from the catalogue`);
  return { rule: id, flags: [...rule.flags], wire_services: wires, text };
}

/**
 * The provenance signals of one page. `pageUrl` is where the page was fetched from (after redirects), which
 * decides what "another outlet" is; without it canonical and og:url say nothing.
 */
export function provenanceSignals(meta: PageMetadata, pageUrl: string | null, byline: string | null): PageSignal[] {
  const signals: PageSignal[] = [];
  const home = domainOf(pageUrl);
  for (const [id, attr, value] of [
    ["page-canonical-elsewhere", 'link rel="canonical"', meta.canonical],
    ["page-og-url-elsewhere", 'meta property="og:url"', meta.ogUrl],
  ] as const) {
    const there = domainOf(value, pageUrl);
    if (home !== null && there !== null && there !== home) {
      signals.push(signal(id, `${attr} ${new URL(value!, pageUrl!).href}`, wiresOfSource(new URL(value!, pageUrl!).href, pageUrl)));
    }
  }
  if (meta.syndicationSource) {
    signals.push(signal("page-syndication-source", `meta name="syndication-source" ${meta.syndicationSource}`, wiresOfSource(meta.syndicationSource, pageUrl)));
  }
  if (meta.originalSource) {
    signals.push(signal("page-original-source", `meta name="original-source" ${meta.originalSource}`, wiresOfSource(meta.originalSource, pageUrl)));
  }
  const ld = meta.jsonLd;
  if (ld) {
    for (const author of ld.authors) {
      const wires = wiresOfSource(author, pageUrl);
      if (wires.length > 0) signals.push(signal("page-jsonld-wire-author", `${ld.type} author: ${author}`, wires));
    }
    for (const [field, value] of [["sourceOrganization", ld.sourceOrganization], ["publisher", ld.publisher]] as const) {
      const wires = value ? wiresOfSource(value, pageUrl) : [];
      if (wires.length > 0) signals.push(signal("page-jsonld-wire-source", `${ld.type} ${field}: ${value}`, wires));
    }
    if (ld.isBasedOn) signals.push(signal("page-jsonld-is-based-on", `${ld.type} isBasedOn: ${ld.isBasedOn}`, wiresOfSource(ld.isBasedOn, pageUrl)));
  }
  for (const author of meta.authors) {
    const wires = wiresOfSource(author, pageUrl);
    if (wires.length > 0) signals.push(signal("page-author-meta-wire", `meta name="author" ${author}`, wires));
  }
  if (byline) {
    const wires = wiresNamedIn(byline);
    if (wires.length > 0) signals.push(signal("page-byline-wire", byline, wires));
  }
  return signals;
}
