/** Entities: counts over a window, co-mention filters, and one entity's profile under its canonical name or alias. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../../src/model";
import { api } from "./helpers";
import { CORPUS, seed } from "./query-seed";

async function json<T>(path: string, status = 200): Promise<T> {
  const res = await api(path);
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json<T>();
}

const guids = async (query: string) => (await json<{ stories: Story[] }>(`/v1/stories?${query}`)).stories.map((s) => s.guid);

beforeAll(async () => {
  await seed(CORPUS);
});

describe("GET /v1/entities over a window", () => {
  it.each([
    ["all time", "", { Haiti: 3, "Port-au-Prince": 3, "Antony Blinken": 2 }],
    ["since (inclusive)", "since=2024-03-12T10:00:00Z", { Haiti: 2, "Port-au-Prince": 2, "Antony Blinken": 1 }],
    ["until (exclusive)", "until=2024-03-12T10:00:00Z", { Haiti: 1, "Port-au-Prince": 1, "Antony Blinken": 1 }],
    ["a window with no Haiti story", "since=2024-03-01&until=2024-03-08", { Haiti: undefined, "Port-au-Prince": undefined, "Antony Blinken": undefined }],
  ])("counts stories per entity for %s", async (_name, query, expected) => {
    const { entities } = await json<{ entities: { name: string; story_count: number }[] }>(`/v1/entities?${query}`);
    for (const [name, count] of Object.entries(expected)) expect(entities.find((e) => e.name === name)?.story_count, name).toBe(count);
  });
});

describe("repeated entity= means co-mention", () => {
  it.each([
    ["one entity", "entity=Haiti", ["convoy", "council", "blinken-visit"]],
    ["two entities: stories with both", "entity=Haiti&entity=Antony%20Blinken", ["council", "blinken-visit"]],
    ["three entities", "entity=Haiti&entity=Antony%20Blinken&entity=United%20Nations", ["blinken-visit"]],
    ["order does not matter", "entity=United%20Nations&entity=Antony%20Blinken&entity=Haiti", ["blinken-visit"]],
    ["an alias resolves to the canonical name", "entity=U.N.&entity=haiti", ["convoy", "blinken-visit"]],
    ["the same entity twice is one condition", "entity=Haiti&entity=HAITI", ["convoy", "council", "blinken-visit"]],
    ["an unknown entity matches nothing", "entity=Haiti&entity=Atlantis", []],
    ["a name two types share matches either", "entity=Jordan", ["jordan-place", "jordan-person"]],
    ["entity_type narrows a shared name", "entity=Jordan&entity_type=person", ["jordan-person"]],
    ["entity_type applies to every entity given", "entity=Haiti&entity=Antony%20Blinken&entity_type=place", []],
    ["co-mention with a flag", "entity=Haiti&entity=Port-au-Prince&flag=syndicated", ["council"]],
  ])("%s", async (_name, query, expected) => {
    expect(await guids(query)).toEqual(expected);
  });
});

interface Profile {
  name: string;
  type: string;
  story_count: number;
  first_seen: string;
  last_seen: string;
  syndicated_share: number;
  co_occurring: { name: string; type: string; story_count: number }[];
  top_feeds: { feed_id: number; title: string | null; story_count: number }[];
}

describe("GET /v1/entities/{type}/{name}", () => {
  it("profiles an entity: count, first and last seen, co-occurring entities, top feeds, syndicated share", async () => {
    const p = await json<Profile>("/v1/entities/place/Haiti");
    expect(p).toEqual({
      name: "Haiti",
      type: "place",
      story_count: 3,
      first_seen: "2024-03-09T16:30:00.000Z",
      last_seen: "2024-03-13T14:00:00.000Z",
      syndicated_share: 1 / 3,
      co_occurring: [
        { name: "Port-au-Prince", type: "place", story_count: 3 },
        { name: "Antony Blinken", type: "person", story_count: 2 },
        { name: "United Nations", type: "organization", story_count: 2 },
      ],
      top_feeds: [
        { feed_id: 1, title: null, story_count: 2 },
        { feed_id: 2, title: null, story_count: 1 },
      ],
    });
  });

  it.each([
    ["an alias", "/v1/entities/organization/U.N.", "United Nations"],
    ["another case", "/v1/entities/place/hAITI", "Haiti"],
    ["an encoded name", "/v1/entities/person/Antony%20Blinken", "Antony Blinken"],
  ])("resolves %s in the path to the canonical name", async (_name, path, canonical) => {
    expect((await json<Profile>(path)).name).toBe(canonical);
  });

  it("limits co_occurring and top_feeds with top", async () => {
    const p = await json<Profile>("/v1/entities/place/Haiti?top=1");
    expect(p.co_occurring).toEqual([{ name: "Port-au-Prince", type: "place", story_count: 3 }]);
    expect(p.top_feeds).toHaveLength(1);
  });

  it("tells apart a name two types share", async () => {
    expect((await json<Profile>("/v1/entities/person/Jordan")).first_seen).toBe("2024-03-06T11:00:00.000Z");
    expect((await json<Profile>("/v1/entities/place/Jordan")).first_seen).toBe("2024-03-07T11:00:00.000Z");
  });

  it.each([
    ["an unknown name", "/v1/entities/place/Atlantis", 404],
    ["a known name under the wrong type", "/v1/entities/person/Haiti", 404],
    ["an unknown type", "/v1/entities/planet/Haiti", 400],
    ["a bad top", "/v1/entities/place/Haiti?top=0", 400],
  ])("answers %s with a problem", async (_name, path, status) => {
    const res = await api(path);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
