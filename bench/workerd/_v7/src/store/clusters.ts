/**
 * Clusters of copies: signatures, LSH band keys, memberships, inferred evidence, and the cluster reads of the
 * API. Raw statements; every list travels as one JSON parameter read with json_each.
 *
 * Invariants:
 * - A story written in the same D1 batch has no id yet when the statements are built, so statements name
 *   stories by StoryRef: an id, or [feed_id, guid] resolved inside the statement once the story row exists.
 * - A cluster's id is the smallest story id among its members when it was last written; members are ranked
 *   by date (rank 0 is the earliest copy).
 * - Inferred evidence never touches the stated columns (flags, evidence): it lives in story_inferred, the
 *   inferred_* columns and story_wires rows at INFERRED_WIRE_POSITION and above, all rewritten together.
 */
import { hexOf } from "./text";

/** A story by id, or by [feed_id, guid] when it is written in the same batch. */
export type StoryRef = number | [number, string];

/** Inherited wires sort after the story's own (positions 0…). */
export const INFERRED_WIRE_POSITION = 100;

/** JSON parameters are cut at about this size: D1 takes at most 100 KB per statement. */
const PAYLOAD_CHARS = 60_000;

/** SQL for the story id of the StoryRef at `path` inside the JSON `json`. */
const refAt = (json: string, path: string) =>
  `(CASE json_type(${json}, '${path}') WHEN 'integer' THEN json_extract(${json}, '${path}')
    ELSE (SELECT s.id FROM stories s WHERE s.feed_id = json_extract(${json}, '${path}[0]') AND s.guid = json_extract(${json}, '${path}[1]')) END)`;
/** SQL for the story id of a json_each row `e` whose value is a StoryRef. */
export const refOf = (e: string) =>
  `(CASE ${e}.type WHEN 'integer' THEN ${e}.value
    ELSE (SELECT s.id FROM stories s WHERE s.feed_id = json_extract(${e}.value, '$[0]') AND s.guid = json_extract(${e}.value, '$[1]')) END)`;

/** Cuts a list into pieces whose JSON stays under PAYLOAD_CHARS (an oversized item travels alone). */
export function pieces<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const n = JSON.stringify(item).length + 1;
    if (current.length > 0 && size + n > PAYLOAD_CHARS) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

// ── candidate lookup ─────────────────────────────────────────────────────────────────────────────────────

export interface StoredNode {
  id: number;
  feed_id: number;
  guid: string;
  /** Base64, as encodeSignature writes it (stored as a BLOB of the bytes: signatureHex). */
  signature: string;
  shingles: number;
  outlet: string;
  at: string;
  cluster_id: number | null;
  syndicated: number;
  unedited: number;
  inferred_syndicated: number;
  inferred_unedited: number;
  /** JSON arrays of wire names. */
  wires: string;
  inferred_wires: string;
}

/**
 * The signed stories sharing one of the keys ?1 whose keys were written with a date in [?2, ?3]: keys and dates
 * apart (migrations/0013), and the keys written before that migration, each with its date, until they are
 * moved or pruned. A story's keys are in one of the two tables, so UNION only merges stories sharing several keys.
 */
const CANDIDATES_SQL = `SELECT b.story_id FROM json_each(?1) k JOIN band_keys b ON b.key = k.value
    JOIN band_key_dates d ON d.story_id = b.story_id WHERE d.at >= ?2 AND d.at <= ?3
  UNION SELECT b.story_id FROM json_each(?1) k JOIN band_keys_text b ON b.key = k.value WHERE b.at >= ?2 AND b.at <= ?3`;

/**
 * Everything a chunk of new or changed stories needs, in one query: the signed stories sharing a band key
 * with the chunk within the window [from, to], the stored rows of the chunk's own stories (their earlier
 * version), and every member of the clusters any of those belong to.
 */
export async function lookupNodes(
  db: D1Database,
  q: { keys: number[]; from: string; to: string; own: [number, string][]; version: number },
): Promise<StoredNode[]> {
  const { results } = await db
    .prepare(
      `WITH cand AS (${CANDIDATES_SQL}),
       own AS (
         SELECT s.id AS story_id FROM json_each(?4) o JOIN stories s ON s.feed_id = json_extract(o.value, '$[0]') AND s.guid = json_extract(o.value, '$[1]')),
       seed AS (SELECT story_id FROM cand UNION SELECT story_id FROM own),
       nodes AS (
         SELECT story_id FROM seed
         UNION SELECT m.story_id FROM seed JOIN story_signatures g ON g.story_id = seed.story_id
           JOIN story_signatures m ON m.cluster_id = g.cluster_id WHERE g.cluster_id IS NOT NULL)
       SELECT g.story_id AS id, s.feed_id, s.guid, ${SIGNATURE_SQL}, g.shingles, g.outlet, g.at, g.cluster_id,
         s.syndicated, s.unedited, s.inferred_syndicated, s.inferred_unedited,
         (SELECT json_group_array(w.wire) FROM story_wires w WHERE w.story_id = g.story_id AND w.position < ${INFERRED_WIRE_POSITION}) AS wires,
         (SELECT json_group_array(w.wire) FROM story_wires w WHERE w.story_id = g.story_id AND w.position >= ${INFERRED_WIRE_POSITION}) AS inferred_wires
       FROM nodes n JOIN story_signatures g ON g.story_id = n.story_id JOIN stories s ON s.id = g.story_id
       WHERE g.version = ?5`,
    )
    .bind(JSON.stringify(q.keys), q.from, q.to, JSON.stringify(q.own), q.version)
    .all<StoredNode & { signature_blob: number }>();
  return results.map(({ signature_blob, ...node }) => ({ ...node, signature: signature_blob === 1 ? hexToBase64(node.signature) : node.signature }));
}

// ── signature storage ────────────────────────────────────────────────────────────────────────────────────
// A signature is stored as a BLOB of its bytes (migrations/0012): 512 bytes for 128 values, where the base64
// TEXT the cluster code speaks takes 684. It travels as hex (SQLite's unhex and hex), since SQL has no base64.
// Rows written before are TEXT until the mover packs them; both read the same.

/** The signature column as text: hex of the BLOB, or the base64 of a row not yet packed, and which it is. */
const SIGNATURE_SQL = `CASE typeof(g.signature) WHEN 'blob' THEN hex(g.signature) ELSE g.signature END AS signature,
  typeof(g.signature) = 'blob' AS signature_blob`;

export function signatureHex(base64: string): string {
  return hexOf(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

export function hexToBase64(hex: string): string {
  let bin = "";
  for (let i = 0; i < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bin);
}

/**
 * A statement for the end of a batch: how many signed stories of other feeds, not among `known`, share a band
 * key with the chunk within [from, to]. Non-zero means a concurrent batch stored a copy after the lookup.
 */
export function unseenCandidatesStatement(
  db: D1Database,
  q: { keys: number[]; from: string; to: string; feeds: number[]; known: number[]; version: number },
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT count(*) AS unseen FROM (${CANDIDATES_SQL}) c JOIN stories s ON s.id = c.story_id
         JOIN story_signatures g ON g.story_id = c.story_id AND g.version = ?6
       WHERE s.feed_id NOT IN (SELECT value FROM json_each(?4)) AND c.story_id NOT IN (SELECT value FROM json_each(?5))`,
    )
    .bind(JSON.stringify(q.keys), q.from, q.to, JSON.stringify(q.feeds), JSON.stringify(q.known), q.version);
}

// ── writes ───────────────────────────────────────────────────────────────────────────────────────────────

export interface SignatureWrite {
  ref: StoryRef;
  signature: string;
  shingles: number;
  outlet: string;
  at: string;
  keys: number[];
}

/** Statements deleting the band keys (either layout) and key dates of the stories `w` names. */
function forgetKeys(db: D1Database, w: string, json: string): D1PreparedStatement[] {
  return ["band_keys", "band_keys_text", "band_key_dates"].map((table) => db.prepare(`${w} DELETE FROM ${table} WHERE story_id IN (SELECT id FROM w)`).bind(json));
}

/** Stores signatures and band keys (replacing a story's earlier ones). */
export function signatureStatements(db: D1Database, writes: readonly SignatureWrite[], version: number): D1PreparedStatement[] {
  return pieces(writes.map((w) => [w.ref, signatureHex(w.signature), w.shingles, w.outlet, w.at, w.keys])).flatMap((piece) => {
    const json = JSON.stringify(piece);
    const w = `WITH w AS (SELECT ${refAt("j.value", "$[0]")} AS id, j.value AS v FROM json_each(?1) j)`;
    return [
      db
        .prepare(
          `${w} INSERT INTO story_signatures (story_id, version, signature, shingles, outlet, at)
           SELECT id, ?2, unhex(json_extract(v, '$[1]')), json_extract(v, '$[2]'), json_extract(v, '$[3]'), json_extract(v, '$[4]')
           FROM w WHERE id IS NOT NULL
           ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, signature = excluded.signature,
             shingles = excluded.shingles, outlet = excluded.outlet, at = excluded.at`,
        )
        .bind(json, version),
      ...forgetKeys(db, w, json),
      db
        .prepare(
          `${w} INSERT OR IGNORE INTO band_keys (key, story_id)
           SELECT k.value, w.id FROM w, json_each(w.v, '$[5]') k WHERE w.id IS NOT NULL`,
        )
        .bind(json),
      db
        .prepare(
          `${w} INSERT INTO band_key_dates (story_id, at) SELECT w.id, json_extract(w.v, '$[4]') FROM w
           WHERE w.id IS NOT NULL AND json_array_length(w.v, '$[5]') > 0
           ON CONFLICT (story_id) DO UPDATE SET at = excluded.at`,
        )
        .bind(json),
    ];
  });
}

/** Forgets the signatures of stories whose body no longer has one (too short since a change). */
export function unsignStatements(db: D1Database, refs: readonly StoryRef[]): D1PreparedStatement[] {
  return pieces(refs).flatMap((piece) => {
    const w = `WITH w AS (SELECT ${refOf("j")} AS id FROM json_each(?1) j)`;
    const json = JSON.stringify(piece);
    return [
      ...forgetKeys(db, w, json),
      db.prepare(`${w} DELETE FROM story_signatures WHERE story_id IN (SELECT id FROM w)`).bind(json),
    ];
  });
}

export interface MemberWrite {
  ref: StoryRef;
  rank: number;
  similarity: number | null;
  copy: boolean;
}

export interface InferredWrite {
  flag: "syndicated" | "unedited" | "wire";
  rule: string;
  text: string;
  wire: string | null;
  sources: StoryRef[];
  similarity: number;
}

/**
 * Writes whole components: each member's cluster (the smallest id among the component's members, null for a
 * lone story), rank and similarity; then the cluster rows; then drops the rows of `dropped` clusters that
 * lost every member to a merge or a split.
 */
export function membershipStatements(db: D1Database, components: readonly MemberWrite[][], dropped: readonly number[]): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  const payloads = pieces(components.map((c) => c.map((m) => [m.ref, m.rank, m.similarity, Number(m.copy)])));
  for (const piece of payloads) {
    statements.push(
      db
        .prepare(
          `WITH comp AS (SELECT c.key AS k, c.value AS v FROM json_each(?1) c),
           cid AS (SELECT k, CASE WHEN json_array_length(v) > 1 THEN (SELECT min(${refAt("m.value", "$[0]")}) FROM json_each(comp.v) m) END AS id FROM comp),
           w AS (SELECT ${refAt("m.value", "$[0]")} AS story_id, m.value AS v, cid.id AS cluster_id
                 FROM comp JOIN cid ON cid.k = comp.k, json_each(comp.v) m)
           UPDATE story_signatures SET cluster_id = w.cluster_id, rank = json_extract(w.v, '$[1]'),
             similarity = json_extract(w.v, '$[2]'), copy = json_extract(w.v, '$[3]')
           FROM w WHERE story_signatures.story_id = w.story_id`,
        )
        .bind(JSON.stringify(piece)),
    );
  }
  for (const piece of payloads) {
    statements.push(
      db
        .prepare(
          `WITH w AS (SELECT ${refAt("m.value", "$[0]")} AS id FROM json_each(?1) c, json_each(c.value) m),
           touched AS (SELECT DISTINCT g.cluster_id AS id FROM w JOIN story_signatures g ON g.story_id = w.id WHERE g.cluster_id IS NOT NULL)
           INSERT INTO clusters (id, size, feeds, outlets, first_story_id, first_at, last_at)
           SELECT t.id, count(*), count(DISTINCT s.feed_id), count(DISTINCT g.outlet),
             (SELECT f.story_id FROM story_signatures f WHERE f.cluster_id = t.id ORDER BY f.rank, f.story_id LIMIT 1),
             min(g.at), max(g.at)
           FROM touched t JOIN story_signatures g ON g.cluster_id = t.id JOIN stories s ON s.id = g.story_id
           WHERE true GROUP BY t.id
           ON CONFLICT (id) DO UPDATE SET size = excluded.size, feeds = excluded.feeds, outlets = excluded.outlets,
             first_story_id = excluded.first_story_id, first_at = excluded.first_at, last_at = excluded.last_at`,
        )
        .bind(JSON.stringify(piece)),
    );
  }
  if (dropped.length > 0) {
    statements.push(
      db
        .prepare(
          `DELETE FROM clusters WHERE id IN (SELECT value FROM json_each(?1))
             AND NOT EXISTS (SELECT 1 FROM story_signatures g WHERE g.cluster_id = clusters.id)`,
        )
        .bind(JSON.stringify(dropped)),
    );
  }
  return statements;
}

/** Replaces the inferred evidence, inherited wires and inferred flag columns of these stories. */
export function inferredStatements(db: D1Database, members: readonly { ref: StoryRef; inferred: InferredWrite[] }[]): D1PreparedStatement[] {
  return pieces(members.map((m) => [m.ref, m.inferred.map((i) => [i.flag, i.rule, i.text, i.wire, i.sources, i.similarity])])).flatMap((piece) => {
    const json = JSON.stringify(piece);
    const w = `WITH w AS (SELECT ${refAt("j.value", "$[0]")} AS id, j.value AS v FROM json_each(?1) j)`;
    return [
      db.prepare(`${w} DELETE FROM story_inferred WHERE story_id IN (SELECT id FROM w)`).bind(json),
      db.prepare(`${w} DELETE FROM story_wires WHERE position >= ${INFERRED_WIRE_POSITION} AND story_id IN (SELECT id FROM w)`).bind(json),
      db
        .prepare(
          `${w} INSERT INTO story_inferred (story_id, position, flag, rule, text, wire, sources, similarity)
           SELECT w.id, i.key, json_extract(i.value, '$[0]'), json_extract(i.value, '$[1]'), json_extract(i.value, '$[2]'),
             json_extract(i.value, '$[3]'),
             (SELECT json_group_array(${refOf("c")}) FROM json_each(i.value, '$[4]') c),
             json_extract(i.value, '$[5]')
           FROM w, json_each(w.v, '$[1]') i WHERE w.id IS NOT NULL`,
        )
        .bind(json),
      db
        .prepare(
          `${w} INSERT OR IGNORE INTO story_wires (story_id, wire, position)
           SELECT w.id, json_extract(i.value, '$[3]'), ${INFERRED_WIRE_POSITION} + i.key
           FROM w, json_each(w.v, '$[1]') i WHERE w.id IS NOT NULL AND json_extract(i.value, '$[0]') = 'wire'`,
        )
        .bind(json),
      db
        .prepare(
          `${w} UPDATE stories SET
             inferred_syndicated = EXISTS (SELECT 1 FROM story_inferred i WHERE i.story_id = stories.id AND i.flag = 'syndicated'),
             inferred_unedited = EXISTS (SELECT 1 FROM story_inferred i WHERE i.story_id = stories.id AND i.flag = 'unedited')
           WHERE id IN (SELECT id FROM w)`,
        )
        .bind(json),
    ];
  });
}

/** The ids of these stories (after the batch that wrote them), in the order given; unknown ones left out. */
export async function resolveRefs(db: D1Database, refs: readonly StoryRef[]): Promise<number[]> {
  const ids: number[] = [];
  for (const piece of pieces(refs)) {
    const { results } = await db
      .prepare(`SELECT ${refOf("j")} AS id FROM json_each(?1) j ORDER BY j.key`)
      .bind(JSON.stringify(piece))
      .all<{ id: number | null }>();
    for (const r of results) if (r.id !== null) ids.push(r.id);
  }
  return ids;
}

/**
 * Deletes the band keys of at most `limit` stories whose keys are dated before `before`, the oldest first, in
 * either layout (migrations/0013); returns how many stories' keys went.
 */
export async function pruneBandKeys(db: D1Database, before: string, limit: number): Promise<number> {
  const oldest = "SELECT story_id FROM band_key_dates WHERE at < ?1 ORDER BY at LIMIT ?2";
  // Keys of the layout before 0013 are walked by their own date, about `limit` stories' worth (a story has
  // BANDS = 32 keys; src/cluster/params.ts), and go by whole stories, so a story's keys stay together.
  const legacy = `SELECT story_id FROM band_keys_text WHERE at < ?1 ORDER BY at LIMIT ?2 * 32`;
  const [, dated, legacyGone] = await db.batch([
    db.prepare(`DELETE FROM band_keys WHERE story_id IN (${oldest})`).bind(before, limit),
    db.prepare(`DELETE FROM band_key_dates WHERE story_id IN (${oldest}) RETURNING story_id`).bind(before, limit),
    db.prepare(`DELETE FROM band_keys_text WHERE story_id IN (${legacy}) RETURNING story_id`).bind(before, limit),
  ]);
  return (dated?.results.length ?? 0) + new Set((legacyGone?.results as { story_id: number }[]).map((r) => r.story_id)).size;
}

// ── reads ────────────────────────────────────────────────────────────────────────────────────────────────

export interface Cluster {
  id: number;
  size: number;
  feeds: number;
  /** Distinct outlets (registrable domains): copies within one outlet are not syndication. */
  outlets: number;
  /** The earliest member's title. */
  title: string;
  first_story_id: number;
  first_at: string;
  last_at: string;
}

export interface ClusterMember {
  story_id: number;
  feed_id: number;
  title: string;
  url: string | null;
  published_at: string | null;
  similarity: number | null;
  first: boolean;
  outlet: string;
  /** Another member comes from the same outlet (same feed or registrable domain). */
  same_outlet: boolean;
  /** Shares most of its body with another outlet's member. */
  copy: boolean;
}

export interface ClusterFilter {
  since?: string;
  until?: string;
  /** Canonical entity names; a member must be tagged with each. */
  entities: string[];
  wire?: string;
  minSize?: number;
  limit: number;
  cursor?: { sortAt: string; id: number };
}

const CLUSTER_COLUMNS = `c.id, c.size, c.feeds, c.outlets, (SELECT s.title FROM stories s WHERE s.id = c.first_story_id) AS title,
  c.first_story_id, c.first_at, c.last_at`;

/** Clusters, newest activity first (last member's date), keyset-paged on (last_at, id). */
export async function listClusters(db: D1Database, f: ClusterFilter): Promise<{ clusters: Cluster[]; next: { sortAt: string; id: number } | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `?${params.length}`;
  };
  if (f.since !== undefined) where.push(`c.last_at >= ${p(f.since)}`);
  if (f.until !== undefined) where.push(`c.first_at < ${p(f.until)}`);
  if (f.minSize !== undefined) where.push(`c.size >= ${p(f.minSize)}`);
  for (const name of f.entities) {
    where.push(`EXISTS (SELECT 1 FROM story_signatures g JOIN story_entities se ON se.story_id = g.story_id
      JOIN entities e ON e.id = se.entity_id WHERE g.cluster_id = c.id AND e.name = ${p(name)})`);
  }
  if (f.wire !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM story_signatures g JOIN story_wires w ON w.story_id = g.story_id WHERE g.cluster_id = c.id AND w.wire = ${p(f.wire)})`);
  }
  if (f.cursor) {
    const a = p(f.cursor.sortAt);
    where.push(`c.last_at <= ${a} AND (c.last_at < ${a} OR c.id < ${p(f.cursor.id)})`);
  }
  const { results } = await db
    .prepare(
      `SELECT ${CLUSTER_COLUMNS} FROM clusters c ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY c.last_at DESC, c.id DESC LIMIT ${p(f.limit + 1)}`,
    )
    .bind(...params)
    .all<Cluster>();
  const clusters = results.slice(0, f.limit);
  const last = clusters.at(-1);
  return { clusters, next: results.length > f.limit && last ? { sortAt: last.last_at, id: last.id } : null };
}

/** One cluster with its members, the earliest first. */
export async function getCluster(db: D1Database, id: number): Promise<(Cluster & { members: ClusterMember[] }) | null> {
  const [head, members] = await db.batch([
    db.prepare(`SELECT ${CLUSTER_COLUMNS} FROM clusters c WHERE c.id = ?1`).bind(id),
    db
      .prepare(
        `SELECT g.story_id, s.feed_id, s.title, s.url, s.published_at, g.similarity, g.rank, g.outlet, g.copy
         FROM story_signatures g JOIN stories s ON s.id = g.story_id WHERE g.cluster_id = ?1 ORDER BY g.rank, g.story_id`,
      )
      .bind(id),
  ]);
  const cluster = head?.results[0] as Cluster | undefined;
  if (!cluster) return null;
  const rows = members?.results as (Omit<ClusterMember, "first" | "same_outlet" | "copy"> & { rank: number; copy: number })[];
  return {
    ...cluster,
    members: rows.map(({ rank, copy, ...m }, i) => ({
      ...m,
      first: i === 0,
      same_outlet: rows.some((o) => o !== rows[i] && (o.feed_id === m.feed_id || o.outlet === m.outlet)),
      copy: copy === 1,
    })),
  };
}

export interface CopyShare {
  /** Stories of the feed with a signature (a body of at least 50 words). */
  signed: number;
  /** Of those, how many share most of their body with another outlet's story. */
  copies: number;
  /** copies / signed, 0 when nothing is signed. */
  share: number;
}

const shareOf = (signed: number, copies: number): CopyShare => ({ signed, copies, share: signed === 0 ? 0 : Math.round((copies / signed) * 1000) / 1000 });

/** How much of a feed is copies of other outlets' stories ("how much of this source is wire copy"). */
export async function feedCopyShare(db: D1Database, feedId: number): Promise<CopyShare> {
  const row = await db
    .prepare(
      `SELECT count(*) AS signed, coalesce(sum(g.copy), 0) AS copies FROM stories s JOIN story_signatures g ON g.story_id = s.id WHERE s.feed_id = ?1`,
    )
    .bind(feedId)
    .first<{ signed: number; copies: number }>();
  return shareOf(row?.signed ?? 0, row?.copies ?? 0);
}

/** The same figure per feed over a window of published_at, for /v1/stats. */
export async function copySharePerFeed(db: D1Database, window: { since: string; until: string }): Promise<({ feed_id: number } & CopyShare)[]> {
  const { results } = await db
    .prepare(
      `SELECT s.feed_id, count(*) AS signed, coalesce(sum(g.copy), 0) AS copies
       FROM stories s JOIN story_signatures g ON g.story_id = s.id
       WHERE s.published_at >= ?1 AND s.published_at < ?2 GROUP BY s.feed_id ORDER BY copies DESC, s.feed_id`,
    )
    .bind(window.since, window.until)
    .all<{ feed_id: number; signed: number; copies: number }>();
  return results.map((r) => ({ feed_id: r.feed_id, ...shareOf(r.signed, r.copies) }));
}
