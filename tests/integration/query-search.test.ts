/** Full-text search (FTS5 over title and content_text): phrases, prefixes, every filter alongside, bad syntax. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../../src/model";
import { api } from "./helpers";
import { CORPUS, seed } from "./query-seed";

interface Page {
  stories: Story[];
  next_cursor: string | null;
}

async function guids(query: string): Promise<string[]> {
  const res = await api(`/v1/stories?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json<Page>()).stories.map((s) => s.guid);
}

beforeAll(async () => {
  await seed(CORPUS);
});

describe("full-text search", () => {
  it.each([
    ["a word in the body", "q=mustard", ["sausage"]],
    ["a word in the title", "q=lighthouse", ["lighthouse"]],
    ["case and diacritics folded", "q=FR%C3%81NKFURT", ["rates"]],
    ["a phrase, in order", `q=${encodeURIComponent('"central bank"')}`, ["rates"]],
    ["a phrase out of order matches nothing", `q=${encodeURIComponent('"bank central"')}`, []],
    ["a prefix", "q=Frankf*", ["rates", "sausage"]],
    ["a prefix inside a phrase", `q=${encodeURIComponent('"interim prem"*')}`, ["council"]],
    ["a title-only column filter", `q=${encodeURIComponent("title:convoy")}`, ["convoy"]],
    ["boolean OR", `q=${encodeURIComponent("lighthouse OR mustard")}`, ["lighthouse", "sausage"]],
    ["NOT", `q=${encodeURIComponent("Haiti NOT Blinken")}`, ["convoy"]],
  ])("finds %s", async (_name, query, expected) => {
    expect(await guids(query)).toEqual(expected);
  });

  it.each([
    ["flag", "q=Frankf*&flag=syndicated", ["rates"]],
    ["no_flag", "q=Frankf*&no_flag=syndicated", ["sausage"]],
    ["entity", "q=Haiti&entity=Antony%20Blinken", ["council", "blinken-visit"]],
    ["entity and entity_type", "q=Port*&entity=Haiti&entity_type=place", ["convoy", "council", "blinken-visit"]],
    ["wire", "q=Frankf*&wire=reuters", ["rates"]],
    ["feed", "q=Haiti&feed=2", ["blinken-visit"]],
    ["since and until", "q=Haiti&since=2024-03-10&until=2024-03-13", ["council"]],
    ["every filter at once", "q=Haiti&entity=Haiti&flag=syndicated&wire=Reuters&feed=1&since=2024-03-12&until=2024-03-13", ["council"]],
  ])("combines with %s", async (_name, query, expected) => {
    expect(await guids(query)).toEqual(expected);
  });

  it("pages a search with the cursor", async () => {
    const all = await guids("q=Haiti&limit=200");
    expect(all).toEqual(["convoy", "council", "blinken-visit"]);
    const first = await (await api("/v1/stories?q=Haiti&limit=2")).json<Page>();
    expect(first.stories.map((s) => s.guid)).toEqual(all.slice(0, 2));
    expect(await guids(`q=Haiti&limit=2&cursor=${first.next_cursor}`)).toEqual(all.slice(2));
  });

  it.each([
    ["an unterminated phrase", '"central bank', /unterminated string/],
    ["a bare operator", "AND OR", /syntax error/],
    ["an unknown column", "author:lopes", /no such column: author/],
    ["a lone prefix star", "*", /unknown special query|syntax error/],
    ["an unbalanced parenthesis", "(Haiti OR Jordan", /syntax error/],
  ])("answers 400 naming the problem for %s", async (_name, q, problem) => {
    const res = await api(`/v1/stories?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await res.json<{ detail: string; errors: { field: string; message: string }[] }>();
    expect(body.detail).toMatch(/^Invalid q: /);
    expect(body.detail).toMatch(problem);
    expect(body.detail).not.toMatch(/SQLITE|D1_ERROR/);
    expect(body.errors).toEqual([{ field: "q", message: expect.stringMatching(problem) }]);
  });

  it("answers the same 400 on the feeds out", async () => {
    for (const ext of ["rss", "atom", "json"]) {
      const res = await api(`/v1/stories.${ext}?q=${encodeURIComponent('"oops')}`);
      expect(res.status, ext).toBe(400);
      expect(await res.text()).toMatch(/unterminated string/);
    }
  });
});
