/**
 * Stories with their flags and wire attribution: the idempotent write path used by ingest and
 * re-annotation, and the filtered, keyset-paged read path used by the API.
 *
 * Invariants:
 * - (feed_id, guid) identifies a story; a second write of an unchanged item changes nothing.
 * - fetched_at and sort_at are set when a story is first stored and never move, so a cursor stays valid
 *   while stories are updated or added (paging returns each story exactly once).
 */
import type { Annotation, ArticleStatus, ContentSource, Entity, EntityType, Evidence, FlagName, NormalizedItem, PageSignal, Story, StoryCluster, StoryConditions } from "../model";
import { FLAG_NAMES, STORY_FIELDS, type StoryField } from "../model";
import { type Body, type BodyPlacement, deleteBodies, getBodies } from "./bodies";
import { packText, type StoredBlob, storedText, unpackText } from "./text";
import { resolveEntityIds, type SpanTriple, spansSql, STORY_BY_KEY, storedSpans, storyEntityStatements } from "./entities";

export interface StoryWrite {
  item: NormalizedItem;
  annotation: Annotation;
  annotatorVersion: number;
}

export interface KnownStory {
  content_hash: string | null;
  annotator_version: number | null;
  /** Deleted by an admin: never stored again. */
  tombstoned: boolean;
  /** Where the stored body is in R2, if it is: the object to remove once a write has replaced it. */
  body_key: string | null;
  /**
   * Set when the guid is new to the feed but its content is a story the feed already has: that story's guid.
   * The feed renewed the item's guid; the story is renamed (renameStory), not stored twice.
   */
  stored_guid: string | null;
}

/**
 * What is already stored for these items of a feed, by guid, else by content hash (a renewed guid): one query,
 * the items travelling as one JSON parameter. Tombstones count by either key.
 */
export async function knownStories(
  db: D1Database,
  feedId: number,
  items: { guid: string; content_hash: string }[],
): Promise<Map<string, KnownStory>> {
  const known = new Map<string, KnownStory>();
  if (items.length === 0) return known;
  const { results } = await db
    .prepare(
      `WITH wanted AS (SELECT json_extract(value, '$[0]') AS guid, json_extract(value, '$[1]') AS hash FROM json_each(?2)),
       looked AS (
         SELECT w.guid, w.hash, s.content_hash, s.annotator_version, s.body_key,
           CASE WHEN s.id IS NULL THEN (SELECT h.id FROM stories h WHERE h.feed_id = ?1 AND h.content_hash = w.hash ORDER BY h.id LIMIT 1) END AS same_id,
           (EXISTS (SELECT 1 FROM deleted_stories d WHERE d.feed_id = ?1 AND d.guid = w.guid)
             OR EXISTS (SELECT 1 FROM deleted_stories d WHERE d.feed_id = ?1 AND d.content_hash = w.hash)) AS tombstoned
         FROM wanted w LEFT JOIN stories s ON s.feed_id = ?1 AND s.guid = w.guid)
       SELECT l.guid, COALESCE(l.content_hash, h.content_hash) AS content_hash,
         COALESCE(l.annotator_version, h.annotator_version) AS annotator_version, h.guid AS stored_guid, l.tombstoned,
         COALESCE(l.body_key, h.body_key) AS body_key
       FROM looked l LEFT JOIN stories h ON h.id = l.same_id
       WHERE l.content_hash IS NOT NULL OR h.id IS NOT NULL OR l.tombstoned`,
    )
    .bind(feedId, JSON.stringify(items.map((i) => [i.guid, i.content_hash])))
    .all<{ guid: string; content_hash: string | null; annotator_version: number | null; stored_guid: string | null; tombstoned: number; body_key: string | null }>();
  for (const r of results) known.set(r.guid, { ...r, tombstoned: r.tombstoned === 1 });
  return known;
}

/** Gives a stored story the guid its feed now uses for it; the story keeps its id, tags and place in every list. */
export function renameStory(db: D1Database, feedId: number, storedGuid: string, guid: string): D1PreparedStatement {
  return db.prepare("UPDATE stories SET guid = ?3 WHERE feed_id = ?1 AND guid = ?2").bind(feedId, storedGuid, guid);
}

/**
 * The statements that insert or update one story with its flags, wires and entities.
 * With `ifUnchanged` (re-annotation), nothing is written when the stored content hash is no longer the
 * item's: a fetch changed the story meanwhile, and its newer annotation must not be overwritten.
 * `body` says where the item's content_html and text are: under an R2 key already written (putBody), or inline.
 */
export function storyWriteStatements(
  db: D1Database,
  feedId: number,
  w: StoryWrite,
  fetchedAt: string,
  { ifUnchanged = false, body = { inline: true } as BodyPlacement } = {},
): D1PreparedStatement[] {
  const { item, annotation } = w;
  const f = annotation.flags;
  const key = "key" in body ? body.key : null;
  const text = packText(annotation.content_text);
  const upsert = db
    .prepare(
      `INSERT INTO stories (feed_id, guid, url, title, author, published_at, published_raw, updated_at, fetched_at,
         sort_at, summary, content_html, content_text, content_z, source_text, categories, content_hash, annotator_version,
         auto_generated, unedited, syndicated, ai_generated, evidence, body_key, body_expired_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE(?6, ?9), ?10, ?11, '', ?12, ?21, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?23, NULL)
       ON CONFLICT (feed_id, guid) DO UPDATE SET
         url = excluded.url, title = excluded.title, author = excluded.author,
         published_at = excluded.published_at, published_raw = excluded.published_raw, updated_at = excluded.updated_at,
         summary = excluded.summary, content_html = excluded.content_html, content_text = '', content_z = excluded.content_z,
         source_text = excluded.source_text,
         categories = excluded.categories, content_hash = excluded.content_hash,
         annotator_version = excluded.annotator_version,
         auto_generated = excluded.auto_generated, unedited = excluded.unedited, syndicated = excluded.syndicated,
         ai_generated = excluded.ai_generated, evidence = excluded.evidence,
         body_key = excluded.body_key, body_expired_at = NULL
       WHERE ?22 = 0 OR stories.content_hash = excluded.content_hash`,
    )
    .bind(
      feedId,
      item.guid,
      item.url,
      item.title,
      item.author,
      item.published_at,
      item.published_raw,
      item.updated_at,
      fetchedAt,
      item.summary,
      key === null ? item.content_html : null,
      text,
      JSON.stringify(item.categories),
      item.content_hash,
      w.annotatorVersion,
      Number(f.auto_generated),
      Number(f.unedited),
      Number(f.syndicated),
      Number(f.ai_generated),
      packEvidence(f.evidence),
      key === null ? item.text : "",
      Number(ifUnchanged),
      key,
    );
  return [
    upsert,
    ...storySearchStatements(db, feedId, item, annotation.content_text, text),
    ...storyWireStatements(db, feedId, item, f.wire_services),
    ...storyEntityStatements(db, feedId, item, annotation.entities),
  ];
}

/**
 * The story's entry in the contentless FTS index (migrations/0012): out with the old, in with the new, both only
 * when the row holds exactly this text, so an upsert that did not apply (re-annotation of a story changed
 * meanwhile) leaves the index as it was. A row still inline is in stories_fts_inline, which its trigger left.
 */
function storySearchStatements(db: D1Database, feedId: number, item: NormalizedItem, plain: string, packed: Uint8Array): D1PreparedStatement[] {
  const row = "FROM stories WHERE feed_id = ?1 AND guid = ?2 AND content_z = ?3";
  return [
    db.prepare(`DELETE FROM stories_fts WHERE rowid = (SELECT id ${row})`).bind(feedId, item.guid, packed),
    // The title as the row holds it: the text matching does not make this write's title the stored one.
    db.prepare(`INSERT INTO stories_fts (rowid, title, content_text) SELECT id, title, ?4 ${row}`).bind(feedId, item.guid, packed, plain),
  ];
}

/** A story without evidence keeps the column's default; JSON text of a row written before 0012 reads the same. */
export const EMPTY_EVIDENCE = "[]";

/**
 * Evidence JSON compressed like the text (text.ts), in the same column: a BLOB where there is evidence (the
 * quoted disclaimers and datelines repeat rule names and phrases, ≈ 310 → 100 bytes), '[]' where there is none.
 */
function packEvidence(evidence: Evidence[]): Uint8Array | string {
  return evidence.length === 0 ? EMPTY_EVIDENCE : packText(JSON.stringify(evidence));
}

function storedEvidence(stored: string | StoredBlob): Evidence[] {
  return JSON.parse(typeof stored === "string" ? stored : unpackText(stored)) as Evidence[];
}

function storyWireStatements(
  db: D1Database,
  feedId: number,
  item: NormalizedItem,
  wires: string[],
): D1PreparedStatement[] {
  const statements = [db.prepare(`DELETE FROM story_wires WHERE story_id = ${STORY_BY_KEY}`).bind(feedId, item.guid, item.content_hash)];
  if (wires.length > 0) {
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO story_wires (story_id, wire, position)
           SELECT ${STORY_BY_KEY}, j.value, j.key FROM json_each(?4) j WHERE ${STORY_BY_KEY} IS NOT NULL`,
        )
        .bind(feedId, item.guid, item.content_hash, JSON.stringify(wires)),
    );
  }
  return statements;
}

/**
 * Deletes a story and leaves a tombstone so the next fetch of its feed does not bring it back; its R2 body goes
 * after the row (the pointer first, then the object).
 */
export async function deleteStory(db: D1Database, id: number, now: string, bucket?: R2Bucket): Promise<boolean> {
  const held = await db.prepare("SELECT body_key FROM stories WHERE id = ?1").bind(id).first<{ body_key: string | null }>();
  const [tomb, del] = await db.batch([
    db
      .prepare(
        `INSERT OR IGNORE INTO deleted_stories (feed_id, guid, deleted_at, content_hash)
         SELECT feed_id, guid, ?2, content_hash FROM stories WHERE id = ?1`,
      )
      .bind(id, now),
    db.prepare("DELETE FROM stories WHERE id = ?1").bind(id),
  ]);
  if (held?.body_key && (del?.meta.changes ?? 0) > 0) await deleteBodies(bucket, [held.body_key]);
  return (del?.meta.changes ?? tomb?.meta.changes ?? 0) > 0;
}

/**
 * The ids of the stories whose text matches the FTS query bound at `q` (among the ids `within` selects, when
 * given): rows not yet compacted are indexed in stories_fts_inline (migrations/0012), the others in stories_fts;
 * each row is in exactly one of the two.
 */
export function fullTextIdsSql(q: string, within?: string): string {
  const arm = (table: string) => `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ${q}${within ? ` AND rowid IN (${within})` : ""}`;
  return `${arm("stories_fts")} UNION ALL ${arm("stories_fts_inline")}`;
}

// ── read path ────────────────────────────────────────────────────────────────────────────────────────────

/** The list's filter: a story's conditions (model.ts), paging, and the cluster conditions only lists take. */
export interface StoryFilter extends StoryConditions {
  limit: number;
  cursor?: Cursor;
  /** Members of this cluster. */
  clusterId?: number;
  /** Stories whose cluster has at least this many members. */
  minCopies?: number;
}

export interface Cursor {
  sortAt: string;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return btoa(JSON.stringify([c.sortAt, c.id])).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Null for anything that is not a cursor this API issued. */
export function decodeCursor(s: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(atob(s.replace(/-/g, "+").replace(/_/g, "/")));
    // The date must parse: the timelines of migrations/0014 compare it as milliseconds.
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && Number.isFinite(Date.parse(v[0])) && Number.isSafeInteger(v[1])) {
      return { sortAt: v[0], id: v[1] as number };
    }
  } catch {
    // not base64 or not JSON: fall through
  }
  return null;
}

interface StoryRow {
  id: number;
  feed_id: number;
  guid: string;
  url: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  updated_at: string | null;
  fetched_at: string;
  sort_at: string;
  summary: string | null;
  content_html: string | null;
  /** Read with content_html: when set, the html is in this R2 body (hydrate). */
  body_key: string | null;
  content_text: string;
  /** Read with content_text: when set, the text is compressed here (text.ts). */
  content_z: StoredBlob | null;
  categories: string;
  auto_generated: number;
  unedited: number;
  syndicated: number;
  ai_generated: number;
  /** JSON text, or a BLOB of it compressed (packEvidence). */
  evidence: string | StoredBlob;
  wires: string;
  entity_list: string;
  inferred_syndicated: number;
  inferred_unedited: number;
  inferred_evidence: string;
  cluster_json: string | null;
  content_source: ContentSource;
  article_status: ArticleStatus | null;
  article_fetched_at: string | null;
  article_error: string | null;
}

// Wires and entities come back with the story as JSON arrays, so a page is one round trip.
const WIRES_SQL = `(SELECT json_group_array(wire) FROM (SELECT wire FROM story_wires w WHERE w.story_id = s.id ORDER BY position)) AS wires`;
const ENTITIES_SQL = `(SELECT json_group_array(json_array(name, type, mentions, ${spansSql("spans")})) FROM (
     SELECT e.name, e.type, se.mentions, se.spans FROM story_entities se JOIN entities e ON e.id = se.entity_id
     WHERE se.story_id = s.id ORDER BY se.mentions DESC, e.name)) AS entity_list`;

// Evidence inferred from copies in other feeds (store/clusters.ts), after the stated evidence.
const INFERRED_EVIDENCE_SQL = `(SELECT json_group_array(json_object('flag', i.flag, 'rule', i.rule, 'text', i.text, 'kind', 'inferred',
     'stories', json(i.sources), 'similarity', i.similarity)) FROM (SELECT * FROM story_inferred i WHERE i.story_id = s.id ORDER BY i.position) i) AS inferred_evidence`;
const CLUSTER_SQL = `(SELECT json_object('id', c.id, 'size', c.size, 'feeds', c.feeds) FROM story_signatures g JOIN clusters c ON c.id = g.cluster_id
     WHERE g.story_id = s.id) AS cluster_json`;

/** The columns each Story member is built from; id and sort_at are always read (identity and the cursor). */
const FIELD_COLUMNS: Record<StoryField, string[]> = {
  id: [],
  feed_id: ["s.feed_id"],
  guid: ["s.guid"],
  url: ["s.url"],
  title: ["s.title"],
  author: ["s.author"],
  published_at: ["s.published_at"],
  updated_at: ["s.updated_at"],
  fetched_at: ["s.fetched_at"],
  summary: ["s.summary"],
  content_html: ["s.content_html", "s.body_key"],
  content_text: ["s.content_text", "s.content_z"],
  categories: ["s.categories"],
  flags: ["s.auto_generated", "s.unedited", "s.syndicated", "s.ai_generated", "s.evidence", WIRES_SQL, "s.inferred_syndicated", "s.inferred_unedited", INFERRED_EVIDENCE_SQL],
  entities: [ENTITIES_SQL],
  cluster: [CLUSTER_SQL],
  content_source: ["s.content_source"],
  article: ["s.article_status", "s.article_fetched_at", "s.article_error"],
};

function storyColumns(fields: readonly StoryField[]): string {
  return ["s.id", "s.sort_at", ...fields.flatMap((f) => FIELD_COLUMNS[f])].join(", ");
}

const FIELD_VALUES: { [K in StoryField]: (r: StoryRow) => Story[K] } = {
  id: (r) => r.id,
  feed_id: (r) => r.feed_id,
  guid: (r) => r.guid,
  url: (r) => r.url,
  title: (r) => r.title,
  author: (r) => r.author,
  published_at: (r) => r.published_at,
  updated_at: (r) => r.updated_at,
  fetched_at: (r) => r.fetched_at,
  summary: (r) => r.summary,
  content_html: (r) => r.content_html,
  content_text: (r) => storedText(r),
  categories: (r) => JSON.parse(r.categories) as string[],
  flags: (r) => ({
    auto_generated: r.auto_generated === 1,
    unedited: r.unedited === 1 || r.inferred_unedited === 1,
    syndicated: r.syndicated === 1 || r.inferred_syndicated === 1,
    ai_generated: r.ai_generated === 1,
    wire_services: JSON.parse(r.wires) as string[],
    // Rows written before evidence had a kind hold only stated evidence; inferred evidence comes after it.
    evidence: [
      ...storedEvidence(r.evidence).map((e) => ({ ...e, kind: e.kind ?? "stated" })),
      ...(JSON.parse(r.inferred_evidence) as Evidence[]),
    ],
  }),
  entities: (r) =>
    (JSON.parse(r.entity_list) as [string, EntityType, number, string | SpanTriple[] | null][]).map(([name, type, mentions, stored]): Entity => {
      const spans = storedSpans(stored);
      return spans ? { name, type, mentions, spans } : { name, type, mentions };
    }),
  cluster: (r) => (r.cluster_json === null ? null : (JSON.parse(r.cluster_json) as StoryCluster)),
  content_source: (r) => r.content_source,
  article: (r) => (r.article_status === null ? null : { status: r.article_status, fetched_at: r.article_fetched_at, error: r.article_error }),
};

/** The story's members among `fields`, in the order a Story lists them. */
function storyFields(r: StoryRow, fields: readonly StoryField[]): Partial<Story> {
  const out: Partial<Record<StoryField, unknown>> = {};
  for (const f of STORY_FIELDS) if (fields.includes(f)) out[f] = FIELD_VALUES[f](r);
  return out as Partial<Story>;
}

function toStory(r: StoryRow): Story {
  return storyFields(r, STORY_FIELDS) as Story;
}

const STORY_COLUMNS = storyColumns(STORY_FIELDS);

/**
 * Fills in content_html from R2 for the rows whose body lives there, all of a page's bodies at once (parallel,
 * cached: bodies.ts), and only when content_html was asked for. A body removed by retention reads as null.
 */
async function hydrate<R extends Pick<StoryRow, "content_html" | "body_key">>(rows: R[], fields: readonly StoryField[], bucket: R2Bucket | undefined): Promise<R[]> {
  if (!fields.includes("content_html")) return rows;
  const keys = rows.flatMap((r) => (r.body_key ? [r.body_key] : []));
  if (keys.length === 0) return rows;
  const bodies = await getBodies(bucket, keys);
  for (const r of rows) if (r.body_key) r.content_html = bodies.get(r.body_key)!.content_html;
  return rows;
}

export async function getStory(db: D1Database, id: number, bucket?: R2Bucket): Promise<Story | null> {
  const row = await db.prepare(`SELECT ${STORY_COLUMNS} FROM stories s WHERE s.id = ?1`).bind(id).first<StoryRow>();
  if (!row) return null;
  await hydrate([row], STORY_FIELDS, bucket);
  return toStory(row);
}

/** A story's whole body wherever it is (inline, R2 or removed by retention), for re-annotation and the article stage. */
export async function storyBody(
  bucket: R2Bucket | undefined,
  r: { content_html: string | null; source_text: string; body_key: string | null },
): Promise<Body> {
  if (!r.body_key) return { content_html: r.content_html, source_text: r.source_text };
  return (await getBodies(bucket, [r.body_key])).get(r.body_key)!;
}

/**
 * The SQL of one page of a story filter, in two steps. The inner query walks one index in API order
 * (sort_at DESC, id DESC) and stops at the page size: an entity's or wire's timeline when the filter names
 * one (migrations/0002), else stories_feed_sort for a feed, else stories_sort (or a flag's partial index,
 * the planner's pick). Every other condition is checked on the rows walked. The outer query builds the full
 * story, with its wires and entities, for the ids of the page only.
 *
 * `entityIds` holds, for each of `f.entities`, the ids that name resolves to (see resolveEntityIds); a name
 * resolving to one id can drive the walk, a name that several types share is checked as a membership.
 * `page` is the inner query alone, with the same parameters, for EXPLAIN QUERY PLAN.
 */
export function storyPageSql(
  f: StoryFilter,
  entityIds: number[][],
  fields: readonly StoryField[] = STORY_FIELDS,
  timeline: "ms" | "text" = "ms",
): { sql: string; page: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `?${params.length}`;
  };
  const driver = entityIds.findIndex((ids) => ids.length === 1);
  let from = "stories s";
  let key = { sortAt: "s.sort_at", id: "s.id" };
  // The timelines of migrations/0014 key sort_at as integer milliseconds; those of 0002 (until the mover has
  // emptied them) as the story's ISO text. The bounds on the key follow the table walked.
  let keyOf = (iso: string): string | number => iso;
  const suffix = timeline === "ms" ? "_ms" : "";
  // CROSS JOIN keeps the timeline as the outer loop, so its order is the page order and no sort is needed;
  // NOT INDEXED leaves the rowid as the only way into stories, where a planner misled by small statistics
  // would otherwise scan a flag's partial index once per timeline row.
  if (driver >= 0) {
    from = `entity_timeline${suffix} t CROSS JOIN stories s NOT INDEXED ON s.id = t.story_id`;
    key = { sortAt: "t.sort_at", id: "t.story_id" };
    if (timeline === "ms") keyOf = sortMs;
    where.push(`t.entity_id = ${p(entityIds[driver]![0])}`);
  } else if (f.wire !== undefined) {
    from = `wire_timeline${suffix} t CROSS JOIN stories s NOT INDEXED ON s.id = t.story_id`;
    key = { sortAt: "t.sort_at", id: "t.story_id" };
    if (timeline === "ms") keyOf = sortMs;
    where.push(`t.wire = ${p(f.wire)}`);
  }
  entityIds.forEach((ids, i) => {
    if (i === driver) return;
    where.push(`EXISTS (SELECT 1 FROM story_entities se WHERE se.story_id = s.id AND se.entity_id IN (${ids.map(p).join(", ")}))`);
  });
  if (f.wire !== undefined && driver >= 0) {
    where.push(`EXISTS (SELECT 1 FROM story_wires w WHERE w.story_id = s.id AND w.wire = ${p(f.wire)})`);
  }
  for (const flag of f.flags) where.push(flagSql(flag, f.statedOnly, "= 1"));
  // No index for "= 0": a story lacks any given flag far more often than it has it, so walking the sort
  // order and skipping the flagged few fills a page sooner than any index on the unflagged many would.
  for (const flag of f.noFlags) where.push(flagSql(flag, f.statedOnly, "= 0"));
  if (f.clusterId !== undefined) {
    where.push(`s.id IN (SELECT g.story_id FROM story_signatures g WHERE g.cluster_id = ${p(f.clusterId)})`);
  }
  if (f.minCopies !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM story_signatures g JOIN clusters c ON c.id = g.cluster_id WHERE g.story_id = s.id AND c.size >= ${p(f.minCopies)})`);
  }
  if (f.feedId !== undefined) where.push(`s.feed_id = ${p(f.feedId)}`);
  // The unary + keeps the matches from driving: looking up and sorting every match costs as many row reads
  // as the term is common (a third of the archive for a common word), while walking the sort order and
  // testing each id against the matches stops at the page size and is bounded by the index however rare.
  // Rows not yet compacted are indexed in stories_fts_inline (migrations/0012); each row is in one of the two.
  if (f.q !== undefined) where.push(`+s.id IN (${fullTextIdsSql(p(f.q))})`);
  // sort_at is published_at whenever published_at is set, so the same bound on the sort key is implied by
  // the condition and lets the walk start and stop inside the window instead of filtering the whole order.
  if (f.since !== undefined) {
    where.push(`s.published_at >= ${p(f.since)} AND ${key.sortAt} >= ${p(keyOf(f.since))}`);
  }
  if (f.until !== undefined) {
    where.push(`s.published_at < ${p(f.until)} AND ${key.sortAt} < ${p(keyOf(f.until))}`);
  }
  if (f.cursor) {
    // The same keyset test as (sort_at, id) < (a, b), written so that sort_at <= a bounds the index range.
    const a = p(keyOf(f.cursor.sortAt));
    const b = p(f.cursor.id);
    where.push(`${key.sortAt} <= ${a} AND (${key.sortAt} < ${a} OR ${key.id} < ${b})`);
  }
  const page = `SELECT ${key.id} AS id FROM ${from} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY ${key.sortAt} DESC, ${key.id} DESC LIMIT ${p(f.limit + 1)}`;
  return {
    sql: `SELECT ${storyColumns(fields)} FROM (${page}) page CROSS JOIN stories s ON s.id = page.id ORDER BY s.sort_at DESC, s.id DESC`,
    page,
    params,
  };
}

/** Flags that copies can imply (migrations/0007): the filter counts them unless only stated evidence is asked for. */
const INFERABLE: readonly FlagName[] = ["syndicated", "unedited"];

/** The condition for a flag being set (`= 1`) or not (`= 0`); written as the partial indexes are. */
function flagSql(flag: FlagName, statedOnly: boolean | undefined, test: "= 1" | "= 0"): string {
  const column = `s.${checkedFlag(flag)}`;
  if (statedOnly || !INFERABLE.includes(flag)) return `${column} ${test}`;
  return test === "= 1" ? `(${column} = 1 OR s.inferred_${flag} = 1)` : `${column} = 0 AND s.inferred_${flag} = 0`;
}

/** Column names are interpolated, so only the known flag names get through. */
function checkedFlag(flag: FlagName): FlagName {
  if (!FLAG_NAMES.includes(flag)) throw new Error(`store: unknown flag ${String(flag)}`);
  return flag;
}

export interface StoryPage {
  stories: Story[];
  next_cursor: string | null;
}

/**
 * The page's rows, one more than the limit if there are more. A filter that walks a tag timeline walks both
 * encodings (migrations/0014): each row is in one of them, each walk returns its own first limit + 1 in page
 * order, so the first limit + 1 of the two merged are the page. Both travel in one batch; once the mover has
 * emptied the old timelines, their walk is one index seek that finds nothing.
 */
async function pageResults(db: D1Database, filter: StoryFilter, entityIds: number[][], fields: readonly StoryField[]): Promise<StoryRow[]> {
  const statement = (timeline: "ms" | "text") => {
    const { sql, params } = storyPageSql(filter, entityIds, fields, timeline);
    return db.prepare(sql).bind(...params);
  };
  if (!entityIds.some((ids) => ids.length === 1) && filter.wire === undefined) return (await statement("ms").all<StoryRow>()).results;
  const [ms, text] = await db.batch<StoryRow>([statement("ms"), statement("text")]);
  const seen = new Set<number>();
  return [...ms!.results, ...text!.results]
    .sort((a, b) => (a.sort_at === b.sort_at ? b.id - a.id : a.sort_at < b.sort_at ? 1 : -1))
    .filter((r) => !seen.has(r.id) && seen.add(r.id) !== undefined)
    .slice(0, filter.limit + 1);
}

/** A timeline key (migrations/0014) of an ISO date: milliseconds since the epoch, UTC. */
export function sortMs(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`stories: not an ISO date: ${JSON.stringify(iso)}`);
  return ms;
}

/** One page of a filter, newest first; a name no entity has means no story can match, so no page query. */
async function pageRows(
  db: D1Database,
  filter: StoryFilter,
  fields: readonly StoryField[],
  bucket: R2Bucket | undefined,
): Promise<{ rows: StoryRow[]; next_cursor: string | null }> {
  const entityIds = filter.entities.length ? await resolveEntityIds(db, filter.entities, filter.entityType) : [];
  if (entityIds.some((ids) => ids.length === 0)) return { rows: [], next_cursor: null };
  const results = await pageResults(db, filter, entityIds, fields);
  const rows = await hydrate(results.slice(0, filter.limit), fields, bucket);
  const last = rows.at(-1);
  const next_cursor = results.length > filter.limit && last ? encodeCursor({ sortAt: last.sort_at, id: last.id }) : null;
  return { rows, next_cursor };
}

export async function queryStories(db: D1Database, filter: StoryFilter, bucket?: R2Bucket): Promise<StoryPage> {
  const { rows, next_cursor } = await pageRows(db, filter, STORY_FIELDS, bucket);
  return { stories: rows.map(toStory), next_cursor };
}

/**
 * The same page with only some members of each story (id always): the columns of the others are not read,
 * so a page of titles and tags costs a fraction of a page of full texts.
 */
export async function queryStoryFields(
  db: D1Database,
  filter: StoryFilter,
  fields: readonly StoryField[],
  bucket?: R2Bucket,
): Promise<{ stories: Partial<Story>[]; next_cursor: string | null }> {
  const picked = STORY_FIELDS.filter((f) => f === "id" || fields.includes(f));
  const { rows, next_cursor } = await pageRows(db, filter, picked, bucket);
  return { stories: rows.map((r) => storyFields(r, picked)), next_cursor };
}

/** Stories by id with only the given members (id always), in the order of `ids`; unknown ids are left out. */
export async function storiesByIds(
  db: D1Database,
  ids: number[],
  fields: readonly StoryField[] = STORY_FIELDS,
  bucket?: R2Bucket,
): Promise<Partial<Story>[]> {
  if (ids.length === 0) return [];
  const picked = STORY_FIELDS.filter((f) => f === "id" || fields.includes(f));
  const { results } = await db
    .prepare(`SELECT ${storyColumns(picked)} FROM json_each(?1) j CROSS JOIN stories s ON s.id = j.value ORDER BY j.key`)
    .bind(JSON.stringify(ids))
    .all<StoryRow>();
  return (await hydrate(results, picked, bucket)).map((r) => storyFields(r, picked));
}

// ── re-annotation ────────────────────────────────────────────────────────────────────────────────────────

export interface StoredItem {
  id: number;
  feedId: number;
  fetchedAt: string;
  item: NormalizedItem;
  /** The feed's URL, null once the feed is deleted: where the story's outlet comes from when it has no URL. */
  feedUrl?: string | null;
  /** The page's provenance signals when the text came from the article page (full articles), else empty. */
  signals: PageSignal[];
  /** Where the body is: its R2 key, or inline (a rewrite with the same body keeps it there). */
  body: BodyPlacement;
}

/**
 * The next stories annotated by an older annotator than `version` (or every story, with `all`), in id order
 * after `afterId`: the unit of resumable re-annotation. The item comes back as normalize produced it.
 */
export async function storiesForReannotation(
  db: D1Database,
  q: { version: number; afterId: number; limit: number; all: boolean },
  bucket?: R2Bucket,
): Promise<StoredItem[]> {
  const { results } = await db
    .prepare(
      `SELECT id, feed_id, guid, url, title, author, published_at, published_raw, updated_at, fetched_at, summary,
         content_html, source_text, body_key, categories, content_hash, article_signals, (SELECT f.url FROM feeds f WHERE f.id = stories.feed_id) AS feed_url
       FROM stories WHERE id > ?1 AND (?3 = 1 OR annotator_version < ?2) AND body_expired_at IS NULL ORDER BY id LIMIT ?4`,
    )
    .bind(q.afterId, q.version, q.all ? 1 : 0, q.limit)
    .all<Omit<NormalizedItem, "text" | "categories"> & { id: number; feed_id: number; fetched_at: string; source_text: string; body_key: string | null; categories: string; feed_url: string | null; article_signals: string | null }>();
  // Re-annotation starts again from the source text, wherever it is kept.
  const bodies = await getBodies(bucket, results.flatMap((r) => (r.body_key ? [r.body_key] : [])));
  return results.map((r) => ({
    id: r.id,
    feedId: r.feed_id,
    fetchedAt: r.fetched_at,
    feedUrl: r.feed_url,
    signals: r.article_signals ? (JSON.parse(r.article_signals) as PageSignal[]) : [],
    body: r.body_key ? { key: r.body_key } : { inline: true },
    item: {
      guid: r.guid,
      url: r.url,
      title: r.title,
      author: r.author,
      published_at: r.published_at,
      published_raw: r.published_raw,
      updated_at: r.updated_at,
      summary: r.summary,
      content_html: r.body_key ? bodies.get(r.body_key)!.content_html : r.content_html,
      text: r.body_key ? bodies.get(r.body_key)!.source_text : r.source_text,
      categories: JSON.parse(r.categories) as string[],
      content_hash: r.content_hash,
    },
  }));
}

/** Stories annotated by an older version that can be annotated again (a body removed by retention cannot). */
export async function countStale(db: D1Database, version: number): Promise<number> {
  const row = await db
    .prepare("SELECT count(*) AS n FROM stories WHERE annotator_version < ?1 AND body_expired_at IS NULL")
    .bind(version)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
