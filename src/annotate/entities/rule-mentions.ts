/**
 * Today's rule tagger (../entities.ts: gazetteers, cue words, abbreviations, coreference) as a feature: its
 * mentions, as BILOU tags over the trained tagger's tokens. The model learns how far to trust them, and the
 * document pass takes the canonical names the rules resolved.
 */
import type { Entity, MentionSpan } from "../../model";
import type { Token } from "./tokens";

export interface RuleMention {
  entity: Entity;
  span: MentionSpan;
}

/** Per token, the rule tagger's tag ("B-place", "U-person", "") and, by span, which entity each mention named. */
export function ruleTags(tokens: Token[], entities: Entity[]): { tags: string[]; bySpan: Map<string, Entity> } {
  const tags = new Array<string>(tokens.length).fill("");
  const bySpan = new Map<string, Entity>();
  for (const e of entities) {
    for (const span of e.spans ?? []) {
      const first = tokenAt(tokens, span.field, span.start, "start");
      const last = first === undefined ? undefined : tokenAt(tokens, span.field, span.end, "end");
      if (first === undefined || last === undefined || last < first) continue;
      bySpan.set(spanKey(span), e);
      if (first === last) tags[first] = `U-${e.type}`;
      else for (let k = first; k <= last; k++) tags[k] = `${k === first ? "B" : k === last ? "L" : "I"}-${e.type}`;
    }
  }
  return { tags, bySpan };
}

/** The token that starts (or ends) exactly at an offset of a field, by binary search: tokens are in order. */
function tokenAt(tokens: Token[], field: MentionSpan["field"], offset: number, side: "start" | "end"): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  const rank = (t: Token): number => (t.field === "title" ? 0 : 1);
  const want = field === "title" ? 0 : 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as Token;
    const cmp = rank(t) - want || t[side] - offset;
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function spanKey(span: MentionSpan): string {
  return `${span.field}:${span.start}:${span.end}`;
}
