/**
 * Alert matching, in memory: does a story, as just annotated, meet an alert's flag, wire, feed, entity and date
 * conditions? Pure: imports only the model. Full text (`q`) is the one condition left to D1 (one FTS query per
 * alert over the new ids, see alerts/run.ts), so a match here with `q` set is a candidate, not yet a match.
 *
 * The conditions mean what they mean in GET /v1/stories (store/stories.ts storyPageSql): every entity must be
 * tagged (canonical name, case-insensitive, of `entityType` when given), every flag set, no `noFlags` flag set,
 * the wire among the story's wires (case-insensitive), published_at within [since, until).
 */
import type { Entity, EntityType, Evidence, FlagName, Flags, StoryConditions } from "../model";

/** An alert's conditions: a story filter without paging, with names already canonical (api/stories.ts storyFilter). */
export type AlertFilter = StoryConditions;

export interface CompiledAlert {
  id: number;
  mode: "each" | "digest";
  filter: AlertFilter;
  /** Lower-cased once here, so that matching a story allocates nothing for an alert it does not meet. */
  entityKeys: string[];
  wireKey: string | undefined;
}

/** What matching needs of a story: its identity, feed, date and annotation. */
export interface MatchStory {
  id: number;
  feedId: number;
  published_at: string | null;
  flags: Flags;
  entities: Pick<Entity, "name" | "type">[];
}

/** A story prepared once for matching against every alert. */
export interface PreparedStory {
  story: MatchStory;
  /** Lower-cased entity name → the types it is tagged under. */
  entityTypes: Map<string, EntityType[]>;
  wireKeys: Set<string>;
  /** The flags some stated evidence sets (for `evidence=stated`). */
  statedFlags: Set<string>;
}

/** Why a story matched: the conditions it met, and the evidence behind each flag asked for. */
export interface MatchReason {
  flags?: { flag: FlagName; evidence: Evidence[] }[];
  no_flags?: FlagName[];
  wire?: string;
  entities?: string[];
  entity_type?: EntityType;
  feed?: number;
  q?: string;
  since?: string;
  until?: string;
}

export function compileAlert(id: number, mode: "each" | "digest", filter: AlertFilter): CompiledAlert {
  return { id, mode, filter, entityKeys: filter.entities.map((e) => e.toLowerCase()), wireKey: filter.wire?.toLowerCase() };
}

export function prepareStory(story: MatchStory): PreparedStory {
  const entityTypes = new Map<string, EntityType[]>();
  for (const e of story.entities) {
    const key = e.name.toLowerCase();
    const types = entityTypes.get(key);
    if (types) types.push(e.type);
    else entityTypes.set(key, [e.type]);
  }
  const statedFlags = new Set(story.flags.evidence.filter((e) => e.kind === "stated").map((e) => e.flag));
  return { story, entityTypes, wireKeys: new Set(story.flags.wire_services.map((w) => w.toLowerCase())), statedFlags };
}

/** True when the story meets every condition but `q`. Allocation-free: it runs for every alert on every story. */
export function meetsFilters(alert: CompiledAlert, s: PreparedStory): boolean {
  const f = alert.filter;
  const { flags } = s.story;
  if (f.feedId !== undefined && s.story.feedId !== f.feedId) return false;
  const has = (flag: FlagName): boolean => (f.statedOnly ? s.statedFlags.has(flag) : flags[flag]);
  for (const flag of f.flags) if (!has(flag)) return false;
  for (const flag of f.noFlags) if (has(flag)) return false;
  if (alert.wireKey !== undefined && !s.wireKeys.has(alert.wireKey)) return false;
  for (const key of alert.entityKeys) {
    const types = s.entityTypes.get(key);
    if (!types || (f.entityType !== undefined && !types.includes(f.entityType))) return false;
  }
  // ISO 8601 UTC strings order as text, as in SQL; a story without a date is outside any window.
  if (f.since !== undefined && (s.story.published_at === null || s.story.published_at < f.since)) return false;
  if (f.until !== undefined && (s.story.published_at === null || s.story.published_at >= f.until)) return false;
  return true;
}

/** The reason recorded with a match and sent with its delivery. */
export function matchReason(alert: CompiledAlert, s: PreparedStory): MatchReason {
  const f = alert.filter;
  const reason: MatchReason = {};
  if (f.flags.length > 0) {
    reason.flags = f.flags.map((flag) => ({ flag, evidence: s.story.flags.evidence.filter((e) => e.flag === flag) }));
  }
  if (f.noFlags.length > 0) reason.no_flags = f.noFlags;
  if (f.wire !== undefined) {
    reason.wire = s.story.flags.wire_services.find((w) => w.toLowerCase() === alert.wireKey) ?? f.wire;
  }
  if (f.entities.length > 0) {
    reason.entities = f.entities.map((name) => s.story.entities.find((e) => e.name.toLowerCase() === name.toLowerCase())?.name ?? name);
  }
  if (f.entityType !== undefined) reason.entity_type = f.entityType;
  if (f.feedId !== undefined) reason.feed = f.feedId;
  if (f.q !== undefined) reason.q = f.q;
  if (f.since !== undefined) reason.since = f.since;
  if (f.until !== undefined) reason.until = f.until;
  return reason;
}

/**
 * Every (alert, story) pair that meets the in-memory conditions. Pairs whose alert has `q` still need the
 * full-text check over their story ids.
 */
export function matchInMemory(alerts: readonly CompiledAlert[], stories: readonly PreparedStory[]): { alert: CompiledAlert; story: PreparedStory }[] {
  const out: { alert: CompiledAlert; story: PreparedStory }[] = [];
  for (const story of stories) for (const alert of alerts) if (meetsFilters(alert, story)) out.push({ alert, story });
  return out;
}
