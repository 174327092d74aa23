/**
 * Storage housekeeping (issue 17): the mover that takes inline bodies to R2, and retention. Every query here
 * walks an index in bounded batches (migrations/0009), so one cron tick never holds D1 long.
 *
 * Invariants:
 * - The mover points a row at its R2 key only while the row still holds the inline body it read: a write that
 *   landed meanwhile wins, and the object just written is then unreferenced garbage, never a wrong body.
 * - The text compactor (migrations/0012) likewise compresses a row's text only while the row still holds the
 *   text it read, and indexes it in the contentless FTS index in the same batch, so a row is always in exactly
 *   one of the two indexes.
 * - Retention removes the pointer before the object (bodies.ts), and a removed story leaves a tombstone, so a
 *   feed that still lists it does not bring it back.
 */
import type { Body } from "./bodies";
import { hexToBase64, pieces, signatureHex } from "./clusters";
import { packSpans, type SpanTriple, storedSpans } from "./entities";
import { EMPTY_EVIDENCE } from "./stories";
import { bytesOf, hexOf, packText, type StoredBlob, unpackText } from "./text";

export interface InlineBody extends Body {
  id: number;
  feed_id: number;
  guid: string;
}

/** The next stories after `afterId` whose body is still inline in D1. */
export async function inlineBodies(db: D1Database, afterId: number, limit: number): Promise<InlineBody[]> {
  const { results } = await db
    .prepare(
      `SELECT id, feed_id, guid, content_html, source_text FROM stories
       WHERE id > ?1 AND body_key IS NULL AND body_expired_at IS NULL AND (content_html IS NOT NULL OR source_text <> '')
       ORDER BY id LIMIT ?2`,
    )
    .bind(afterId, limit)
    .all<InlineBody>();
  return results;
}

export async function countInlineBodies(db: D1Database, cap: number): Promise<number> {
  return bounded(
    db,
    `SELECT 1 FROM stories INDEXED BY stories_body_inline
     WHERE body_key IS NULL AND body_expired_at IS NULL AND (content_html IS NOT NULL OR source_text <> '')`,
    cap,
  );
}

/**
 * How many rows `sql` walks, counting no further than `cap`: each walk's count reads at most that many index
 * entries, so a call costs the same however much of a large database is still to convert.
 */
async function bounded(db: D1Database, sql: string, cap: number): Promise<number> {
  const row = await db.prepare(`SELECT count(*) AS n FROM (${sql} LIMIT ?1)`).bind(cap).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Points each moved story at its object, guarded on the inline body it was read with; returns the rows changed. */
export async function pointAtBodies(db: D1Database, moved: { row: InlineBody; key: string }[]): Promise<number> {
  if (moved.length === 0) return 0;
  const results = await db.batch(
    moved.map(({ row, key }) =>
      db
        .prepare(
          `UPDATE stories SET body_key = ?2, content_html = NULL, source_text = ''
           WHERE id = ?1 AND body_key IS NULL AND content_html IS ?3 AND source_text = ?4`,
        )
        .bind(row.id, key, row.content_html, row.source_text),
    ),
  );
  return results.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

export interface InlineText {
  id: number;
  title: string;
  content_text: string;
  /** JSON text in a row not yet compacted (a BLOB only if someone packed it already: left as it is). */
  evidence: string | StoredBlob;
}

/** The next stories after `afterId` whose content_text is still inline (not compressed in content_z). */
export async function inlineTexts(db: D1Database, afterId: number, limit: number): Promise<InlineText[]> {
  const { results } = await db
    .prepare("SELECT id, title, content_text, evidence FROM stories INDEXED BY stories_text_inline WHERE id > ?1 AND content_z IS NULL ORDER BY id LIMIT ?2")
    .bind(afterId, limit)
    .all<InlineText>();
  return results;
}

export async function countInlineTexts(db: D1Database, cap: number): Promise<number> {
  return bounded(db, "SELECT 1 FROM stories INDEXED BY stories_text_inline WHERE content_z IS NULL", cap);
}

/**
 * Compresses these rows' text into content_z (and their evidence JSON in place, as the write path does), each guarded on the text it was read with (a write meanwhile has
 * compressed and indexed its own text already), and moves each row from stories_fts_inline (by trigger) to the
 * contentless stories_fts. One batch: all or nothing. Returns the rows compacted.
 */
export async function compactTexts(db: D1Database, rows: InlineText[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Three statements per piece of rows (not per row), so a batch of 500 stays far inside D1's per-invocation
  // query limit; the packed bytes travel as hex (SQLite's unhex), since JSON holds no BLOB.
  const row = (field: number) => `json_extract(j.value, '$[${field}]')`;
  // Only a row that now holds these very bytes is (re)indexed with its text; the delete makes a repeat harmless.
  const held = `FROM json_each(?1) j JOIN stories s ON s.id = ${row(0)} AND s.content_z = unhex(${row(1)})`;
  const evidence = (e: InlineText["evidence"]) => (typeof e === "string" && e !== EMPTY_EVIDENCE ? hexOf(packText(e)) : null);
  const statements = pieces(rows.map((r) => [r.id, hexOf(packText(r.content_text)), r.content_text, evidence(r.evidence)])).flatMap((piece) => {
    const json = JSON.stringify(piece);
    return [
      db
        .prepare(
          `UPDATE stories SET content_z = unhex(${row(1)}), content_text = '', evidence = coalesce(unhex(${row(3)}), evidence) FROM json_each(?1) j
           WHERE stories.id = ${row(0)} AND stories.content_z IS NULL AND stories.content_text = ${row(2)} RETURNING stories.id`,
        )
        .bind(json),
      db.prepare(`DELETE FROM stories_fts WHERE rowid IN (SELECT s.id ${held})`).bind(json),
      db.prepare(`INSERT INTO stories_fts (rowid, title, content_text) SELECT s.id, s.title, ${row(2)} ${held}`).bind(json),
    ];
  });
  // Counted from RETURNING: D1's meta.changes also counts the index rows the triggers wrote.
  return (await db.batch(statements)).reduce((n, res, i) => n + (i % 3 === 0 ? res.results.length : 0), 0);
}

export interface WideSignature {
  story_id: number;
  /** Base64 of the 512 bytes of whole minima (or a signature of any other width: narrowed all the same). */
  signature: string;
  /** What the row holds, to guard the rewrite on: the BLOB's hex, or the TEXT itself. */
  held: string;
}

/**
 * The next signatures after `afterId` still wider than 256 bytes: 512-byte BLOBs (migrations/0012) or base64
 * TEXT from before it; migrations/0013 narrows both to their 16-bit digests.
 */
export async function wideSignatures(db: D1Database, afterId: number, limit: number): Promise<WideSignature[]> {
  const { results } = await db
    .prepare(
      `SELECT story_id, CASE typeof(signature) WHEN 'blob' THEN hex(signature) ELSE signature END AS held, typeof(signature) = 'blob' AS blob
       FROM story_signatures INDEXED BY story_signatures_wide WHERE story_id > ?1 AND length(signature) > 256 ORDER BY story_id LIMIT ?2`,
    )
    .bind(afterId, limit)
    .all<{ story_id: number; held: string; blob: number }>();
  return results.map((r) => ({ story_id: r.story_id, held: r.held, signature: r.blob === 1 ? hexToBase64(r.held) : r.held }));
}

export async function countWideSignatures(db: D1Database, cap: number): Promise<number> {
  return bounded(db, "SELECT 1 FROM story_signatures INDEXED BY story_signatures_wide WHERE length(signature) > 256", cap);
}

/**
 * Rewrites these signatures as 256-byte BLOBs of the digests `narrow` gives (src/cluster/signature.ts), each
 * guarded on what was read (a re-sign meanwhile wins). Returns the rows rewritten.
 */
export async function narrowSignatures(db: D1Database, rows: WideSignature[], narrow: (base64: string) => string): Promise<number> {
  if (rows.length === 0) return 0;
  // Cut like every JSON parameter of the cluster statements, so each stays inside D1's statement size.
  const statements = pieces(rows.map((r) => [r.story_id, signatureHex(narrow(r.signature)), r.held])).map((piece) =>
    db
      .prepare(
        `UPDATE story_signatures SET signature = unhex(json_extract(j.value, '$[1]'))
         FROM json_each(?1) j
         WHERE story_signatures.story_id = json_extract(j.value, '$[0]')
           AND CASE typeof(story_signatures.signature) WHEN 'blob' THEN hex(story_signatures.signature) ELSE story_signatures.signature END = json_extract(j.value, '$[2]')
         RETURNING story_id`,
      )
      .bind(JSON.stringify(piece)),
  );
  return (await db.batch(statements)).reduce((n, r) => n + r.results.length, 0);
}

/** The next stories after `afterId` whose band keys are still in the layout before migrations/0013, in id order. */
export async function legacyKeyStories(db: D1Database, afterId: number, limit: number): Promise<number[]> {
  const { results } = await db
    .prepare("SELECT DISTINCT story_id FROM band_keys_text INDEXED BY band_keys_story WHERE story_id > ?1 ORDER BY story_id LIMIT ?2")
    .bind(afterId, limit)
    .all<{ story_id: number }>();
  return results.map((r) => r.story_id);
}

export async function countLegacyKeyStories(db: D1Database, cap: number): Promise<number> {
  return bounded(db, "SELECT DISTINCT story_id FROM band_keys_text INDEXED BY band_keys_story", cap);
}

/**
 * Moves these stories' band keys to the layout of migrations/0013 (keys apart, one date per story), in one
 * batch: a story's keys are in one table or the other, never both. A story re-signed meanwhile has no legacy
 * keys left, so it moves nothing. Returns the stories moved.
 */
export async function moveLegacyKeys(db: D1Database, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  const of = "story_id IN (SELECT value FROM json_each(?1))";
  const [, dated] = await db.batch([
    db.prepare(`INSERT OR IGNORE INTO band_keys (key, story_id) SELECT key, story_id FROM band_keys_text WHERE ${of}`).bind(list),
    db
      .prepare(
        `INSERT INTO band_key_dates (story_id, at) SELECT story_id, max(at) FROM band_keys_text WHERE ${of} GROUP BY story_id
         ON CONFLICT (story_id) DO UPDATE SET at = excluded.at RETURNING story_id`,
      )
      .bind(list),
    db.prepare(`DELETE FROM band_keys_text WHERE ${of}`).bind(list),
  ]);
  return dated?.results.length ?? 0;
}

export interface JsonSpans {
  story_id: number;
  entity_id: number;
  spans: string;
}

/** The next entity links after story `afterId` whose spans are still JSON triples (migrations/0012). */
export async function jsonSpans(db: D1Database, afterId: number, limit: number): Promise<JsonSpans[]> {
  const { results } = await db
    .prepare(
      `SELECT story_id, entity_id, spans FROM story_entities INDEXED BY story_entities_json_spans
       WHERE story_id > ?1 AND substr(spans, 1, 1) = '[' ORDER BY story_id LIMIT ?2`,
    )
    .bind(afterId, limit)
    .all<JsonSpans>();
  return results;
}

export async function countJsonSpans(db: D1Database, cap: number): Promise<number> {
  return bounded(db, "SELECT 1 FROM story_entities INDEXED BY story_entities_json_spans WHERE substr(spans, 1, 1) = '['", cap);
}

/** Rewrites these links' spans in the compact form, each guarded on the JSON read (a relink meanwhile wins). */
export async function packLinkSpans(db: D1Database, rows: JsonSpans[]): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = rows.map((r) => [r.story_id, r.entity_id, packSpans(storedSpans(JSON.parse(r.spans) as SpanTriple[])!), r.spans]);
  const statements = pieces(payload).map((piece) =>
    db
      .prepare(
        `UPDATE story_entities SET spans = json_extract(j.value, '$[2]') FROM json_each(?1) j
         WHERE story_entities.story_id = json_extract(j.value, '$[0]') AND story_entities.entity_id = json_extract(j.value, '$[1]')
           AND story_entities.spans = json_extract(j.value, '$[3]')
         RETURNING story_entities.story_id`,
      )
      .bind(JSON.stringify(piece)),
  );
  return (await db.batch(statements)).reduce((n, r) => n + r.results.length, 0);
}

/**
 * Once no text is inline, the old FTS index holds only deletions; a bounded merge (FTS5's 'merge' command,
 * about this many pages written) folds them away a little per call, until the index is empty pages.
 */
export async function mergeInlineIndex(db: D1Database, pages: number): Promise<void> {
  await db.prepare("INSERT INTO stories_fts_inline (stories_fts_inline, rank) VALUES ('merge', ?1)").bind(-pages).run();
}

/**
 * RETAIN_DAYS, step one: the oldest bodies held in R2 dated before `before`, with their keys. Step two,
 * dropBodyPointers, unhooks them; the caller then removes the objects.
 */
export async function expiringBodies(db: D1Database, before: string, limit: number): Promise<{ id: number; body_key: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT id, body_key FROM stories INDEXED BY stories_body_age
       WHERE body_key IS NOT NULL AND sort_at < ?1 ORDER BY sort_at LIMIT ?2`,
    )
    .bind(before, limit)
    .all<{ id: number; body_key: string }>();
  return results;
}

/**
 * Drops the pointers of these stories, guarded on the key read (a rewrite meanwhile keeps its new body), and
 * marks their bodies expired; the story keeps its metadata, content_text, tags, cluster and FTS rows.
 * Returns the keys no row points at any more.
 */
export async function dropBodyPointers(db: D1Database, rows: { id: number; body_key: string }[], now: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const { results } = await db
    .prepare(
      `UPDATE stories SET body_key = NULL, body_expired_at = ?2
       WHERE (id, body_key) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?1))
       RETURNING id`,
    )
    .bind(JSON.stringify(rows.map((r) => [r.id, r.body_key])), now)
    .all<{ id: number }>();
  const dropped = new Set(results.map((r) => r.id));
  return rows.filter((r) => dropped.has(r.id)).map((r) => r.body_key);
}

/** RETAIN_STORY_DAYS: the oldest stories dated before `before`, with the R2 key of each body still held. */
export async function expiringStories(db: D1Database, before: string, limit: number): Promise<{ id: number; body_key: string | null }[]> {
  const { results } = await db
    .prepare("SELECT id, body_key FROM stories INDEXED BY stories_sort WHERE sort_at < ?1 ORDER BY sort_at, id LIMIT ?2")
    .bind(before, limit)
    .all<{ id: number; body_key: string | null }>();
  return results;
}

/**
 * Removes these stories in one batch, each with a tombstone first; their tags, wires, signatures, band keys,
 * inferred evidence and timeline rows go by cascade and trigger, their FTS rows by trigger, and a cluster
 * shrinks (migrations/0007). Returns how many were removed.
 */
export async function removeStories(db: D1Database, ids: number[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  const [, removed] = await db.batch([
    db
      .prepare(
        `INSERT OR IGNORE INTO deleted_stories (feed_id, guid, deleted_at, content_hash)
         SELECT feed_id, guid, ?2, content_hash FROM stories WHERE id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(list, now),
    db.prepare("DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?1))").bind(list),
  ]);
  return removed?.meta.changes ?? 0;
}

/**
 * Of these R2 keys (b/{feed_id}/…), the ones a story row points at. One query: the feeds' stories are walked by
 * their feed index and tested against the keys, so a page of a bucket listing (one or a few feeds) costs about
 * those feeds' story counts in rows read.
 */
export async function referencedKeys(db: D1Database, keys: { key: string; feedId: number }[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { results } = await db
    .prepare(
      `SELECT body_key FROM stories WHERE feed_id IN (SELECT value FROM json_each(?1))
       AND body_key IN (SELECT value FROM json_each(?2))`,
    )
    .bind(JSON.stringify([...new Set(keys.map((k) => k.feedId))]), JSON.stringify(keys.map((k) => k.key)))
    .all<{ body_key: string }>();
  return new Set(results.map((r) => r.body_key));
}

export async function storageCursor(db: D1Database, name: string): Promise<string | null> {
  const row = await db.prepare("SELECT value FROM storage_cursors WHERE name = ?1").bind(name).first<{ value: string }>();
  return row?.value ?? null;
}

/** Saves a cursor; null forgets it (the walk starts again from the beginning). */
export async function saveStorageCursor(db: D1Database, name: string, value: string | null): Promise<void> {
  await (value === null
    ? db.prepare("DELETE FROM storage_cursors WHERE name = ?1").bind(name)
    : db.prepare("INSERT INTO storage_cursors (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value").bind(name, value)
  ).run();
}

// ── migrations/0014: timelines by integer milliseconds, texts in format 2 ─────────────────────────────────

/** The timelines of migrations/0002 and the tables of 0014 that replace them, with their tag column. */
const TIMELINES = [
  { text: "entity_timeline", ms: "entity_timeline_ms", tag: "entity_id" },
  { text: "wire_timeline", ms: "wire_timeline_ms", tag: "wire" },
] as const;

/** SQL for an ISO sort_at as the milliseconds of the new timelines; the triggers of 0014 use the same. */
export const sqlSortMs = (iso: string): string => `CAST(round((julianday(${iso}) - 2440587.5) * 86400000) AS INTEGER)`;

/**
 * Moves up to `limit` rows of each old timeline (ISO text) into its table keyed by milliseconds: the first rows
 * in key order, inserted there and deleted here in one batch, so each row is in exactly one of the two at any
 * time and a repeated or interrupted call loses nothing. No cursor: what is moved is gone from the walk.
 * Returns the rows moved.
 */
export async function moveTimelineRows(db: D1Database, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  const statements = TIMELINES.flatMap(({ text, ms, tag }) => {
    const first = `SELECT ${tag}, sort_at, story_id FROM ${text} ORDER BY ${tag}, sort_at DESC, story_id DESC LIMIT ?1`;
    return [
      db.prepare(`INSERT OR IGNORE INTO ${ms} (${tag}, sort_at, story_id) SELECT ${tag}, ${sqlSortMs("sort_at")}, story_id FROM (${first})`).bind(limit),
      db.prepare(`DELETE FROM ${text} WHERE (${tag}, sort_at, story_id) IN (${first}) RETURNING 1`).bind(limit),
    ];
  });
  return (await db.batch(statements)).reduce((n, res, i) => n + (i % 2 === 1 ? res.results.length : 0), 0);
}

export async function countTextTimelineRows(db: D1Database, cap: number): Promise<number> {
  let n = 0;
  for (const { text } of TIMELINES) n += await bounded(db, `SELECT 1 FROM ${text}`, cap);
  return Math.min(n, cap);
}

export interface FormatOneText {
  id: number;
  content_z: StoredBlob;
  evidence: string | StoredBlob;
}

/** The next stories after `afterId` whose text is compressed in format 1 (0012), to re-pack in format 2. */
export async function formatOneTexts(db: D1Database, afterId: number, limit: number): Promise<FormatOneText[]> {
  const { results } = await db
    .prepare(
      `SELECT id, content_z, evidence FROM stories INDEXED BY stories_text_format1
       WHERE id > ?1 AND substr(content_z, 1, 1) = x'01' ORDER BY id LIMIT ?2`,
    )
    .bind(afterId, limit)
    .all<FormatOneText>();
  return results;
}

export async function countFormatOneTexts(db: D1Database, cap: number): Promise<number> {
  return bounded(db, "SELECT 1 FROM stories INDEXED BY stories_text_format1 WHERE substr(content_z, 1, 1) = x'01'", cap);
}

/**
 * Re-packs these rows' text (and evidence, if it is format 1 too) in the current format, each guarded on the
 * bytes it was read with: a write meanwhile wrote its own text in format 2 already. The text is the same, so
 * the search index is untouched. Returns the rows re-packed.
 */
export async function repackTexts(db: D1Database, rows: FormatOneText[]): Promise<number> {
  if (rows.length === 0) return 0;
  const row = (field: number) => `json_extract(j.value, '$[${field}]')`;
  const repack = (z: StoredBlob) => hexOf(packText(unpackText(z)));
  const evidence = (e: FormatOneText["evidence"]) => (typeof e !== "string" && bytesOf(e)[0] === 1 ? [hexOf(bytesOf(e)), repack(e)] : [null, null]);
  const statements = pieces(rows.map((r) => [r.id, hexOf(bytesOf(r.content_z)), repack(r.content_z), ...evidence(r.evidence)])).map((piece) =>
    db
      .prepare(
        `UPDATE stories SET content_z = unhex(${row(2)}),
           evidence = CASE WHEN ${row(3)} IS NOT NULL AND evidence = unhex(${row(3)}) THEN unhex(${row(4)}) ELSE evidence END
         FROM json_each(?1) j WHERE stories.id = ${row(0)} AND stories.content_z = unhex(${row(1)}) RETURNING stories.id`,
      )
      .bind(JSON.stringify(piece)),
  );
  return (await db.batch(statements)).reduce((n, res) => n + res.results.length, 0);
}
