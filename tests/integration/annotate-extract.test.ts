/// <reference types="vite/client" />
/**
 * POST /v1/annotate with `extract`: the page is extracted and read exactly as the article stage of ingest reads
 * it (annotate/page.ts), nothing is fetched and nothing is stored.
 */
import { describe, expect, it } from "vitest";
import { annotatePage } from "../../src/annotate/page";
import { api, storyCount } from "./helpers";
import seedPage from "../../fixtures/articles/pages/00-seed-haiti--newsroom.html?raw";
import syndicatedPage from "../../fixtures/articles/provenance/syndicated-everything.html?raw";

function post(body: unknown): Promise<Response> {
  return api("/v1/annotate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("POST /v1/annotate with extract", () => {
  it("extracts the seed page's story and flags it from the disclaimer after the article element", async () => {
    const before = await storyCount();
    const res = await post({ html: seedPage, url: "https://harbour-gazette.example/story/00-seed-haiti", extract: true });
    expect(res.status).toBe(200);
    const body = await res.json<Record<string, any>>();
    expect(body.flags).toMatchObject({ auto_generated: true, unedited: true, syndicated: true, ai_generated: false });
    expect(body.content_text.startsWith("U.S. Secretary of State Antony Blinken")).toBe(true);
    expect(body.content_text).not.toMatch(/Devdiscourse|cookies|Related stories/);
    expect(body.entities).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Antony Blinken", type: "person" })]));
    expect(body.article).toEqual({
      title: "Blinken hopes for progress on Haiti in talks with Caribbean leaders",
      byline: expect.any(String),
      published_at: "2024-03-11T20:29:00.000Z",
      site_name: "Harbour Gazette",
      signals: [],
    });
    expect(await storyCount()).toBe(before);
  });

  it("gives the same answer as the ingest code path for the same page", async () => {
    const url = "https://www.lakeside-post.example/africa/kenya-tea";
    const res = await post({ html: syndicatedPage, url, extract: true });
    const body = await res.json<Record<string, unknown>>();
    const direct = annotatePage(syndicatedPage, { url });
    expect(body).toEqual(JSON.parse(JSON.stringify({ ...direct.annotation, article: direct.article })));
    expect((body.article as { signals: unknown[] }).signals.length).toBeGreaterThan(5);
  });

  it("answers 400 for extract without html, and for a url that is not http(s)", async () => {
    for (const bad of [{ text: "Some text.", extract: true }, { html: "<p>x</p>", url: "ftp://example.com/x", extract: true }, { html: "<p>x</p>", extract: "yes" }]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("leaves a plain html annotation without extract as it was (no article member)", async () => {
    const res = await post({ html: "<p>KINGSTON, March 11 (Reuters) - Ministers met.</p>" });
    const body = await res.json<Record<string, unknown>>();
    expect(body.article).toBeUndefined();
    expect((body.flags as { wire_services: string[] }).wire_services).toEqual(["Reuters"]);
  });
});

describe("POST /v1/annotate with url", () => {
  it("tells an agency's own site apart: its own dateline there is not syndication", async () => {
    const text = "SEOUL, May 2 (Yonhap) -- South Korea's central bank held its policy rate steady on Thursday.";
    const own = await (await post({ title: "Rate held", text, url: "https://en.yna.co.kr/view/AEN1" })).json<Record<string, any>>();
    const copy = await (await post({ title: "Rate held", text, url: "https://www.koreaherald.com/view.php?ud=1" })).json<Record<string, any>>();
    expect(own.flags).toMatchObject({ syndicated: false, wire_services: [] });
    expect(copy.flags).toMatchObject({ syndicated: true, wire_services: ["Yonhap"] });
    const bad = await post({ title: "Rate held", text, url: "yna.co.kr" });
    expect(bad.status).toBe(400);
  });
});
