/**
 * Entities and story_entities. Entities are shared across stories under (canonical name, type);
 * a story's links are replaced whole whenever the story is (re)annotated, so counts never drift.
 */
import type { Entity, EntityType, MentionSpan, NormalizedItem } from "../model";

/**
 * A story addressed by its natural key (?1 feed_id, ?2 guid) and the content it was annotated from (?3 hash),
 * so link statements can run in the batch that creates the story, and do nothing if the content moved on.
 */
export const STORY_BY_KEY = "(SELECT id FROM stories WHERE feed_id = ?1 AND guid = ?2 AND content_hash = ?3)";

/**
 * Statements replacing the entity links of the story (feed_id, guid). The story is addressed by its natural
 * key so they can run in the same batch as the upsert that may have just created it. The entity list travels
 * as one JSON parameter, which keeps any story under D1's 100-bound-parameter limit.
 */
export function storyEntityStatements(
  db: D1Database,
  feedId: number,
  item: NormalizedItem,
  entities: Entity[],
): D1PreparedStatement[] {
  const statements = [
    db.prepare(`DELETE FROM story_entities WHERE story_id = ${STORY_BY_KEY}`).bind(feedId, item.guid, item.content_hash),
  ];
  if (entities.length === 0) return statements;
  const json = JSON.stringify(entities.map((e) => [e.name, e.type, e.mentions, e.spans ? packSpans(e.spans) : null]));
  statements.push(
    // "WHERE true" disambiguates the upsert clause from a join (SQLite's documented parsing quirk).
    db
      .prepare(
        `INSERT INTO entities (name, type) SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?1) j WHERE true
         ON CONFLICT (name, type) DO NOTHING`,
      )
      .bind(json),
    db
      .prepare(
        // A bare column next to max() comes from the row holding the max (SQLite): the spans of that mention count.
        `INSERT INTO story_entities (story_id, entity_id, mentions, spans)
         SELECT ${STORY_BY_KEY}, e.id, max(j.value ->> 2), j.value ->> 3 FROM json_each(?4) j
         JOIN entities e ON e.name = j.value ->> 0 AND e.type = j.value ->> 1
         WHERE ${STORY_BY_KEY} IS NOT NULL
         GROUP BY e.id`,
      )
      .bind(feedId, item.guid, item.content_hash, json),
  );
  return statements;
}

/** Links written before migrations/0012 hold spans as JSON [field, start, end] triples. */
export type SpanTriple = [MentionSpan["field"], number, number];

/**
 * Spans rest in a compact text (migrations/0012), a quarter of the JSON triples' bytes: runs of one field, each
 * opened by its capital letter (`T` title, `X` text: never a digit of lower-case base 36), of `gap.length`
 * pairs in base 36, comma separated, where gap is the start minus the previous span's end in the run (from 0 at
 * a run's start; signed, so any order round-trips). "X0.a,d.8" is text [0, 10) and [23, 31).
 */
export function packSpans(spans: readonly MentionSpan[]): string {
  let out = "";
  let field: MentionSpan["field"] | null = null;
  let end = 0;
  for (const s of spans) {
    if (s.field !== field) {
      out += s.field === "title" ? "T" : "X";
      field = s.field;
      end = 0;
    } else out += ",";
    out += `${(s.start - end).toString(36)}.${(s.end - s.start).toString(36)}`;
    end = s.end;
  }
  return out;
}

const RUN = /([TX])([^TX]*)/g;

export function unpackSpans(packed: string): MentionSpan[] {
  const spans: MentionSpan[] = [];
  for (const [, letter, run] of packed.matchAll(RUN)) {
    const field = letter === "T" ? "title" : "text";
    let end = 0;
    for (const pair of run!.split(",")) {
      const [gap, length] = pair.split(".").map((n) => parseInt(n, 36));
      if (!Number.isSafeInteger(gap) || !Number.isSafeInteger(length)) throw new Error(`store: malformed spans ${JSON.stringify(packed)}`);
      const start = end + gap!;
      end = start + length!;
      spans.push({ field, start, end });
    }
  }
  return spans;
}

/**
 * The stored spans back as the API's span objects, from either form; null (a link stored before spans existed)
 * gives none. An entity with no spans at all is stored as "" and gives [].
 */
export function storedSpans(stored: string | SpanTriple[] | null): MentionSpan[] | undefined {
  if (stored === null) return undefined;
  if (typeof stored === "string") return unpackSpans(stored);
  return stored.map(([field, start, end]) => ({ field, start, end }));
}

/**
 * A spans column as the entity lists read it: legacy JSON as JSON, the compact text as a string. Applied where
 * the value enters json_array, since a subquery's column does not carry the JSON subtype.
 */
export const spansSql = (column: string) => `CASE WHEN substr(${column}, 1, 1) = '[' THEN json(${column}) ELSE ${column} END`;

export interface EntityCount {
  name: string;
  type: EntityType;
  story_count: number;
}

/** Entities with the number of stories tagged with each, most frequent first. */
export async function listEntities(
  db: D1Database,
  q: { type?: EntityType; prefix?: string; since?: string; until?: string; limit: number },
): Promise<EntityCount[]> {
  // The prefix test is a range on the NOCASE name index: name >= p AND name < p || U+FFFF.
  const { results } = await db
    .prepare(
      `SELECT e.name, e.type, count(*) AS story_count
       FROM entities e
       JOIN story_entities se ON se.entity_id = e.id
       JOIN stories s ON s.id = se.story_id
       WHERE (?1 IS NULL OR e.type = ?1)
         AND (?2 IS NULL OR (e.name >= ?2 AND e.name < ?2 || char(1114111)))
         AND (?3 IS NULL OR s.published_at >= ?3)
         AND (?4 IS NULL OR s.published_at < ?4)
       GROUP BY e.id
       ORDER BY story_count DESC, e.name
       LIMIT ?5`,
    )
    .bind(q.type ?? null, q.prefix ?? null, q.since ?? null, q.until ?? null, q.limit)
    .all<EntityCount>();
  return results;
}

/**
 * Resolved names, per isolate, for a minute. An entity's id never changes and entities are never deleted, so a
 * remembered answer can only lack a type that first appeared under the name within that minute: the staleness
 * the lists' Cache-Control (max-age=60) already allows. A name no story has yet is not remembered, so it
 * resolves as soon as it is stored. It saves a D1 round trip on every entity-filtered page after the first.
 */
const RESOLVED_TTL_MS = 60_000;
const RESOLVED_MAX = 2_000;
const resolved = new Map<string, { ids: number[]; expires: number }>();

function remembered(key: string, now: number): number[] | undefined {
  const hit = resolved.get(key);
  if (hit && hit.expires > now) return hit.ids;
  if (hit) resolved.delete(key);
  return undefined;
}

function remember(key: string, ids: number[], now: number): void {
  if (ids.length === 0) return;
  // Oldest first out: a Map iterates in insertion order.
  if (resolved.size >= RESOLVED_MAX) resolved.delete(resolved.keys().next().value!);
  resolved.set(key, { ids, expires: now + RESOLVED_TTL_MS });
}

/**
 * The entity ids each name stands for, in the order of `names`: usually one, none for a name never tagged,
 * several when types share a name ("Jordan" the place and the person) and no type narrows it.
 */
export async function resolveEntityIds(db: D1Database, names: string[], type?: EntityType): Promise<number[][]> {
  const now = Date.now();
  const keys = names.map((name) => `${type ?? ""}\u0000${name}`);
  const ids = keys.map((key) => remembered(key, now));
  const missing = names.filter((_, i) => ids[i] === undefined);
  if (missing.length === 0) return ids as number[][];
  const { results } = await db
    .prepare(
      `SELECT j.key AS i, e.id FROM json_each(?1) j JOIN entities e ON e.name = j.value AND (?2 IS NULL OR e.type = ?2)`,
    )
    .bind(JSON.stringify(missing), type ?? null)
    .all<{ i: number; id: number }>();
  const found = missing.map((): number[] => []);
  for (const r of results) found[r.i]!.push(r.id);
  let next = 0;
  return ids.map((cached, i) => {
    if (cached !== undefined) return cached;
    const fresh = found[next++]!;
    remember(keys[i]!, fresh, now);
    return fresh;
  });
}

export interface EntityProfile {
  name: string;
  type: EntityType;
  story_count: number;
  /** Earliest and latest sort_at (published_at, else fetched_at) of its stories. */
  first_seen: string;
  last_seen: string;
  /** Share of its stories flagged syndicated, 0–1. */
  syndicated_share: number;
  co_occurring: EntityCount[];
  top_feeds: { feed_id: number; title: string | null; story_count: number }[];
}

/**
 * One entity's stories (story_id) from both timelines, ISO-keyed (migrations/0002) and millisecond-keyed (0014):
 * each row is in one of them until the mover has emptied the first. The dates are the story's own sort_at.
 */
export function entityTimeline(entity: string): string {
  return `(SELECT story_id FROM entity_timeline WHERE entity_id = ${entity} UNION ALL SELECT story_id FROM entity_timeline_ms WHERE entity_id = ${entity})`;
}

/** One entity's profile, or null when no story is tagged with it. All four reads travel in one batch. */
export async function entityProfile(
  db: D1Database,
  q: { name: string; type: EntityType; top: number },
): Promise<EntityProfile | null> {
  const entity = "(SELECT id FROM entities WHERE name = ?1 AND type = ?2)";
  const [who, span, co, feeds] = await db.batch([
    db.prepare("SELECT name, type FROM entities WHERE name = ?1 AND type = ?2").bind(q.name, q.type),
    db
      .prepare(
        `SELECT count(*) AS story_count, min(s.sort_at) AS first_seen, max(s.sort_at) AS last_seen,
           coalesce(avg(s.syndicated), 0) AS syndicated_share
         FROM ${entityTimeline(entity)} t JOIN stories s ON s.id = t.story_id`,
      )
      .bind(q.name, q.type),
    db
      .prepare(
        `SELECT e.name, e.type, count(*) AS story_count
         FROM story_entities a JOIN story_entities b ON b.story_id = a.story_id AND b.entity_id <> a.entity_id
         JOIN entities e ON e.id = b.entity_id
         WHERE a.entity_id = ${entity}
         GROUP BY b.entity_id ORDER BY story_count DESC, e.name LIMIT ?3`,
      )
      .bind(q.name, q.type, q.top),
    db
      .prepare(
        `SELECT s.feed_id, f.title, count(*) AS story_count
         FROM ${entityTimeline(entity)} t JOIN stories s ON s.id = t.story_id LEFT JOIN feeds f ON f.id = s.feed_id
         GROUP BY s.feed_id ORDER BY story_count DESC, s.feed_id LIMIT ?3`,
      )
      .bind(q.name, q.type, q.top),
  ]);
  const id = who?.results[0] as { name: string; type: EntityType } | undefined;
  const stats = span?.results[0] as Omit<EntityProfile, "name" | "type" | "co_occurring" | "top_feeds"> | undefined;
  if (!id || !stats || stats.story_count === 0) return null;
  return {
    ...id,
    ...stats,
    co_occurring: (co?.results ?? []) as EntityCount[],
    top_feeds: (feeds?.results ?? []) as EntityProfile["top_feeds"],
  };
}
