/**
 * Shared checks for the hostile suite: row digests that prove stored stories survive byte for byte, the
 * consistency invariants of the story tables, the dangerous-HTML scan, and the report records that
 * scripts/hostile-report.mjs turns into the README's Reliability figures.
 */
import { storyBody } from "../../src/store/stories";
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { feedUrl } from "../integration/helpers";

/** What one hostile case contributes to the report. `crashes` and `storiesLost` are measured, then asserted 0. */
export interface HostileRecord {
  section: "input" | "fault" | "fuzz" | "concurrency" | "atomicity";
  name: string;
  outcome: string;
  crashes: number;
  storiesLost: number;
  /** Requests sent (fuzzing) or passes run. */
  attempts?: number;
  ms?: number;
  peakWorkerdMb?: number;
}

export async function record(r: HostileRecord): Promise<void> {
  const res = await fetch(feedUrl("/hostile/record"), { method: "POST", body: JSON.stringify(r) });
  expect(res.status).toBe(204);
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The article stage's bookkeeping (full articles): the good feeds' short items get their pages fetched in the
 * background, and a failed fetch records only its status and error while the story stays as it was. Those
 * columns move on their own schedule, so the digests below leave them out; everything a reader sees stays in.
 */
const ARTICLE_BOOKKEEPING = ["article_status", "article_error", "article_fetched_at", "article_lease_until"];

function withoutBookkeeping(row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  for (const column of ARTICLE_BOOKKEEPING) delete out[column];
  return out;
}

/** story id → SHA-256 of the whole row with its wire and entity links: any changed byte changes the digest. */
export type Snapshot = Map<number, string>;

export async function snapshotStories(): Promise<Snapshot> {
  const { results } = await env.DB.prepare(
    `SELECT s.*,
       (SELECT json_group_array(wire || ':' || position) FROM (SELECT wire, position FROM story_wires WHERE story_id = s.id ORDER BY wire)) AS w,
       (SELECT json_group_array(entity_id || ':' || mentions) FROM (SELECT entity_id, mentions FROM story_entities WHERE story_id = s.id ORDER BY entity_id)) AS e
     FROM stories s ORDER BY s.id`,
  ).all<Record<string, unknown> & { id: number }>();
  const snapshot: Snapshot = new Map();
  for (const row of results) snapshot.set(row.id, await sha256(JSON.stringify(withoutBookkeeping(row))));
  return snapshot;
}

/** How many stories of `before` are gone or differ in any byte now. */
export async function storiesLost(before: Snapshot): Promise<number> {
  const after = await snapshotStories();
  let lost = 0;
  for (const [id, digest] of before) if (after.get(id) !== digest) lost++;
  return lost;
}

export const STORY_TABLES = ["stories", "story_entities", "story_wires", "entities", "entity_timeline", "wire_timeline", "entity_timeline_ms", "wire_timeline_ms", "deleted_stories"];

/** A digest of the given tables; by default every table a query could read or a hostile string could reach. */
export async function databaseChecksum(tables = ["feeds", "feed_errors", ...STORY_TABLES]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const { results } = await env.DB.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all<Record<string, unknown>>();
    parts.push(table, JSON.stringify(table === "stories" ? results.map(withoutBookkeeping) : results));
  }
  return sha256(parts.join("\n"));
}

export interface Counts {
  stories: number;
  ftsDocs: number;
  storyEntities: number;
  storyWires: number;
  entityTimeline: number;
  wireTimeline: number;
  duplicateKeys: number;
  orphanLinks: number;
}

export async function counts(): Promise<Counts> {
  const one = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n ?? -1;
  return {
    stories: await one("SELECT count(*) AS n FROM stories"),
    // The docsize shadow tables hold one row per indexed document: they drift if a write misses the index.
    // A row is in the contentless index, or (text not yet compacted, migrations/0012) in the inline one.
    ftsDocs: await one("SELECT (SELECT count(*) FROM stories_fts_docsize) + (SELECT count(*) FROM stories_fts_inline_docsize) AS n"),
    storyEntities: await one("SELECT count(*) AS n FROM story_entities"),
    storyWires: await one("SELECT count(*) AS n FROM story_wires"),
    // Both encodings of each timeline (migrations/0014): a row is in one of them.
    entityTimeline: await one("SELECT (SELECT count(*) FROM entity_timeline) + (SELECT count(*) FROM entity_timeline_ms) AS n"),
    wireTimeline: await one("SELECT (SELECT count(*) FROM wire_timeline) + (SELECT count(*) FROM wire_timeline_ms) AS n"),
    duplicateKeys: await one("SELECT count(*) AS n FROM (SELECT 1 FROM stories GROUP BY feed_id, guid HAVING count(*) > 1)"),
    orphanLinks: await one(
      `SELECT (SELECT count(*) FROM story_entities WHERE story_id NOT IN (SELECT id FROM stories))
            + (SELECT count(*) FROM story_wires WHERE story_id NOT IN (SELECT id FROM stories)) AS n`,
    ),
  };
}

/** The invariants that hold after any sequence of passes: one row per key, an index entry per story, no orphans. */
export function expectConsistent(c: Counts): void {
  expect(c.duplicateKeys).toBe(0);
  expect(c.orphanLinks).toBe(0);
  expect(c.ftsDocs).toBe(c.stories);
  expect(c.entityTimeline).toBe(c.storyEntities);
  expect(c.wireTimeline).toBe(c.storyWires);
}

/** Constructs that must never reach a reader's browser from sanitized HTML. */
export const DANGEROUS_HTML: [string, RegExp][] = [
  ["script element", /<script/i],
  ["iframe element", /<iframe/i],
  ["object/embed/applet", /<(object|embed|applet)\b/i],
  ["svg or math", /<(svg|math)\b/i],
  ["form control", /<(form|input|button|textarea|select)\b/i],
  ["meta/link/base", /<(meta|link|base)\b/i],
  ["style element", /<style/i],
  ["style attribute", /\sstyle\s*=/i],
  ["event handler", /\son[a-z]+\s*=/i],
  ["javascript: URL", /javascript\s*:/i],
  ["vbscript: URL", /vbscript\s*:/i],
  ["data: URL", /(href|src)\s*=\s*["']?\s*data:/i],
  ["CSS expression", /expression\s*\(/i],
];

export function dangerousConstructs(html: string | null): string[] {
  if (html === null) return [];
  return DANGEROUS_HTML.filter(([, pattern]) => pattern.test(html)).map(([name]) => name);
}

/** Every stored content_html, in D1 or in its R2 body, scanned: a hostile feed must leave none of the constructs anywhere. */
export async function dangerousStoredHtml(): Promise<{ id: number; found: string[] }[]> {
  const { results } = await env.DB.prepare("SELECT id, content_html, source_text, body_key FROM stories").all<{ id: number; content_html: string | null; source_text: string; body_key: string | null }>();
  const stored = await Promise.all(results.map(async (r) => ({ id: r.id, html: (await storyBody(env.BODIES, r)).content_html })));
  return stored.map((r) => ({ id: r.id, found: dangerousConstructs(r.html) })).filter((r) => r.found.length > 0);
}

/** Peak and current RSS of the workerd processes of this test run, in MB (from /proc via the feed server). */
export async function workerdMemoryMb(): Promise<{ peak: number; current: number } | null> {
  const res = await fetch(feedUrl("/hostile/memory"));
  const procs = await res.json<{ rssKb: number; peakKb: number }[]>();
  if (procs.length === 0) return null;
  return {
    peak: Math.round(Math.max(...procs.map((p) => p.peakKb)) / 1024),
    current: Math.round(Math.max(...procs.map((p) => p.rssKb)) / 1024),
  };
}

/** Makes only these feeds due, leaving every other feed's schedule alone. */
export async function makeDue(ids: number[]): Promise<void> {
  await env.DB.prepare("UPDATE feeds SET next_fetch_at = '2000-01-01T00:00:00.000Z' WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(ids))
    .run();
}

export const rssOf = (prefix: string, count: number, city = "Lagos") =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${prefix}</title><link>https://${prefix}.example/</link>${Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${prefix} story ${i}</title><link>https://${prefix}.example/${i}</link><guid>${prefix}-${i}</guid><description>Body ${i} of ${prefix}, filed from ${city}.</description></item>`,
  ).join("")}</channel></rss>`;
