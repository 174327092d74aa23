/**
 * What a news page says about itself in its head: canonical and og:url, Google's syndication-source and
 * original-source, author and date meta tags, and schema.org Article JSON-LD (author, publisher,
 * sourceOrganization, isBasedOn, articleBody). Read before extraction, which rewrites the document.
 */

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  sourceOrganization: string | null;
  isBasedOn: string | null;
  articleBody: string | null;
}

export interface PageMetadata {
  canonical: string | null;
  ogUrl: string | null;
  siteName: string | null;
  title: string | null;
  /** author, article:author, parsely-author, dc.creator and the like, as written. */
  authors: string[];
  published: string | null;
  syndicationSource: string | null;
  originalSource: string | null;
  jsonLd: JsonLdArticle | null;
}

/** getElementsByTagName rather than querySelectorAll: a plain walk, several times faster on linkedom. */
export interface QueryableDocument {
  getElementsByTagName(name: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|WebPage)$/;
/** JSON-LD text is read this far at most: a page can carry megabytes of it. */
const MAX_JSON_LD_CHARS = 1_000_000;

function metaContent(doc: QueryableDocument, keys: readonly string[]): string[] {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const out: string[] = [];
  const metas = doc.getElementsByTagName("meta");
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop") ?? "").toLowerCase();
    const content = meta.getAttribute("content")?.trim();
    if (wanted.has(key) && content) out.push(content);
  }
  return out;
}

function linkHref(doc: QueryableDocument, rel: string): string | null {
  const links = doc.getElementsByTagName("link");
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const rels = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const href = link.getAttribute("href")?.trim();
    if (rels.includes(rel) && href) return href;
  }
  return null;
}

/** A schema.org Person or Organization as its name; a string stays itself. */
function nameOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (value && typeof value === "object" && "name" in value && typeof value.name === "string") return value.name.trim() || null;
  return null;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map(nameOf).filter((n): n is string => n !== null);
}

function urlOrName(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim() || null;
  if (first && typeof first === "object") {
    const v = first as Record<string, unknown>;
    for (const key of ["url", "@id", "name"]) if (typeof v[key] === "string") return (v[key] as string).trim() || null;
  }
  return null;
}

function typesOf(node: Record<string, unknown>): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** Every object in a JSON-LD value, through arrays and @graph. */
function* nodesOf(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 4 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) yield* nodesOf(v, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  yield node;
  if ("@graph" in node) yield* nodesOf(node["@graph"], depth + 1);
  if ("mainEntity" in node) yield* nodesOf(node.mainEntity, depth + 1);
}

/** The page's schema.org article, the most specific one when several are given; unparsable blocks are skipped. */
function readJsonLd(doc: QueryableDocument): JsonLdArticle | null {
  const scripts = doc.getElementsByTagName("script");
  let best: JsonLdArticle | null = null;
  for (let i = 0; i < scripts.length; i++) {
    if ((scripts[i]!.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    const raw = (scripts[i]!.textContent ?? "").slice(0, MAX_JSON_LD_CHARS);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    for (const node of nodesOf(parsed)) {
      const type = typesOf(node).find((t) => ARTICLE_TYPES.test(t));
      if (type === undefined) continue;
      const article: JsonLdArticle = {
        type,
        headline: nameOf(node.headline),
        datePublished: typeof node.datePublished === "string" ? node.datePublished : null,
        authors: namesOf(node.author),
        publisher: nameOf(node.publisher),
        sourceOrganization: nameOf(node.sourceOrganization),
        isBasedOn: urlOrName(node.isBasedOn ?? node.isBasedOnUrl),
        articleBody: typeof node.articleBody === "string" ? node.articleBody : null,
      };
      // A WebPage wrapper is the fallback; any Article type beats it.
      if (best === null || (best.type === "WebPage" && type !== "WebPage")) best = article;
    }
  }
  return best;
}

export function readMetadata(doc: QueryableDocument): PageMetadata {
  const first = (...keys: string[]): string | null => metaContent(doc, keys)[0] ?? null;
  const titles = doc.getElementsByTagName("title");
  const jsonLd = readJsonLd(doc);
  const authors = [
    ...new Set(metaContent(doc, ["author", "article:author", "parsely-author", "dc.creator", "dcterms.creator", "sailthru.author", "byl"])),
  ];
  return {
    canonical: linkHref(doc, "canonical"),
    ogUrl: first("og:url"),
    siteName: first("og:site_name", "application-name"),
    title: first("og:title", "twitter:title") ?? jsonLd?.headline ?? (titles.length > 0 ? titles[0]!.textContent?.trim() || null : null),
    authors,
    published:
      first("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.created", "parsely-pub-date") ??
      jsonLd?.datePublished ??
      null,
    syndicationSource: first("syndication-source"),
    originalSource: first("original-source"),
    jsonLd,
  };
}
