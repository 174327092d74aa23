/**
 * `fields=` on GET /v1/stories: only the members named (and id), in the order a Story lists them, with the same
 * values, filters and paging as whole stories; an unknown or empty list is a 400 naming the parameter.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { STORY_FIELDS, type Story } from "../../src/model";
import { api, page } from "./helpers";
import { CORPUS, seed } from "./query-seed";

beforeAll(async () => {
  await seed(CORPUS);
});

async function partialPage(query: string): Promise<{ stories: Partial<Story>[]; next_cursor: string | null }> {
  const res = await api(`/v1/stories?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

describe("fields", () => {
  it("returns only the members named, plus id, in Story order, with the values of the whole story", async () => {
    const whole = await page("limit=20");
    const picked = await partialPage("limit=20&fields=flags,title,entities");
    expect(picked.stories.length).toBe(whole.stories.length);
    picked.stories.forEach((s, i) => {
      expect(Object.keys(s)).toEqual(["id", "title", "flags", "entities"]);
      const full = whole.stories[i]!;
      expect(s).toEqual({ id: full.id, title: full.title, flags: full.flags, entities: full.entities });
    });
  });

  it("gives every member when all are named, as without the parameter", async () => {
    const all = STORY_FIELDS.join(",");
    expect(await partialPage(`limit=10&fields=${all}`)).toEqual(await page("limit=10"));
  });

  it("filters and pages exactly as whole stories do", async () => {
    for (const query of ["flag=syndicated", "entity=Haiti", "q=Haiti", "no_flag=syndicated&since=2024-03-01"]) {
      const expected: number[] = [];
      for (let cursor: string | null = ""; cursor !== null; ) {
        const p = await page(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expected.push(...p.stories.map((s) => s.id));
        cursor = p.next_cursor;
      }
      const got: number[] = [];
      for (let cursor: string | null = ""; cursor !== null; ) {
        const p = await partialPage(`${query}&limit=2&fields=title${cursor ? `&cursor=${cursor}` : ""}`);
        got.push(...p.stories.map((s) => s.id!));
        cursor = p.next_cursor;
      }
      expect(expected.length, query).toBeGreaterThan(0);
      expect(got, query).toEqual(expected);
    }
  });

  it.each([
    ["an unknown member", "fields=title,body", /unknown field "body"/],
    ["an empty list", "fields=", /names no field/],
    ["only commas", "fields=,,", /names no field/],
    ["the parameter twice", "fields=title&fields=url", /once/],
  ])("answers %s with a 400 naming fields", async (_name, query, message) => {
    const res = await api(`/v1/stories?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await res.json<{ detail: string; errors?: { field: string; message: string }[] }>();
    const error = problem.errors?.find((e) => e.field === "fields");
    expect(error, JSON.stringify(problem)).toBeDefined();
    expect(error!.message).toMatch(message);
  });

  it("still answers bad search syntax with a 400 on q", async () => {
    const res = await api(`/v1/stories?fields=title&q=${encodeURIComponent('"unterminated')}`);
    expect(res.status).toBe(400);
    expect((await res.json<{ detail: string }>()).detail).toMatch(/^Invalid q/);
  });
});
