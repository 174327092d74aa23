/**
 * Storage housekeeping, run by the cron in bounded batches (issue 17):
 * - the mover takes bodies still inline in D1 (stories stored before migrations/0009, or whose R2 put failed)
 *   to R2: the migration of existing data, resumable through POST /v1/storage/migrate and without downtime,
 *   since a story reads the same from either place;
 *   The same walk compresses content_text into the row where it is still inline (migrations/0012), moving the
 *   row to the contentless FTS index, packs signatures still stored as base64 text or whole minima into BLOBs
 *   of 16-bit digests (migrations/0013), entity spans still stored as JSON into their compact text, and band
 *   keys still dated one by one into the layout of migrations/0013;
 * - RETAIN_DAYS removes bodies older than that from R2 (the story stays, with its metadata, tags and cluster);
 * - RETAIN_STORY_DAYS removes whole stories older than that, leaving tombstones so they are not resurrected;
 * - the orphan sweep walks the bucket's listing a page a tick and removes bodies no story points at (puts whose
 *   D1 batch then failed, deletes that failed after their pointer went).
 * Unset or empty, both keep everything.
 */
import { decodeSignature, encodeSignature } from "../cluster/signature";
import { deleteBodies, pooled, putBody } from "../store/bodies";
import { shardsOf } from "../store/shards";
import {
  compactTexts, countFormatOneTexts, countInlineBodies, countInlineTexts, countJsonSpans, countLegacyKeyStories, countTextTimelineRows,
  countWideSignatures, dropBodyPointers, expiringBodies, expiringStories, formatOneTexts, inlineBodies, inlineTexts, jsonSpans, legacyKeyStories,
  mergeInlineIndex, moveLegacyKeys, moveTimelineRows, narrowSignatures, packLinkSpans, pointAtBodies, referencedKeys, removeStories, repackTexts,
  saveStorageCursor, storageCursor, wideSignatures,
} from "../store/storage";

/** Bodies moved per call: 100 puts of ≈ 3 KB, well inside one invocation. */
export const MOVE_BATCH = 100;
/** Entity links per story, about: the spans walk takes this many links per story of the batch. */
const LINKS_PER_STORY = 10;
/**
 * The `*_remaining` figures count this far and no further (a full count would read every row still to convert
 * on every call); a figure of COUNT_CAP means that many or more.
 */
export const COUNT_CAP = 10_000;
/** Pages the old FTS index's bounded merge writes per call, once it holds only deletions. */
const MERGE_PAGES = 500;
/** Bodies and stories removed per statement, and statements per tick. */
export const RETAIN_BATCH = 500;
const RETAIN_ROUNDS = 4;
const DAY_MS = 86_400_000;

export interface MoveResult {
  moved: number;
  /** Puts that failed this time: those bodies stay inline, readable, for the next call. */
  failed: number;
  /** Pass it back as `after` to continue; null when this pass has reached the end. */
  next_after: number | null;
  /** Bodies still inline in D1 after this batch. */
  remaining: number;
  /** Texts compressed into their row by this batch (migrations/0012). */
  texts_compacted: number;
  /** Texts still inline after this batch. */
  texts_remaining: number;
  /** Signatures rewritten as 256-byte BLOBs of digests by this batch (from base64 text, migrations/0012, or 512-byte BLOBs, 0013). */
  signatures_packed: number;
  /** Signatures still stored wider after this batch. */
  signatures_remaining: number;
  /** Stories whose band keys moved to the layout of migrations/0013 in this batch. */
  band_keys_moved: number;
  /** Stories whose band keys are still in the layout before it. */
  band_keys_remaining: number;
  /** Entity links whose spans were rewritten from JSON to the compact text by this batch (migrations/0012). */
  spans_packed: number;
  /** Entity links whose spans are still JSON after this batch. */
  spans_remaining: number;
  /** Tag timeline rows moved from ISO text keys to integer milliseconds by this batch (migrations/0014). */
  timeline_rows_moved: number;
  /** Timeline rows still keyed by ISO text after this batch. */
  timeline_rows_remaining: number;
  /** Texts re-packed from content_z format 1 to format 2 (the preset dictionary) by this batch (migrations/0014). */
  texts_repacked: number;
  /** Texts still in format 1 after this batch. */
  texts_repack_remaining: number;
}

export async function moveInlineBodies(env: Env, opts: { after?: number; limit?: number } = {}): Promise<MoveResult> {
  const limit = opts.limit ?? MOVE_BATCH;
  let moved = 0;
  let failed = 0;
  let next: number | null = null;
  let remaining = 0;
  let textsCompacted = 0;
  let textsRemaining = 0;
  let signaturesPacked = 0;
  let signaturesRemaining = 0;
  let spansPacked = 0;
  let spansRemaining = 0;
  let keysMoved = 0;
  let keysRemaining = 0;
  let timelineMoved = 0;
  let timelineRemaining = 0;
  let repacked = 0;
  let repackRemaining = 0;
  for (const { db } of shardsOf(env).all()) {
    // Every walk goes by story id from `after`; the call resumes from the walk that is furthest behind.
    const texts = await inlineTexts(db, opts.after ?? 0, limit);
    textsCompacted += await compactTexts(db, texts);
    if (texts.length === limit) next = Math.min(next ?? Infinity, texts.at(-1)!.id);
    const textsLeft = await countInlineTexts(db, COUNT_CAP);
    textsRemaining += textsLeft;
    if (textsLeft === 0) await mergeInlineIndex(db, MERGE_PAGES);
    const signatures = await wideSignatures(db, opts.after ?? 0, limit);
    signaturesPacked += await narrowSignatures(db, signatures, narrowSignature);
    if (signatures.length === limit) next = Math.min(next ?? Infinity, signatures.at(-1)!.story_id);
    signaturesRemaining += await countWideSignatures(db, COUNT_CAP);
    const keyed = await legacyKeyStories(db, opts.after ?? 0, limit);
    keysMoved += await moveLegacyKeys(db, keyed);
    if (keyed.length === limit) next = Math.min(next ?? Infinity, keyed.at(-1)!);
    keysRemaining += await countLegacyKeyStories(db, COUNT_CAP);
    const links = await jsonSpans(db, opts.after ?? 0, limit * LINKS_PER_STORY);
    spansPacked += await packLinkSpans(db, links);
    // The last story's links may be cut by the limit: the next call starts at that story again.
    if (links.length === limit * LINKS_PER_STORY) next = Math.min(next ?? Infinity, links.at(-1)!.story_id - 1);
    spansRemaining += await countJsonSpans(db, COUNT_CAP);
    // Timelines (migrations/0014) go in key order, not by story: what is moved leaves the walk.
    timelineMoved += await moveTimelineRows(db, limit * LINKS_PER_STORY);
    timelineRemaining += await countTextTimelineRows(db, COUNT_CAP);
    const formatOne = await formatOneTexts(db, opts.after ?? 0, limit);
    repacked += await repackTexts(db, formatOne);
    if (formatOne.length === limit) next = Math.min(next ?? Infinity, formatOne.at(-1)!.id);
    repackRemaining += await countFormatOneTexts(db, COUNT_CAP);
    const rows = await inlineBodies(db, opts.after ?? 0, limit);
    if (rows.length > 0 && !env.BODIES) throw new Error("storage: no BODIES bucket is bound, so bodies cannot move to R2");
    const placed = await pooled(rows, (row) => putBody(env.BODIES, row.feed_id, row.guid, row));
    const ok = rows.flatMap((row, i) => {
      const p = placed[i]!;
      return "key" in p ? [{ row, key: p.key }] : [];
    });
    failed += rows.length - ok.length;
    moved += await pointAtBodies(db, ok);
    if (rows.length === limit) next = Math.min(next ?? Infinity, rows.at(-1)!.id);
    remaining += await countInlineBodies(db, COUNT_CAP);
  }
  return { moved, failed, next_after: next, remaining, texts_compacted: textsCompacted, texts_remaining: textsRemaining,
    signatures_packed: signaturesPacked, signatures_remaining: signaturesRemaining, band_keys_moved: keysMoved, band_keys_remaining: keysRemaining, spans_packed: spansPacked, spans_remaining: spansRemaining,
    timeline_rows_moved: timelineMoved, timeline_rows_remaining: timelineRemaining, texts_repacked: repacked, texts_repack_remaining: repackRemaining };
}

/** A stored signature as its 16-bit digests (migrations/0013): the same signature, half the bytes. */
const narrowSignature = (base64: string): string => encodeSignature(decodeSignature(base64, 0));

/** A RETAIN_* variable as a cutoff date, null for keep-everything (unset, empty or not a positive number). */
export function retentionCutoff(value: string | undefined, now: Date): string | null {
  if (value === undefined || value.trim() === "") return null;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) {
    console.error(`storage: ignoring retention of ${JSON.stringify(value)} days (not a positive number): keeping everything`);
    return null;
  }
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

export interface RetentionResult {
  bodies_removed: number;
  stories_removed: number;
}

export async function applyRetention(env: Env, now: Date = new Date()): Promise<RetentionResult> {
  const out: RetentionResult = { bodies_removed: 0, stories_removed: 0 };
  const nowIso = now.toISOString();
  const bodiesBefore = retentionCutoff(env.RETAIN_DAYS, now);
  const storiesBefore = retentionCutoff(env.RETAIN_STORY_DAYS, now);
  for (const { db } of shardsOf(env).forWindow(undefined, [bodiesBefore, storiesBefore].filter((d) => d !== null).sort().at(-1) ?? undefined)) {
    for (let round = 0; storiesBefore !== null && round < RETAIN_ROUNDS; round++) {
      const rows = await expiringStories(db, storiesBefore, RETAIN_BATCH);
      out.stories_removed += await removeStories(db, rows.map((r) => r.id), nowIso);
      // The rows are gone, so their objects are unreferenced.
      await deleteBodies(env.BODIES, rows.flatMap((r) => (r.body_key ? [r.body_key] : [])));
      if (rows.length < RETAIN_BATCH) break;
    }
    for (let round = 0; bodiesBefore !== null && round < RETAIN_ROUNDS; round++) {
      const rows = await expiringBodies(db, bodiesBefore, RETAIN_BATCH);
      const unhooked = await dropBodyPointers(db, rows, nowIso);
      await deleteBodies(env.BODIES, unhooked);
      out.bodies_removed += unhooked.length;
      if (rows.length < RETAIN_BATCH) break;
    }
  }
  return out;
}

/** Bodies listed per tick by the orphan sweep (one R2 list call, one D1 query per shard). */
export const SWEEP_BATCH = 500;
/**
 * An object younger than this is never an orphan: its story's batch may still be on its way (a write puts its
 * bodies first, then commits the rows; the queue's retry puts again, which renews the upload time).
 */
export const SWEEP_GRACE_MS = 3_600_000;
const SWEEP_CURSOR = "orphan-bodies";
/** Keys as bodies.ts writes them; anything else in the bucket is not ours to judge. */
const BODY_KEY = /^b\/(\d+)\/[0-9a-f]{16}\/[0-9a-f]{32}$/;

export interface SweepResult {
  listed: number;
  removed: number;
  /** The listing reached the end of the bucket; the next call starts again at its beginning. */
  wrapped: boolean;
}

export async function sweepOrphanBodies(env: Env, opts: { now?: Date; limit?: number } = {}): Promise<SweepResult> {
  if (!env.BODIES) return { listed: 0, removed: 0, wrapped: true };
  const cutoff = (opts.now ?? new Date()).getTime() - SWEEP_GRACE_MS;
  const cursor = await storageCursor(env.DB, SWEEP_CURSOR);
  const listed = await env.BODIES.list({ cursor: cursor ?? undefined, limit: opts.limit ?? SWEEP_BATCH });
  const candidates = listed.objects.flatMap((o) => {
    const m = BODY_KEY.exec(o.key);
    return m && o.uploaded.getTime() < cutoff ? [{ key: o.key, feedId: Number(m[1]) }] : [];
  });
  // Referenced in any shard means kept: a story's body key names its feed, not its period.
  const referenced = new Set<string>();
  for (const { db } of shardsOf(env).all()) for (const k of await referencedKeys(db, candidates)) referenced.add(k);
  const orphans = candidates.filter((c) => !referenced.has(c.key)).map((c) => c.key);
  await deleteBodies(env.BODIES, orphans);
  await saveStorageCursor(env.DB, SWEEP_CURSOR, listed.truncated ? listed.cursor : null);
  return { listed: listed.objects.length, removed: orphans.length, wrapped: !listed.truncated };
}
