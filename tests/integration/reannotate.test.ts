/**
 * Re-annotation: stories stored by an older annotator are annotated again from their stored source text,
 * in resumable batches, without refetching; the flag, wire and entity filters see the new annotation.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ANNOTATOR_VERSION } from "../../src/annotate";
import { SIGNATURE_VERSION } from "../../src/cluster/params";
import { STORED_VERSION } from "../../src/ingest/version";
import type { Story } from "../../src/model";
import { ADMIN, api, registerFeed, runCron } from "./helpers";

async function ids(query: string): Promise<number[]> {
  const res = await api(`/v1/stories?limit=200&${query}`);
  expect(res.status).toBe(200);
  return (await res.json<{ stories: Story[] }>()).stories.map((s) => s.id);
}

async function reannotate(query: string): Promise<{ processed: number; next_after: number | null; remaining: number }> {
  const res = await api(`/v1/reannotate?${query}`, { method: "POST", headers: ADMIN });
  expect(res.status).toBe(200);
  return res.json();
}

let seedId: number;
let storyTotal: number;

beforeAll(async () => {
  await registerFeed("/fixtures/feeds/seed.xml");
  await registerFeed("/fixtures/integration/world-rss.xml");
  await runCron();
  const [found] = await ids("q=Blinken&entity=Haiti");
  expect(found).toBeDefined();
  seedId = found!;
  storyTotal = (await ids("")).length;
  // Pretend an older annotator stored everything, and got it wrong: no flags, no wires, no entities.
  await env.DB.batch([
    env.DB.prepare(
      "UPDATE stories SET annotator_version = 0, auto_generated = 0, unedited = 0, syndicated = 0, ai_generated = 0, evidence = '[]'",
    ),
    env.DB.prepare("DELETE FROM story_wires"),
    env.DB.prepare("DELETE FROM story_entities"),
  ]);
});

describe("re-annotation", () => {
  it("starts from stories the filters cannot find", async () => {
    expect(await ids("flag=unedited")).toEqual([]);
    expect(await ids("wire=PTI")).toEqual([]);
    expect(await ids("entity=Haiti")).toEqual([]);
  });

  it("is admin only", async () => {
    expect((await api("/v1/reannotate", { method: "POST" })).status).toBe(401);
  });

  it("works through the stale stories in resumable batches, without fetching", async () => {
    const { results: fetchedBefore } = await env.DB.prepare("SELECT id, last_fetched_at, etag FROM feeds ORDER BY id").all();
    const seen: number[] = [];
    let after = 0;
    for (let round = 0; round < 20; round++) {
      const batch = await reannotate(`limit=2&after=${after}`);
      seen.push(batch.processed);
      if (batch.next_after === null) break;
      after = batch.next_after;
    }
    expect(seen.reduce((a, b) => a + b, 0)).toBe(storyTotal);
    expect(seen.slice(0, -1).every((n) => n === 2)).toBe(true);
    const stale = await env.DB.prepare("SELECT count(*) AS n FROM stories WHERE annotator_version <> ?1")
      .bind(STORED_VERSION)
      .first<{ n: number }>();
    expect(stale?.n).toBe(0);
    expect((await env.DB.prepare("SELECT id, last_fetched_at, etag FROM feeds ORDER BY id").all()).results).toEqual(fetchedBefore);
  });

  it("makes flag, no_flag, wire and entity filters see the new annotation", async () => {
    expect(await ids("flag=unedited&flag=auto_generated")).toContain(seedId);
    expect(await ids("no_flag=syndicated")).not.toContain(seedId);
    expect((await ids("wire=PTI")).length).toBeGreaterThanOrEqual(1);
    expect(await ids("wire=Reuters")).toEqual(await ids("wire=reuters"));
    expect(await ids("entity=Antony%20Blinken&entity=CARICOM")).toContain(seedId);
    const seed = await (await api(`/v1/stories/${seedId}`)).json<Story>();
    expect(seed.flags.evidence.map((e) => e.flag)).toEqual(expect.arrayContaining(["auto_generated", "unedited", "syndicated"]));
    expect(seed.content_text).not.toMatch(/Devdiscourse/);
  });

  it("has nothing left to do once every story is current", async () => {
    expect(await reannotate("")).toMatchObject({ processed: 0, next_after: null, remaining: 0 });
  });
});

describe("a new cluster signature version", () => {
  it("re-signs and re-clusters stories whose annotation is current but whose signature is older", async () => {
    const signed = await env.DB.prepare("SELECT count(*) AS n FROM story_signatures").first<{ n: number }>();
    expect(signed!.n).toBeGreaterThan(0);
    // As if the signature's parameters had changed since these stories were stored.
    await env.DB.batch([
      env.DB.prepare("UPDATE stories SET annotator_version = ?1").bind(ANNOTATOR_VERSION * 100 + SIGNATURE_VERSION - 1),
      env.DB.prepare("UPDATE story_signatures SET version = ?1").bind(SIGNATURE_VERSION - 1),
    ]);
    expect(STORED_VERSION).toBeGreaterThan(ANNOTATOR_VERSION * 100 + SIGNATURE_VERSION - 1);
    let after = 0;
    for (let round = 0; round < 20; round++) {
      const batch = await reannotate(`after=${after}`);
      if (batch.next_after === null) break;
      after = batch.next_after;
    }
    const old = await env.DB.prepare("SELECT count(*) AS n FROM story_signatures WHERE version <> ?1").bind(SIGNATURE_VERSION).first<{ n: number }>();
    expect(old!.n).toBe(0);
    const resigned = await env.DB.prepare("SELECT count(*) AS n FROM story_signatures").first<{ n: number }>();
    expect(resigned!.n).toBe(signed!.n);
    expect(await reannotate("")).toMatchObject({ processed: 0, remaining: 0 });
  });
});
