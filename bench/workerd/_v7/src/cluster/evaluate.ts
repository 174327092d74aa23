/**
 * Scoring of the clustering against a labelled set (fixtures/clusters/set.json), shared by
 * `npm run eval:clusters` and the unit test that guards the targets, so both count alike. Not imported by the
 * Worker. Stories go through the same path as at ingest: annotate() cleans the body and reads its stated
 * wires, the cleaned body is signed, and clusterNodes() groups the signed stories.
 */
import { annotate } from "../annotate";
import { clusterNodes, type ClusterNode } from "./components";
import { outletOf } from "./outlet";
import { shingleHashes, words } from "./shingles";
import { decodeSignature, encodeSignature, signature } from "./signature";

export const PRECISION_TARGET = 0.98;
export const RECALL_TARGET = 0.95;
/** Recall is held to its target on pairs sharing at least this much text (exact shingle containment). */
export const RECALL_SHARE = 0.8;

export interface LabelledStory {
  id: string;
  group: string;
  variant: string;
  outlet: string;
  feed: string;
  title: string;
  text: string;
  published_at: string;
}

export interface ClusterReport {
  stories: number;
  groups: number;
  unsigned: string[];
  predictedClusters: number;
  pairs: { predicted: number; truePositive: number; labelled: number; labelledShared80: number; foundShared80: number };
  precision: number;
  recall: number;
  /** Recall on labelled pairs whose smaller body is at least RECALL_SHARE contained in the larger. */
  recallShared80: number;
  /** Σ over predicted clusters of their largest labelled group, over all stories. */
  purity: number;
  /** Predicted clusters holding stories of two or more labelled groups (independently written stories merged). */
  merges: string[][];
  falsePairs: [string, string][];
  missedPairs: { a: string; b: string; share: number }[];
}

function exactContainment(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / Math.min(a.length, b.length);
}

export function evaluateClusters(set: readonly LabelledStory[]): ClusterReport {
  const nodes: ClusterNode[] = [];
  const shingles = new Map<string, Uint32Array>();
  const unsigned: string[] = [];
  for (const [i, s] of set.entries()) {
    const { content_text, flags } = annotate({ title: s.title, text: s.text });
    const computed = signature(content_text);
    // Every other story as read back from storage (its digests only), as the write path compares a new
    // story with stored ones.
    const sig = computed && i % 2 === 1 ? decodeSignature(encodeSignature(computed), computed.shingles) : computed;
    shingles.set(s.id, shingleHashes(words(content_text)));
    if (!sig) {
      unsigned.push(s.id);
      continue;
    }
    nodes.push({
      key: s.id,
      feedId: 0,
      guid: s.id,
      outlet: outletOf(`https://${s.outlet}/`),
      at: Date.parse(s.published_at),
      sig,
      stated: { wires: flags.wire_services, syndicated: flags.syndicated, unedited: flags.unedited },
    });
  }
  // Distinct feeds: same-outlet exclusion only affects flags, never membership, so one feed id per outlet.
  const feedIds = new Map<string, number>();
  for (const n of nodes) n.feedId = feedIds.get(n.outlet) ?? feedIds.set(n.outlet, feedIds.size + 1).get(n.outlet)!;
  const clusterOf = new Map<string, number>();
  const components = clusterNodes(nodes);
  components.forEach((c, i) => c.forEach((m) => clusterOf.set(m.node.key, i)));
  const group = new Map(set.map((s) => [s.id, s.group]));

  let predicted = 0;
  let truePositive = 0;
  let labelled = 0;
  let labelledShared80 = 0;
  let foundShared80 = 0;
  const falsePairs: [string, string][] = [];
  const missedPairs: { a: string; b: string; share: number }[] = [];
  for (let i = 0; i < set.length; i++) {
    for (let j = i + 1; j < set.length; j++) {
      const a = set[i]!.id;
      const b = set[j]!.id;
      const same = group.get(a) === group.get(b);
      const together = clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b);
      if (together) predicted++;
      if (together && same) truePositive++;
      if (together && !same) falsePairs.push([a, b]);
      if (!same) continue;
      labelled++;
      const share = exactContainment(shingles.get(a)!, shingles.get(b)!);
      if (share >= RECALL_SHARE) {
        labelledShared80++;
        if (together) foundShared80++;
      }
      if (!together) missedPairs.push({ a, b, share: Math.round(share * 1000) / 1000 });
    }
  }
  let pure = 0;
  const merges: string[][] = [];
  for (const c of components) {
    const counts = new Map<string, number>();
    for (const m of c) counts.set(group.get(m.node.key)!, (counts.get(group.get(m.node.key)!) ?? 0) + 1);
    pure += Math.max(...counts.values());
    if (counts.size > 1) merges.push([...counts.keys()]);
  }
  return {
    stories: set.length,
    groups: new Set(set.map((s) => s.group)).size,
    unsigned,
    predictedClusters: components.filter((c) => c.length > 1).length,
    pairs: { predicted, truePositive, labelled, labelledShared80, foundShared80 },
    precision: predicted === 0 ? 1 : truePositive / predicted,
    recall: labelled === 0 ? 1 : truePositive / labelled,
    recallShared80: labelledShared80 === 0 ? 1 : foundShared80 / labelledShared80,
    purity: (pure + unsigned.length) / set.length,
    merges,
    falsePairs,
    missedPairs,
  };
}
