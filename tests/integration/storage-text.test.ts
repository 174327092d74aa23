/**
 * content_text compressed in its row with a contentless FTS index (issue 17, migrations/0012): the text reads
 * back the same through every read path, search stays exact through rewrites and deletes, and a database
 * created by the migrations before 0012 keeps searching the same while the mover compacts it in resumable batches.
 * Signatures are stored as BLOBs of 16-bit digests (0013), and a wider one (a 512-byte BLOB, or base64 TEXT) reads as
 * the same digests until the mover narrows it.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import { moveInlineBodies } from "../../src/ingest/storage";
import type { Story } from "../../src/model";
import { SIGNATURE_VERSION } from "../../src/cluster/params";
import { decodeSignature, encodeSignature } from "../../src/cluster/signature";
import { lookupNodes, signatureStatements } from "../../src/store/clusters";
import { packSpans, unpackSpans } from "../../src/store/entities";
import { createRun } from "../../src/store/runs";
import { deleteStory, getStory, queryStories, type StoryFilter } from "../../src/store/stories";
import { packText, unpackText } from "../../src/store/text";
import { ADMIN, api, putMutable, registerFeed } from "./helpers";

const DAY = 86_400_000;

function item(name: string, i: number, date: Date, body: string): string {
  return `<item><title>${name} tram line ${i}</title><guid>${name}-${i}</guid><link>https://text.example/${name}/${i}</link>
    <pubDate>${date.toUTCString()}</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;
}

function feedOf(name: string, bodies: string[]): string {
  const now = Date.now();
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Text ${name}</title>${bodies.map((b, i) => item(name, i, new Date(now - i * DAY), b)).join("")}</channel></rss>`;
}

async function ingest(feedId: number): Promise<void> {
  const runId = await createRun(env.DB, "test", new Date().toISOString(), 1);
  await ingestFeed(env, { feedId, runId, host: "127.0.0.1" });
}

const filter = (over: Partial<StoryFilter>): StoryFilter => ({ entities: [], flags: [], noFlags: [], limit: 50, ...over });

async function searchIds(db: D1Database, q: string): Promise<number[]> {
  return (await queryStories(db, filter({ q }), env.BODIES)).stories.map((s) => Number(s.id));
}

describe("the text codec", () => {
  it.each([
    ["plain text", "The tram line reopened on Monday after repairs."],
    ["an empty text", ""],
    ["non-Latin scripts and emoji", "Ліній трамваю — 路面電車 — ترام 🚋 reopened."],
    ["a long repetitive text", "The council met again. ".repeat(2_000)],
  ])("round-trips %s", (_name, text) => {
    const packed = packText(text);
    expect(unpackText(packed)).toBe(text);
    // D1 hands BLOBs back as arrays of byte values.
    expect(unpackText(Array.from(packed))).toBe(text);
  });

  it("refuses bytes that are not a known format, rather than returning garbage", () => {
    expect(() => unpackText(new Uint8Array([9, 1, 2]))).toThrow(/unknown text format 9/);
    expect(() => unpackText(new Uint8Array([]))).toThrow(/unknown text format/);
  });
});

describe("the spans codec", () => {
  it.each([
    ["text spans in order", [{ field: "text", start: 0, end: 10 }, { field: "text", start: 23, end: 31 }], "X0.a,d.8"],
    ["a title run, then text", [{ field: "title", start: 16, end: 26 }, { field: "text", start: 0, end: 10 }], "Tg.aX0.a"],
    ["spans out of order and overlapping", [{ field: "text", start: 400, end: 410 }, { field: "text", start: 5, end: 9 }, { field: "text", start: 7, end: 12 }], "Xb4.a,-b9.4,-2.5"],
    ["back and forth between fields", [{ field: "text", start: 3, end: 4 }, { field: "title", start: 1, end: 2 }, { field: "text", start: 90_000, end: 90_012 }], "X3.1T1.1X1xg0.c"],
    ["no spans", [], ""],
  ] as const)("round-trips %s", (_name, spans, packed) => {
    expect(packSpans(spans)).toBe(packed);
    expect(unpackSpans(packed)).toEqual(spans);
  });

  it("refuses a malformed value instead of inventing offsets", () => {
    expect(() => unpackSpans("X1.a,zz")).toThrow(/malformed spans/);
  });
});

describe("content_text compressed in the row", () => {
  it("stores the text compressed and gives it back through the story, lists, fields and feeds out", async () => {
    const body = "Engineers in Lisbon replaced the overhead wires along the riverside tram route. ".repeat(6);
    await putMutable("text-basic", feedOf("basic", [body, `LISBON (Reuters) - ${body} A second paragraph about Porto.`]));
    const feed = await registerFeed("/mutable/text-basic");
    await ingest(feed.id);
    const { results } = await env.DB.prepare(
      "SELECT id, content_text, content_z, typeof(content_z) AS kind, length(content_z) AS packed FROM stories WHERE feed_id = ?1 ORDER BY id",
    )
      .bind(feed.id)
      .all<{ id: number; content_text: string; content_z: number[]; kind: string; packed: number }>();
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r.content_text).toBe("");
      expect(r.kind).toBe("blob");
      const text = unpackText(r.content_z);
      expect(text).toContain("Engineers in Lisbon replaced the overhead wires");
      expect(r.packed).toBeLessThan(new TextEncoder().encode(text).length / 2);
      const one = await (await api(`/v1/stories/${r.id}`)).json<Story>();
      expect(one.content_text).toBe(text);
      // Entity spans still point into the text returned.
      for (const e of one.entities) for (const s of e.spans ?? []) if (s.field === "text") expect(text.slice(s.start, s.end).length).toBe(s.end - s.start);
    }
    const list = await (await api(`/v1/stories?feed=${feed.id}`)).json<{ stories: Story[] }>();
    const fields = await (await api(`/v1/stories?feed=${feed.id}&fields=content_text`)).json<{ stories: Partial<Story>[] }>();
    const json = await (await api(`/v1/stories.json?feed=${feed.id}`)).json<{ items: { content_text?: string; content_html?: string }[] }>();
    for (const [i, s] of list.stories.entries()) {
      const text = unpackText(results.find((r) => r.id === Number(s.id))!.content_z);
      expect(s.content_text).toBe(text);
      expect(fields.stories[i]!.content_text).toBe(text);
    }
    expect(json.items).toHaveLength(2);
    // Evidence: compressed where the story has some (the wire dateline), the column's '[]' where it has none.
    const evidence = (await env.DB.prepare("SELECT id, typeof(evidence) AS kind, evidence FROM stories WHERE feed_id = ?1 ORDER BY id").bind(feed.id).all<{ id: number; kind: string; evidence: unknown }>()).results;
    expect(evidence.map((e) => e.kind)).toEqual(["text", "blob"]);
    expect(evidence[0]!.evidence).toBe("[]");
    const wire = list.stories.find((s) => Number(s.id) === evidence[1]!.id)!;
    expect(wire.flags.syndicated).toBe(true);
    expect(wire.flags.evidence.some((e) => e.kind === "stated" && e.text.includes("(Reuters)"))).toBe(true);
    expect(JSON.parse(unpackText(evidence[1]!.evidence as number[]))).toEqual(wire.flags.evidence.filter((e) => e.kind === "stated"));
  });

  it("keeps search exact through a rewrite and a takedown", async () => {
    await putMutable("text-rewrite", feedOf("rewrite", ["The quarry near Braga flooded overnight, the mayor said.".repeat(3)]));
    const feed = await registerFeed("/mutable/text-rewrite");
    await ingest(feed.id);
    const [id] = (await env.DB.prepare("SELECT id FROM stories WHERE feed_id = ?1").bind(feed.id).all<{ id: number }>()).results.map((r) => r.id);
    expect(await searchIds(env.DB, "quarry")).toEqual([id]);
    expect(await searchIds(env.DB, '"quarry near braga"')).toEqual([id]);
    expect(await searchIds(env.DB, "title:rewrite")).toEqual([id]);
    expect(await searchIds(env.DB, "content_text:rewrite")).toEqual([]);

    await putMutable("text-rewrite", feedOf("rewrite", ["The reservoir near Braga overflowed overnight, the mayor said.".repeat(3)]));
    await env.DB.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL WHERE id = ?1").bind(feed.id).run();
    await ingest(feed.id);
    expect(await searchIds(env.DB, "quarry")).toEqual([]);
    expect(await searchIds(env.DB, "reservoir")).toEqual([id]);
    // One index entry per story, however often it is rewritten.
    const entries = await env.DB.prepare("SELECT count(*) AS n FROM stories_fts WHERE rowid = ?1").bind(id).first<{ n: number }>();
    expect(entries?.n).toBe(1);

    expect(await deleteStory(env.DB, id!, new Date().toISOString(), env.BODIES)).toBe(true);
    expect(await searchIds(env.DB, "reservoir")).toEqual([]);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM stories_fts WHERE rowid = ?1").bind(id).first<{ n: number }>()).toEqual({ n: 0 });
  });
});

describe("signatures as BLOBs of 16-bit digests", () => {
  it("reads a 512-byte BLOB of 0012 and a base64 TEXT signature from before as their digests, and the mover narrows both to 256 bytes", async () => {
    await putMutable("text-sig", feedOf("sig", ["A short note on the ferry timetable."]));
    const feed = await registerFeed("/mutable/text-sig");
    await ingest(feed.id);
    const { id } = (await env.DB.prepare("SELECT id FROM stories WHERE feed_id = ?1").bind(feed.id).first<{ id: number }>())!;
    // Whole minima, as the code before migrations/0013 stored them.
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) & 255);
    const wide = btoa(String.fromCharCode(...bytes));
    const digests = [...decodeSignature(wide, 99).bits];
    const narrow = encodeSignature(decodeSignature(wide, 99));
    const hexOf = (b64: string) => Array.from(atob(b64), (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("").toUpperCase();
    const at = "2025-06-01T00:00:00.000Z";
    await env.DB.batch(signatureStatements(env.DB, [{ ref: id, signature: wide, shingles: 99, outlet: "text.example", at, keys: [4242] }], SIGNATURE_VERSION));
    const stored = () => env.DB.prepare("SELECT typeof(signature) AS kind, length(signature) AS n, hex(signature) AS hex FROM story_signatures WHERE story_id = ?1").bind(id).first();
    expect(await stored()).toEqual({ kind: "blob", n: 512, hex: hexOf(wide) });
    const read = async () => {
      const node = (await lookupNodes(env.DB, { keys: [4242], from: "2025-05-31T00:00:00.000Z", to: "2025-06-02T00:00:00.000Z", own: [], version: SIGNATURE_VERSION })).find((n) => n.id === id);
      return node && [...decodeSignature(node.signature, node.shingles).bits];
    };
    expect(await read()).toEqual(digests);
    expect(await moveInlineBodies(env, {})).toMatchObject({ signatures_packed: 1, signatures_remaining: 0 });
    expect(await stored()).toEqual({ kind: "blob", n: 256, hex: hexOf(narrow) });
    expect(await read()).toEqual(digests);

    // As the code before migrations/0012 stored it: the same digests, until the mover narrows it too.
    await env.DB.prepare("UPDATE story_signatures SET signature = ?2 WHERE story_id = ?1").bind(id, wide).run();
    expect(await stored()).toMatchObject({ kind: "text" });
    expect(await read()).toEqual(digests);
    expect(await moveInlineBodies(env, {})).toMatchObject({ signatures_packed: 1, signatures_remaining: 0 });
    expect(await stored()).toEqual({ kind: "blob", n: 256, hex: hexOf(narrow) });
    // A signature the write path stores is narrow already: nothing left to do.
    expect(await moveInlineBodies(env, {})).toMatchObject({ signatures_packed: 0, signatures_remaining: 0 });
  });
});

describe("migration of a database created by the migrations before 0012", () => {
  const QUERIES = [
    "harbour",
    '"night ferry"',
    '"ferry night"',
    "harb*",
    "title:Valletta",
    "content_text:Valletta",
    "harbour NOT strike",
    "strike OR cranes",
    '"dock workers" AND Malta',
    '"tide tables"',
  ];

  it("searches the same before, during and after compaction, and reads every text back unchanged", async () => {
    const db = env.LEGACY_DB;
    const old = env.TEST_MIGRATIONS.filter((m) => m.name < "0012");
    expect(old.map((m) => m.name)).toContain("0010_article_leases.sql");
    await applyD1Migrations(db, old);
    await db.prepare("INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://legacy.example/feed.xml', '2025-01-01T00:00:00.000Z')").run();
    // Rows as the previous code wrote them: text inline, indexed by the old triggers; bodies already in R2.
    const texts = [
      "The night ferry left the harbour at Valletta on time.",
      "Dock workers in Malta called off their strike at the harbour.",
      "Cranes at the container port stood still for a second day.",
      // Long enough that the mover's JSON parameter is cut into pieces (src/store/clusters.ts: pieces).
      `A ferry night crossing was added for the festival weekend.${" The tide tables were reprinted for the harbour office.".repeat(1_500)}`,
      "Harbour authorities in Gozo reported calm seas and no delays.",
    ];
    const insert = db.prepare(
      `INSERT INTO stories (feed_id, guid, title, fetched_at, sort_at, content_text, source_text, content_hash, annotator_version, body_key, evidence)
       VALUES (1, ?1, ?2, ?3, ?3, ?4, '', ?1, 1, NULL, ?5)`,
    );
    const evidence = '[{"flag":"syndicated","rule":"legacy-wire-credit","text":"(AP)"}]';
    await db.batch(
      texts.map((t, i) => insert.bind(`legacy-${i}`, i === 2 ? "Valletta port idle" : `Legacy story ${i}`, `2025-01-0${i + 1}T00:00:00.000Z`, t, i === 1 ? evidence : "[]")),
    );
    // Entity links with spans as JSON triples, as the previous code stored them.
    await db.prepare("INSERT INTO entities (id, name, type) VALUES (1, 'Valletta', 'place'), (2, 'Malta', 'place')").run();
    await db
      .prepare(
        `INSERT INTO story_entities (story_id, entity_id, mentions, spans) VALUES
           (1, 1, 1, '[["text",40,48]]'), (2, 2, 1, '[["text",14,19]]'), (3, 1, 1, '[["title",0,8]]')`,
      )
      .run();
    // A signature as the previous code stored it: base64 TEXT.
    const signature = btoa(String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 13) & 255)));
    await db
      .prepare("INSERT INTO story_signatures (story_id, version, signature, shingles, outlet, at) VALUES (2, 1, ?1, 60, 'legacy.example', '2025-01-02T00:00:00.000Z')")
      .bind(signature)
      .run();
    // The old schema's answers, newest first as the API orders (sort_at grows with id here).
    const before = await Promise.all(
      QUERIES.map(async (q) =>
        (await db.prepare("SELECT rowid AS id FROM stories_fts WHERE stories_fts MATCH ?1 ORDER BY rowid DESC").bind(q).all<{ id: number }>()).results.map((r) => r.id),
      ),
    );
    expect(before.flat().length).toBeGreaterThan(8);

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    // Inline rows stay searchable, through the renamed index, before the mover has run.
    expect(await Promise.all(QUERIES.map((q) => searchIds(db, q)))).toEqual(before);

    const legacyEnv = { ...env, DB: db } as Env;
    const spansBefore = await Promise.all([1, 2, 3].map(async (id) => (await getStory(db, id, env.BODIES))?.entities));
    expect(spansBefore[0]).toEqual([{ name: "Valletta", type: "place", mentions: 1, spans: [{ field: "text", start: 40, end: 48 }] }]);
    const first = await moveInlineBodies(legacyEnv, { limit: 2 });
    expect(first).toMatchObject({
      texts_compacted: 2, next_after: 2, texts_remaining: 3, signatures_packed: 1, signatures_remaining: 0, spans_packed: 3, spans_remaining: 0,
    });
    expect((await db.prepare("SELECT spans FROM story_entities ORDER BY story_id").all()).results).toEqual([{ spans: "X14.8" }, { spans: "Xe.5" }, { spans: "T0.8" }]);
    expect(await Promise.all([1, 2, 3].map(async (id) => (await getStory(db, id, env.BODIES))?.entities))).toEqual(spansBefore);
    expect(await db.prepare("SELECT typeof(signature) AS kind, length(signature) AS n FROM story_signatures WHERE story_id = 2").first()).toEqual({ kind: "blob", n: 256 });
    // Half way: some rows in each index, still the same answers.
    expect(await Promise.all(QUERIES.map((q) => searchIds(db, q)))).toEqual(before);
    let after = first.next_after;
    for (let round = 0; after !== null && round < 10; round++) after = (await moveInlineBodies(legacyEnv, { limit: 2, after })).next_after;
    expect(after).toBeNull();
    expect((await moveInlineBodies(legacyEnv, {})).texts_remaining).toBe(0);

    const rows = (await db.prepare("SELECT id, content_text, content_z FROM stories ORDER BY id").all<{ id: number; content_text: string; content_z: number[] | null }>()).results;
    expect(rows.map((r) => r.content_text)).toEqual(texts.map(() => ""));
    expect(rows.map((r) => unpackText(r.content_z!))).toEqual(texts);
    for (const [i, r] of rows.entries()) expect((await getStory(db, r.id, env.BODIES))?.content_text).toBe(texts[i]);
    // Evidence is compressed with the text where there is any, and reads back the same.
    expect((await db.prepare("SELECT typeof(evidence) AS kind FROM stories ORDER BY id").all()).results.map((r) => r.kind)).toEqual(["text", "blob", "text", "text", "text"]);
    expect((await getStory(db, 2, env.BODIES))?.flags.evidence).toEqual([{ flag: "syndicated", rule: "legacy-wire-credit", text: "(AP)", kind: "stated" }]);
    expect(await Promise.all(QUERIES.map((q) => searchIds(db, q)))).toEqual(before);
    // Every row left the old index and is in the new one.
    expect(await db.prepare("SELECT count(*) AS n FROM stories_fts_inline_docsize").first()).toEqual({ n: 0 });
    expect(await db.prepare("SELECT count(*) AS n FROM stories_fts_docsize").first()).toEqual({ n: texts.length });
    // Deleting a compacted story takes its entry along.
    await db.prepare("DELETE FROM stories WHERE id = ?1").bind(rows[0]!.id).run();
    expect(await searchIds(db, "Valletta")).toEqual([rows[2]!.id]);
  });

  it("reports the text walk through POST /v1/storage/migrate", async () => {
    const res = await api("/v1/storage/migrate?limit=5", { method: "POST", headers: ADMIN });
    expect(res.status).toBe(200);
    // Every story the write path stores is compacted already, so the walk has nothing left on this database.
    expect(await res.json()).toMatchObject({ texts_compacted: 0, texts_remaining: 0 });
  });
});
