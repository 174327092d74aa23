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
  const tags = Array.from({ length: tokens.length }, () => "");
  const bySpan = new Map<string, Entity>();
  const at = new Map<string, number>();
  tokens.forEach((t, i) => at.set(`${t.field}:${t.start}`, i));
  const ends = new Map<string, number>();
  tokens.forEach((t, i) => ends.set(`${t.field}:${t.end}`, i));
  for (const e of entities) {
    for (const span of e.spans ?? []) {
      const first = at.get(`${span.field}:${span.start}`);
      const last = ends.get(`${span.field}:${span.end}`);
      if (first === undefined || last === undefined || last < first) continue;
      bySpan.set(spanKey(span), e);
      if (first === last) tags[first] = `U-${e.type}`;
      else for (let k = first; k <= last; k++) tags[k] = `${k === first ? "B" : k === last ? "L" : "I"}-${e.type}`;
    }
  }
  return { tags, bySpan };
}

export function spanKey(span: MentionSpan): string {
  return `${span.field}:${span.start}:${span.end}`;
}
