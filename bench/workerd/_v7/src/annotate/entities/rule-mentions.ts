/**
 * Today's rule tagger (../entities.ts: gazetteers, cue words, abbreviations, coreference) as a feature: its
 * mentions, as BILOU tags over the trained tagger's tokens. The model learns how far to trust them, and the
 * document pass takes the canonical names the rules resolved.
 */
import type { Entity, MentionSpan } from "../../model";
import type { TaggedMention } from "./decode";
import { isRole } from "./document";
import type { Token } from "./tokens";

const PARTICLE_NAME_RE = /^(?:al|el|ad|as|ash|at|ibn|bin|abu)-\p{Lu}/u;

export interface RuleMention {
  entity: Entity;
  span: MentionSpan;
}

/** Per token, the rule tagger's tag ("B-place", "U-person", "") and, by span, which entity each mention named. */
export function ruleTags(tokens: Token[], entities: Entity[]): { tags: string[]; bySpan: Map<number, Entity>; cued: TaggedMention[] } {
  const tags = new Array<string>(tokens.length).fill("");
  const bySpan = new Map<number, Entity>();
  const cued: TaggedMention[] = [];
  for (const e of entities) {
    for (const span of e.spans ?? []) {
      let first = tokenAt(tokens, span.field, span.start, "start");
      const last = first === undefined ? undefined : tokenAt(tokens, span.field, span.end, "end");
      if (first === undefined || last === undefined || last < first) continue;
      bySpan.set(spanKey(span), e);
      // The feature marks the name's own words: a role or honorific the rules kept in front ("MLA Ravi Desai")
      // is left out, as the document pass leaves it out of the name.
      if (e.type === "person" && first < last && isRole((tokens[first] as Token).text)) {
        while (first < last && isRole((tokens[first] as Token).text)) first++;
        cued.push({ type: "person", start: first, end: last + 1 });
      } else if (PARTICLE_NAME_RE.test((tokens[first] as Token).text)) {
        // "al-Qaeda", "el-Sisi": the particle marks a name as surely as a role word does.
        cued.push({ type: e.type, start: first, end: last + 1 });
      }
      if (first === last) tags[first] = `U-${e.type}`;
      else for (let k = first; k <= last; k++) tags[k] = `${k === first ? "B" : k === last ? "L" : "I"}-${e.type}`;
    }
  }
  return { tags, bySpan, cued };
}

/** The token that starts (or ends) exactly at an offset of a field, by binary search: tokens are in order. */
function tokenAt(tokens: Token[], field: MentionSpan["field"], offset: number, side: "start" | "end"): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  const want = field === "title" ? 0 : 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as Token;
    const cmp = (t.field === "title" ? 0 : 1) - want || t[side] - offset;
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * A span as one number (field, start, end), for the map from spans to the rules' entities: no key string is
 * built per mention. Offsets below 2^25 (32 MB of text) keep it exact, far beyond any story the Worker stores.
 */
export function spanKey(span: MentionSpan): number {
  return (span.start * 33554432 + span.end) * 2 + (span.field === "title" ? 0 : 1);
}
