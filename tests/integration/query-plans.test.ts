/**
 * Every filter family walks an index: EXPLAIN QUERY PLAN of the page query that queryStories runs never
 * shows a full scan of stories, and the families that drive the walk read their index in page order (no
 * sort step), so a page costs about its own size whatever the archive holds.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveEntityIds } from "../../src/store/entities";
import { type StoryFilter, storyPageSql } from "../../src/store/stories";
import { CORPUS, seed } from "./query-seed";

const CURSOR = { sortAt: "2024-03-12T00:00:00.000Z", id: 5 };

/** The plan's lines for the page step, e.g. "SEARCH t USING PRIMARY KEY (entity_id=?)". */
async function plan(filter: Partial<StoryFilter>, timeline: "ms" | "text" = "ms"): Promise<string[]> {
  const f: StoryFilter = { entities: [], flags: [], noFlags: [], limit: 50, ...filter };
  const ids = f.entities.length ? await resolveEntityIds(env.DB, f.entities, f.entityType) : [];
  const { page, params } = storyPageSql(f, ids, undefined, timeline);
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${page}`).bind(...params).all<{ detail: string }>();
  return results.map((r) => r.detail);
}

beforeAll(async () => {
  await seed(CORPUS);
  // The planner's choices should hold with statistics, as after `PRAGMA optimize` in production.
  await env.DB.exec("ANALYZE");
});

describe("query plans", () => {
  it.each<[string, Partial<StoryFilter>, RegExp, boolean]>([
    ["no filter", {}, /^SCAN s USING (COVERING )?INDEX stories_sort$/, true],
    ["entity", { entities: ["Haiti"] }, /^SEARCH t USING PRIMARY KEY \(entity_id=\?\)$/, true],
    ["entity and entity_type", { entities: ["Jordan"], entityType: "person" }, /^SEARCH t USING PRIMARY KEY \(entity_id=\?\)$/, true],
    ["two entities (co-mention)", { entities: ["Haiti", "Antony Blinken"] }, /^SEARCH t USING PRIMARY KEY \(entity_id=\?\)$/, true],
    ["flag", { flags: ["syndicated"] }, /^SCAN s USING (COVERING )?INDEX stories_syndicated$/, true],
    ["flag and entity", { flags: ["syndicated"], entities: ["Haiti"] }, /^SEARCH t USING PRIMARY KEY \(entity_id=\?\)$/, true],
    ["no_flag (walks the sort order, skipping the flagged)", { noFlags: ["syndicated"] }, /^SCAN s USING (COVERING )?INDEX stories_sort$/, true],
    ["wire", { wire: "Reuters" }, /^SEARCH t USING PRIMARY KEY \(wire=\?\)$/, true],
    ["feed", { feedId: 2 }, /^SEARCH s USING (COVERING )?INDEX stories_feed_sort \(feed_id=\?\)$/, true],
    ["since and until", { since: "2024-03-10T00:00:00.000Z", until: "2024-03-13T00:00:00.000Z" }, /^SEARCH s USING (COVERING )?INDEX stories_sort \(sort_at>\? AND sort_at<\?\)$/, true],
    ["cursor", { cursor: CURSOR }, /^SEARCH s USING (COVERING )?INDEX stories_sort \(sort_at<\?\)$/, true],
    ["entity and cursor", { entities: ["Haiti"], cursor: CURSOR }, /^SEARCH t USING PRIMARY KEY \(entity_id=\? AND sort_at<\?\)$/, true],
    ["feed and cursor", { feedId: 2, cursor: CURSOR }, /^SEARCH s USING (COVERING )?INDEX stories_feed_sort \(feed_id=\? AND sort_at<\?\)$/, true],
    // The planner may walk the sort order testing membership in the matches, or look the matches up by rowid and sort.
    ["q", { q: "Haiti" }, /^SCAN stories_fts VIRTUAL TABLE INDEX \d+:M/, false],
  ])("%s", async (_name, filter, driver, ordered) => {
    const lines = await plan(filter);
    expect(lines.some((l) => driver.test(l)), lines.join("\n")).toBe(true);
    for (const l of lines) expect(l, lines.join("\n")).not.toMatch(/^SCAN (s|stories)$/);
    if (ordered) expect(lines.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  // Until the mover has emptied them, entity and wire pages also walk the ISO-keyed timelines of migrations/0002.
  it.each<[string, Partial<StoryFilter>, RegExp]>([
    ["entity", { entities: ["Haiti"] }, /^SEARCH t USING PRIMARY KEY \(entity_id=\?\)$/],
    ["wire", { wire: "Reuters" }, /^SEARCH t USING PRIMARY KEY \(wire=\?\)$/],
    ["entity and cursor", { entities: ["Haiti"], cursor: CURSOR }, /^SEARCH t USING PRIMARY KEY \(entity_id=\? AND sort_at<\?\)$/],
    ["wire, since and until", { wire: "Reuters", since: "2024-03-10T00:00:00.000Z", until: "2024-03-13T00:00:00.000Z" }, /^SEARCH t USING PRIMARY KEY \(wire=\? AND sort_at>\? AND sort_at<\?\)$/],
  ])("%s, on the ISO-keyed timeline not yet moved", async (_name, filter, driver) => {
    const lines = await plan(filter, "text");
    expect(lines.some((l) => driver.test(l)), lines.join("\n")).toBe(true);
    const ids = filter.entities ? await resolveEntityIds(env.DB, filter.entities, filter.entityType) : [];
    const { page } = storyPageSql({ entities: [], flags: [], noFlags: [], limit: 50, ...filter }, ids, undefined, "text");
    expect(page).toMatch(/\b(entity|wire)_timeline t\b/);
    for (const l of lines) expect(l, lines.join("\n")).not.toMatch(/^SCAN (s|stories)$/);
    expect(lines.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("never scans a flag's partial index once per timeline row", async () => {
    const lines = await plan({ flags: ["syndicated", "unedited"], entities: ["Haiti"] });
    expect(lines).toEqual(["SEARCH t USING PRIMARY KEY (entity_id=?)", "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"]);
  });

  it("checks a name that several types share as a membership while walking the sort order", async () => {
    const lines = await plan({ entities: ["Jordan"] });
    expect(lines.join("\n")).toMatch(/SCAN s USING (COVERING )?INDEX stories_sort[\s\S]*story_entities/);
    expect(lines.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
