/**
 * Mention spans through the Worker: POST /v1/annotate and GET /v1/stories/:id carry one span per mention,
 * pointing into the title and content_text they return; spans are stored with the story and rewritten by
 * re-annotation.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Entity, MentionSpan, Story } from "../../src/model";
import { ADMIN, api, registerFeed, runCron } from "./helpers";

function covered(doc: { title: string; content_text: string }, span: MentionSpan): string {
  return (span.field === "title" ? doc.title : doc.content_text).slice(span.start, span.end);
}

function surfaces(doc: { title: string; content_text: string }, e: Entity | undefined): string[] {
  return (e?.spans ?? []).map((s) => covered(doc, s));
}

/** Every entity has mentions === spans.length, each span inside its text. */
function expectWellFormed(doc: { title: string; content_text: string; entities: Entity[] }): void {
  expect(doc.entities.length).toBeGreaterThan(0);
  for (const e of doc.entities) {
    expect(e.spans, e.name).toHaveLength(e.mentions);
    for (const s of e.spans ?? []) {
      const text = s.field === "title" ? doc.title : doc.content_text;
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
  }
}

async function seedStory(): Promise<Story> {
  const res = await api("/v1/stories?q=Blinken&entity=Haiti&limit=1");
  const [found] = (await res.json<{ stories: Story[] }>()).stories;
  expect(found).toBeDefined();
  return (await api(`/v1/stories/${found!.id}`)).json<Story>();
}

beforeAll(async () => {
  await registerFeed("/fixtures/feeds/seed.xml");
  await runCron();
});

describe("POST /v1/annotate", () => {
  it("returns the title and a span per mention into it and into content_text", async () => {
    const res = await api("/v1/annotate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "Holness meets Blinken in Kingston",
        text: "KINGSTON, March 11 (Reuters) - Jamaica's Prime Minister Andrew Holness met Antony Blinken on Monday. Holness said Jamaica would help.",
      }),
    });
    expect(res.status).toBe(200);
    const body = await res.json<{ title: string; content_text: string; entities: Entity[] }>();
    expect(body.title).toBe("Holness meets Blinken in Kingston");
    expectWellFormed(body);
    const byName = new Map(body.entities.map((e) => [e.name, e]));
    expect(surfaces(body, byName.get("Andrew Holness"))).toEqual(["Holness", "Andrew Holness", "Holness"]);
    expect(byName.get("Andrew Holness")?.spans?.[0]?.field).toBe("title");
    expect(surfaces(body, byName.get("Antony Blinken"))).toEqual(["Blinken", "Antony Blinken"]);
    expect(surfaces(body, byName.get("Jamaica"))).toEqual(["Jamaica", "Jamaica"]);
    expect(surfaces(body, byName.get("Kingston"))).toEqual(expect.arrayContaining(["KINGSTON"]));
  });

  it("describes spans in the OpenAPI document", async () => {
    type Doc = {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { example: Record<string, unknown> }> }> }>>;
    };
    const doc = await (await api("/v1/openapi.json")).json<Doc>();
    expect(Object.keys(doc.components.schemas.Entity?.properties ?? {})).toContain("spans");
    expect(Object.keys(doc.components.schemas.MentionSpan?.properties ?? {})).toEqual(["field", "start", "end"]);
    const example = doc.paths["/v1/annotate"]?.post?.responses["200"]?.content["application/json"]?.example;
    expect(example).toMatchObject({ title: expect.any(String), entities: [{ spans: [{ field: "text", start: 28, end: 59 }] }, expect.anything()] });
  });
});

describe("stored stories", () => {
  it("serve spans from GET /v1/stories/:id that point into the stored title and content_text", async () => {
    const story = await seedStory();
    expectWellFormed(story);
    const byName = new Map(story.entities.map((e) => [e.name, e]));
    expect(surfaces(story, byName.get("Antony Blinken"))).toEqual(["Blinken", "Antony Blinken", "Blinken"]);
    expect(surfaces(story, byName.get("United Nations"))).toEqual(["United Nations", "U.N."]);
    expect(surfaces(story, byName.get("Haiti"))).toEqual(Array<string>(10).fill("Haiti"));
  });

  it("serve the same spans in a list that asks for entities", async () => {
    const story = await seedStory();
    const res = await api(`/v1/stories?q=Blinken&fields=title,content_text,entities&limit=5`);
    const listed = (await res.json<{ stories: Story[] }>()).stories.find((s) => s.id === story.id);
    expect(listed?.entities).toEqual(story.entities);
  });

  it("are rewritten by re-annotation", async () => {
    const story = await seedStory();
    await env.DB.batch([
      env.DB.prepare("UPDATE story_entities SET spans = NULL WHERE story_id = ?1").bind(story.id),
      env.DB.prepare("UPDATE stories SET annotator_version = 0 WHERE id = ?1").bind(story.id),
    ]);
    const stale = await (await api(`/v1/stories/${story.id}`)).json<Story>();
    // A link stored before spans existed serves none rather than a wrong count.
    expect(stale.entities.every((e) => e.spans === undefined)).toBe(true);
    for (let after = 0, round = 0; round < 20; round++) {
      const res = await api(`/v1/reannotate?limit=50&after=${after}`, { method: "POST", headers: ADMIN });
      expect(res.status).toBe(200);
      const batch = await res.json<{ next_after: number | null }>();
      if (batch.next_after === null) break;
      after = batch.next_after;
    }
    const again = await (await api(`/v1/stories/${story.id}`)).json<Story>();
    expect(again.entities).toEqual(story.entities);
  });
});
