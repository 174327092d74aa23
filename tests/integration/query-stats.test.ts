/** GET /v1/stats: stories per day, feed, flag and wire over a window of published_at. */
import { beforeAll, describe, expect, it } from "vitest";
import { statsWindow } from "../../src/api/stats";
import { api } from "./helpers";
import { CORPUS, seed } from "./query-seed";

interface Stats {
  since: string;
  until: string;
  total: number;
  per_day: { day: string; stories: number }[];
  per_feed: { feed_id: number; title: string | null; stories: number }[];
  per_flag: Record<string, number>;
  per_wire: { wire: string; stories: number }[];
}

beforeAll(async () => {
  await seed(CORPUS);
});

describe("GET /v1/stats", () => {
  it("counts a window per day (every day, zeros included), feed, flag and wire", async () => {
    const res = await api("/v1/stats?since=2024-03-10&until=2024-03-14");
    expect(res.status).toBe(200);
    expect(await res.json<Stats>()).toEqual({
      since: "2024-03-10T00:00:00.000Z",
      until: "2024-03-14T00:00:00.000Z",
      total: 7,
      per_day: [
        { day: "2024-03-10", stories: 1 },
        { day: "2024-03-11", stories: 2 },
        { day: "2024-03-12", stories: 3 },
        { day: "2024-03-13", stories: 1 },
      ],
      per_feed: [
        { feed_id: 1, title: null, stories: 3 },
        { feed_id: 3, title: null, stories: 2 },
        { feed_id: 2, title: null, stories: 2 },
      ].sort((a, b) => b.stories - a.stories || a.feed_id - b.feed_id),
      per_flag: { auto_generated: 1, unedited: 1, syndicated: 3, ai_generated: 0 },
      per_wire: [
        { wire: "Reuters", stories: 2 },
        { wire: "Press Trust of India", stories: 1 },
      ],
      copy_share: [],
    });
  });

  it("agrees with the stories list for the same window", async () => {
    const stats = await (await api("/v1/stats?since=2024-03-12&until=2024-03-13")).json<Stats>();
    const list = await (await api("/v1/stories?since=2024-03-12&until=2024-03-13&limit=200")).json<{ stories: unknown[] }>();
    expect(stats.total).toBe(list.stories.length);
    expect(stats.per_day).toEqual([{ day: "2024-03-12", stories: list.stories.length }]);
  });

  it("defaults to the 30 UTC days ending today", () => {
    const now = new Date("2024-03-20T15:30:00.000Z");
    expect(statsWindow({}, now)).toEqual({ since: "2024-02-20T00:00:00.000Z", until: "2024-03-21T00:00:00.000Z" });
    expect(statsWindow({ until: "2024-03-10T00:00:00.000Z" }, now)).toEqual({ since: "2024-02-09T00:00:00.000Z", until: "2024-03-10T00:00:00.000Z" });
  });

  it("answers the default window with 30 days", async () => {
    const stats = await (await api("/v1/stats")).json<Stats>();
    expect(stats.per_day).toHaveLength(30);
    expect(stats.per_day.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it.each([
    ["since after until", "since=2024-03-14&until=2024-03-10", /since/],
    ["a window over 366 days", "since=2022-01-01&until=2024-01-01", /366/],
    ["a bad date", "since=last-week", /since/],
  ])("answers 400 for %s", async (_name, query, mentions) => {
    const res = await api(`/v1/stats?${query}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(mentions);
  });
});
