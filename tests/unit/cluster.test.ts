import { describe, expect, it } from "vitest";
import set from "../../fixtures/clusters/set.json";
import { annotate } from "../../src/annotate";
import { clusterNodes, type ClusterNode } from "../../src/cluster/components";
import { evaluateClusters, type LabelledStory, PRECISION_TARGET, RECALL_TARGET } from "../../src/cluster/evaluate";
import { outletOf } from "../../src/cluster/outlet";
import { BANDS, HASHES } from "../../src/cluster/params";
import { shingleHashes, words } from "../../src/cluster/shingles";
import { bandKeys, decodeSignature, encodeSignature, pairKeys, signature } from "../../src/cluster/signature";
import { isCopy, similarity } from "../../src/cluster/similarity";

const stories = set as LabelledStory[];
const byId = new Map(stories.map((s) => [s.id, s]));
const text = (id: string) => annotate({ title: byId.get(id)!.title, text: byId.get(id)!.text }).content_text;

function node(id: string, outlet: string, feedId: number, at = 0): ClusterNode {
  const s = byId.get(id)!;
  const { content_text, flags } = annotate({ title: s.title, text: s.text });
  return {
    key: id,
    feedId,
    guid: id,
    outlet,
    at: Date.parse(s.published_at) + at,
    sig: signature(content_text)!,
    stated: { wires: flags.wire_services, syndicated: flags.syndicated, unedited: flags.unedited },
  };
}

function exactJaccard(a: string, b: string): number {
  const x = new Set(shingleHashes(words(a)));
  const y = new Set(shingleHashes(words(b)));
  let shared = 0;
  for (const v of x) if (y.has(v)) shared++;
  return shared / (x.size + y.size - shared);
}

describe("signatures", () => {
  it("gives no signature to a body under 50 words", () => {
    expect(signature("A short item of a dozen words or so, nothing more to it.")).toBeNull();
    expect(signature(text("haiti-gangs/original"))).not.toBeNull();
  });

  it("survives encoding: 128 digests in 256 bytes, 32 band keys below 2^53", () => {
    const sig = signature(text("haiti-gangs/original"))!;
    const encoded = encodeSignature(sig);
    expect(atob(encoded)).toHaveLength(HASHES * 2);
    const back = decodeSignature(encoded, sig.shingles);
    expect([...back.bits]).toEqual([...sig.bits]);
    expect(sig.mins).toHaveLength(HASHES);
    const keys = bandKeys(sig);
    expect(keys).toHaveLength(BANDS);
    expect(keys.every((k) => Number.isSafeInteger(k) && k >= 0)).toBe(true);
    // Read back, only the digests are known: no band keys, but the same pairing keys and the same comparisons.
    expect(() => bandKeys(back)).toThrow(/no band keys/);
    expect(pairKeys(back)).toEqual(pairKeys(sig));
    expect(similarity(back, sig).jaccard).toBe(1);
    expect(() => decodeSignature("AAAA", 10)).toThrow(/signature holds/);
  });

  it("reads a signature stored whole before migrations/0013 as the same digests", () => {
    const sig = signature(text("haiti-gangs/original"))!;
    const whole = new Uint8Array(sig.mins.buffer, sig.mins.byteOffset, sig.mins.byteLength);
    const old = decodeSignature(btoa(String.fromCharCode(...whole)), sig.shingles);
    expect([...old.bits]).toEqual([...sig.bits]);
    const other = signature(text("rbi-rates/no-dateline"))!;
    expect(similarity(old, other)).toEqual(similarity(sig, other));
  });

  it("ignores case, punctuation and 'Also read' lines", () => {
    const a = signature(text("rbi-rates/no-dateline"))!;
    const b = signature(text("rbi-rates/no-dateline").toUpperCase().replace(/,/g, " ;") + "\n\nAlso read: something else entirely here")!;
    expect(similarity(a, b).jaccard).toBe(1);
  });

  it("estimates the Jaccard index within 0.15 of the exact value on every pair of a group", () => {
    const groups = ["haiti-gangs", "ecb-hold", "short-gold", "cricket-final"];
    for (const g of groups) {
      const ids = stories.filter((s) => s.group === g).map((s) => s.id);
      for (const a of ids) {
        for (const b of ids) {
          const est = similarity(signature(text(a))!, signature(text(b))!).jaccard;
          expect(Math.abs(est - exactJaccard(text(a), text(b))), `${a} ~ ${b}`).toBeLessThan(0.15);
        }
      }
    }
  });
});

describe("similarity", () => {
  it("finds a trimmed copy wholly contained in the original", () => {
    const s = similarity(signature(text("haiti-gangs/original"))!, signature(text("haiti-gangs/trimmed"))!);
    expect(s.jaccard).toBeLessThan(0.8);
    expect(s.containment).toBeGreaterThan(0.9);
    expect(isCopy(s)).toBe(true);
  });

  it("keeps two stories on one event apart, even with a shared background paragraph", () => {
    const s = similarity(signature(text("haiti-gangs/original"))!, signature(text("haiti-cholera/original"))!);
    expect(s.containment).toBeLessThan(0.3);
    expect(isCopy(s)).toBe(false);
    expect(isCopy(similarity(signature(text("haiti-gangs/original"))!, signature(text("haiti-gangs-afp/original"))!))).toBe(false);
  });

  it("keeps a round-up out of the cluster of a short item it quotes whole", () => {
    const s = similarity(signature(text("roundup-1"))!, signature(text("short-gold/original"))!);
    expect(s.containment).toBeGreaterThan(0.8);
    expect(isCopy(s)).toBe(false);
  });
});

describe("outlets", () => {
  it("are registrable domains, from the Public Suffix List", () => {
    expect(outletOf("https://economictimes.indiatimes.com/a")).toBe(outletOf("https://timesofindia.indiatimes.com/b"));
    expect(outletOf("https://www.bbc.co.uk/news")).toBe("bbc.co.uk");
    expect(outletOf("https://www.bbc.co.uk/")).not.toBe(outletOf("https://www.itv.co.uk/"));
    expect(outletOf(null, "http://127.0.0.1:8080/feed.xml")).toBe("127.0.0.1");
  });
});

describe("clusters", () => {
  const ids = stories.map((s) => s.id);
  const partition = (order: string[]) =>
    clusterNodes(order.map((id) => node(id, byId.get(id)!.outlet, ids.indexOf(id) + 1)))
      .map((c) => c.map((m) => m.node.key).join(" "))
      .sort();

  it("do not depend on arrival order", () => {
    const expected = partition(ids);
    let seed = 7;
    for (let round = 0; round < 4; round++) {
      const shuffled = [...ids];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(partition(shuffled)).toEqual(expected);
    }
    expect(partition([...ids].reverse())).toEqual(expected);
  });

  it("put the earliest member first", () => {
    const members = ["haiti-gangs/added", "haiti-gangs/original", "haiti-gangs/trimmed"];
    const [c] = clusterNodes([node(members[0]!, "a.com", 1, 3_600_000), node(members[1]!, "reuters.com", 2, 0), node(members[2]!, "b.com", 3, 7_200_000)]);
    expect(c!.map((m) => m.node.key)).toEqual(["haiti-gangs/original", "haiti-gangs/added", "haiti-gangs/trimmed"]);
  });

  it("infer syndicated, the wire and unedited from copies in other outlets, with the stories they rest on", () => {
    const wire = node("haiti-gangs/original", "reuters.com", 1);
    const copy = node("haiti-gangs/no-dateline", "thehindu.com", 2);
    const [c] = clusterNodes([wire, copy]);
    const copied = c!.find((m) => m.node === copy)!;
    expect(copy.stated).toEqual({ wires: [], syndicated: false, unedited: false });
    expect(copied.inferred.map((i) => [i.flag, i.wire])).toEqual([["syndicated", null], ["wire", "Reuters"], ["unedited", null]]);
    for (const i of copied.inferred) {
      expect(i.sources).toEqual([wire]);
      expect(i.similarity).toBeGreaterThan(0.9);
    }
    // The wire's own story states its wire and (by its dateline) syndication: nothing is inferred over it.
    expect(wire.stated.syndicated).toBe(true);
    expect(c!.find((m) => m.node === wire)!.inferred).toEqual([]);
  });

  it("never count copies from one outlet as syndication, across feeds or within one", () => {
    const a = node("haiti-gangs/original", "indiatimes.com", 1);
    const b = node("haiti-gangs/no-dateline", "indiatimes.com", 2);
    const c = node("haiti-gangs/added", "other.com", 3, 86_400_000 * 30);
    const [together, ...rest] = clusterNodes([a, b, c]);
    expect(together!.map((m) => m.node.key)).toEqual([a.key, b.key]);
    expect(together!.every((m) => m.inferred.length === 0 && !m.copy)).toBe(true);
    // Beyond the 14-day window a copy is not linked.
    expect(rest).toHaveLength(1);
  });

  it("infer no unedited flag from a copy that states no wire", () => {
    const [c] = clusterNodes([node("haiti-gangs/no-dateline", "a.com", 1), node("haiti-gangs/new-lede", "b.com", 2)]);
    expect(c).toHaveLength(2);
    const flags = c!.flatMap((m) => m.inferred.map((i) => i.flag));
    expect(flags).not.toContain("unedited");
  });
});

describe("the labelled evaluation set", () => {
  const report = evaluateClusters(stories);

  it("has at least 150 stories in at least 30 groups", () => {
    expect(report.stories).toBeGreaterThanOrEqual(150);
    expect(report.groups).toBeGreaterThanOrEqual(30);
  });

  it("meets the pairwise targets and merges no independently written stories", () => {
    expect(report.precision).toBeGreaterThanOrEqual(PRECISION_TARGET);
    expect(report.recallShared80).toBeGreaterThanOrEqual(RECALL_TARGET);
    expect(report.merges).toEqual([]);
  });
});
