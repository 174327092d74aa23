/**
 * The cluster stage of a feed batch: signs the batch's new and changed stories, looks up their candidate
 * copies (one query per chunk), recomputes every cluster they touch and returns the statements that write
 * signatures, memberships, cluster rows and the inferred flags of every affected member. The statements go
 * into the feed's own D1 batch, after the stories they name, so a batch lands with its clusters or not at all.
 *
 *   const clusters = new ClusterBatch(db);
 *   for each chunk: await clusters.add(written stories of the chunk);
 *   const { statements, changed } = clusters.finish();   // append statements to the batch
 *   after the batch: await storiesChangedByClustering(db, changed)   // ids whose flags clustering changed
 */
import { clusterNodes, type ClusterNode, type Member } from "../cluster/components";
import { outletOf } from "../cluster/outlet";
import { SIGNATURE_VERSION, WINDOW_MS } from "../cluster/params";
import { bandKeys, decodeSignature, encodeSignature, signature } from "../cluster/signature";
import type { Annotation } from "../model";
import { wireOfSite } from "../annotate/wires";
import {
  type InferredWrite,
  inferredStatements,
  lookupNodes,
  type MemberWrite,
  membershipStatements,
  resolveRefs,
  type SignatureWrite,
  signatureStatements,
  type StoredNode,
  type StoryRef,
  unseenCandidatesStatement,
  unsignStatements,
} from "../store/clusters";

/** One story written in this batch, as annotation left it. */
export interface ClusterInput {
  feedId: number;
  guid: string;
  url: string | null;
  feedUrl: string;
  /** published_at, else fetched_at (ISO). */
  at: string;
  /** The cleaned body (annotation's content_text). */
  text: string;
  stated: { wires: string[]; syndicated: boolean; unedited: boolean };
}

/** What clustering needs of a story: where and when it was stored, and what its annotation found in it. */
export function clusterInputOf(
  story: { feedId: number; feedUrl: string; guid: string; url: string | null; at: string },
  annotation: Annotation,
): ClusterInput {
  const f = annotation.flags;
  return {
    ...story,
    text: annotation.content_text,
    stated: { wires: f.wire_services, syndicated: f.syndicated, unedited: f.unedited },
  };
}

/**
 * What a story states, as clustering reads it: an agency's story on its own site ("reuters.com") is not flagged
 * syndicated (flags v9: it is the publisher there), yet to its copies elsewhere it is the wire's own copy, the
 * source their wire and syndication are inferred from; and nothing is inferred back onto it from them.
 */
function asClusterSees(stated: ClusterInput["stated"], outlet: string): ClusterInput["stated"] {
  const wire = wireOfSite(`https://${outlet}/`);
  if (wire === null) return stated;
  return { wires: stated.wires.includes(wire) ? stated.wires : [wire, ...stated.wires], syndicated: true, unedited: stated.unedited };
}

export interface ClusterOutcome {
  statements: D1PreparedStatement[];
  /** Stories whose inferred flags or wires this batch changed. */
  changed: StoryRef[];
  /** Candidate lookups made (one per chunk of at most LOOKUP_CHUNK stories). */
  lookups: number;
  /**
   * How many of `statements`, from the first, are race checks: their results say (raced()) whether another
   * batch stored a copy between this batch's lookups and its commit.
   */
  checks: number;
}

/** Stories per candidate lookup: 32 band keys each keeps the query's JSON near 40 KB. */
export const LOOKUP_CHUNK = 100;

/** The chunk's own [feed, guid] list beside its 3,200 band keys (~40 KB) stays under D1's 100 KB statement. */
const MAX_OWN_CHARS = 40_000;

const keyOf = (feedId: number, guid: string) => `${feedId}\u0000${guid}`;

/** What inference said about a stored story before this batch, to tell which flags changed. */
function storedFingerprint(r: StoredNode): string {
  const wires = (JSON.parse(r.inferred_wires) as string[]).sort();
  return JSON.stringify([r.inferred_syndicated === 1, r.inferred_unedited === 1, wires]);
}

function memberFingerprint(m: Member): string {
  const has = (flag: string) => m.inferred.some((i) => i.flag === flag);
  const wires = m.inferred.filter((i) => i.flag === "wire").map((i) => i.wire!).sort();
  return JSON.stringify([has("syndicated"), has("unedited"), wires]);
}

const NOTHING_INFERRED = JSON.stringify([false, false, []]);

export class ClusterBatch {
  private readonly nodes = new Map<string, ClusterNode>();
  /** Stored ids of the stories seen in lookups. */
  private readonly ids = new Map<string, number>();
  /** Stories written in this batch: signed ones have a node, the others lost (or never had) a signature. */
  private readonly fresh = new Set<string>();
  private readonly unsigned = new Set<string>();
  private readonly oldCluster = new Map<string, number | null>();
  private readonly oldInferred = new Map<string, string>();
  private lookups = 0;
  /** What each chunk looked up, to check at commit time that no concurrent batch stored a copy meanwhile. */
  private readonly chunks: { inputs: ClusterInput[]; keys: number[]; from: string; to: string }[] = [];

  constructor(private readonly db: D1Database) {}

  /** Signs a chunk of written stories and loads what they may join: one query per LOOKUP_CHUNK stories. */
  async add(inputs: readonly ClusterInput[]): Promise<void> {
    for (let i = 0; i < inputs.length; i += LOOKUP_CHUNK) await this.addChunk(inputs.slice(i, i + LOOKUP_CHUNK));
  }

  private async addChunk(inputs: readonly ClusterInput[]): Promise<void> {
    if (inputs.length === 0) return;
    // D1 takes 100 KB per statement: a chunk of unusually long guids is looked up in two halves.
    if (inputs.length > 1 && JSON.stringify(inputs.map((i) => [i.feedId, i.guid])).length > MAX_OWN_CHARS) {
      const half = Math.ceil(inputs.length / 2);
      await this.addChunk(inputs.slice(0, half));
      await this.addChunk(inputs.slice(half));
      return;
    }
    const keys = new Set<number>();
    let from = Infinity;
    let to = -Infinity;
    for (const input of inputs) {
      const key = keyOf(input.feedId, input.guid);
      this.fresh.add(key);
      const sig = signature(input.text);
      if (!sig) {
        this.unsigned.add(key);
        this.nodes.delete(key);
        continue;
      }
      this.unsigned.delete(key);
      const at = Date.parse(input.at);
      const outlet = outletOf(input.url, input.feedUrl);
      this.nodes.set(key, { key, feedId: input.feedId, guid: input.guid, outlet, at, sig, stated: asClusterSees(input.stated, outlet) });
      for (const k of bandKeys(sig)) keys.add(k);
      from = Math.min(from, at - WINDOW_MS);
      to = Math.max(to, at + WINDOW_MS);
    }
    const chunk = {
      inputs: [...inputs],
      keys: [...keys],
      from: Number.isFinite(from) ? new Date(from).toISOString() : "",
      to: Number.isFinite(to) ? new Date(to).toISOString() : "",
    };
    this.chunks.push(chunk);
    this.load(await lookupNodes(this.db, { ...chunk, own: inputs.map((i) => [i.feedId, i.guid]), version: SIGNATURE_VERSION }));
    this.lookups++;
  }

  private load(rows: readonly StoredNode[]): void {
    for (const r of rows) {
      const key = keyOf(r.feed_id, r.guid);
      this.ids.set(key, r.id);
      if (!this.oldCluster.has(key)) {
        this.oldCluster.set(key, r.cluster_id);
        this.oldInferred.set(key, storedFingerprint(r));
      }
      if (this.nodes.has(key) || this.unsigned.has(key)) continue;
      this.nodes.set(key, {
        key,
        feedId: r.feed_id,
        guid: r.guid,
        outlet: r.outlet,
        at: Date.parse(r.at),
        sig: decodeSignature(r.signature, r.shingles),
        stated: asClusterSees({ wires: JSON.parse(r.wires) as string[], syndicated: r.syndicated === 1, unedited: r.unedited === 1 }, r.outlet),
      });
    }
  }

  private ref(node: { feedId: number; guid: string; key: string }): StoryRef {
    return this.ids.get(node.key) ?? [node.feedId, node.guid];
  }

  /**
   * Whether another batch stored a copy of one of these stories after this batch looked (the race checks'
   * results, from the batch that ran finish()'s statements). Then clusters must be looked at again: second().
   */
  raced(results: readonly D1Result[]): boolean {
    return results.some((r) => ((r.results[0] as { unseen?: number } | undefined)?.unseen ?? 0) > 0);
  }

  /** After a race: looks every chunk up again, now that both batches are stored, and clusters once more. */
  async second(): Promise<ClusterOutcome> {
    for (const c of this.chunks) {
      this.load(await lookupNodes(this.db, { ...c, own: c.inputs.map((i) => [i.feedId, i.guid]), version: SIGNATURE_VERSION }));
      this.lookups++;
    }
    return this.finish();
  }

  /** Clusters everything loaded and returns the statements for the components this batch changed. */
  finish(): ClusterOutcome {
    const oldSize = new Map<number, number>();
    for (const c of this.oldCluster.values()) if (c !== null) oldSize.set(c, (oldSize.get(c) ?? 0) + 1);
    const signatures: SignatureWrite[] = [];
    for (const key of this.fresh) {
      const n = this.nodes.get(key);
      if (!n) continue;
      signatures.push({ ref: this.ref(n), signature: encodeSignature(n.sig), shingles: n.sig.shingles, outlet: n.outlet, at: new Date(n.at).toISOString(), keys: bandKeys(n.sig) });
    }
    const written: Member[][] = [];
    const dropped = new Set<number>();
    for (const component of clusterNodes([...this.nodes.values()])) {
      const keys = component.map((m) => m.node.key);
      const olds = new Set(keys.map((k) => this.oldCluster.get(k) ?? null));
      const [old] = olds;
      const unchanged =
        !keys.some((k) => this.fresh.has(k)) &&
        olds.size === 1 &&
        (old === null || old === undefined ? component.length === 1 : oldSize.get(old) === component.length);
      if (unchanged) continue;
      for (const o of olds) if (o !== null) dropped.add(o);
      written.push(component);
    }
    const unsigned = [...this.unsigned].map((key) => {
      const [feedId, guid] = key.split("\u0000") as [string, string];
      return { key, feedId: Number(feedId), guid };
    });
    for (const u of unsigned) {
      const o = this.oldCluster.get(u.key);
      if (o !== null && o !== undefined) dropped.add(o);
    }
    const inferred = (m: Member): InferredWrite[] =>
      m.inferred.map((i) => ({ flag: i.flag, rule: i.rule, text: i.text, wire: i.wire, sources: i.sources.map((s) => this.ref(s)), similarity: i.similarity }));
    const memberWrites: MemberWrite[][] = written.map((c) =>
      c.map((m, rank) => ({ ref: this.ref(m.node), rank, similarity: c.length > 1 ? m.similarity : null, copy: m.copy })),
    );
    const changed: StoryRef[] = [];
    for (const c of written) {
      for (const m of c) {
        if ((this.oldInferred.get(m.node.key) ?? NOTHING_INFERRED) !== memberFingerprint(m)) changed.push(this.ref(m.node));
      }
    }
    for (const u of unsigned) if ((this.oldInferred.get(u.key) ?? NOTHING_INFERRED) !== NOTHING_INFERRED) changed.push(this.ref(u));
    const feeds = [...new Set(this.chunks.flatMap((c) => c.inputs.map((i) => i.feedId)))];
    const known = [...this.ids.values()];
    const checks = this.chunks
      .filter((c) => c.keys.length > 0)
      .map((c) => unseenCandidatesStatement(this.db, { keys: c.keys, from: c.from, to: c.to, feeds, known, version: SIGNATURE_VERSION }));
    return {
      checks: checks.length,
      statements: [
        ...checks,
        ...unsignStatements(this.db, unsigned.map((u) => this.ref(u))),
        ...signatureStatements(this.db, signatures, SIGNATURE_VERSION),
        ...membershipStatements(this.db, memberWrites, [...dropped]),
        ...inferredStatements(this.db, [
          ...written.flat().map((m) => ({ ref: this.ref(m.node), inferred: inferred(m) })),
          ...unsigned.map((u) => ({ ref: this.ref(u), inferred: [] })),
        ]),
      ],
      changed,
      lookups: this.lookups,
    };
  }
}

/**
 * The ids of the stories whose flags clustering changed in a batch, once that batch has run: what alert
 * matching (issue 16) re-checks after an ingest batch, besides the batch's new and changed stories.
 */
export async function storiesChangedByClustering(db: D1Database, changed: readonly StoryRef[]): Promise<number[]> {
  return changed.length === 0 ? [] : [...new Set(await resolveRefs(db, changed))];
}
