/**
 * Clusters of copies through the real write path (storeItems in workerd, real D1) and the API: copies from
 * different feeds form one cluster with the earliest member first, inferred flags and wires appear with
 * evidence and update when a later copy arrives, the result does not depend on arrival order, one outlet's
 * copies are not syndication, and different stories on one event never merge.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import set from "../../fixtures/clusters/set.json";
import { ClusterBatch } from "../../src/ingest/cluster";
import { type StoredCounts, storeItems } from "../../src/ingest/run";
import type { ParsedFeed, Story } from "../../src/model";
import { pruneClusterKeys } from "../../src/ingest/prune";
import { reannotateBatch } from "../../src/ingest/reannotate";
import { pruneBandKeys } from "../../src/store/clusters";
import { insertFeed } from "../../src/store/feeds";
import type { FeedTally } from "../../src/store/runs";
import { api, page } from "./helpers";

interface Labelled {
  id: string;
  group: string;
  outlet: string;
  title: string;
  text: string;
  published_at: string;
}
const stories = new Map((set as Labelled[]).map((s) => [s.id, s]));
const FETCHED_AT = "2024-07-06T00:00:00.000Z";

async function reset(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM stories"),
    env.DB.prepare("DELETE FROM clusters"),
    env.DB.prepare("DELETE FROM feeds"),
  ]);
}

const feeds = new Map<string, number>();
async function feedOf(host: string): Promise<number> {
  const known = feeds.get(host);
  if (known) return known;
  const feed = await insertFeed(env.DB, { url: `https://${host}/feed.xml`, title: host }, FETCHED_AT);
  feeds.set(host, feed!.id);
  return feed!.id;
}

function parsed(ids: string[], override: Partial<Labelled> = {}): ParsedFeed {
  return {
    format: "rss",
    title: null,
    siteUrl: null,
    ttlMinutes: null,
    warnings: [],
    items: ids.map((id) => {
      const s = { ...stories.get(id)!, ...override };
      return {
        guid: id,
        link: `https://${s.outlet}/${id}`,
        title: s.title,
        titleIsHtml: false,
        author: null,
        published: s.published_at,
        updated: null,
        summary: null,
        content: s.text.split("\n\n").map((p) => `<p>${p}</p>`).join(""),
        categories: [],
        base: null,
      };
    }),
  };
}

const closing = (counts: StoredCounts): { tally: FeedTally; statements: D1PreparedStatement[] } => ({
  tally: { outcome: "ok", itemsSeen: counts.itemsSeen, storiesNew: counts.storiesNew, storiesUpdated: counts.storiesUpdated },
  statements: [],
});

/** Stores stories as one feed's batch; the feed is the story's outlet unless `host` names another. */
async function ingest(ids: string[], host?: string, override: Partial<Labelled> = {}): Promise<number[]> {
  const feedId = await feedOf(host ?? stories.get(ids[0]!)!.outlet);
  let changed: number[] = [];
  await storeItems(env.DB, feedId, parsed(ids, override), { feedUrl: `https://${host ?? stories.get(ids[0]!)!.outlet}/feed.xml`, fetchedAt: FETCHED_AT }, closing, async (ids) => {
    changed = ids;
  });
  return changed;
}

async function storyId(guid: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM stories WHERE guid = ?1").bind(guid).first<{ id: number }>();
  return row!.id;
}

async function story(guid: string): Promise<Story> {
  const res = await api(`/v1/stories/${await storyId(guid)}`);
  expect(res.status).toBe(200);
  return res.json<Story>();
}

/** The clusters as sets of guids, each earliest first, sorted: what arrival order must not change. */
async function partition(): Promise<string[][]> {
  const { results } = await env.DB.prepare(
    `SELECT g.cluster_id, json_group_array(s.guid) AS guids FROM (SELECT * FROM story_signatures ORDER BY rank) g
     JOIN stories s ON s.id = g.story_id WHERE g.cluster_id IS NOT NULL GROUP BY g.cluster_id`,
  ).all<{ guids: string }>();
  return results.map((r) => JSON.parse(r.guids) as string[]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

beforeEach(async () => {
  await reset();
  feeds.clear();
});

describe("clusters of copies", () => {
  it("gather one story's copies from different feeds, the earliest member first", async () => {
    await ingest(["haiti-gangs/trimmed"]);
    await ingest(["haiti-gangs/added"]);
    await ingest(["haiti-gangs/original"]);
    await ingest(["haiti-gangs/new-lede"]);
    const first = await story("haiti-gangs/original");
    expect(first.cluster).toEqual({ id: expect.any(Number), size: 4, feeds: 4 });
    const res = await api(`/v1/clusters/${first.cluster!.id}`);
    expect(res.status).toBe(200);
    const cluster = await res.json<{ size: number; outlets: number; first_story_id: number; members: { story_id: number; first: boolean; similarity: number; same_outlet: boolean }[] }>();
    const times = await Promise.all(["haiti-gangs/original", "haiti-gangs/trimmed", "haiti-gangs/added", "haiti-gangs/new-lede"].map(async (g) => [(await story(g)).published_at, await storyId(g)] as const));
    const expectedOrder = [...times].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)).map(([, id]) => id);
    expect(cluster.members.map((m) => m.story_id)).toEqual(expectedOrder);
    expect(cluster.members.map((m) => m.first)).toEqual([true, false, false, false]);
    expect(cluster.first_story_id).toBe(expectedOrder[0]);
    expect(cluster.outlets).toBe(4);
    for (const m of cluster.members) {
      expect(m.similarity).toBeGreaterThan(0.7);
      expect(m.same_outlet).toBe(false);
    }
    // The cluster's members are one filter away, and min_copies keeps only stories in big enough clusters.
    expect((await page(`cluster=${first.cluster!.id}`)).stories.map((s) => s.id).sort()).toEqual([...expectedOrder].sort());
    expect((await page("min_copies=4")).stories).toHaveLength(4);
    expect((await page("min_copies=5")).stories).toHaveLength(0);
  });

  it("infer syndication, the wire and unedited copy for the earlier story when a wire copy arrives later", async () => {
    // An outlet runs the wire story with the dateline dropped: nothing in its text says it is wire copy.
    expect(await ingest(["haiti-gangs/no-dateline"])).toEqual([]);
    let copy = await story("haiti-gangs/no-dateline");
    expect(copy.flags).toMatchObject({ syndicated: false, unedited: false, wire_services: [] });
    expect(copy.cluster).toBeNull();
    // The wire's own feed carries it later, with its "(Reuters)" dateline.
    const changed = await ingest(["haiti-gangs/original"]);
    const wireId = await storyId("haiti-gangs/original");
    copy = await story("haiti-gangs/no-dateline");
    expect(changed).toEqual([copy.id]);
    expect(copy.flags.syndicated).toBe(true);
    expect(copy.flags.unedited).toBe(true);
    expect(copy.flags.wire_services).toEqual(["Reuters"]);
    const inferred = copy.flags.evidence.filter((e) => e.kind === "inferred");
    expect(inferred.map((e) => e.flag).sort()).toEqual(["syndicated", "unedited", "wire"]);
    for (const e of inferred) {
      expect(e.stories).toEqual([wireId]);
      expect(e.similarity).toBeGreaterThan(0.9);
      expect(e.text).toContain("reuters.com");
    }
    // The wire's own story on its own site (reuters.com) is the source: not syndicated there (flags v9, an agency
    // publishing its own copy), and nothing is inferred back onto it from its copies.
    const wire = await story("haiti-gangs/original");
    expect(wire.flags.evidence.every((e) => e.kind === "stated")).toBe(true);
    expect(wire.flags).toMatchObject({ syndicated: false, wire_services: [] });

    // The filters see inferred flags and wires, unless only stated evidence is asked for.
    const ids = async (q: string) => (await page(q)).stories.map((s) => s.id).sort();
    expect(await ids("flag=syndicated")).toEqual([copy.id]);
    expect(await ids("flag=syndicated&evidence=stated")).toEqual([]);
    expect(await ids("flag=unedited")).toEqual([copy.id]);
    expect(await ids("flag=unedited&evidence=stated")).toEqual([]);
    expect(await ids("no_flag=unedited&evidence=stated")).toEqual([wireId, copy.id].sort());
    expect(await ids("no_flag=syndicated")).toEqual([wireId]);
    expect(await ids("wire=Reuters")).toEqual([copy.id]);
  });

  it("never count one outlet's copies as syndication, across two feeds of one registrable domain", async () => {
    await ingest(["ecb-hold/no-dateline"], "economictimes.indiatimes.com", { outlet: "economictimes.indiatimes.com" });
    await ingest(["ecb-hold/added"], "timesofindia.indiatimes.com", { outlet: "timesofindia.indiatimes.com" });
    const a = await story("ecb-hold/no-dateline");
    const b = await story("ecb-hold/added");
    expect(a.cluster).toEqual({ id: a.cluster!.id, size: 2, feeds: 2 });
    expect(b.cluster?.id).toBe(a.cluster!.id);
    expect(a.flags.evidence.filter((e) => e.kind === "inferred")).toEqual([]);
    expect(a.flags.syndicated).toBe(false);
    const cluster = await (await api(`/v1/clusters/${a.cluster!.id}`)).json<{ outlets: number; members: { same_outlet: boolean; copy: boolean }[] }>();
    expect(cluster.outlets).toBe(1);
    expect(cluster.members.map((m) => [m.same_outlet, m.copy])).toEqual([[true, false], [true, false]]);
    const feed = await (await api(`/v1/feeds/${a.feed_id}`)).json<{ copy_share: { signed: number; copies: number; share: number } }>();
    expect(feed.copy_share).toEqual({ signed: 1, copies: 0, share: 0 });
  });

  it("never merge different stories on one event, even same-day stories of one wire sharing a background paragraph", async () => {
    await ingest(["haiti-gangs/original", "haiti-cholera/original"], "reuters.com");
    await ingest(["haiti-gangs-afp/original"]);
    await ingest(["roundup-1", "haiti-gangs/also-read"], "www.devdiscourse.com");
    expect(await partition()).toEqual([["haiti-gangs/original", "haiti-gangs/also-read"]]);
    expect((await story("haiti-cholera/original")).cluster).toBeNull();
    expect((await story("haiti-gangs-afp/original")).cluster).toBeNull();
  });

  it("do not depend on arrival order", async () => {
    const ids = [...stories.values()]
      .filter((s) => ["haiti-gangs", "haiti-cholera", "haiti-gangs-afp", "rbi-rates", "rbi-digital", "short-gold"].includes(s.group) || s.id === "roundup-1")
      .map((s) => s.id);
    const byOutlet = (list: string[]) => {
      const groups = new Map<string, string[]>();
      for (const id of list) groups.set(stories.get(id)!.outlet, [...(groups.get(stories.get(id)!.outlet) ?? []), id]);
      return [...groups.values()];
    };
    const orders = [ids, [...ids].reverse(), [...ids.filter((_, i) => i % 2 === 1), ...ids.filter((_, i) => i % 2 === 0)]];
    const results: string[][][] = [];
    for (const order of orders) {
      await reset();
      feeds.clear();
      // One batch per outlet in this order, then the stories one at a time: two ways of arriving.
      for (const batch of byOutlet(order)) await ingest(batch);
      results.push(await partition());
    }
    await reset();
    feeds.clear();
    for (const id of [...ids].sort()) await ingest([id]);
    results.push(await partition());
    expect(results[0]!.length).toBeGreaterThanOrEqual(4);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });

  it("let a story leave its cluster when its body changes, clearing what its copies implied", async () => {
    await ingest(["rbi-rates/original"], "ptinews.com");
    await ingest(["rbi-rates/no-dateline"], "www.thehindu.com");
    const before = await story("rbi-rates/no-dateline");
    expect(before.flags.syndicated).toBe(true);
    // The outlet replaces the wire copy with its own report of the same event.
    const rewrite = stories.get("rbi-rates-reuters/no-dateline")!;
    const changed = await ingest(["rbi-rates/no-dateline"], "www.thehindu.com", { text: rewrite.text });
    const after = await story("rbi-rates/no-dateline");
    expect(changed).toContain(after.id);
    expect(after.cluster).toBeNull();
    expect(after.flags).toMatchObject({ syndicated: false, unedited: false, wire_services: [] });
    expect((await story("rbi-rates/original")).cluster).toBeNull();
    const { n } = (await env.DB.prepare("SELECT count(*) AS n FROM clusters").first<{ n: number }>())!;
    expect(n).toBe(0);
  });

  it("shrink a cluster when a member is taken down", async () => {
    await ingest(["cricket-final/original"]);
    await ingest(["cricket-final/no-dateline"]);
    await ingest(["cricket-final/added"]);
    const taken = await story("cricket-final/added");
    expect(taken.cluster?.size).toBe(3);
    const res = await api(`/v1/stories/${taken.id}`, { method: "DELETE", headers: { authorization: "Bearer test-admin-token" } });
    expect(res.status).toBe(204);
    expect((await story("cricket-final/original")).cluster?.size).toBe(2);
  });
});

describe("concurrent feed batches", () => {
  it("still link copies stored by a batch that committed between this batch's lookup and its commit", async () => {
    const wireFeed = await feedOf("reuters.com");
    const copyFeed = await feedOf("www.thehindu.com");
    let raced = false;
    // The copy's batch looks up (nothing stored yet); the wire's batch commits before the copy's batch does.
    const racing = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            if (!raced) {
              raced = true;
              await storeItems(env.DB, wireFeed, parsed(["haiti-gangs/original"]), { feedUrl: "https://reuters.com/feed.xml", fetchedAt: FETCHED_AT }, closing);
            }
            return target.batch(statements);
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    let changed: number[] = [];
    await storeItems(racing, copyFeed, parsed(["haiti-gangs/no-dateline"]), { feedUrl: "https://www.thehindu.com/feed.xml", fetchedAt: FETCHED_AT }, closing, async (ids) => {
      changed = ids;
    });
    expect(raced).toBe(true);
    expect(await partition()).toEqual([["haiti-gangs/original", "haiti-gangs/no-dateline"]]);
    const copy = await story("haiti-gangs/no-dateline");
    expect(copy.flags).toMatchObject({ syndicated: true, unedited: true, wire_services: ["Reuters"] });
    expect(changed).toContain(copy.id);
  });
});

describe("candidate lookups", () => {
  it("take one query per chunk of 100 stories, not one per story", async () => {
    const feedId = await feedOf("bench.example");
    const text = stories.get("haiti-gangs/original")!.text;
    const batch = new ClusterBatch(env.DB);
    await batch.add(Array.from({ length: 250 }, (_, i) => ({
      feedId, guid: `g${i}`, url: null, feedUrl: "https://bench.example/feed.xml", at: FETCHED_AT,
      text: `${text} Item ${i} of the bench.`, stated: { wires: [], syndicated: false, unedited: false },
    })));
    expect(batch.finish().lookups).toBe(3);
  });

  it("split a chunk whose guids would make the lookup too large for one D1 statement", async () => {
    const feedId = await feedOf("bench.example");
    const text = stories.get("ecb-hold/original")!.text;
    const batch = new ClusterBatch(env.DB);
    await batch.add(Array.from({ length: 100 }, (_, i) => ({
      feedId, guid: `${"g".repeat(1_000)}-${i}`, url: null, feedUrl: "https://bench.example/feed.xml", at: FETCHED_AT,
      text: `${text} Item ${i}.`, stated: { wires: [], syndicated: false, unedited: false },
    })));
    expect(batch.finish().lookups).toBe(4);
  });
});

describe("band key pruning", () => {
  it("deletes keys older than the window in bounded batches", async () => {
    await ingest(["haiti-gangs/original"]);
    await ingest(["haiti-gangs/no-dateline"]);
    const count = async () => (await env.DB.prepare("SELECT count(*) AS n FROM band_keys").first<{ n: number }>())!.n;
    expect(await count()).toBe(64);
    const dates = async () => (await env.DB.prepare("SELECT count(*) AS n FROM band_key_dates").first<{ n: number }>())!.n;
    expect(await dates()).toBe(2);
    expect(await pruneBandKeys(env.DB, "2024-07-01T00:00:00.000Z", 1)).toBe(0);
    // A story's keys go together, a bounded number of stories a call.
    expect(await pruneBandKeys(env.DB, "2024-08-01T00:00:00.000Z", 1)).toBe(1);
    expect([await count(), await dates()]).toEqual([32, 1]);
    while ((await pruneBandKeys(env.DB, "2024-08-01T00:00:00.000Z", 1)) > 0);
    expect([await count(), await dates()]).toEqual([0, 0]);
    // Clusters outlive their keys: the keys only find new copies.
    expect((await story("haiti-gangs/original")).cluster?.size).toBe(2);
  });
});

describe("the cron", () => {
  it("prunes the keys of stories dated before the window, and only those", async () => {
    await ingest(["haiti-gangs/original"]);
    await ingest(["haiti-gangs/no-dateline"]);
    expect(await pruneClusterKeys(env, new Date("2024-07-10T00:00:00Z"))).toBe(0);
    expect(await pruneClusterKeys(env, new Date("2024-08-01T00:00:00Z"))).toBe(2);
  });
});

describe("re-annotation", () => {
  it("recomputes signatures and clusters with the new annotation", async () => {
    await ingest(["ecb-hold/original"]);
    await ingest(["ecb-hold/no-dateline"]);
    const before = await story("ecb-hold/no-dateline");
    await env.DB.batch([
      env.DB.prepare("DELETE FROM story_signatures"),
      env.DB.prepare("DELETE FROM band_keys"),
      env.DB.prepare("DELETE FROM story_inferred"),
      env.DB.prepare("DELETE FROM story_wires WHERE position >= 100"),
      env.DB.prepare("UPDATE stories SET inferred_syndicated = 0, inferred_unedited = 0, annotator_version = 0"),
    ]);
    expect((await story("ecb-hold/no-dateline")).cluster).toBeNull();
    expect((await reannotateBatch(env)).processed).toBe(2);
    const after = await story("ecb-hold/no-dateline");
    expect(after.cluster).toEqual({ ...before.cluster, id: expect.any(Number) });
    expect(after.flags).toEqual(before.flags);
  });
});

describe("the clusters API", () => {
  it("lists clusters newest activity first, with filters and paging", async () => {
    for (const g of ["haiti-gangs", "ecb-hold", "cricket-final"]) {
      await ingest([`${g}/original`]);
      await ingest([`${g}/no-dateline`]);
    }
    await ingest(["ecb-hold/added"]);
    const all = await (await api("/v1/clusters")).json<{ clusters: { id: number; size: number; last_at: string; title: string }[]; next_cursor: string | null }>();
    expect(all.clusters).toHaveLength(3);
    const lasts = all.clusters.map((c) => c.last_at);
    expect(lasts).toEqual([...lasts].sort().reverse());
    expect((await (await api("/v1/clusters?min_size=3")).json<{ clusters: { title: string }[] }>()).clusters.map((c) => c.title)).toEqual([stories.get("ecb-hold/original")!.title]);
    expect((await (await api("/v1/clusters?wire=AP")).json<{ clusters: unknown[] }>()).clusters).toHaveLength(0);
    expect((await (await api("/v1/clusters?wire=Reuters")).json<{ clusters: unknown[] }>()).clusters).toHaveLength(2);
    expect((await (await api("/v1/clusters?entity=Christine%20Lagarde")).json<{ clusters: { title: string }[] }>()).clusters.map((c) => c.title)).toEqual([stories.get("ecb-hold/original")!.title]);
    const first = await (await api("/v1/clusters?limit=2")).json<{ clusters: { id: number }[]; next_cursor: string }>();
    const second = await (await api(`/v1/clusters?limit=2&cursor=${first.next_cursor}`)).json<{ clusters: { id: number }[]; next_cursor: string | null }>();
    expect([...first.clusters, ...second.clusters].map((c) => c.id)).toEqual(all.clusters.map((c) => c.id));
    expect(second.next_cursor).toBeNull();
    const stats = await (await api("/v1/stats?since=2024-07-01&until=2024-07-10")).json<{ copy_share: { feed_id: number; copies: number }[]; per_flag: { syndicated: number } }>();
    expect(stats.copy_share.reduce((n, f) => n + f.copies, 0)).toBe(7);
    // The three wire originals sit on their agencies' own sites, so are not syndicated there; three copies and the
    // added-paragraph copy (dateline kept) are — 4 in all, as flag=syndicated counts.
    expect(stats.per_flag.syndicated).toBe((await page("flag=syndicated&limit=200")).stories.length);
    expect(stats.per_flag.syndicated).toBe(4);
  });

  it("answers bad input with a 400 naming the parameter, and unknown clusters with a 404", async () => {
    for (const [path, field] of [
      ["/v1/clusters?min_size=1", "min_size"],
      ["/v1/clusters?limit=0", "limit"],
      ["/v1/clusters?cursor=nope", "cursor"],
      ["/v1/clusters?since=yesterday", "since"],
      ["/v1/clusters/abc", "id"],
      ["/v1/stories?min_copies=1", "min_copies"],
      ["/v1/stories?cluster=-3", "cluster"],
      ["/v1/stories?evidence=guessed", "evidence"],
    ] as const) {
      const res = await api(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.text(), path).toContain(field);
    }
    expect((await api("/v1/clusters/999999")).status).toBe(404);
  });

  it("are described in the OpenAPI document", async () => {
    const doc = await (await api("/v1/openapi.json")).json<{ paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/clusters", "/v1/clusters/{id}"]));
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.Story!.properties!)).toContain("cluster");
    expect(Object.keys(schemas.ClusterDetail!.properties!)).toContain("members");
    expect(Object.keys(schemas.FeedDetail!.properties!)).toContain("copy_share");
    expect(Object.keys(schemas.Stats!.properties!)).toContain("copy_share");
    expect(schemas.CopyShare).toBeDefined();
  });
});
