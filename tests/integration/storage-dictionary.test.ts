/**
 * content_z format 2 (issue 17, migrations/0014): raw DEFLATE with the preset dictionary of
 * src/store/text-dictionary.ts, in workerd's own node:zlib. New writes use it, rows of format 1 stay readable
 * without a rewrite until the mover re-packs them, and the dictionary is pinned: an edited dictionary would
 * silently garble every row written with it, so a change must be a new format instead.
 */
import { env } from "cloudflare:test";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ingestFeed } from "../../src/ingest/run";
import type { Story } from "../../src/model";
import { createRun } from "../../src/store/runs";
import { queryStories } from "../../src/store/stories";
import { packText, TEXT_FORMAT, unpackText } from "../../src/store/text";
import { TEXT_DICTIONARY, TEXT_DICTIONARY_VERSION } from "../../src/store/text-dictionary";
import { api, putMutable, registerFeed } from "./helpers";

const encoder = new TextEncoder();

/** Format 1 as migrations/0012 wrote it: the format byte, then raw DEFLATE without a dictionary. */
function formatOne(text: string): Uint8Array {
  const packed = deflateRawSync(encoder.encode(text), { level: 9 });
  const out = new Uint8Array(packed.length + 1);
  out[0] = 1;
  out.set(packed, 1);
  return out;
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Written for this test, not taken from anywhere: a short story of the common kind.
const STORY =
  "Officials said on Tuesday that the bridge over the river would stay closed for at least two more weeks while engineers " +
  "inspect the damage caused by last month's flooding. The city's mayor told reporters that the repairs would cost about " +
  "$4 million and that the government had agreed to cover half of it. Residents have complained about long detours, and " +
  "local businesses said they had lost customers since the closure.\n\nThe transport department said in a statement that " +
  "buses would run every 15 minutes on the alternative route. It was not immediately clear when work would begin.";

describe("format 2: raw DEFLATE with the preset dictionary", () => {
  it("keeps the dictionary exactly as shipped (a new dictionary is a new format)", async () => {
    expect(TEXT_DICTIONARY_VERSION).toBe(1);
    expect(encoder.encode(TEXT_DICTIONARY).length).toBe(22_689);
    expect(await sha256(TEXT_DICTIONARY)).toBe("c158b95154856aa80af2669cfc3bc3bf59d7c58e7e6c1b3524a57330f2f1497f");
  });

  it.each([
    ["a short news story", STORY],
    ["an empty text", ""],
    ["non-Latin scripts and emoji", "Ліній трамваю — 路面電車 — ترام 🚋 reopened."],
    ["a text longer than the 32 KB window", `${STORY} `.repeat(80)],
  ])("writes format 2 and round-trips %s in workerd's node:zlib", (_name, text) => {
    const packed = packText(text);
    expect(packed[0]).toBe(2);
    expect(TEXT_FORMAT).toBe(2);
    expect(unpackText(packed)).toBe(text);
    expect(unpackText(Array.from(packed))).toBe(text);
  });

  it("is smaller than format 1 on a short story, and needs the dictionary to read", () => {
    const two = packText(STORY);
    const one = formatOne(STORY);
    expect(two.length).toBeLessThan(one.length * 0.85);
    // Without the dictionary the stream refers to bytes it does not have: it fails or reads as something else.
    let without: string | Error;
    try {
      without = new TextDecoder().decode(inflateRawSync(two.subarray(1)));
    } catch (e) {
      without = e as Error;
    }
    expect(without).not.toBe(STORY);
  });

  it("still reads format 1", () => {
    expect(unpackText(formatOne(STORY))).toBe(STORY);
    expect(unpackText(Array.from(formatOne("")))).toBe("");
  });
});

describe("stored rows of both formats", () => {
  it("reads a format 1 row and a format 2 row the same through the story, lists and search", async () => {
    const now = Date.now();
    const items = ["ferry", "harbour"].map(
      (w, i) => `<item><title>The ${w} timetable</title><guid>dict-${i}</guid><link>https://dict.example/${i}</link>
        <pubDate>${new Date(now - i * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>${STORY} The ${w} service resumes in May.</p>]]></description></item>`,
    );
    await putMutable("text-dictionary", `<?xml version="1.0"?><rss version="2.0"><channel><title>Dictionary</title>${items.join("")}</channel></rss>`);
    const feed = await registerFeed("/mutable/text-dictionary");
    const runId = await createRun(env.DB, "test", new Date().toISOString(), 1);
    await ingestFeed(env, { feedId: feed.id, runId, host: "127.0.0.1" });
    const rows = (
      await env.DB.prepare("SELECT id, content_z FROM stories WHERE feed_id = ?1 ORDER BY id").bind(feed.id).all<{ id: number; content_z: number[] }>()
    ).results;
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.content_z[0])).toEqual([2, 2]);
    const texts = rows.map((r) => unpackText(r.content_z));
    // The first row as 0012 wrote it: same text, format 1 (the search index does not change with the format).
    await env.DB.prepare("UPDATE stories SET content_z = ?2 WHERE id = ?1").bind(rows[0]!.id, formatOne(texts[0]!)).run();
    const first = await env.DB.prepare("SELECT content_z FROM stories WHERE id = ?1").bind(rows[0]!.id).first<{ content_z: number[] }>();
    expect(first!.content_z[0]).toBe(1);
    for (const [i, r] of rows.entries()) {
      const one = await (await api(`/v1/stories/${r.id}`)).json<Story>();
      expect(one.content_text).toBe(texts[i]);
    }
    const list = await (await api(`/v1/stories?feed=${feed.id}&fields=content_text`)).json<{ stories: Partial<Story>[] }>();
    expect(list.stories.map((s) => s.content_text).sort()).toEqual([...texts].sort());
    const found = await queryStories(env.DB, { entities: [], flags: [], noFlags: [], limit: 10, q: "harbour", feedId: feed.id }, env.BODIES);
    expect(found.stories.map((s) => Number(s.id))).toEqual([rows[texts.findIndex((t) => t.includes("harbour"))]!.id]);
  });
});
