/**
 * Namespaces by URI, not by prefix, for Atom. xml2js (without its costly xmlns option) names elements as
 * written, and the adapters look children up by name ("entry", "title"), so a feed that binds Atom to a
 * prefix (<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">), which is legal XML, would not be read.
 * Such a document has that prefix dropped from its element names before repair, so that it reads like the
 * usual one with Atom as the default namespace. RSS roots are left alone: there, atom:link and atom:updated
 * are extensions the adapters ask for by their prefixed names.
 */
import { MAX_TAG_LENGTH } from "./parse-limits";

const ATOM_NAMESPACES = new Set(["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]);
const RSS1_NAMESPACE = "http://purl.org/rss/1.0/";
const NAMESPACE_DECLARATION = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export interface RootNamespace {
  /** The root element's name, without its prefix when that prefix is bound to Atom. */
  root: string;
  xml: string;
  /** The namespace URI of the root element, as declared on it; null when it declares none. */
  namespace: string | null;
}

/**
 * Reads the namespace declarations on the root start tag (at `rootAt`) and, for an Atom feed, removes every
 * prefix they bind to an Atom namespace from the element names of the document.
 */
export function unprefixAtom(xml: string, root: string, rootAt: number): RootNamespace {
  const bindings = declarationsAt(xml, rootAt);
  const colon = root.indexOf(":");
  const prefix = colon < 0 ? "" : root.slice(0, colon);
  const local = root.slice(colon + 1);
  const namespace = bindings.get(prefix) ?? null;
  const atomPrefixes = [...bindings].filter(([name, uri]) => name !== "" && ATOM_NAMESPACES.has(uri)).map(([name]) => name);
  if (local !== "feed" || atomPrefixes.length === 0 || (prefix !== "" && !atomPrefixes.includes(prefix))) {
    return { root, xml, namespace };
  }
  return { root: local, xml: dropPrefixes(xml, atomPrefixes), namespace };
}

/**
 * unprefixAtom, and the same for RSS: a prefixed RSS root with no default namespace (<r:rss>) loses its prefix
 * throughout, and an RDF document whose RSS 1.0 elements are all prefixed (<rss:channel>, <rss:item>) loses the
 * prefixes bound to the RSS 1.0 namespace. Other prefixes (dc:, content:, atom:) stay: the adapters ask for them.
 */
export function unprefixRoot(xml: string, root: string, rootAt: number): RootNamespace {
  const atom = unprefixAtom(xml, root, rootAt);
  if (atom.root !== root || atom.xml !== xml) return atom;
  const colon = root.indexOf(":");
  const prefix = colon < 0 ? "" : root.slice(0, colon);
  const local = root.slice(colon + 1);
  if (local === "rss" && prefix !== "") return { root: local, xml: dropPrefixes(xml, [prefix]), namespace: atom.namespace };
  if (root === "rdf:RDF") {
    const rssPrefixes = [...declarationsAt(xml, rootAt)].filter(([name, uri]) => name !== "" && uri === RSS1_NAMESPACE).map(([name]) => name);
    if (rssPrefixes.length > 0) return { root, xml: dropPrefixes(xml, rssPrefixes), namespace: atom.namespace };
  }
  return atom;
}

/** Prefix → URI declared on the start tag at `at` ("" for the default namespace). */
function declarationsAt(xml: string, at: number): Map<string, string> {
  const bindings = new Map<string, string>();
  const tag = xml.slice(at, startTagEnd(xml, at));
  for (const m of tag.matchAll(NAMESPACE_DECLARATION)) bindings.set(m[1] ?? "", (m[2] ?? m[3] ?? "").trim());
  return bindings;
}

/** The end of a start tag: the first '>' outside quoted attribute values, within the tag length limit. */
function startTagEnd(xml: string, at: number): number {
  const limit = Math.min(xml.length, at + MAX_TAG_LENGTH);
  let quote = "";
  for (let i = at; i < limit; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i + 1;
    }
  }
  return limit;
}

/**
 * Rewrites "<p:name" and "</p:name" to "<name" and "</name" for the given prefixes, leaving CDATA sections,
 * comments and processing instructions as they are. One pass; an unterminated section keeps the rest as is.
 */
function dropPrefixes(xml: string, prefixes: string[]): string {
  const parts: string[] = [];
  let copied = 0;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    const skipTo = sectionEnd(xml, i);
    if (skipTo !== null) {
      if (skipTo < 0) break;
      i = skipTo - 1;
      continue;
    }
    const nameAt = xml[i + 1] === "/" ? i + 2 : i + 1;
    const prefix = prefixes.find((p) => xml.startsWith(p, nameAt) && xml[nameAt + p.length] === ":");
    if (prefix === undefined) continue;
    parts.push(xml.slice(copied, nameAt));
    copied = nameAt + prefix.length + 1;
  }
  return parts.length === 0 ? xml : parts.join("") + xml.slice(copied);
}

/** For a '<' that opens CDATA, a comment or a processing instruction, where it ends (-1: never); else null. */
function sectionEnd(xml: string, i: number): number | null {
  const terminator = xml.startsWith("<![CDATA[", i) ? "]]>" : xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<?", i) ? "?>" : null;
  if (terminator === null) return null;
  const end = xml.indexOf(terminator, i + 2);
  return end < 0 ? -1 : end + terminator.length;
}
