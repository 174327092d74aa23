/**
 * Keyset paging under concurrent inserts, and the tag timelines that entity and wire filters walk: they
 * must stay exactly the link tables' view through inserts, re-annotation and deletes.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteStory } from "../../src/store/stories";
import { api, type Page, page } from "./helpers";
import { CORPUS, idOf, type SeedStory, seed } from "./query-seed";


/** Stories dated around the ones already paged past, before and after the cursor, some about Haiti. */
function arrivals(round: number): SeedStory[] {
  return ["2024-03-14T00:00:00.000Z", "2024-03-11T12:00:00.000Z", "2024-03-09T00:00:00.000Z", "2024-03-01T00:00:00.000Z", null].map(
    (published, i) => ({
      feed: 4,
      guid: `arrival-${round}-${i}`,
      published,
      title: `Late report ${round}.${i} from Haiti`,
      text: `A report that arrived while a client was paging, number ${round}.${i}.`,
      entities: [["Haiti", "place", 1]],
      flags: i % 2 ? ["syndicated"] : [],
      wires: ["Reuters"],
    }),
  );
}

/**
 * Pages through `query` two at a time, storing new stories before each of the first pages (each round adds
 * more older matches than a page takes, so inserting on every page would never let the walk end).
 */
async function pageWhileInserting(query: string, tag: string): Promise<{ before: number[]; seen: number[] }> {
  const before = (await page(`${query}limit=200`)).stories.map((s) => s.id);
  const seen: number[] = [];
  let cursor: string | null = null;
  let round = 0;
  do {
    const p: Page = await page(`${query}limit=2${cursor ? `&cursor=${cursor}` : ""}`);
    seen.push(...p.stories.map((s) => s.id));
    cursor = p.next_cursor;
    if (round < 3) await seed(arrivals(round++).map((s) => ({ ...s, guid: `${tag}-${s.guid}` })), `2024-03-2${round}T00:00:00.000Z`);
  } while (cursor);
  return { before, seen };
}

beforeAll(async () => {
  await seed(CORPUS);
});

describe("keyset paging under concurrent inserts", () => {
  it.each([
    ["every story", "", "all"],
    ["an entity filter (walks the entity timeline)", "entity=Haiti&", "entity"],
    ["a wire filter (walks the wire timeline)", "wire=Reuters&", "wire"],
    ["a flag filter (walks a partial index)", "flag=syndicated&", "flag"],
  ])("returns each story present at the start exactly once, for %s", async (_name, query, tag) => {
    const { before, seen } = await pageWhileInserting(query, tag);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  });
});

/** ISO sort_at as the timeline key of migrations/0014 (integer milliseconds). */
const MS = (iso: string) => `CAST(round((julianday(${iso}) - 2440587.5) * 86400000) AS INTEGER)`;
/** Both encodings of each timeline (each row is in one of them until the mover has run), keyed by milliseconds. */
const ENTITY_TIMELINE = `SELECT entity_id, sort_at, story_id FROM entity_timeline_ms UNION ALL SELECT entity_id, ${MS("sort_at")}, story_id FROM entity_timeline`;
const WIRE_TIMELINE = `SELECT wire, sort_at, story_id FROM wire_timeline_ms UNION ALL SELECT wire, ${MS("sort_at")}, story_id FROM wire_timeline`;

async function timelineMismatches(): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT count(*) FROM (${ENTITY_TIMELINE}
          EXCEPT SELECT se.entity_id, ${MS("s.sort_at")}, se.story_id FROM story_entities se JOIN stories s ON s.id = se.story_id))
     + (SELECT count(*) FROM (SELECT se.entity_id, ${MS("s.sort_at")}, se.story_id FROM story_entities se JOIN stories s ON s.id = se.story_id
          EXCEPT ${ENTITY_TIMELINE}))
     + (SELECT count(*) FROM (${WIRE_TIMELINE}
          EXCEPT SELECT w.wire, ${MS("s.sort_at")}, w.story_id FROM story_wires w JOIN stories s ON s.id = w.story_id))
     + (SELECT count(*) FROM (SELECT w.wire, ${MS("s.sort_at")}, w.story_id FROM story_wires w JOIN stories s ON s.id = w.story_id
          EXCEPT ${WIRE_TIMELINE})) AS n`,
  ).first<{ n: number }>();
  return row!.n;
}

describe("tag timelines", () => {
  it("mirror the link tables after inserts", async () => {
    // New links go to the millisecond-keyed timelines only (migrations/0014).
    expect((await env.DB.prepare("SELECT count(*) AS n FROM entity_timeline_ms").first<{ n: number }>())!.n).toBeGreaterThan(10);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM entity_timeline").first()).toEqual({ n: 0 });
    expect(await timelineMismatches()).toBe(0);
  });

  it("follow a re-annotation that changes a story's entities and wires", async () => {
    const story = CORPUS.find((s) => s.guid === "rates")!;
    await seed([{ ...story, text: `${story.text} Updated.`, entities: [["Frankfurt", "place", 3]], wires: ["Associated Press"] }]);
    expect(await timelineMismatches()).toBe(0);
    const ecb = await page("entity=European%20Central%20Bank");
    expect(ecb.stories.map((s) => s.guid)).not.toContain("rates");
    expect((await page("wire=Associated%20Press")).stories.map((s) => s.guid)).toEqual(["rates"]);
  });

  it("drop a deleted story, and a purged feed's stories", async () => {
    await deleteStory(env.DB, await idOf("convoy"), "2024-03-21T00:00:00.000Z");
    await env.DB.prepare("DELETE FROM stories WHERE feed_id = 3").run();
    expect(await timelineMismatches()).toBe(0);
    const left = await env.DB.prepare(
      `SELECT count(*) AS n FROM (${ENTITY_TIMELINE}) WHERE story_id NOT IN (SELECT id FROM stories)`,
    ).first<{ n: number }>();
    expect(left!.n).toBe(0);
    expect((await page("entity=Haiti&limit=200")).stories.map((s) => s.guid)).not.toContain("convoy");
  });
});
