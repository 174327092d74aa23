/**
 * Migration 0014 on a database the previous code wrote (issue 17): tag timelines keyed by integer milliseconds
 * beside the ISO-keyed ones of 0002. Entity and wire pages, their cursors, since/until, an entity's profile
 * and its daily counts read the same before the mover has run, half way and after; new links go to the new
 * timelines only; deletes and relinks clear either; and texts of content_z format 1 are re-packed in format 2.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { moveInlineBodies } from "../../src/ingest/storage";
import { dailyForEntity } from "../../src/store/daily";
import { entityProfile } from "../../src/store/entities";
import { countFormatOneTexts, countTextTimelineRows, moveTimelineRows } from "../../src/store/storage";
import { decodeCursor, deleteStory, queryStories, type StoryFilter } from "../../src/store/stories";
import { unpackText } from "../../src/store/text";

const filter = (over: Partial<StoryFilter>): StoryFilter => ({ entities: [], flags: [], noFlags: [], limit: 3, ...over });

/** Every page of a filter, following next_cursor: the ids in order, and the page boundaries. */
async function walk(db: D1Database, over: Partial<StoryFilter>): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: StoryFilter["cursor"];
  for (let i = 0; i < 20; i++) {
    const page = await queryStories(db, filter({ ...over, cursor }), env.BODIES);
    pages.push(page.stories.map((s) => Number(s.id)));
    if (!page.next_cursor) break;
    cursor = decodeCursor(page.next_cursor)!;
  }
  return pages;
}

/** The answer from the link tables themselves, newest first, paged by 3. */
async function expected(db: D1Database, link: string, since = "0000", until = "9999"): Promise<number[][]> {
  const { results } = await db
    .prepare(`SELECT s.id FROM stories s WHERE s.id IN (${link}) AND s.published_at >= ?1 AND s.published_at < ?2 ORDER BY s.sort_at DESC, s.id DESC`)
    .bind(since, until)
    .all<{ id: number }>();
  const ids = results.map((r) => r.id);
  const pages: number[][] = [];
  for (let i = 0; i < ids.length; i += 3) pages.push(ids.slice(i, i + 3));
  return pages.length ? pages : [[]];
}

const HARBOUR = "SELECT story_id FROM story_entities WHERE entity_id = 1";
const AP = "SELECT story_id FROM story_wires WHERE wire = 'Associated Press'";

async function answers(db: D1Database) {
  return {
    harbour: await walk(db, { entities: ["Valletta"] }),
    ap: await walk(db, { wire: "associated press" }),
    window: await walk(db, { entities: ["Valletta"], since: "2025-01-03T00:00:00.000Z", until: "2025-01-08T00:00:00.000Z" }),
    profile: await entityProfile(db, { name: "Valletta", type: "place", top: 5 }),
    daily: await dailyForEntity(db, { name: "Valletta", type: "place" }, { since: "2025-01-01T00:00:00.000Z", until: "2025-01-12T00:00:00.000Z" }),
  };
}

async function truth(db: D1Database) {
  return {
    harbour: await expected(db, HARBOUR),
    ap: await expected(db, AP),
    window: await expected(db, HARBOUR, "2025-01-03T00:00:00.000Z", "2025-01-08T00:00:00.000Z"),
  };
}

function formatOne(text: string): Uint8Array {
  const packed = deflateRawSync(new TextEncoder().encode(text), { level: 9 });
  return new Uint8Array([1, ...packed]);
}

describe("migration 0014 of a database created by the migrations before it", () => {
  it("pages entity and wire filters the same before, during and after the timelines move to milliseconds", async () => {
    const db = env.LEGACY_DB;
    await applyD1Migrations(db, env.TEST_MIGRATIONS.filter((m) => m.name < "0014"));
    await db.prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (1, 'https://legacy.example/feed.xml', 'Legacy', '2025-01-01T00:00:00.000Z')").run();
    await db.prepare("INSERT INTO entities (id, name, type) VALUES (1, 'Valletta', 'place'), (2, 'Malta', 'place')").run();
    const insert = db.prepare(
      `INSERT INTO stories (id, feed_id, guid, title, published_at, fetched_at, sort_at, content_text, content_z, source_text, content_hash, annotator_version)
       VALUES (?1, 1, ?2, ?3, ?4, ?4, ?4, '', ?5, '', ?2, 1)`,
    );
    // Twelve stories, two of them sharing a date (the id breaks the tie), with milliseconds in some dates.
    const dates = [1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((d, i) => `2025-01-${String(d).padStart(2, "0")}T0${i % 10}:00:00.${String(i * 37).padStart(3, "0")}Z`);
    dates[3] = dates[2]!;
    const text = (i: number) => `The harbour at Valletta reopened, story ${i}.`;
    await db.batch(dates.map((at, i) => insert.bind(i + 1, `legacy-${i}`, `Story ${i}`, at, formatOne(text(i)))));
    const link = db.prepare("INSERT INTO story_entities (story_id, entity_id, mentions) VALUES (?1, ?2, 1)");
    const wire = db.prepare("INSERT INTO story_wires (story_id, wire, position) VALUES (?1, 'Associated Press', 0)");
    await db.batch([
      ...dates.flatMap((_, i) => (i % 4 === 3 ? [] : [link.bind(i + 1, 1)])),
      ...dates.flatMap((_, i) => (i % 2 === 0 ? [link.bind(i + 1, 2), wire.bind(i + 1)] : [])),
    ]);
    // The old triggers filled the old timelines.
    expect(await db.prepare("SELECT (SELECT count(*) FROM entity_timeline) + (SELECT count(*) FROM wire_timeline) AS n").first()).toEqual({ n: 9 + 6 + 6 });

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    // Nothing moved yet: the pages, cursors and counts the link tables imply, through the old timelines.
    const old = await answers(db);
    expect(old.harbour.flat()).toHaveLength(9);
    expect(old.harbour.length).toBeGreaterThan(2);
    expect(old.ap.flat()).toHaveLength(6);
    expect(old).toMatchObject(await truth(db));
    expect(old.profile).toMatchObject({ story_count: 9, first_seen: dates[0], last_seen: dates[10] });
    expect(old.daily.values.reduce((n, v) => n + v, 0)).toBe(9);

    // A new story links into the new timelines only, and shows in both filters' pages.
    await db.batch([insert.bind(13, "new-13", "Story 13", "2025-01-05T12:00:00.000Z", formatOne(text(13))), link.bind(13, 1), wire.bind(13)]);
    expect(await db.prepare("SELECT sort_at FROM entity_timeline_ms WHERE story_id = 13").all()).toEqual(expect.objectContaining({ results: [{ sort_at: Date.parse("2025-01-05T12:00:00.000Z") }] }));
    expect(await db.prepare("SELECT count(*) AS n FROM entity_timeline WHERE story_id = 13").first()).toEqual({ n: 0 });
    const mixed = await answers(db);
    expect(mixed).toMatchObject(await truth(db));
    expect(mixed.harbour.flat()).toContain(13);
    expect(mixed.profile).toMatchObject({ story_count: 10, first_seen: dates[0], last_seen: dates[10] });

    // Half way: a bounded batch moves the first rows in key order, the rest stay; the answers do not change.
    expect(await countTextTimelineRows(db, 10_000)).toBe(21);
    expect(await moveTimelineRows(db, 4)).toBe(8);
    expect(await countTextTimelineRows(db, 10_000)).toBe(13);
    expect(await answers(db)).toEqual(mixed);

    // The mover finishes the rest (and re-packs the format 1 texts); an extra call finds nothing to do.
    expect(await countFormatOneTexts(db, 10_000)).toBe(13);
    const legacyEnv = { ...env, DB: db } as Env;
    const result = await moveInlineBodies(legacyEnv, { limit: 500 });
    expect(result).toMatchObject({ timeline_rows_moved: 13, timeline_rows_remaining: 0, texts_repacked: 13, texts_repack_remaining: 0 });
    expect(await moveInlineBodies(legacyEnv, { limit: 500 })).toMatchObject({ timeline_rows_moved: 0, texts_repacked: 0 });
    expect(await answers(db)).toEqual(mixed);
    // Every key is the story's sort_at in milliseconds, as JavaScript reads it.
    const keys = (
      await db
        .prepare("SELECT t.sort_at AS ms, s.sort_at AS iso FROM entity_timeline_ms t JOIN stories s ON s.id = t.story_id UNION ALL SELECT t.sort_at, s.sort_at FROM wire_timeline_ms t JOIN stories s ON s.id = t.story_id")
        .all<{ ms: number; iso: string }>()
    ).results;
    expect(keys).toHaveLength(10 + 6 + 7);
    for (const k of keys) expect(k.ms).toBe(Date.parse(k.iso));
    // The texts read back the same in their new format.
    const rows = (await db.prepare("SELECT id, content_z FROM stories ORDER BY id").all<{ id: number; content_z: number[] }>()).results;
    expect(rows.map((r) => r.content_z[0])).toEqual(rows.map(() => 2));
    expect(rows.map((r) => unpackText(r.content_z))).toEqual(rows.map((r) => text(r.id - 1 === 12 ? 13 : r.id - 1)));

    // Relinking and deleting clear the new timelines too.
    await db.prepare("DELETE FROM story_entities WHERE story_id = 1 AND entity_id = 1").run();
    await deleteStory(db, 13, "2025-02-01T00:00:00.000Z");
    expect((await db.prepare("SELECT * FROM entity_timeline_ms WHERE (story_id = 1 AND entity_id = 1) OR story_id = 13").all()).results).toEqual([]);
    expect(await db.prepare("SELECT count(*) AS n FROM wire_timeline_ms WHERE story_id = 13").first()).toEqual({ n: 0 });
    expect(await answers(db)).toMatchObject(await truth(db));
  });

  it("refuses a cursor whose date does not parse", () => {
    const forged = btoa(JSON.stringify(["not a date", 3]));
    expect(decodeCursor(forged)).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify(["2025-01-02T00:00:00.000Z", 3])))).toEqual({ sortAt: "2025-01-02T00:00:00.000Z", id: 3 });
  });
});
