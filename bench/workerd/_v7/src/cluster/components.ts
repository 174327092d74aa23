/**
 * Clusters of copies over a set of signed stories, and the flags their copies imply. Pure.
 *
 * Two stories are linked when they share an LSH band key, are dated within WINDOW_DAYS of each other and pass
 * isCopy(); clusters are the connected components of those links. The links depend only on the two stories,
 * never on which arrived first, so the clusters do not depend on arrival order either: a story that links two
 * clusters merges them, exactly as if it had arrived before both. Members are ordered by date, then feed and
 * guid, so "first" is the earliest copy whatever the order of ingest.
 */
import { SYNDICATED_SIMILARITY, UNEDITED_JACCARD, WINDOW_MS, MIN_SIZE_RATIO } from "./params";
import { pairKeys, type Signature } from "./signature";
import { isCopy, score, similarity, type Similarity } from "./similarity";

export interface ClusterNode {
  /** Unique within a computation: feed id and guid. */
  key: string;
  feedId: number;
  guid: string;
  /** Registrable domain of the story (else of its feed): two stories of one outlet are never syndication. */
  outlet: string;
  /** published_at, else fetched_at, in ms. */
  at: number;
  sig: Signature;
  /** What the story's own text says (stated evidence), which inference never overrides. */
  stated: { wires: string[]; syndicated: boolean; unedited: boolean };
}

export type InferredFlag = "syndicated" | "unedited" | "wire";

export interface Inferred {
  flag: InferredFlag;
  rule: string;
  text: string;
  /** For flag "wire": the agency inherited. */
  wire: string | null;
  /** The members it rests on, earliest first. */
  sources: ClusterNode[];
  similarity: number;
}

export interface Member {
  node: ClusterNode;
  /** Best containment with another member it is linked to; null alone. */
  similarity: number | null;
  /** Shares most of its body (SYNDICATED_SIMILARITY) with another outlet's member: a copy of other outlets' story. */
  copy: boolean;
  inferred: Inferred[];
}

/** One component, earliest member first; a lone story is a component of one. */
export type Component = Member[];

export const byDate = (a: ClusterNode, b: ClusterNode): number =>
  a.at - b.at || a.feedId - b.feedId || (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0);

function sameOutlet(a: ClusterNode, b: ClusterNode): boolean {
  return a.feedId === b.feedId || a.outlet === b.outlet;
}

/** Candidate pairs: nodes sharing a band key (of the stored bits: some are read back), as index pairs i < j. */
function candidatePairs(nodes: readonly ClusterNode[]): [number, number][] {
  const buckets = new Map<number, number[]>();
  nodes.forEach((n, i) => {
    for (const k of pairKeys(n.sig)) {
      const b = buckets.get(k);
      if (b) b.push(i);
      else buckets.set(k, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (const b of buckets.values()) {
    for (let x = 0; x < b.length; x++) {
      for (let y = x + 1; y < b.length; y++) {
        const i = Math.min(b[x]!, b[y]!);
        const j = Math.max(b[x]!, b[y]!);
        const id = i * nodes.length + j;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([i, j]);
      }
    }
  }
  return pairs;
}

export function linked(a: ClusterNode, b: ClusterNode, s: Similarity): boolean {
  return Math.abs(a.at - b.at) <= WINDOW_MS && isCopy(s);
}

export function clusterNodes(nodes: readonly ClusterNode[]): Component[] {
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const best = new Array<number | null>(nodes.length).fill(null);
  for (const [i, j] of candidatePairs(nodes)) {
    const s = similarity(nodes[i]!.sig, nodes[j]!.sig);
    if (!linked(nodes[i]!, nodes[j]!, s)) continue;
    const v = score(s);
    best[i] = Math.max(best[i] ?? 0, v);
    best[j] = Math.max(best[j] ?? 0, v);
    const ri = find(i);
    const rj = find(j);
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  }
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()].map((idx) => {
    const sorted = idx.sort((x, y) => byDate(nodes[x]!, nodes[y]!));
    const members = sorted.map((i) => nodes[i]!);
    return sorted.map((i) => ({ node: nodes[i]!, similarity: best[i] ?? null, ...inferFor(nodes[i]!, members) }));
  });
}

/** What a member's copies in other outlets imply about it; stated flags and wires are never inferred again. */
function inferFor(m: ClusterNode, members: readonly ClusterNode[]): { copy: boolean; inferred: Inferred[] } {
  const others = members
    .filter((o) => o !== m && !sameOutlet(o, m))
    .map((o) => ({ o, s: similarity(m.sig, o.sig) }))
    .filter(({ s }) => s.sizeRatio >= MIN_SIZE_RATIO);
  const shared = others.filter(({ s }) => s.containment >= SYNDICATED_SIMILARITY);
  const inferred: Inferred[] = [];
  if (shared.length > 0 && !m.stated.syndicated) {
    const outlets = [...new Set(shared.map(({ o }) => o.outlet))];
    inferred.push({
      flag: "syndicated",
      rule: "copies-in-other-outlets",
      text: `Body shared with ${shared.length} ${shared.length === 1 ? "story" : "stories"} from other outlets (${outlets.join(", ")})`,
      wire: null,
      sources: shared.map(({ o }) => o),
      similarity: Math.max(...shared.map(({ s }) => score(s))),
    });
  }
  const wires = new Map<string, { o: ClusterNode; s: Similarity }[]>();
  for (const c of others) {
    if (!isCopy(c.s)) continue;
    for (const w of c.o.stated.wires) if (!m.stated.wires.includes(w)) wires.set(w, [...(wires.get(w) ?? []), c]);
  }
  for (const [wire, from] of [...wires].sort(([a], [b]) => (a < b ? -1 : 1))) {
    inferred.push({
      flag: "wire",
      rule: "wire-from-copy",
      text: `${wire}, as stated by a copy at ${[...new Set(from.map(({ o }) => o.outlet))].join(", ")}`,
      wire,
      sources: from.map(({ o }) => o),
      similarity: Math.max(...from.map(({ s }) => score(s))),
    });
  }
  const verbatim = others.filter(({ o, s }) => o.stated.wires.length > 0 && s.jaccard >= UNEDITED_JACCARD);
  if (verbatim.length > 0 && !m.stated.unedited) {
    inferred.push({
      flag: "unedited",
      rule: "verbatim-wire-copy",
      text: `Near-verbatim copy of wire copy at ${[...new Set(verbatim.map(({ o }) => o.outlet))].join(", ")}`,
      wire: null,
      sources: verbatim.map(({ o }) => o),
      similarity: Math.max(...verbatim.map(({ s }) => Math.round(s.jaccard * 1000) / 1000)),
    });
  }
  return { copy: shared.length > 0, inferred };
}
